package dummy

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// held returns each kind of lock-like value, already taken to its limit.
var held = []struct {
	name string
	new  func() threading.Locker
}{
	{"Lock", func() threading.Locker { l := new(Lock); l.Lock(); return l }},
	{"Semaphore", func() threading.Locker { return NewSemaphore(0) }},
	{"BoundedSemaphore", func() threading.Locker { s := NewBoundedSemaphore(1); s.Lock(); return s }},
	{"RLock held by an outer thread", func() threading.Locker { r := new(RLock); r.Lock(); return r }},
}

func TestAcquireHeld(t *testing.T) {
	deadline, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	done, cancel2 := context.WithCancel(context.Background())
	cancel2()
	for _, h := range held {
		t.Run(h.name, func(t *testing.T) {
			// RLock: try from an inner dummy thread, which does not own it.
			inner := func(f func()) { f() }
			if h.name == "RLock held by an outer thread" {
				inner = func(f func()) { NewThread(f).Start() }
			}
			l := h.new()
			inner(func() {
				start := time.Now()
				if l.Acquire(false, 0) || l.Acquire(true, 0) || l.Acquire(true, time.Hour) {
					t.Error("acquired a held lock")
				}
				if time.Since(start) > time.Second {
					t.Error("a timed acquire slept")
				}
				tests := []struct {
					ctx  context.Context
					want error
				}{
					{context.Background(), ErrDeadlock},
					{deadline, context.DeadlineExceeded},
					{done, context.Canceled},
				}
				for _, tt := range tests {
					if err := l.AcquireContext(tt.ctx); !errors.Is(err, tt.want) {
						t.Errorf("AcquireContext = %v, want %v", err, tt.want)
					}
				}
				defer func() {
					if v := recover(); v != ErrDeadlock {
						t.Errorf("blocking Acquire of a held lock panicked with %v, want ErrDeadlock", v)
					}
				}()
				l.Acquire(true, -1)
			})
		})
	}
}

func TestLockRelease(t *testing.T) {
	l := AllocateLock()
	if err := l.Release(); !errors.Is(err, threading.ErrNotHeld) {
		t.Fatalf("Release of a free Lock = %v", err)
	}
	l.Lock()
	if !l.Locked() {
		t.Fatal("not Locked after Lock")
	}
	l.Unlock()
	if l.Locked() || !l.Acquire(false, 0) {
		t.Fatal("not free after Unlock")
	}
}

func TestRLock(t *testing.T) {
	var r RLock
	r.Lock()
	r.Lock()
	if !r.IsOwned() {
		t.Fatal("not owned after Lock")
	}
	var innerErr error
	NewThread(func() { innerErr = r.Release() }).Start()
	if !errors.Is(innerErr, threading.ErrNotOwner) {
		t.Errorf("Release by an inner thread = %v, want ErrNotOwner", innerErr)
	}
	n, err := r.ReleaseSave()
	if n != 2 || err != nil || r.IsOwned() {
		t.Fatalf("ReleaseSave = %d, %v", n, err)
	}
	r.AcquireRestore(n)
	r.Unlock()
	r.Unlock()
	if err := r.Release(); !errors.Is(err, threading.ErrNotHeld) {
		t.Errorf("Release of a free RLock = %v, want ErrNotHeld", err)
	}
}
