package threading

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Barrier makes a fixed number of threads (parties) wait for each other:
// each calls Wait, and all of them return once the last one has arrived.
// The barrier then starts over for the next round. A Barrier breaks when a
// waiter times out, when Abort is called or when the action fails; every
// waiter, and every later Wait until Reset, then gets [ErrBrokenBarrier].
// Make one with [NewBarrier].
//
// Python: threading.Barrier
type Barrier struct {
	parties int
	action  func() error
	timeout time.Duration

	mu    sync.Mutex
	count int    // threads waiting in this round
	round *round // the current round
}

// round is one filling of the barrier; done is closed when it completes
// or breaks.
type round struct {
	done   chan struct{}
	broken bool // written before done is closed
}

func newRound() *round { return &round{done: make(chan struct{})} }

// NewBarrier returns a Barrier for parties threads. If action is not nil,
// the last thread to arrive calls it before any of them is released; an
// error (or panic) from it breaks the barrier. timeout is the default for
// Wait; negative means none. NewBarrier panics if parties < 1.
//
// Python: threading.Barrier(parties, action=None, timeout=None)
func NewBarrier(parties int, action func() error, timeout time.Duration) *Barrier {
	if parties < 1 {
		panic("threading: barrier parties must be >= 1")
	}
	return &Barrier{parties: parties, action: action, timeout: timeout, round: newRound()}
}

// Wait waits until all parties have called Wait, for at most timeout (or
// the barrier's default timeout if timeout is negative), and returns this
// thread's arrival index, 0 to Parties()-1. If the time passes first, the
// barrier breaks and Wait returns [ErrBrokenBarrier]. The last thread to
// arrive gets the action's error, wrapped with ErrBrokenBarrier.
//
// Python: threading.Barrier.wait(timeout=None)
func (b *Barrier) Wait(timeout time.Duration) (int, error) {
	if timeout < 0 {
		timeout = b.timeout
	}
	var expire <-chan time.Time
	if timeout >= 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		expire = t.C
	}
	return b.wait(nil, expire, ErrTimeout)
}

// WaitContext is Wait until ctx is done (and within the barrier's default
// timeout, if it has one); if ctx ends first, the barrier breaks and the
// error wraps both ErrBrokenBarrier and ctx's error.
//
// Python: threading.Barrier.wait
func (b *Barrier) WaitContext(ctx context.Context) (int, error) {
	var expire <-chan time.Time
	if b.timeout >= 0 {
		t := time.NewTimer(b.timeout)
		defer t.Stop()
		expire = t.C
	}
	idx, err := b.wait(ctx.Done(), expire, ErrTimeout)
	if err == errCancelled {
		err = fmt.Errorf("%w: %w", ErrBrokenBarrier, ctx.Err())
	}
	return idx, err
}

// errCancelled is ErrBrokenBarrier for a wait whose context ended. (Not
// made with fmt.Errorf: that would run fmt at every start of a program
// importing the package.)
var errCancelled error = cancelledError{}

type cancelledError struct{}

func (cancelledError) Error() string { return ErrBrokenBarrier.Error() + ": cancelled" }
func (cancelledError) Unwrap() error { return ErrBrokenBarrier }

func (b *Barrier) wait(done <-chan struct{}, expire <-chan time.Time, timeoutErr error) (int, error) {
	b.mu.Lock()
	r := b.round
	if r.broken {
		b.mu.Unlock()
		return 0, ErrBrokenBarrier
	}
	index := b.count
	b.count++
	if b.count == b.parties {
		defer b.mu.Unlock()
		return index, b.release(r)
	}
	b.mu.Unlock()

	select {
	case <-r.done:
	case <-done:
		return index, b.giveUp(r, errCancelled)
	case <-expire:
		return index, b.giveUp(r, fmt.Errorf("%w: %w", ErrBrokenBarrier, timeoutErr))
	}
	if r.broken {
		return index, ErrBrokenBarrier
	}
	return index, nil
}

// release runs the action and lets round r go, with b.mu held.
func (b *Barrier) release(r *round) (err error) {
	if b.action != nil {
		defer func() {
			if v := recover(); v != nil {
				b.breakLocked()
				panic(v)
			}
		}()
		if err := b.action(); err != nil {
			b.breakLocked()
			return fmt.Errorf("%w: action: %w", ErrBrokenBarrier, err)
		}
	}
	b.count = 0
	b.round = newRound()
	close(r.done)
	return nil
}

// giveUp breaks round r for a waiter that stopped waiting, unless r ended
// in the meantime, and returns the waiter's error.
func (b *Barrier) giveUp(r *round, err error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-r.done:
		if !r.broken {
			return nil
		}
		return ErrBrokenBarrier
	default:
	}
	b.breakLocked()
	return err
}

// breakLocked breaks the current round, waking its waiters.
func (b *Barrier) breakLocked() {
	r := b.round
	if !r.broken {
		r.broken = true
		close(r.done)
	}
	b.count = 0
}

// Reset returns the barrier to its empty, unbroken state. Threads waiting
// in it get [ErrBrokenBarrier].
//
// Python: threading.Barrier.reset
func (b *Barrier) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.count > 0 {
		b.breakLocked()
	}
	b.count = 0
	b.round = newRound()
}

// Abort breaks the barrier: waiting threads, and any that call Wait until
// Reset, get [ErrBrokenBarrier].
//
// Python: threading.Barrier.abort
func (b *Barrier) Abort() {
	b.mu.Lock()
	b.breakLocked()
	b.mu.Unlock()
}

// Parties returns the number of threads the barrier waits for.
//
// Python: threading.Barrier.parties
func (b *Barrier) Parties() int { return b.parties }

// NWaiting returns the number of threads waiting now.
//
// Python: threading.Barrier.n_waiting
func (b *Barrier) NWaiting() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.count
}

// Broken reports whether the barrier is broken.
//
// Python: threading.Barrier.broken
func (b *Barrier) Broken() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.round.broken
}
