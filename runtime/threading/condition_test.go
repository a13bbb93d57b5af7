package threading

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

var conditionLocks = []struct {
	name string
	new  func() Locker
}{
	{"default RLock", func() Locker { return nil }},
	{"Lock", func() Locker { return new(Lock) }},
	{"RLock", func() Locker { return new(RLock) }},
}

func TestConditionNotHeld(t *testing.T) {
	for _, lk := range conditionLocks {
		t.Run(lk.name, func(t *testing.T) {
			c := NewCondition(lk.new())
			if _, err := c.Wait(0); !errors.Is(err, ErrNotHeld) {
				t.Errorf("Wait without the lock = %v, want ErrNotHeld", err)
			}
			if err := c.WaitContext(context.Background()); !errors.Is(err, ErrNotHeld) {
				t.Errorf("WaitContext without the lock = %v, want ErrNotHeld", err)
			}
			if err := c.Notify(1); !errors.Is(err, ErrNotHeld) {
				t.Errorf("Notify without the lock = %v, want ErrNotHeld", err)
			}
			if err := c.NotifyAll(); !errors.Is(err, ErrNotHeld) {
				t.Errorf("NotifyAll without the lock = %v, want ErrNotHeld", err)
			}
		})
	}
}

func TestConditionWaitTimeout(t *testing.T) {
	for _, lk := range conditionLocks {
		t.Run(lk.name, func(t *testing.T) {
			c := NewCondition(lk.new())
			c.Lock()
			start := time.Now()
			ok, err := c.Wait(20 * time.Millisecond)
			if ok || err != nil {
				t.Fatalf("Wait(20ms) with no notify = %v, %v; want false, nil", ok, err)
			}
			if d := time.Since(start); d < 20*time.Millisecond {
				t.Errorf("Wait returned after %v", d)
			}
			// The lock is held again: another goroutine cannot take it.
			got := make(chan bool)
			go func() { got <- c.Acquire(false, 0) }()
			if <-got {
				t.Fatal("lock not re-acquired after Wait")
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
			defer cancel()
			if err := c.WaitContext(ctx); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("WaitContext = %v, want DeadlineExceeded", err)
			}
			if err := c.Release(); err != nil {
				t.Errorf("Release after Wait = %v", err)
			}
		})
	}
}

// TestConditionNotifyN parks waiters, then checks that Notify(n) wakes
// exactly n of them and NotifyAll the rest.
func TestConditionNotifyN(t *testing.T) {
	for _, lk := range conditionLocks {
		t.Run(lk.name, func(t *testing.T) {
			c := NewCondition(lk.new())
			const waiters = 5
			woke := make(chan int, waiters)
			parked := 0
			for i := range waiters {
				go func() {
					c.Lock()
					parked++
					ok, err := c.Wait(-1)
					if !ok || err != nil {
						t.Errorf("waiter %d: Wait = %v, %v", i, ok, err)
					}
					c.Unlock()
					woke <- i
				}()
			}
			eventually(t, "waiters parked", func() bool {
				c.Lock()
				defer c.Unlock()
				return parked == waiters
			})
			c.Lock()
			if err := c.Notify(2); err != nil {
				t.Fatal(err)
			}
			c.Unlock()
			within(t, "first woken", woke)
			within(t, "second woken", woke)
			select {
			case i := <-woke:
				t.Fatalf("Notify(2) woke a third waiter (%d)", i)
			case <-time.After(30 * time.Millisecond):
			}
			c.Lock()
			if err := c.NotifyAll(); err != nil {
				t.Fatal(err)
			}
			c.Unlock()
			for range waiters - 2 {
				within(t, "woken by NotifyAll", woke)
			}
		})
	}
}

// TestConditionRLockDepth waits while holding an RLock three deep, and
// checks that another thread can take the lock meanwhile and that the
// depth comes back.
func TestConditionRLockDepth(t *testing.T) {
	r := new(RLock)
	c := NewCondition(r)
	for range 3 {
		c.Lock()
	}
	go func() {
		c.Lock()
		c.Notify(1)
		c.Unlock()
	}()
	if ok, err := c.Wait(10 * time.Second); !ok || err != nil {
		t.Fatalf("Wait = %v, %v", ok, err)
	}
	for i := range 3 {
		if err := r.Release(); err != nil {
			t.Fatalf("Release %d after Wait = %v", i+1, err)
		}
	}
	if err := r.Release(); !errors.Is(err, ErrNotHeld) {
		t.Fatalf("fourth Release = %v, want ErrNotHeld", err)
	}
}

func TestConditionWaitFor(t *testing.T) {
	c := NewCondition(nil)
	ready := false
	c.Lock()
	if ok, err := c.WaitFor(func() bool { return ready }, 10*time.Millisecond); ok || err != nil {
		t.Fatalf("WaitFor of a false predicate = %v, %v; want false, nil", ok, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := c.WaitForContext(ctx, func() bool { return ready }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitForContext = %v, want DeadlineExceeded", err)
	}
	go func() {
		for i := range 3 { // spurious notifications first
			c.Lock()
			ready = i == 2
			c.NotifyAll()
			c.Unlock()
		}
	}()
	calls := 0
	if ok, err := c.WaitFor(func() bool { calls++; return ready }, -1); !ok || err != nil {
		t.Fatalf("WaitFor = %v, %v", ok, err)
	}
	c.Unlock()
	if calls < 2 {
		t.Errorf("predicate called %d times, want at least 2", calls)
	}
}

// TestProducerConsumer is the classic example: producers append to a
// bounded queue, consumers take from it, one Condition guards both sides.
func TestProducerConsumer(t *testing.T) {
	const producers, consumers, perProducer, capacity = 3, 3, 500, 4
	c := NewCondition(new(Lock))
	var queue []int
	done := 0
	var wg sync.WaitGroup
	sums := make(chan int, consumers)
	for p := range producers {
		wg.Add(1)
		NewThread(func() {
			defer wg.Done()
			for i := range perProducer {
				c.Lock()
				c.WaitFor(func() bool { return len(queue) < capacity }, -1)
				queue = append(queue, p*perProducer+i)
				c.NotifyAll()
				c.Unlock()
			}
			c.Lock()
			done++
			c.NotifyAll()
			c.Unlock()
		}).Start()
	}
	for range consumers {
		NewThread(func() {
			sum := 0
			c.Lock()
			defer c.Unlock()
			for {
				c.WaitFor(func() bool { return len(queue) > 0 || done == producers }, -1)
				if len(queue) == 0 {
					sums <- sum
					return
				}
				if len(queue) > capacity {
					t.Errorf("queue grew to %d, capacity %d", len(queue), capacity)
				}
				sum += queue[0]
				queue = queue[1:]
				c.NotifyAll()
			}
		}).Start()
	}
	wg.Wait()
	total := 0
	for range consumers {
		total += within(t, "consumer", sums)
	}
	n := producers * perProducer
	if want := n * (n - 1) / 2; total != want {
		t.Errorf("consumed sum %d, want %d", total, want)
	}
}
