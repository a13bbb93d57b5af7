package dummy

import (
	"context"
	"time"
)

// Event is a flag for one goroutine. Waiting for an unset Event fails at
// once with a timeout and panics with [ErrDeadlock] without one.
//
// Python: dummy_threading.Event
type Event struct{ flag bool }

// NewEvent returns an unset Event.
func NewEvent() *Event { return new(Event) }

// IsSet reports whether the flag is set.
func (e *Event) IsSet() bool { return e.flag }

// Set sets the flag.
func (e *Event) Set() { e.flag = true }

// Clear clears the flag.
func (e *Event) Clear() { e.flag = false }

// Wait returns the flag, or panics with [ErrDeadlock] if it is unset and
// timeout is negative.
func (e *Event) Wait(timeout time.Duration) bool {
	if !e.flag && timeout < 0 {
		panic(ErrDeadlock)
	}
	return e.flag
}

// WaitContext returns nil if the flag is set, else at once what waiting
// on ctx would end with.
func (e *Event) WaitContext(ctx context.Context) error {
	if e.flag {
		return nil
	}
	return noWait(ctx)
}
