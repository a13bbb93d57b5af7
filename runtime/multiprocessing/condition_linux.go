package multiprocessing

import (
	"fmt"
	"time"
)

// Condition is a condition variable shared between processes, over an
// RLock. It counts sleepers and wakers in shared semaphores, the scheme
// Python's multiprocessing.Condition uses. Python: multiprocessing.Condition.
type Condition struct {
	lock     *RLock
	sleeping semWord
	woken    semWord
	wait     semWord
}

// NewCondition returns a condition over lock (a new RLock if nil).
func NewCondition(lock *RLock) (*Condition, error) {
	if lock == nil {
		var err error
		if lock, err = NewRLock(); err != nil {
			return nil, err
		}
	}
	seg, err := newSegment("cond", 24)
	if err != nil {
		return nil, err
	}
	c := &Condition{lock: lock}
	c.setSegment(seg)
	return c, nil
}

func (c *Condition) setSegment(seg *segment) {
	c.sleeping = semWord{seg: seg, off: 0}
	c.woken = semWord{seg: seg, off: 8}
	c.wait = semWord{seg: seg, off: 16}
}

// Acquire takes the underlying lock.
func (c *Condition) Acquire(timeout time.Duration) bool { return c.lock.Acquire(timeout) }

// Release releases the underlying lock.
func (c *Condition) Release() error { return c.lock.Release() }

// Lock and Unlock make a Condition a sync.Locker.
func (c *Condition) Lock() { c.lock.Lock() }

// Unlock releases the underlying lock.
func (c *Condition) Unlock() { c.lock.Unlock() }

// Wait releases the lock, waits for Notify up to timeout, takes the lock
// back, and reports whether it was notified. The caller holds the lock.
// Python: wait([timeout]).
func (c *Condition) Wait(timeout time.Duration) (bool, error) {
	c.sleeping.release()
	n, err := c.lock.releaseAll()
	if err != nil {
		c.sleeping.acquire(0)
		return false, err
	}
	ok := c.wait.acquire(timeout)
	c.woken.release()
	c.lock.restore(n)
	return ok, nil
}

// WaitFor waits until pred returns true, up to timeout, and returns its
// last value. Python: wait_for(predicate, timeout).
func (c *Condition) WaitFor(pred func() bool, timeout time.Duration) (bool, error) {
	deadline := time.Now().Add(timeout)
	for !pred() {
		left := Forever
		if timeout >= 0 {
			left = time.Until(deadline)
			if left <= 0 {
				return false, nil
			}
		}
		if _, err := c.Wait(left); err != nil {
			return false, err
		}
	}
	return true, nil
}

// Notify wakes up to n waiters. The caller holds the lock.
// Python: notify(n).
func (c *Condition) Notify(n int) error {
	if !c.lock.isMine() {
		return fmt.Errorf("multiprocessing: cannot notify on un-acquired lock")
	}
	// Discount sleepers that timed out since the last notify.
	for c.woken.acquire(0) {
		c.sleeping.acquire(0)
	}
	woke := 0
	for woke < n && c.sleeping.acquire(0) {
		c.wait.release()
		woke++
	}
	if woke > 0 {
		for range woke {
			c.woken.acquire(Forever)
		}
		for c.wait.acquire(0) {
		}
	}
	return nil
}

// NotifyAll wakes every waiter. Python: notify_all().
func (c *Condition) NotifyAll() error { return c.Notify(SemValueMax) }

func (c *Condition) shareState() ([]byte, []int, error) {
	_, fds, err := c.lock.shareState()
	if err != nil {
		return nil, nil, err
	}
	return nil, append(fds, c.sleeping.seg.fd), nil
}

func (c *Condition) attachState(_ []byte, fds []int) error {
	if len(fds) != 2 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited condition")
	}
	c.lock = new(RLock)
	if err := c.lock.attachState(nil, fds[:1]); err != nil {
		closeFDs(fds[1:])
		return err
	}
	seg, err := attachSegment(fds[1])
	if err != nil {
		return err
	}
	c.setSegment(seg)
	return nil
}
