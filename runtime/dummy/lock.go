package dummy

import (
	"context"
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// Lock is a lock for one goroutine: Acquire of a held Lock fails at once
// if it may (non-blocking, or with a timeout) and panics with
// [ErrDeadlock] if it must wait for ever.
//
// Python: dummy_threading.Lock, _dummy_thread.LockType
type Lock struct{ locked bool }

// AllocateLock returns a new unlocked Lock.
//
// Python: _dummy_thread.allocate_lock
func AllocateLock() *Lock { return new(Lock) }

// Acquire locks the lock if it is free and reports whether it did.
//
// Python: _dummy_thread.LockType.acquire
func (l *Lock) Acquire(blocking bool, timeout time.Duration) bool {
	if !l.locked {
		l.locked = true
		return true
	}
	if blocking && timeout < 0 {
		panic(ErrDeadlock)
	}
	return false
}

// AcquireContext locks the lock if it is free; otherwise it returns at
// once what waiting on ctx would end with (see the package comment).
func (l *Lock) AcquireContext(ctx context.Context) error {
	if !l.locked {
		l.locked = true
		return nil
	}
	return noWait(ctx)
}

// Release unlocks the lock, or returns threading.ErrNotHeld.
//
// Python: _dummy_thread.LockType.release
func (l *Lock) Release() error {
	if !l.locked {
		return threading.ErrNotHeld
	}
	l.locked = false
	return nil
}

// Locked reports whether the lock is held.
//
// Python: _dummy_thread.LockType.locked
func (l *Lock) Locked() bool { return l.locked }

// Lock is Acquire(true, -1).
func (l *Lock) Lock() { l.Acquire(true, -1) }

// Unlock is Release, panicking with its error.
func (l *Lock) Unlock() {
	if err := l.Release(); err != nil {
		panic(err)
	}
}

// RLock is a re-entrant lock owned by the dummy thread (see [Thread]) that
// acquired it.
//
// Python: dummy_threading.RLock
type RLock struct {
	owner uint64 // ident of the owning dummy thread; 0 when free
	count int
}

// Acquire acquires the lock, or deepens the current thread's hold on it.
// A lock held by another dummy thread (one that started the current one)
// behaves as a held [Lock].
//
// Python: dummy_threading.RLock.acquire
func (r *RLock) Acquire(blocking bool, timeout time.Duration) bool {
	if r.take() {
		return true
	}
	if blocking && timeout < 0 {
		panic(ErrDeadlock)
	}
	return false
}

func (r *RLock) take() bool {
	me := GetIdent()
	if r.owner == 0 || r.owner == me {
		r.owner = me
		r.count++
		return true
	}
	return false
}

// AcquireContext is Acquire with ctx in place of a timeout.
func (r *RLock) AcquireContext(ctx context.Context) error {
	if r.take() {
		return nil
	}
	return noWait(ctx)
}

// Release undoes one Acquire, returning threading.ErrNotHeld or
// threading.ErrNotOwner as threading.RLock does.
//
// Python: dummy_threading.RLock.release
func (r *RLock) Release() error {
	if err := r.check(); err != nil {
		return err
	}
	if r.count--; r.count == 0 {
		r.owner = 0
	}
	return nil
}

func (r *RLock) check() error {
	switch r.owner {
	case GetIdent():
		return nil
	case 0:
		return threading.ErrNotHeld
	default:
		return threading.ErrNotOwner
	}
}

// IsOwned reports whether the current dummy thread holds the lock.
func (r *RLock) IsOwned() bool { return r.owner != 0 && r.owner == GetIdent() }

// ReleaseSave releases the lock completely and returns the depth.
func (r *RLock) ReleaseSave() (int, error) {
	if err := r.check(); err != nil {
		return 0, err
	}
	n := r.count
	r.owner, r.count = 0, 0
	return n, nil
}

// AcquireRestore re-acquires the lock at depth n; it panics with
// [ErrDeadlock] if another dummy thread holds it.
func (r *RLock) AcquireRestore(n int) {
	if r.owner != 0 {
		panic(ErrDeadlock)
	}
	r.owner, r.count = GetIdent(), n
}

// Lock is Acquire(true, -1).
func (r *RLock) Lock() { r.Acquire(true, -1) }

// Unlock is Release, panicking with its error.
func (r *RLock) Unlock() {
	if err := r.Release(); err != nil {
		panic(err)
	}
}
