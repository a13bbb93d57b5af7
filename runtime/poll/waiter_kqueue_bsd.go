//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package poll

import (
	"slices"
	"sync"
	"time"
)

// platformBackends lists the mechanisms of macOS and the BSDs, best first.
var platformBackends = []Backend{BackendKqueue, BackendPoll, BackendSelect}

// newPlatformWaiter creates the kqueue mechanism.
func newPlatformWaiter(b Backend) (waiter, error) {
	if b != BackendKqueue {
		return nil, errNoBackend(b)
	}
	kq, err := NewKqueue()
	if err != nil {
		return nil, err
	}
	return &kqueueWaiter{kq: kq, regs: make(map[int]Events)}, nil
}

// kqueueWaiter is the kqueue mechanism of a Poller: one read filter and
// one write filter per descriptor, as asked.
type kqueueWaiter struct {
	kq   *Kqueue
	mu   sync.Mutex
	regs map[int]Events
}

// changes returns the kevents that turn the filters of old into those of ev.
func kqueueChanges(fd int, old, ev Events) []Kevent {
	var ch []Kevent
	for _, f := range []struct {
		e      Events
		filter int16
	}{{In, KqFilterRead}, {Out, KqFilterWrite}} {
		switch {
		case ev&f.e != 0 && old&f.e == 0:
			ch = append(ch, Kevent{Ident: uint64(fd), Filter: f.filter, Flags: KqEvAdd})
		case ev&f.e == 0 && old&f.e != 0:
			ch = append(ch, Kevent{Ident: uint64(fd), Filter: f.filter, Flags: KqEvDelete})
		}
	}
	return ch
}

func (w *kqueueWaiter) set(fd int, ev Events) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if ch := kqueueChanges(fd, w.regs[fd], ev); len(ch) > 0 {
		if _, err := w.kq.Control(ch, 0, 0); err != nil {
			return err
		}
	}
	if ev == 0 {
		delete(w.regs, fd)
	} else {
		w.regs[fd] = ev
	}
	return nil
}

func (w *kqueueWaiter) add(fd int, ev Events) error    { return w.set(fd, ev) }
func (w *kqueueWaiter) modify(fd int, ev Events) error { return w.set(fd, ev) }
func (w *kqueueWaiter) remove(fd int) error            { return w.set(fd, 0) }
func (w *kqueueWaiter) close() error                   { return w.kq.Close() }

func (w *kqueueWaiter) wait(timeout time.Duration) ([]Ready, error) {
	w.mu.Lock()
	n := 2 * len(w.regs)
	w.mu.Unlock()
	evs, err := w.kq.Control(nil, max(1, n), timeout)
	if err != nil {
		return nil, err
	}
	var out []Ready
	for _, e := range evs {
		fd := int(e.Ident)
		var ev Events
		switch e.Filter {
		case KqFilterRead:
			ev = In
		case KqFilterWrite:
			ev = Out
		}
		if e.Flags&KqEvEOF != 0 {
			ev |= Hup
		}
		if e.Flags&KqEvError != 0 {
			ev |= Err
		}
		if i := slices.IndexFunc(out, func(r Ready) bool { return r.Fd == fd }); i >= 0 {
			out[i].Events |= ev
		} else {
			out = append(out, Ready{Fd: fd, Events: ev})
		}
	}
	return out, nil
}
