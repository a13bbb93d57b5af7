package threading

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Event is a flag that threads can wait for: Set raises it and wakes every
// waiter, Clear lowers it. The zero value is a lowered Event; an Event must
// not be copied after first use.
//
// Python: threading.Event
type Event struct {
	flag atomic.Bool
	mu   sync.Mutex
	ch   chan struct{} // closed by Set; nil until someone waits
}

// NewEvent returns a lowered Event (the zero Event is one too).
//
// Python: threading.Event()
func NewEvent() *Event { return new(Event) }

// IsSet reports whether the flag is raised.
//
// Python: threading.Event.is_set
func (e *Event) IsSet() bool { return e.flag.Load() }

// Set raises the flag and wakes every thread waiting for it.
//
// Python: threading.Event.set
func (e *Event) Set() {
	e.mu.Lock()
	if !e.flag.Load() {
		e.flag.Store(true)
		if e.ch != nil {
			close(e.ch)
			e.ch = nil
		}
	}
	e.mu.Unlock()
}

// Clear lowers the flag.
//
// Python: threading.Event.clear
func (e *Event) Clear() {
	e.mu.Lock()
	e.flag.Store(false)
	e.mu.Unlock()
}

// wake returns a channel that the next Set closes, or nil if the flag is
// raised.
func (e *Event) wake() <-chan struct{} {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.flag.Load() {
		return nil
	}
	if e.ch == nil {
		e.ch = make(chan struct{})
	}
	return e.ch
}

// Wait waits until the flag is raised, or for at most timeout if timeout
// is not negative, and returns the flag.
//
// Python: threading.Event.wait(timeout=None)
func (e *Event) Wait(timeout time.Duration) bool {
	if e.flag.Load() {
		return true
	}
	ch := e.wake()
	if ch == nil {
		return true
	}
	if timeout < 0 {
		<-ch
		return true
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-ch:
		return true
	case <-t.C:
		return e.flag.Load()
	}
}

// WaitContext waits until the flag is raised or ctx is done, and returns
// nil or ctx's error.
//
// Python: threading.Event.wait
func (e *Event) WaitContext(ctx context.Context) error {
	if e.flag.Load() {
		return nil
	}
	ch := e.wake()
	if ch == nil {
		return nil
	}
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		if e.flag.Load() {
			return nil
		}
		return ctx.Err()
	}
}
