package dummy

import (
	"context"
	"errors"
)

// ErrDeadlock is returned (or panicked with) by a wait that nothing could
// ever end: with one goroutine, no other thread can release the lock, set
// the event or notify the condition.
var ErrDeadlock = errors.New("dummy: wait would never end (deadlock)")

// noWait is what an unsatisfiable wait on ctx returns: ctx's error if it
// is done, DeadlineExceeded at once if it has a deadline (the time would
// pass with nothing changed), else ErrDeadlock.
func noWait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, ok := ctx.Deadline(); ok {
		return context.DeadlineExceeded
	}
	return ErrDeadlock
}
