package multiprocessing

import (
	"time"

	"golang.org/x/sys/unix"
)

// Forever is a timeout that never expires (Python's timeout=None).
// Throughout the package a negative timeout waits forever and a zero timeout
// does not wait at all (Python's block=False).
const Forever time.Duration = -1

// Waitable is anything Wait can watch: a Conn, a Listener, a Process's
// Sentinel, or any object with a readable file descriptor.
type Waitable interface {
	Fileno() int
}

// bufferedWaitable is a Waitable that may already hold unread data.
type bufferedWaitable interface {
	hasBuffered() bool
}

func (c *Conn) hasBuffered() bool {
	if !c.rmu.TryLock() {
		return false
	}
	defer c.rmu.Unlock()
	return c.fr.buffered() > 0
}

// Poll reports whether there is data to receive, waiting up to timeout
// (Forever: no limit). A closed peer counts as data: the next receive
// returns io.EOF. Python: poll([timeout]).
func (c *Conn) Poll(timeout time.Duration) (bool, error) {
	if !c.readable {
		return false, ErrNotReadable
	}
	if c.hasBuffered() {
		return true, nil
	}
	fd, err := c.ref.acquire()
	if err != nil {
		return false, err
	}
	defer c.ref.release()
	ready, err := pollFDs([]int{fd}, timeout)
	return len(ready) > 0, err
}

// Wait waits until at least one of the objects is ready to read, or the
// timeout expires, and returns the ready ones in the order given (none on a
// timeout). Python: multiprocessing.connection.wait(object_list, timeout).
func Wait(objects []Waitable, timeout time.Duration) ([]Waitable, error) {
	var ready []Waitable
	fds := make([]int, 0, len(objects))
	for _, o := range objects {
		if b, ok := o.(bufferedWaitable); ok && b.hasBuffered() {
			ready = append(ready, o)
		}
		fds = append(fds, o.Fileno())
	}
	if len(ready) > 0 {
		timeout = 0
	}
	idx, err := pollFDs(fds, timeout)
	if err != nil {
		return nil, err
	}
	if len(ready) == 0 {
		for _, i := range idx {
			ready = append(ready, objects[i])
		}
		return ready, nil
	}
	in := make(map[int]bool, len(idx))
	for _, i := range idx {
		in[i] = true
	}
	ready = ready[:0]
	for i, o := range objects {
		if b, ok := o.(bufferedWaitable); (ok && b.hasBuffered()) || in[i] {
			ready = append(ready, o)
		}
	}
	return ready, nil
}

// pollFDs waits for any of fds to become readable (or hung up) and returns
// the indexes of those that are. Negative descriptors are skipped.
func pollFDs(fds []int, timeout time.Duration) ([]int, error) {
	pfds := make([]unix.PollFd, len(fds))
	for i, fd := range fds {
		pfds[i] = unix.PollFd{Fd: int32(fd), Events: unix.POLLIN}
	}
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	for {
		ms := -1
		if timeout >= 0 {
			ms = 0
			if timeout > 0 {
				left := time.Until(deadline)
				if left < 0 {
					left = 0
				}
				ms = int((left + time.Millisecond - 1) / time.Millisecond)
			}
		}
		n, err := unix.Poll(pfds, ms)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n == 0 {
			if timeout > 0 && time.Now().Before(deadline) {
				continue
			}
			return nil, nil
		}
		var ready []int
		for i, p := range pfds {
			if p.Revents != 0 {
				ready = append(ready, i)
			}
		}
		return ready, nil
	}
}
