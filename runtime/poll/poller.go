//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// Poller waits for descriptors to become readable or writable with the
// best mechanism of the platform (epoll, kqueue or poll), and can be woken
// from another goroutine. It is Go's form of Python's
// selectors.DefaultSelector.
//
// Its methods may be called from several goroutines; one goroutine at a
// time should be in [Poller.Wait]. Changes made during a Wait apply at
// the latest to the next one; [Poller.Wake] makes a Wait return early.
// Close it when done.
type Poller struct {
	mu      sync.Mutex
	backend Backend
	w       waiter
	regs    map[int]Events
	wake    wakePipe
	waiting int  // Wait calls in progress
	closed  bool // Close was called; resources go with the last Wait
}

// errNoBackend reports a mechanism the platform lacks.
func errNoBackend(b Backend) error {
	return fmt.Errorf("poll: no %v mechanism on this platform", b)
}

// NewPoller returns a Poller using the best mechanism of the platform.
// Python: selectors.DefaultSelector().
func NewPoller() (*Poller, error) { return NewPollerBackend(BackendAuto) }

// NewPollerBackend returns a Poller using the mechanism b, which must be
// one of [Backends] or [BackendAuto]. Python: selectors.EpollSelector(),
// selectors.PollSelector() and so on.
func NewPollerBackend(b Backend) (*Poller, error) {
	if b == BackendAuto {
		b = platformBackends[0]
	}
	if !slices.Contains(platformBackends, b) {
		return nil, errNoBackend(b)
	}
	w, err := newWaiter(b)
	if err != nil {
		return nil, err
	}
	p := &Poller{backend: b, w: w, regs: make(map[int]Events)}
	if p.wake, err = newWakePipe(); err != nil {
		w.close()
		return nil, err
	}
	if err := w.add(p.wake.r, In); err != nil {
		p.wake.close()
		w.close()
		return nil, err
	}
	return p, nil
}

// Backend returns the mechanism p uses.
func (p *Poller) Backend() Backend { return p.backend }

// check validates a registration request; p.mu is held.
func (p *Poller) check(fd int, events Events) error {
	if p.closed {
		return ErrClosed
	}
	if fd < 0 || fd == p.wake.r {
		return ErrBadFd
	}
	if events == 0 || events&^(In|Out) != 0 {
		return fmt.Errorf("poll: Poller events must be In, Out or both, not %v", events)
	}
	return nil
}

// Add starts watching fd for events, which are [In], [Out] or both. Adding
// an fd twice returns [ErrRegistered]. Python: BaseSelector.register(fileobj,
// events) with EVENT_READ and EVENT_WRITE.
func (p *Poller) Add(fd int, events Events) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.check(fd, events); err != nil {
		return err
	}
	if _, ok := p.regs[fd]; ok {
		return ErrRegistered
	}
	if err := p.w.add(fd, events); err != nil {
		return err
	}
	p.regs[fd] = events
	return nil
}

// Modify changes the events watched for a registered fd. Python:
// BaseSelector.modify(fileobj, events).
func (p *Poller) Modify(fd int, events Events) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.check(fd, events); err != nil {
		return err
	}
	old, ok := p.regs[fd]
	if !ok {
		return ErrNotRegistered
	}
	if old == events {
		return nil
	}
	if err := p.w.modify(fd, events); err != nil {
		return err
	}
	p.regs[fd] = events
	return nil
}

// Remove stops watching fd. Remove an fd before closing it: the kernel
// drops a closed descriptor from epoll and kqueue only once no copy of it
// remains open. An error of the system call, such as for a descriptor
// already closed, is ignored, as selectors does. Python:
// BaseSelector.unregister(fileobj).
func (p *Poller) Remove(fd int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ErrClosed
	}
	if _, ok := p.regs[fd]; !ok {
		return ErrNotRegistered
	}
	delete(p.regs, fd)
	p.w.remove(fd)
	return nil
}

// Wait waits until some registered descriptors are ready, [Poller.Wake]
// is called, or the timeout passes, and returns the ready descriptors,
// none after a wake-up or a timeout. A negative timeout ([Forever]) waits
// without limit. A wait interrupted by a signal is retried.
//
// Each Ready has [In], [Out] or both, limited to the events registered;
// an error or hang-up makes a descriptor both readable and writable (a
// read or write then reports the condition), and also sets [Err] or [Hup].
//
// Python: BaseSelector.select(timeout=None), with the timeout in seconds.
func (p *Poller) Wait(timeout time.Duration) ([]Ready, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, ErrClosed
	}
	p.waiting++
	p.mu.Unlock()
	raw, err := p.w.wait(timeout)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.waiting--
	if p.closed {
		if p.waiting == 0 {
			p.release()
		}
		return nil, ErrClosed
	}
	if err != nil {
		return nil, err
	}
	out := raw[:0]
	for _, r := range raw {
		if r.Fd == p.wake.r {
			p.wake.drain()
			continue
		}
		want, ok := p.regs[r.Fd]
		if !ok {
			continue // removed during the wait
		}
		var ev Events
		if r.Events&^Out != 0 {
			ev |= In
		}
		if r.Events&^In != 0 {
			ev |= Out
		}
		ev = ev&want | r.Events&(Err|Hup)
		if ev != 0 {
			out = append(out, Ready{Fd: r.Fd, Events: ev})
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// Wake makes a [Poller.Wait] in progress return, or the next one if none
// is in progress. It is safe to call from any goroutine, also from a
// signal-handling one. Python has no counterpart (asyncio writes to a
// self-pipe, which is what Wake does).
func (p *Poller) Wake() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ErrClosed
	}
	return p.wake.wake()
}

// Close releases the Poller; the registered descriptors stay open. A
// Wait in progress returns [ErrClosed]. Closing twice is not an error.
// Python: BaseSelector.close().
func (p *Poller) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	p.closed = true
	if p.waiting > 0 {
		return p.wake.wake() // the last Wait to return releases
	}
	return p.release()
}

// release closes the mechanism and the wake-up pipe; p.mu is held.
func (p *Poller) release() error {
	err := p.w.close()
	p.wake.close()
	return err
}
