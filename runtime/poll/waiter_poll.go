//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import "time"

// pollWaiter is the poll(2) mechanism of a Poller.
type pollWaiter struct{ p *Poll }

func (w *pollWaiter) add(fd int, ev Events) error    { return w.p.Register(fd, ev) }
func (w *pollWaiter) modify(fd int, ev Events) error { return w.p.Modify(fd, ev) }
func (w *pollWaiter) remove(fd int) error            { return w.p.Unregister(fd) }
func (w *pollWaiter) close() error                   { return nil }

func (w *pollWaiter) wait(timeout time.Duration) ([]Ready, error) {
	return w.p.Poll(timeout)
}
