//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"fmt"
	"slices"
	"time"
)

// Backend names the system mechanism a [Poller] waits with.
type Backend int

// The mechanisms. [Backends] tells which this platform has.
const (
	// BackendAuto picks the best mechanism of the platform: the first of
	// [Backends]. Python: selectors.DefaultSelector.
	BackendAuto Backend = iota
	// BackendEpoll waits with epoll (Linux). Python: selectors.EpollSelector.
	BackendEpoll
	// BackendKqueue waits with kqueue (macOS, BSD). Python: selectors.KqueueSelector.
	BackendKqueue
	// BackendPoll waits with poll(2). Python: selectors.PollSelector.
	BackendPoll
	// BackendSelect waits with select(2), for descriptors below 1024 only.
	// Python: selectors.SelectSelector.
	BackendSelect
)

// String returns the mechanism's name, such as "epoll".
func (b Backend) String() string {
	switch b {
	case BackendAuto:
		return "auto"
	case BackendEpoll:
		return "epoll"
	case BackendKqueue:
		return "kqueue"
	case BackendPoll:
		return "poll"
	case BackendSelect:
		return "select"
	}
	return fmt.Sprintf("Backend(%d)", int(b))
}

// Backends returns the mechanisms this platform has, best first.
func Backends() []Backend { return slices.Clone(platformBackends) }

// waiter is what a Poller needs of a mechanism. The Poller serializes
// add, modify, remove and close, validates arguments and keeps the
// registry; wait may run concurrently with the others.
type waiter interface {
	add(fd int, events Events) error
	modify(fd int, events Events) error
	remove(fd int) error
	// wait returns raw readiness per descriptor, at most one Ready per fd.
	wait(timeout time.Duration) ([]Ready, error)
	close() error
}

// newWaiter creates the waiter of a mechanism this platform has.
func newWaiter(b Backend) (waiter, error) {
	switch b {
	case BackendPoll:
		return &pollWaiter{p: NewPoll()}, nil
	case BackendSelect:
		return newSelectWaiter(), nil
	}
	return newPlatformWaiter(b)
}
