package thread

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// WaitQueue parks goroutines that wait for a state word to change, with
// timeouts and cancellation. It is the slow path of [Lock] and [RLock] and
// of threading's Semaphore; their fast paths never touch it. The zero value
// is an empty queue.
//
// The protocol: a waiter registers (n goes up) before it tries the state
// word, and a releaser changes the state word before it reads n. Go's
// atomics are sequentially consistent, so either the waiter's try sees the
// release or the releaser sees the waiter and wakes it. A woken waiter
// tries again (another goroutine may have barged in) and re-registers.
//
// A primitive built on it acquires with a compare-and-swap on its own state
// word and, only when that fails, calls [WaitQueue.Block] with the same
// compare-and-swap as try; it releases by changing the state word and then,
// if [WaitQueue.Waiting], calling [WaitQueue.Wake].
type WaitQueue struct {
	n  atomic.Int32 // registered waiters, including woken ones not yet back
	mu sync.Mutex
	q  []chan struct{} // FIFO; each channel has room for one wake-up
}

// Waiting reports whether anyone may need a wake-up. Releasers call it
// after changing the state word.
func (w *WaitQueue) Waiting() bool { return w.n.Load() != 0 }

// Wait calls try until it succeeds, parking in between. It gives up, and
// returns false, when done is closed or expire fires (either may be nil).
func (w *WaitQueue) Wait(try func() bool, done <-chan struct{}, expire <-chan time.Time) bool {
	ch := make(chan struct{}, 1)
	w.mu.Lock()
	w.q = append(w.q, ch)
	w.n.Add(1)
	w.mu.Unlock()
	for {
		if try() {
			w.leave(ch)
			return true
		}
		if done == nil && expire == nil {
			<-ch
			w.requeue(ch)
			continue
		}
		select {
		case <-ch:
			w.requeue(ch)
		case <-done:
			w.leave(ch)
			return false
		case <-expire:
			w.leave(ch)
			return false
		}
	}
}

// requeue puts a woken waiter back in line before it tries again.
func (w *WaitQueue) requeue(ch chan struct{}) {
	w.mu.Lock()
	w.q = append(w.q, ch)
	w.mu.Unlock()
}

// leave unregisters ch. If a releaser had already taken ch off the queue to
// wake it, that wake-up is passed on so that it is not lost.
func (w *WaitQueue) leave(ch chan struct{}) {
	w.mu.Lock()
	found := false
	for i, c := range w.q {
		if c == ch {
			w.q = append(w.q[:i], w.q[i+1:]...)
			found = true
			break
		}
	}
	w.n.Add(-1)
	w.mu.Unlock()
	if !found {
		w.Wake(1)
	}
}

// Wake wakes up to k waiters, oldest first.
func (w *WaitQueue) Wake(k int) {
	w.mu.Lock()
	for ; k > 0 && len(w.q) > 0; k-- {
		ch := w.q[0]
		w.q[0] = nil
		w.q = w.q[1:]
		select {
		case ch <- struct{}{}:
		default:
		}
	}
	w.mu.Unlock()
}

// Block is the common slow path of the acquire methods: try once more,
// then wait according to Python's blocking/timeout rules. A negative
// timeout waits forever; zero tries once.
func (w *WaitQueue) Block(try func() bool, blocking bool, timeout time.Duration) bool {
	if try() {
		return true
	}
	if !blocking || timeout == 0 {
		return false
	}
	if timeout < 0 {
		return w.Wait(try, nil, nil)
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	return w.Wait(try, nil, t.C)
}

// BlockContext waits until try succeeds or ctx is done. If try succeeds at
// once, a done ctx does not matter, as with x/sync/semaphore.
func (w *WaitQueue) BlockContext(ctx context.Context, try func() bool) error {
	if try() {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if w.Wait(try, ctx.Done(), nil) {
		return nil
	}
	return ctx.Err()
}
