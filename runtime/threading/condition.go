package threading

import (
	"context"
	"slices"
	"sync"
	"time"
)

// ownedLocker is the part of RLock a Condition uses to give up a
// re-entrant hold completely while it waits. Python: the private
// _is_owned, _release_save and _acquire_restore methods.
type ownedLocker interface {
	IsOwned() bool
	ReleaseSave() (int, error)
	AcquireRestore(n int)
}

// Condition is a condition variable: a lock, and a queue of threads
// waiting, with the lock released, to be notified. Make one with
// [NewCondition].
//
// The classic pattern, with a Condition c guarding a queue:
//
//	c.Lock()
//	defer c.Unlock()
//	for len(queue) == 0 { // or: c.WaitFor(func() bool { return len(queue) > 0 }, -1)
//		c.Wait(-1)
//	}
//
// Python: threading.Condition
type Condition struct {
	l     Locker
	owned ownedLocker // l's ownership methods, if it has them

	mu      sync.Mutex
	waiters []chan struct{}
}

// NewCondition returns a Condition using l as its lock, or a new RLock if
// l is nil (Python's default).
//
// Python: threading.Condition(lock=None)
func NewCondition(l Locker) *Condition {
	if l == nil {
		l = new(RLock)
	}
	c := &Condition{l: l}
	c.owned, _ = l.(ownedLocker)
	return c
}

// Acquire acquires the underlying lock. Python: Condition.acquire
func (c *Condition) Acquire(blocking bool, timeout time.Duration) bool {
	return c.l.Acquire(blocking, timeout)
}

// AcquireContext acquires the underlying lock or returns ctx's error.
//
// Python: Condition.acquire
func (c *Condition) AcquireContext(ctx context.Context) error { return c.l.AcquireContext(ctx) }

// Release releases the underlying lock. Python: Condition.release
func (c *Condition) Release() error { return c.l.Release() }

// Lock acquires the underlying lock, waiting as long as it takes, so that
// a *Condition is a [sync.Locker].
func (c *Condition) Lock() { c.l.Acquire(true, -1) }

// Unlock is Release, panicking with its error.
func (c *Condition) Unlock() {
	if err := c.l.Release(); err != nil {
		panic(err)
	}
}

// isOwned reports whether the caller holds the lock; for a lock without
// ownership (Lock), whether anyone does, as Python checks.
func (c *Condition) isOwned() bool {
	if c.owned != nil {
		return c.owned.IsOwned()
	}
	if c.l.Acquire(false, 0) {
		c.l.Release()
		return false
	}
	return true
}

// Wait releases the lock, waits until notified or until timeout passes (a
// negative timeout waits for ever), and acquires the lock again. It
// reports whether it was notified, and returns [ErrNotHeld] without
// waiting if the caller does not hold the lock.
//
// Python: threading.Condition.wait(timeout=None)
func (c *Condition) Wait(timeout time.Duration) (bool, error) {
	var expire <-chan time.Time
	if timeout >= 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		expire = t.C
	}
	return c.wait(nil, expire)
}

// WaitContext is Wait until notified or until ctx is done; it returns nil
// if notified, else ctx's error or [ErrNotHeld].
//
// Python: threading.Condition.wait
func (c *Condition) WaitContext(ctx context.Context) error {
	ok, err := c.wait(ctx.Done(), nil)
	if err == nil && !ok {
		err = ctx.Err()
	}
	return err
}

// waitChans recycles the one-slot channels waiters are woken through;
// a channel goes back empty.
var waitChans = sync.Pool{New: func() any { return make(chan struct{}, 1) }}

func (c *Condition) wait(done <-chan struct{}, expire <-chan time.Time) (bool, error) {
	if !c.isOwned() {
		return false, ErrNotHeld
	}
	ch := waitChans.Get().(chan struct{})
	c.mu.Lock()
	c.waiters = append(c.waiters, ch)
	c.mu.Unlock()
	saved, err := c.releaseSave()
	if err != nil {
		c.remove(ch)
		return false, err
	}
	notified := false
	if done == nil && expire == nil {
		<-ch
		notified = true
	} else {
		select {
		case <-ch:
			notified = true
		case <-done:
		case <-expire:
		}
	}
	if !notified && !c.remove(ch) {
		// A Notify took ch off the queue as we gave up, and has sent
		// (it sends under c.mu): take the token and count as notified.
		<-ch
		notified = true
	}
	waitChans.Put(ch)
	c.acquireRestore(saved)
	return notified, nil
}

// remove takes ch off the queue and reports whether it was there.
func (c *Condition) remove(ch chan struct{}) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := slices.Index(c.waiters, ch)
	if i < 0 {
		return false
	}
	c.waiters = slices.Delete(c.waiters, i, i+1)
	return true
}

func (c *Condition) releaseSave() (int, error) {
	if c.owned != nil {
		return c.owned.ReleaseSave()
	}
	return 0, c.l.Release()
}

func (c *Condition) acquireRestore(n int) {
	if c.owned != nil {
		c.owned.AcquireRestore(n)
		return
	}
	c.l.Acquire(true, -1)
}

// WaitFor waits until pred returns true, calling it with the lock held
// first and after each wake-up, for at most timeout in all (negative: for
// ever). It returns pred's last result.
//
// Python: threading.Condition.wait_for(predicate, timeout=None)
func (c *Condition) WaitFor(pred func() bool, timeout time.Duration) (bool, error) {
	var deadline time.Time
	if timeout >= 0 {
		deadline = time.Now().Add(timeout)
	}
	for !pred() {
		wait := time.Duration(-1)
		if timeout >= 0 {
			if wait = time.Until(deadline); wait <= 0 {
				return false, nil
			}
		}
		if _, err := c.Wait(wait); err != nil {
			return false, err
		}
	}
	return true, nil
}

// WaitForContext waits until pred returns true, as WaitFor does, or until
// ctx is done; it returns nil once pred is true, else ctx's error.
//
// Python: threading.Condition.wait_for
func (c *Condition) WaitForContext(ctx context.Context, pred func() bool) error {
	for !pred() {
		if err := c.WaitContext(ctx); err != nil {
			if pred() {
				return nil
			}
			return err
		}
	}
	return nil
}

// Notify wakes up to n of the threads waiting, longest waiting first. The
// caller must hold the lock, else it returns [ErrNotHeld].
//
// Python: threading.Condition.notify(n=1)
func (c *Condition) Notify(n int) error {
	if !c.isOwned() {
		return ErrNotHeld
	}
	c.mu.Lock()
	n = max(0, min(n, len(c.waiters)))
	for _, ch := range c.waiters[:n] {
		ch <- struct{}{}
	}
	c.waiters = slices.Delete(c.waiters, 0, n)
	c.mu.Unlock()
	return nil
}

// NotifyAll wakes every thread waiting. The caller must hold the lock,
// else it returns [ErrNotHeld].
//
// Python: threading.Condition.notify_all
func (c *Condition) NotifyAll() error {
	if !c.isOwned() {
		return ErrNotHeld
	}
	c.mu.Lock()
	for _, ch := range c.waiters {
		ch <- struct{}{}
	}
	clear(c.waiters)
	c.waiters = c.waiters[:0]
	c.mu.Unlock()
	return nil
}
