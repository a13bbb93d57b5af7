package threading

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestEvent(t *testing.T) {
	var e Event
	if e.IsSet() || e.Wait(0) || e.Wait(10*time.Millisecond) {
		t.Fatal("a new Event is set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := e.WaitContext(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitContext = %v", err)
	}
	const waiters = 4
	woke := make(chan bool, waiters)
	for range waiters {
		go func() { woke <- e.Wait(-1) }()
	}
	go func() { woke <- e.WaitContext(context.Background()) == nil }()
	time.Sleep(10 * time.Millisecond)
	e.Set()
	for range waiters + 1 {
		if !within(t, "waiter", woke) {
			t.Error("a waiter saw the flag down")
		}
	}
	if !e.IsSet() || !e.Wait(-1) || !e.Wait(0) {
		t.Fatal("flag not raised after Set")
	}
	e.Set() // twice is fine
	e.Clear()
	if e.IsSet() || e.Wait(5*time.Millisecond) {
		t.Fatal("flag raised after Clear")
	}
	go func() {
		time.Sleep(5 * time.Millisecond)
		e.Set()
	}()
	if !e.Wait(10 * time.Second) {
		t.Fatal("Wait after Clear missed the next Set")
	}
}
