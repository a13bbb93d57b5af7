package multiprocessing

import (
	"errors"
	"fmt"
	"time"
)

// SemValueMax is the largest semaphore value. Python: SEM_VALUE_MAX.
const SemValueMax = 1<<31 - 1

// ErrReleasedTooMany is returned by Release on a BoundedSemaphore at its
// bound, or on an unheld lock. Python: ValueError.
var ErrReleasedTooMany = errors.New("multiprocessing: semaphore or lock released too many times")

// semWord is a counting semaphore in shared memory: a count word and a
// waiter count, waited on with futexes.
type semWord struct {
	seg *segment
	off int // count at off, waiters at off+4
	max uint32
}

func (s semWord) acquire(timeout time.Duration) bool {
	count, waiters := s.seg.word(s.off), s.seg.word(s.off+4)
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	for {
		v := count.Load()
		if v > 0 {
			if count.CompareAndSwap(v, v-1) {
				return true
			}
			continue
		}
		left := time.Duration(-1)
		if timeout == 0 {
			return false
		}
		if timeout > 0 {
			left = time.Until(deadline)
			if left <= 0 {
				return false
			}
		}
		waiters.Add(1)
		futexWaitOn(count, 0, left)
		waiters.Add(^uint32(0))
	}
}

func (s semWord) release() error {
	count, waiters := s.seg.word(s.off), s.seg.word(s.off+4)
	for {
		v := count.Load()
		if s.max > 0 && v >= s.max {
			return ErrReleasedTooMany
		}
		if count.CompareAndSwap(v, v+1) {
			break
		}
	}
	if waiters.Load() > 0 {
		futexWakeOn(count, 1)
	}
	return nil
}

func (s semWord) value() int { return int(s.seg.word(s.off).Load()) }

// Semaphore is a counting semaphore shared between processes, in shared
// memory and woken with futexes. Python: multiprocessing.Semaphore.
type Semaphore struct {
	w semWord
}

// BoundedSemaphore is a Semaphore whose Release fails above the initial
// value. Python: multiprocessing.BoundedSemaphore.
type BoundedSemaphore struct {
	Semaphore
}

// NewSemaphore returns a semaphore with the given value.
func NewSemaphore(value int) (*Semaphore, error) {
	s := new(Semaphore)
	return s, s.init(value, 0)
}

// NewBoundedSemaphore returns a bounded semaphore with the given value.
func NewBoundedSemaphore(value int) (*BoundedSemaphore, error) {
	s := new(BoundedSemaphore)
	return s, s.init(value, value)
}

func (s *Semaphore) init(value, max int) error {
	if value < 0 || value > SemValueMax {
		return fmt.Errorf("multiprocessing: semaphore value %d out of range", value)
	}
	seg, err := newSegment("sem", 16)
	if err != nil {
		return err
	}
	s.w = semWord{seg: seg, max: uint32(max)}
	seg.word(0).Store(uint32(value))
	seg.word(8).Store(uint32(max))
	return nil
}

// Acquire decrements the semaphore, waiting up to timeout (Forever: no
// limit; 0: not at all) while it is zero, and reports success.
// Python: acquire(block, timeout).
func (s *Semaphore) Acquire(timeout time.Duration) bool { return s.w.acquire(timeout) }

// Release increments the semaphore. Python: release().
func (s *Semaphore) Release() error { return s.w.release() }

// Value returns the current value. Python: get_value().
func (s *Semaphore) Value() int { return s.w.value() }

func (s *Semaphore) shareState() ([]byte, []int, error) { return nil, []int{s.w.seg.fd}, nil }

func (s *Semaphore) attachState(_ []byte, fds []int) error {
	if len(fds) != 1 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited semaphore")
	}
	seg, err := attachSegment(fds[0])
	if err != nil {
		return err
	}
	s.w = semWord{seg: seg, max: seg.word(8).Load()}
	return nil
}
