package dummy

import (
	"context"
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// Condition is a condition variable for one goroutine. Nothing can notify
// a waiter while it waits, so Wait with a timeout releases and re-acquires
// the lock and reports false at once, and Wait without one returns
// [ErrDeadlock].
//
// Python: dummy_threading.Condition
type Condition struct {
	l threading.Locker
}

// NewCondition returns a Condition using l, or a new dummy RLock if l is
// nil.
//
// Python: dummy_threading.Condition(lock=None)
func NewCondition(l threading.Locker) *Condition {
	if l == nil {
		l = new(RLock)
	}
	return &Condition{l: l}
}

// Acquire acquires the underlying lock.
func (c *Condition) Acquire(blocking bool, timeout time.Duration) bool {
	return c.l.Acquire(blocking, timeout)
}

// AcquireContext acquires the underlying lock.
func (c *Condition) AcquireContext(ctx context.Context) error { return c.l.AcquireContext(ctx) }

// Release releases the underlying lock.
func (c *Condition) Release() error { return c.l.Release() }

// Lock acquires the underlying lock.
func (c *Condition) Lock() { c.l.Acquire(true, -1) }

// Unlock is Release, panicking with its error.
func (c *Condition) Unlock() {
	if err := c.l.Release(); err != nil {
		panic(err)
	}
}

// owned reports whether the current thread holds the lock, as
// threading.Condition checks.
func (c *Condition) owned() bool {
	if o, ok := c.l.(interface{ IsOwned() bool }); ok {
		return o.IsOwned()
	}
	if c.l.Acquire(false, 0) {
		c.l.Release()
		return false
	}
	return true
}

// cycle releases and re-acquires the lock, as a wait that times out does.
func (c *Condition) cycle() {
	type saver interface {
		ReleaseSave() (int, error)
		AcquireRestore(int)
	}
	if s, ok := c.l.(saver); ok {
		n, _ := s.ReleaseSave()
		s.AcquireRestore(n)
		return
	}
	c.l.Release()
	c.l.Acquire(true, -1)
}

// Wait returns threading.ErrNotHeld if the lock is not held, (false, nil)
// at once for a timeout that is not negative, and [ErrDeadlock] for a
// negative one.
//
// Python: dummy_threading.Condition.wait
func (c *Condition) Wait(timeout time.Duration) (bool, error) {
	if !c.owned() {
		return false, threading.ErrNotHeld
	}
	if timeout < 0 {
		return false, ErrDeadlock
	}
	c.cycle()
	return false, nil
}

// WaitContext returns threading.ErrNotHeld, or at once what waiting on ctx
// would end with.
func (c *Condition) WaitContext(ctx context.Context) error {
	if !c.owned() {
		return threading.ErrNotHeld
	}
	err := noWait(ctx)
	if err != ErrDeadlock {
		c.cycle()
	}
	return err
}

// WaitFor returns true if pred does; otherwise it waits as Wait does and
// returns false.
//
// Python: dummy_threading.Condition.wait_for
func (c *Condition) WaitFor(pred func() bool, timeout time.Duration) (bool, error) {
	if !c.owned() {
		return false, threading.ErrNotHeld
	}
	if pred() {
		return true, nil
	}
	_, err := c.Wait(timeout)
	return pred(), err
}

// WaitForContext returns nil if pred is true, else WaitContext's error.
func (c *Condition) WaitForContext(ctx context.Context, pred func() bool) error {
	if !c.owned() {
		return threading.ErrNotHeld
	}
	if pred() {
		return nil
	}
	return c.WaitContext(ctx)
}

// Notify checks that the lock is held; there is never a waiter to wake.
//
// Python: dummy_threading.Condition.notify
func (c *Condition) Notify(n int) error {
	if !c.owned() {
		return threading.ErrNotHeld
	}
	return nil
}

// NotifyAll checks that the lock is held; there is never a waiter to wake.
//
// Python: dummy_threading.Condition.notify_all
func (c *Condition) NotifyAll() error { return c.Notify(0) }
