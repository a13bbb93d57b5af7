package dummy

import (
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// Timer is a Thread that, once started, calls its function at once
// (no time passes in the inline model) unless cancelled before Start.
//
// Python: dummy_threading.Timer
type Timer struct {
	*Thread
	cancelled bool
}

// NewTimer returns a Timer; interval is ignored.
func NewTimer(interval time.Duration, fn func(), opts ...threading.Option) *Timer {
	t := new(Timer)
	t.Thread = NewThread(func() {
		if !t.cancelled {
			fn()
		}
		t.cancelled = true
	}, opts...)
	return t
}

// Cancel stops the timer from running its function, if it has not yet
// been started.
func (t *Timer) Cancel() { t.cancelled = true }
