package thread

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/goshell/gosh/runtime/thread/internal/goroutine"
)

// RLock is a re-entrant lock: the thread holding it may acquire it again,
// and must release it as many times as it acquired it. Only the owner may
// release it. The zero value is an unlocked RLock; an RLock must not be
// copied after first use.
//
// The owner is the calling goroutine, recorded by the address of its
// runtime descriptor (two instructions to read, see the package comment),
// so RLock costs about what Lock does. That address is reused by a later
// goroutine once the owner ends, so a thread that ends while holding an
// RLock can leave it to an unrelated goroutine; Python, which records
// reusable OS thread ids, has the same hazard.
//
// Python: _thread.RLock, threading.RLock
type RLock struct {
	owner atomic.Uintptr // 0 unlocked, else the owner's goroutine key
	count int            // recursion depth; read and written only by the owner
	q     WaitQueue
}

// Acquire acquires the lock, or deepens the caller's hold on it, and
// reports whether it did. blocking and timeout are as for [Lock.Acquire].
//
// Python: threading.RLock.acquire(blocking=True, timeout=-1)
func (r *RLock) Acquire(blocking bool, timeout time.Duration) bool {
	k := goroutine.Key()
	if r.owner.CompareAndSwap(0, k) {
		r.count = 1
		return true
	}
	return r.acquireSlow(k, blocking, timeout)
}

// acquireSlow is Acquire when the lock is not free: held by the caller
// (re-entry) or by another thread (wait).
func (r *RLock) acquireSlow(k uintptr, blocking bool, timeout time.Duration) bool {
	if r.owner.Load() == k {
		r.count++
		return true
	}
	if !r.q.Block(func() bool { return r.owner.CompareAndSwap(0, k) }, blocking, timeout) {
		return false
	}
	r.count = 1
	return true
}

// AcquireContext is [RLock.Acquire] waiting until ctx is done; it returns
// nil or ctx's error.
//
// Python: threading.RLock.acquire with a timeout
func (r *RLock) AcquireContext(ctx context.Context) error {
	k := goroutine.Key()
	if r.owner.CompareAndSwap(0, k) || r.owner.Load() == k {
		r.count++
		return nil
	}
	if err := r.q.BlockContext(ctx, func() bool { return r.owner.CompareAndSwap(0, k) }); err != nil {
		return err
	}
	r.count = 1
	return nil
}

// Release undoes one Acquire by the caller, unlocking the lock when the
// count reaches zero. It returns [ErrNotHeld] if the lock is not locked and
// [ErrNotOwner] if another thread holds it.
//
// Python: threading.RLock.release
func (r *RLock) Release() error {
	k := goroutine.Key()
	if r.owner.Load() != k {
		return r.check(k)
	}
	if r.count > 1 {
		r.count--
		return nil
	}
	r.count = 0
	r.owner.Store(0)
	if r.q.n.Load() != 0 {
		r.q.Wake(1)
	}
	return nil
}

func (r *RLock) check(k uintptr) error {
	switch r.owner.Load() {
	case k:
		return nil
	case 0:
		return ErrNotHeld
	default:
		return ErrNotOwner
	}
}

func (r *RLock) unlock() {
	r.owner.Store(0)
	if r.q.n.Load() != 0 {
		r.q.Wake(1)
	}
}

// IsOwned reports whether the calling thread holds the lock.
//
// Python: threading.RLock._is_owned
func (r *RLock) IsOwned() bool { return r.owner.Load() == goroutine.Key() }

// ReleaseSave releases the lock completely, whatever the recursion depth,
// and returns the depth for [RLock.AcquireRestore]. A Condition waiting on
// an RLock uses the pair. Errors are as for [RLock.Release].
//
// Python: threading.RLock._release_save
func (r *RLock) ReleaseSave() (int, error) {
	if err := r.check(goroutine.Key()); err != nil {
		return 0, err
	}
	n := r.count
	r.count = 0
	r.unlock()
	return n, nil
}

// AcquireRestore acquires the lock, waiting as long as it takes, at the
// recursion depth n saved by [RLock.ReleaseSave].
//
// Python: threading.RLock._acquire_restore
func (r *RLock) AcquireRestore(n int) {
	k := goroutine.Key()
	if !r.owner.CompareAndSwap(0, k) {
		r.q.Block(func() bool { return r.owner.CompareAndSwap(0, k) }, true, -1)
	}
	r.count = n
}

// Lock acquires the lock, waiting as long as it takes, so that an *RLock
// is a [sync.Locker].
func (r *RLock) Lock() { r.Acquire(true, -1) }

// Unlock is [RLock.Release], panicking with its error.
func (r *RLock) Unlock() {
	if err := r.Release(); err != nil {
		panic(err)
	}
}
