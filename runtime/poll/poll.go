//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// DefaultEvents is what Python registers when no event mask is given:
// readable, urgent data or writable. Python: the default eventmask of
// poll.register.
const DefaultEvents = In | Pri | Out

// Poll is a set of descriptors watched with poll(2). The zero value is not
// usable; call [NewPoll]. Its methods may be called from several
// goroutines, but only one may be inside [Poll.Poll] at a time.
//
// Python: select.poll().
type Poll struct {
	mu      sync.Mutex
	events  map[int]Events // registered descriptors
	fds     []unix.PollFd  // built from events when stale
	stale   bool           // events changed since fds was built
	polling bool           // a Poll call is in progress
}

// NewPoll returns an empty poll object. Python: select.poll().
func NewPoll() *Poll {
	return &Poll{events: make(map[int]Events)}
}

// Register starts watching fd for events, or changes the events of an fd
// already registered. The output-only events [Err], [Hup] and [Nval] are
// always reported and need not be asked for.
//
// Python: poll.register(fd[, eventmask]); pass [DefaultEvents] for
// Python's default mask.
func (p *Poll) Register(fd int, events Events) error {
	return p.set(fd, events, false)
}

// Modify changes the events of a registered fd; it returns
// [ErrNotRegistered] for one that is not. Python: poll.modify(fd, eventmask).
func (p *Poll) Modify(fd int, events Events) error {
	return p.set(fd, events, true)
}

// set registers fd for events; if registered is set, only an fd that is
// registered already.
func (p *Poll) set(fd int, events Events, registered bool) error {
	if fd < 0 {
		return ErrBadFd
	}
	if events > 0xffff {
		return fmt.Errorf("poll: events %#x do not fit poll(2)'s 16 bits", uint32(events))
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.events[fd]; registered && !ok {
		return ErrNotRegistered
	}
	p.events[fd] = events
	p.stale = true
	return nil
}

// Unregister stops watching fd; it returns [ErrNotRegistered] for one that
// is not registered. Python: poll.unregister(fd).
func (p *Poll) Unregister(fd int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.events[fd]; !ok {
		return ErrNotRegistered
	}
	delete(p.events, fd)
	p.stale = true
	return nil
}

// Poll waits until some registered descriptors are ready or the timeout
// passes, and returns the ready ones with their events (none when the
// timeout passed). A negative timeout ([Forever]) waits without limit;
// the timeout is rounded up to a whole millisecond. A wait interrupted by
// a signal is retried with the time that remains. Changes made by other
// goroutines during a wait apply from the next call.
//
// Python: poll.poll([timeout]), with the timeout in milliseconds and None
// or a negative number for no limit.
func (p *Poll) Poll(timeout time.Duration) ([]Ready, error) {
	p.mu.Lock()
	if p.polling {
		p.mu.Unlock()
		return nil, ErrBusy
	}
	p.polling = true
	if p.stale {
		p.fds = p.fds[:0]
		for fd, ev := range p.events {
			pfd := unix.PollFd{Fd: int32(fd)}
			setShort(&pfd.Events, ev)
			p.fds = append(p.fds, pfd)
		}
		slices.SortFunc(p.fds, func(a, b unix.PollFd) int { return cmp.Compare(a.Fd, b.Fd) })
		p.stale = false
	}
	fds := p.fds
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.polling = false
		p.mu.Unlock()
	}()

	n, err := retry(timeout, func(left time.Duration) (int, error) {
		return unix.Poll(fds, millis(left))
	})
	if err != nil {
		return nil, os.NewSyscallError("poll", err)
	}
	if n == 0 {
		return nil, nil
	}
	out := make([]Ready, 0, n)
	for i := range fds {
		if fds[i].Revents != 0 {
			out = append(out, Ready{Fd: int(fds[i].Fd), Events: Events(uint16(fds[i].Revents))})
			fds[i].Revents = 0
		}
	}
	return out, nil
}

// setShort stores events in a pollfd field, which is an int16 on most
// systems and a uint16 on AIX.
func setShort[T ~int16 | ~uint16](field *T, events Events) {
	*field = T(events)
}
