package dummy

import (
	"context"
	"fmt"
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// Barrier is a barrier for one goroutine. A Barrier for one party works as
// threading's does (the action runs on every Wait). For more parties the
// others can never arrive, so Wait breaks the barrier: with a timeout it
// returns threading.ErrBrokenBarrier, without one an error that matches
// both ErrBrokenBarrier and [ErrDeadlock].
//
// Python: dummy_threading.Barrier
type Barrier struct {
	parties int
	action  func() error
	timeout time.Duration
	broken  bool
}

// NewBarrier returns a Barrier; it panics if parties < 1.
func NewBarrier(parties int, action func() error, timeout time.Duration) *Barrier {
	if parties < 1 {
		panic("dummy: barrier parties must be >= 1")
	}
	return &Barrier{parties: parties, action: action, timeout: timeout}
}

// Wait passes a one-party barrier and breaks any other (see [Barrier]).
func (b *Barrier) Wait(timeout time.Duration) (int, error) {
	if timeout < 0 {
		timeout = b.timeout
	}
	if timeout < 0 {
		return b.wait(ErrDeadlock)
	}
	return b.wait(threading.ErrTimeout)
}

// WaitContext is Wait with ctx in place of a timeout.
func (b *Barrier) WaitContext(ctx context.Context) (int, error) {
	if b.timeout >= 0 {
		return b.wait(threading.ErrTimeout)
	}
	return b.wait(noWait(ctx))
}

func (b *Barrier) wait(never error) (int, error) {
	if b.broken {
		return 0, threading.ErrBrokenBarrier
	}
	if b.parties > 1 {
		b.broken = true
		return 0, fmt.Errorf("%w: %w", threading.ErrBrokenBarrier, never)
	}
	if b.action != nil {
		ok := false
		defer func() {
			if !ok {
				b.broken = true
			}
		}()
		if err := b.action(); err != nil {
			return 0, fmt.Errorf("%w: action: %w", threading.ErrBrokenBarrier, err)
		}
		ok = true
	}
	return 0, nil
}

// Reset makes the barrier unbroken.
func (b *Barrier) Reset() { b.broken = false }

// Abort breaks the barrier.
func (b *Barrier) Abort() { b.broken = true }

// Parties returns the number of parties.
func (b *Barrier) Parties() int { return b.parties }

// NWaiting returns 0: no thread can be waiting.
func (b *Barrier) NWaiting() int { return 0 }

// Broken reports whether the barrier is broken.
func (b *Barrier) Broken() bool { return b.broken }
