package threading

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/goshell/gosh/runtime/thread"
)

// Semaphore is a counter that Acquire decrements, waiting while it is
// zero, and Release increments. Used like a Lock it admits up to its
// initial value of threads at once. The zero value is a Semaphore with
// value 0; a Semaphore must not be copied after first use.
//
// Python: threading.Semaphore
type Semaphore struct {
	value atomic.Int64
	q     thread.WaitQueue
}

// NewSemaphore returns a Semaphore with the given initial value. It panics
// if value is negative.
//
// Python: threading.Semaphore(value=1), which raises ValueError for a
// negative value
func NewSemaphore(value int) *Semaphore {
	if value < 0 {
		panic("threading: semaphore initial value must be >= 0")
	}
	s := new(Semaphore)
	s.value.Store(int64(value))
	return s
}

func (s *Semaphore) try() bool {
	for {
		v := s.value.Load()
		if v <= 0 {
			return false
		}
		if s.value.CompareAndSwap(v, v-1) {
			return true
		}
	}
}

// Acquire decrements the counter and reports whether it did, waiting while
// the counter is zero as [Lock.Acquire] waits for a lock.
//
// Python: threading.Semaphore.acquire(blocking=True, timeout=None)
func (s *Semaphore) Acquire(blocking bool, timeout time.Duration) bool {
	return s.try() || s.q.Block(s.try, blocking, timeout)
}

// AcquireContext decrements the counter, waiting until ctx is done; it
// returns nil or ctx's error.
//
// Python: threading.Semaphore.acquire
func (s *Semaphore) AcquireContext(ctx context.Context) error {
	if s.try() {
		return nil
	}
	return s.q.BlockContext(ctx, s.try)
}

// Release increments the counter, waking a waiting thread. It never fails
// for a Semaphore; the error is for the [Locker] interface and
// [BoundedSemaphore].
//
// Python: threading.Semaphore.release()
func (s *Semaphore) Release() error { return s.release(1, -1) }

// ReleaseN increments the counter by n, waking up to n waiting threads. It
// returns [ErrReleaseCount] if n < 1.
//
// Python: threading.Semaphore.release(n)
func (s *Semaphore) ReleaseN(n int) error { return s.release(n, -1) }

// Value returns the counter.
//
// Python: threading.Semaphore._value
func (s *Semaphore) Value() int { return int(s.value.Load()) }

// Lock is Acquire(true, -1), so that a *Semaphore is a [sync.Locker].
func (s *Semaphore) Lock() { s.Acquire(true, -1) }

// Unlock is Release, panicking with its error.
func (s *Semaphore) Unlock() {
	if err := s.Release(); err != nil {
		panic(err)
	}
}

// release adds n to the counter, refusing to pass bound if bound >= 0.
func (s *Semaphore) release(n int, bound int64) error {
	if n < 1 {
		return ErrReleaseCount
	}
	for {
		v := s.value.Load()
		if bound >= 0 && v+int64(n) > bound {
			return ErrTooManyReleases
		}
		if s.value.CompareAndSwap(v, v+int64(n)) {
			break
		}
	}
	if s.q.Waiting() {
		s.q.Wake(n)
	}
	return nil
}

// BoundedSemaphore is a Semaphore whose counter may not rise above its
// initial value: releasing more than was acquired is an error, which
// catches a common bug in resource pools. The zero value has bound 0.
//
// Python: threading.BoundedSemaphore
type BoundedSemaphore struct {
	Semaphore
	bound int64
}

// NewBoundedSemaphore returns a BoundedSemaphore with the given initial
// value, which is also its bound. It panics if value is negative.
//
// Python: threading.BoundedSemaphore(value=1)
func NewBoundedSemaphore(value int) *BoundedSemaphore {
	if value < 0 {
		panic("threading: semaphore initial value must be >= 0")
	}
	b := &BoundedSemaphore{bound: int64(value)}
	b.value.Store(int64(value))
	return b
}

// Release increments the counter, or returns [ErrTooManyReleases] if that
// would pass the bound.
//
// Python: threading.BoundedSemaphore.release()
func (b *BoundedSemaphore) Release() error { return b.release(1, b.bound) }

// ReleaseN increments the counter by n, or returns [ErrTooManyReleases] if
// that would pass the bound (and then changes nothing).
//
// Python: threading.BoundedSemaphore.release(n)
func (b *BoundedSemaphore) ReleaseN(n int) error { return b.release(n, b.bound) }

// Unlock is Release, panicking with its error.
func (b *BoundedSemaphore) Unlock() {
	if err := b.Release(); err != nil {
		panic(err)
	}
}
