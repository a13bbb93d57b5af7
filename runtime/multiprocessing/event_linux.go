package multiprocessing

import (
	"errors"
	"fmt"
	"time"
)

// Event is a flag shared between processes that goroutines can wait for.
// Python: multiprocessing.Event.
type Event struct {
	cond *Condition
	flag semWord
}

// NewEvent returns a cleared event.
func NewEvent() (*Event, error) {
	c, err := NewCondition(nil)
	if err != nil {
		return nil, err
	}
	seg, err := newSegment("event", 8)
	if err != nil {
		return nil, err
	}
	return &Event{cond: c, flag: semWord{seg: seg}}, nil
}

// IsSet reports whether the flag is set. Python: is_set().
func (e *Event) IsSet() bool {
	e.cond.Acquire(Forever)
	defer e.cond.Release()
	return e.flag.value() > 0
}

// Set sets the flag and wakes all waiters. Python: set().
func (e *Event) Set() {
	e.cond.Acquire(Forever)
	defer e.cond.Release()
	e.flag.acquire(0)
	e.flag.release()
	e.cond.NotifyAll()
}

// Clear clears the flag. Python: clear().
func (e *Event) Clear() {
	e.cond.Acquire(Forever)
	defer e.cond.Release()
	e.flag.acquire(0)
}

// Wait waits until the flag is set, up to timeout, and reports whether it
// is. Python: wait([timeout]).
func (e *Event) Wait(timeout time.Duration) bool {
	e.cond.Acquire(Forever)
	defer e.cond.Release()
	if e.flag.value() == 0 {
		e.cond.Wait(timeout)
	}
	return e.flag.value() > 0
}

func (e *Event) shareState() ([]byte, []int, error) {
	_, fds, err := e.cond.shareState()
	if err != nil {
		return nil, nil, err
	}
	return nil, append(fds, e.flag.seg.fd), nil
}

func (e *Event) attachState(_ []byte, fds []int) error {
	if len(fds) != 3 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited event")
	}
	e.cond = new(Condition)
	if err := e.cond.attachState(nil, fds[:2]); err != nil {
		closeFDs(fds[2:])
		return err
	}
	seg, err := attachSegment(fds[2])
	if err != nil {
		return err
	}
	e.flag = semWord{seg: seg}
	return nil
}

// ErrBrokenBarrier is returned by Barrier.Wait when the barrier is aborted,
// reset, or a wait times out. Python: threading.BrokenBarrierError.
var ErrBrokenBarrier = errors.New("multiprocessing: broken barrier")

// Barrier makes a number of parties, in any processes, wait for each other.
// Its state (count, generation, broken) lives in shared memory under a
// Condition. Python: multiprocessing.Barrier (without an action).
type Barrier struct {
	parties int
	cond    *Condition
	state   *segment // words: count, generation, broken, reset generation
}

// NewBarrier returns a barrier for parties parties.
func NewBarrier(parties int) (*Barrier, error) {
	if parties < 1 {
		return nil, fmt.Errorf("multiprocessing: barrier needs at least one party")
	}
	c, err := NewCondition(nil)
	if err != nil {
		return nil, err
	}
	seg, err := newSegment("barrier", 16)
	if err != nil {
		return nil, err
	}
	seg.word(12).Store(^uint32(0))
	return &Barrier{parties: parties, cond: c, state: seg}, nil
}

// Parties returns the number of parties. Python: parties.
func (b *Barrier) Parties() int { return b.parties }

// NWaiting returns how many parties wait now. Python: n_waiting.
func (b *Barrier) NWaiting() int {
	b.cond.Acquire(Forever)
	defer b.cond.Release()
	return int(b.state.word(0).Load())
}

// Broken reports whether the barrier is broken. Python: broken.
func (b *Barrier) Broken() bool {
	b.cond.Acquire(Forever)
	defer b.cond.Release()
	return b.state.word(8).Load() != 0
}

// Wait waits for all parties, up to timeout, and returns this party's
// arrival index (0 to parties-1). A timeout breaks the barrier.
// Python: wait([timeout]).
func (b *Barrier) Wait(timeout time.Duration) (int, error) {
	b.cond.Acquire(Forever)
	defer b.cond.Release()
	count, gen, broken, reset := b.state.word(0), b.state.word(4), b.state.word(8), b.state.word(12)
	if broken.Load() != 0 {
		return 0, ErrBrokenBarrier
	}
	g := gen.Load()
	index := int(count.Add(1)) - 1
	if index == b.parties-1 {
		count.Store(0)
		gen.Add(1)
		b.cond.NotifyAll()
		return index, nil
	}
	deadline := time.Now().Add(timeout)
	for gen.Load() == g && broken.Load() == 0 {
		left := Forever
		if timeout >= 0 {
			if left = time.Until(deadline); left <= 0 {
				broken.Store(1)
				count.Add(^uint32(0))
				b.cond.NotifyAll()
				return 0, ErrBrokenBarrier
			}
		}
		b.cond.Wait(left)
	}
	if broken.Load() != 0 || reset.Load() == g {
		return 0, ErrBrokenBarrier
	}
	return index, nil
}

// Abort breaks the barrier: waiters and later callers get ErrBrokenBarrier.
// Python: abort().
func (b *Barrier) Abort() {
	b.cond.Acquire(Forever)
	defer b.cond.Release()
	b.state.word(8).Store(1)
	b.cond.NotifyAll()
}

// Reset returns the barrier to its initial state; parties waiting now get
// ErrBrokenBarrier. Python: reset().
func (b *Barrier) Reset() {
	b.cond.Acquire(Forever)
	defer b.cond.Release()
	b.state.word(12).Store(b.state.word(4).Load())
	b.state.word(4).Add(1)
	b.state.word(0).Store(0)
	b.state.word(8).Store(0)
	b.cond.NotifyAll()
}

func (b *Barrier) shareState() ([]byte, []int, error) {
	_, fds, err := b.cond.shareState()
	if err != nil {
		return nil, nil, err
	}
	return []byte(fmt.Sprint(b.parties)), append(fds, b.state.fd), nil
}

func (b *Barrier) attachState(state []byte, fds []int) error {
	if len(fds) != 3 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited barrier")
	}
	fmt.Sscan(string(state), &b.parties)
	b.cond = new(Condition)
	if err := b.cond.attachState(nil, fds[:2]); err != nil {
		closeFDs(fds[2:])
		return err
	}
	seg, err := attachSegment(fds[2])
	if err != nil {
		return err
	}
	b.state = seg
	return nil
}
