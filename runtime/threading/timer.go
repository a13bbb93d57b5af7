package threading

import "time"

// Timer is a Thread that calls a function after an interval unless
// cancelled first. Start it like any Thread.
//
// Python: threading.Timer
type Timer struct {
	*Thread
	cancelled Event
}

// NewTimer returns a Timer that, once started, waits interval and then
// calls fn, unless [Timer.Cancel] is called first.
//
// Python: threading.Timer(interval, function, args=None, kwargs=None)
func NewTimer(interval time.Duration, fn func(), opts ...Option) *Timer {
	t := new(Timer)
	t.Thread = NewThread(func() {
		if !t.cancelled.Wait(interval) {
			fn()
		}
		t.cancelled.Set()
	}, opts...)
	return t
}

// Cancel stops the timer if it is still waiting; it does nothing once the
// function has started.
//
// Python: threading.Timer.cancel
func (t *Timer) Cancel() { t.cancelled.Set() }
