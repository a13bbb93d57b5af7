package thread

import (
	"context"
	"sync/atomic"
	"time"
)

// Lock is a primitive, non-re-entrant lock. Any thread may release it, not
// only the one that acquired it. The zero value is an unlocked Lock; a Lock
// must not be copied after first use.
//
// Where Python writes "with lock:", Go writes:
//
//	lock.Lock()
//	defer lock.Unlock()
//
// Python: _thread.LockType, threading.Lock
type Lock struct {
	state atomic.Int32 // 0 unlocked, 1 locked
	q     WaitQueue
}

// AllocateLock returns a new unlocked Lock.
//
// Python: _thread.allocate_lock
func AllocateLock() *Lock { return new(Lock) }

func (l *Lock) try() bool { return l.state.CompareAndSwap(0, 1) }

// Acquire acquires the lock and reports whether it did. If blocking is
// false it does not wait and timeout is ignored (Python raises ValueError
// for a timeout there). If blocking is true it waits up to timeout, or for
// ever if timeout is negative (Python's -1).
//
// Python: _thread.LockType.acquire(blocking=True, timeout=-1)
func (l *Lock) Acquire(blocking bool, timeout time.Duration) bool {
	if l.state.CompareAndSwap(0, 1) {
		return true
	}
	return l.q.Block(l.try, blocking, timeout)
}

// AcquireContext acquires the lock, waiting until ctx is done. It returns
// nil or ctx's error, and acquires without looking at ctx if the lock is
// free.
//
// Python: _thread.LockType.acquire with a timeout
func (l *Lock) AcquireContext(ctx context.Context) error {
	if l.state.CompareAndSwap(0, 1) {
		return nil
	}
	return l.q.BlockContext(ctx, l.try)
}

// Release unlocks the lock. It returns [ErrNotHeld] if the lock is not
// locked.
//
// Python: _thread.LockType.release
func (l *Lock) Release() error {
	if !l.state.CompareAndSwap(1, 0) {
		return ErrNotHeld
	}
	if l.q.n.Load() != 0 {
		l.q.Wake(1)
	}
	return nil
}

// Locked reports whether the lock is held by some thread.
//
// Python: _thread.LockType.locked
func (l *Lock) Locked() bool { return l.state.Load() != 0 }

// Lock acquires the lock, waiting as long as it takes, so that a *Lock is a
// [sync.Locker].
func (l *Lock) Lock() {
	if !l.state.CompareAndSwap(0, 1) {
		l.q.Block(l.try, true, -1)
	}
}

// Unlock releases the lock and panics with [ErrNotHeld] if it was not
// locked, as sync.Mutex does (but recoverably).
func (l *Lock) Unlock() {
	if err := l.Release(); err != nil {
		panic(err)
	}
}
