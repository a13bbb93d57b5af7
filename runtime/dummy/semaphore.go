package dummy

import (
	"context"
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// Semaphore is a counter for one goroutine; Acquire at zero behaves as
// Acquire of a held [Lock].
//
// Python: dummy_threading.Semaphore
type Semaphore struct{ value int }

// NewSemaphore returns a Semaphore with the given value; it panics if
// value is negative.
func NewSemaphore(value int) *Semaphore {
	if value < 0 {
		panic("dummy: semaphore initial value must be >= 0")
	}
	return &Semaphore{value: value}
}

// Acquire decrements the counter if it is positive and reports whether it
// did.
func (s *Semaphore) Acquire(blocking bool, timeout time.Duration) bool {
	if s.value > 0 {
		s.value--
		return true
	}
	if blocking && timeout < 0 {
		panic(ErrDeadlock)
	}
	return false
}

// AcquireContext decrements the counter if it is positive, else returns
// at once what waiting on ctx would end with.
func (s *Semaphore) AcquireContext(ctx context.Context) error {
	if s.value > 0 {
		s.value--
		return nil
	}
	return noWait(ctx)
}

// Release increments the counter.
func (s *Semaphore) Release() error { return s.ReleaseN(1) }

// ReleaseN increments the counter by n, or returns
// threading.ErrReleaseCount if n < 1.
func (s *Semaphore) ReleaseN(n int) error {
	if n < 1 {
		return threading.ErrReleaseCount
	}
	s.value += n
	return nil
}

// Value returns the counter.
func (s *Semaphore) Value() int { return s.value }

// Lock is Acquire(true, -1).
func (s *Semaphore) Lock() { s.Acquire(true, -1) }

// Unlock is Release, panicking with its error.
func (s *Semaphore) Unlock() {
	if err := s.Release(); err != nil {
		panic(err)
	}
}

// BoundedSemaphore is a Semaphore that may not be released above its
// initial value.
//
// Python: dummy_threading.BoundedSemaphore
type BoundedSemaphore struct {
	Semaphore
	bound int
}

// NewBoundedSemaphore returns a BoundedSemaphore with the given value and
// bound; it panics if value is negative.
func NewBoundedSemaphore(value int) *BoundedSemaphore {
	return &BoundedSemaphore{Semaphore: *NewSemaphore(value), bound: value}
}

// Release increments the counter, or returns threading.ErrTooManyReleases.
func (b *BoundedSemaphore) Release() error { return b.ReleaseN(1) }

// ReleaseN increments the counter by n, or returns
// threading.ErrTooManyReleases if that would pass the bound.
func (b *BoundedSemaphore) ReleaseN(n int) error {
	if n >= 1 && b.value+n > b.bound {
		return threading.ErrTooManyReleases
	}
	return b.Semaphore.ReleaseN(n)
}

// Unlock is Release, panicking with its error.
func (b *BoundedSemaphore) Unlock() {
	if err := b.Release(); err != nil {
		panic(err)
	}
}
