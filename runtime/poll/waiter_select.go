//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"maps"
	"slices"
	"sync"
	"time"
)

// selectWaiter is the select(2) mechanism of a Poller.
type selectWaiter struct {
	mu   sync.Mutex
	regs map[int]Events
}

func newSelectWaiter() *selectWaiter {
	return &selectWaiter{regs: make(map[int]Events)}
}

func (w *selectWaiter) add(fd int, ev Events) error {
	if fd >= fdSetSize {
		return ErrBadFd
	}
	return w.modify(fd, ev)
}

func (w *selectWaiter) modify(fd int, ev Events) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.regs[fd] = ev
	return nil
}

func (w *selectWaiter) remove(fd int) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.regs, fd)
	return nil
}

func (w *selectWaiter) close() error { return nil }

func (w *selectWaiter) wait(timeout time.Duration) ([]Ready, error) {
	w.mu.Lock()
	var r, wr []int
	for _, fd := range slices.Sorted(maps.Keys(w.regs)) {
		if w.regs[fd]&In != 0 {
			r = append(r, fd)
		}
		if w.regs[fd]&Out != 0 {
			wr = append(wr, fd)
		}
	}
	w.mu.Unlock()
	rr, ww, _, err := Select(r, wr, nil, timeout)
	if err != nil {
		return nil, err
	}
	var out []Ready
	for _, fd := range rr {
		out = append(out, Ready{Fd: fd, Events: In})
	}
	for _, fd := range ww {
		if i := slices.IndexFunc(out, func(r Ready) bool { return r.Fd == fd }); i >= 0 {
			out[i].Events |= Out
		} else {
			out = append(out, Ready{Fd: fd, Events: Out})
		}
	}
	return out, nil
}
