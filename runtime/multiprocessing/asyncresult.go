package multiprocessing

import (
	"sync"
	"time"
)

// AsyncResult is the eventual result of MapAsync, StarMapAsync or
// ApplyAsync. Python: multiprocessing.pool.AsyncResult.
type AsyncResult[R any] struct {
	done     chan struct{}
	once     sync.Once
	val      R
	err      error
	callback func(R)
	errback  func(error)
}

func newAsyncResult[R any](callback func(R), errback func(error)) *AsyncResult[R] {
	return &AsyncResult[R]{done: make(chan struct{}), callback: callback, errback: errback}
}

// complete sets the result, runs the callback (as Python does, before the
// result counts as ready), and wakes the waiters. Only the first call counts.
func (a *AsyncResult[R]) complete(v R, err error) {
	a.once.Do(func() {
		a.val, a.err = v, err
		if err == nil && a.callback != nil {
			a.callback(v)
		}
		if err != nil && a.errback != nil {
			a.errback(err)
		}
		close(a.done)
	})
}

// Get waits up to timeout (Forever: no limit) and returns the result, the
// task's error, or ErrTimeout. Python: get([timeout]).
func (a *AsyncResult[R]) Get(timeout time.Duration) (R, error) {
	if !waitChan(a.done, timeout) {
		var zero R
		return zero, ErrTimeout
	}
	return a.val, a.err
}

// Wait waits up to timeout for the result and reports whether it is ready.
// Python: wait([timeout]).
func (a *AsyncResult[R]) Wait(timeout time.Duration) bool { return waitChan(a.done, timeout) }

// Ready reports whether the call has completed. Python: ready().
func (a *AsyncResult[R]) Ready() bool {
	select {
	case <-a.done:
		return true
	default:
		return false
	}
}

// Successful reports whether the call completed without error; it returns
// an error if the result is not ready, as Python raises ValueError.
// Python: successful().
func (a *AsyncResult[R]) Successful() (bool, error) {
	if !a.Ready() {
		return false, &ProcessError{Msg: "result is not ready"}
	}
	return a.err == nil, nil
}
