//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package poll

import (
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Kqueue is a BSD or macOS kernel event queue. Its methods may be called
// from several goroutines. Close it when done, typically with defer,
// which is Go's form of Python's "with select.kqueue() as kq:".
//
// Python: select.kqueue.
type Kqueue struct {
	ref fdRef
}

// NewKqueue creates a kernel event queue, with close-on-exec set.
// Python: select.kqueue().
func NewKqueue() (*Kqueue, error) {
	syscall.ForkLock.RLock()
	fd, err := unix.Kqueue()
	if err == nil {
		unix.CloseOnExec(fd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, os.NewSyscallError("kqueue", err)
	}
	return KqueueFromFd(fd), nil
}

// KqueueFromFd returns a Kqueue that owns fd, which must be a kqueue
// descriptor (it is not checked). Closing the Kqueue closes fd.
// Python: select.kqueue.fromfd(fd).
func KqueueFromFd(fd int) *Kqueue {
	return &Kqueue{ref: fdRef{fd: fd}}
}

// Fileno returns the kqueue descriptor, or [ErrClosed]. Python: kqueue.fileno().
func (k *Kqueue) Fileno() (int, error) {
	fd, err := k.ref.acquire()
	if err != nil {
		return -1, err
	}
	k.ref.release()
	return fd, nil
}

// Close closes the queue. Closing twice is not an error. A
// [Kqueue.Control] in progress in another goroutine is not interrupted;
// the descriptor is released when it returns. Python: kqueue.close().
func (k *Kqueue) Close() error { return k.ref.close() }

// Closed reports whether Close was called. Python: kqueue.closed.
func (k *Kqueue) Closed() bool { return k.ref.isClosed() }

// Control applies changes and then waits up to timeout for at most
// maxEvents events, which it returns (none when maxEvents is 0 or the
// timeout passed). A negative timeout ([Forever]) waits without limit. A
// wait interrupted by a signal is retried with the time that remains and
// without the changes, which the kernel has already applied.
//
// Python: kqueue.control(changelist, max_events[, timeout]), with the
// timeout in seconds and None for no limit.
func (k *Kqueue) Control(changes []Kevent, maxEvents int, timeout time.Duration) ([]Kevent, error) {
	if maxEvents < 0 {
		maxEvents = 0
	}
	kq, err := k.ref.acquire()
	if err != nil {
		return nil, err
	}
	defer k.ref.release()
	in := makeRawKevents(len(changes))
	for i := range changes {
		toRaw(&in[i], changes[i])
	}
	out := makeRawKevents(maxEvents)
	n, err := retry(timeout, func(left time.Duration) (int, error) {
		var ts *unix.Timespec
		if left >= 0 {
			t := unix.NsecToTimespec(int64(left))
			ts = &t
		}
		n, err := unix.Kevent(kq, in, out, ts)
		if err == unix.EINTR {
			in = nil
		}
		return n, err
	})
	if err != nil {
		return nil, os.NewSyscallError("kevent", err)
	}
	if n == 0 {
		return nil, nil
	}
	events := make([]Kevent, n)
	for i := range events {
		events[i] = fromRaw(&out[i])
	}
	return events, nil
}
