package dummy

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

func TestCondition(t *testing.T) {
	for _, l := range []threading.Locker{nil, new(Lock), new(RLock)} {
		c := NewCondition(l)
		if _, err := c.Wait(0); !errors.Is(err, threading.ErrNotHeld) {
			t.Errorf("%T: Wait unheld = %v", l, err)
		}
		if err := c.Notify(1); !errors.Is(err, threading.ErrNotHeld) {
			t.Errorf("%T: Notify unheld = %v", l, err)
		}
		c.Lock()
		if ok, err := c.Wait(time.Hour); ok || err != nil {
			t.Errorf("%T: Wait(1h) = %v, %v; want false, nil at once", l, ok, err)
		}
		if _, err := c.Wait(-1); !errors.Is(err, ErrDeadlock) {
			t.Errorf("%T: Wait(-1) = %v, want ErrDeadlock", l, err)
		}
		if err := c.WaitContext(context.Background()); !errors.Is(err, ErrDeadlock) {
			t.Errorf("%T: WaitContext = %v, want ErrDeadlock", l, err)
		}
		if ok, err := c.WaitFor(func() bool { return true }, -1); !ok || err != nil {
			t.Errorf("%T: WaitFor(true) = %v, %v", l, ok, err)
		}
		if err := c.WaitForContext(context.Background(), func() bool { return false }); !errors.Is(err, ErrDeadlock) {
			t.Errorf("%T: WaitForContext(false) = %v", l, err)
		}
		if c.Notify(1) != nil || c.NotifyAll() != nil {
			t.Errorf("%T: Notify while held failed", l)
		}
		if err := c.Release(); err != nil {
			t.Errorf("%T: lock not held after the waits: %v", l, err)
		}
	}
}

func TestSemaphores(t *testing.T) {
	s := NewSemaphore(1)
	if !s.Acquire(true, -1) || s.Acquire(false, 0) {
		t.Fatal("Semaphore(1) counts wrong")
	}
	s.ReleaseN(2)
	if s.Value() != 2 || s.ReleaseN(0) != threading.ErrReleaseCount {
		t.Fatalf("Value %d after ReleaseN(2)", s.Value())
	}
	b := NewBoundedSemaphore(2)
	b.Lock()
	if err := b.ReleaseN(2); !errors.Is(err, threading.ErrTooManyReleases) {
		t.Errorf("ReleaseN past the bound = %v", err)
	}
	if err := b.Release(); err != nil || b.Value() != 2 {
		t.Errorf("Release to the bound = %v, value %d", err, b.Value())
	}
	if err := b.Release(); !errors.Is(err, threading.ErrTooManyReleases) {
		t.Errorf("Release past the bound = %v", err)
	}
}

func TestEvent(t *testing.T) {
	var e Event
	if e.IsSet() || e.Wait(time.Hour) || e.WaitContext(context.Background()) != ErrDeadlock {
		t.Fatal("unset Event misbehaves")
	}
	e.Set()
	if !e.IsSet() || !e.Wait(-1) || e.WaitContext(context.Background()) != nil {
		t.Fatal("set Event misbehaves")
	}
	e.Clear()
	defer func() {
		if recover() != ErrDeadlock {
			t.Error("Wait(-1) on an unset Event did not panic with ErrDeadlock")
		}
	}()
	e.Wait(-1)
}

func TestBarrier(t *testing.T) {
	runs := 0
	one := NewBarrier(1, func() error { runs++; return nil }, -1)
	for range 3 {
		if i, err := one.Wait(-1); i != 0 || err != nil {
			t.Fatalf("one-party Wait = %d, %v", i, err)
		}
	}
	if runs != 3 {
		t.Errorf("action ran %d times", runs)
	}
	errAction := errors.New("no")
	tests := []struct {
		name string
		b    *Barrier
		wait func(*Barrier) (int, error)
		want []error
	}{
		{"no timeout", NewBarrier(2, nil, -1), func(b *Barrier) (int, error) { return b.Wait(-1) }, []error{threading.ErrBrokenBarrier, ErrDeadlock}},
		{"timeout", NewBarrier(2, nil, -1), func(b *Barrier) (int, error) { return b.Wait(time.Hour) }, []error{threading.ErrBrokenBarrier, threading.ErrTimeout}},
		{"default timeout", NewBarrier(2, nil, time.Hour), func(b *Barrier) (int, error) { return b.Wait(-1) }, []error{threading.ErrBrokenBarrier}},
		{"context", NewBarrier(2, nil, -1), func(b *Barrier) (int, error) { return b.WaitContext(context.Background()) }, []error{threading.ErrBrokenBarrier, ErrDeadlock}},
		{"action error", NewBarrier(1, func() error { return errAction }, -1), func(b *Barrier) (int, error) { return b.Wait(-1) }, []error{threading.ErrBrokenBarrier, errAction}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.wait(tt.b)
			for _, w := range tt.want {
				if !errors.Is(err, w) {
					t.Errorf("Wait = %v, want it to match %v", err, w)
				}
			}
			if !tt.b.Broken() {
				t.Error("barrier not broken")
			}
			if _, err := tt.b.Wait(0); !errors.Is(err, threading.ErrBrokenBarrier) {
				t.Errorf("Wait on a broken barrier = %v", err)
			}
			tt.b.Reset()
			if tt.b.Broken() {
				t.Error("broken after Reset")
			}
		})
	}
	one.Abort()
	if !one.Broken() || one.NWaiting() != 0 || one.Parties() != 1 {
		t.Error("Abort did not break the barrier")
	}
}
