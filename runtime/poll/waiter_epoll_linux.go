package poll

import "time"

// platformBackends lists Linux's mechanisms, best first.
var platformBackends = []Backend{BackendEpoll, BackendPoll, BackendSelect}

// newPlatformWaiter creates Linux's own mechanism.
func newPlatformWaiter(b Backend) (waiter, error) {
	if b != BackendEpoll {
		return nil, errNoBackend(b)
	}
	ep, err := NewEpoll()
	if err != nil {
		return nil, err
	}
	return epollWaiter{ep}, nil
}

// epollWaiter is the epoll mechanism of a Poller.
type epollWaiter struct{ ep *Epoll }

func (w epollWaiter) add(fd int, ev Events) error    { return w.ep.Register(fd, ev) }
func (w epollWaiter) modify(fd int, ev Events) error { return w.ep.Modify(fd, ev) }
func (w epollWaiter) remove(fd int) error            { return w.ep.Unregister(fd) }
func (w epollWaiter) close() error                   { return w.ep.Close() }

func (w epollWaiter) wait(timeout time.Duration) ([]Ready, error) {
	return w.ep.Poll(timeout, 0)
}
