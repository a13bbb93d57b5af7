package poll

import (
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// maxEpollEvents bounds how many events one [Epoll.Poll] returns when the
// caller sets no smaller bound. Python's default is FD_SETSIZE-1.
const maxEpollEvents = fdSetSize - 1

// eventBufs recycles epoll_wait's buffers between calls.
var eventBufs = sync.Pool{New: func() any {
	b := make([]unix.EpollEvent, maxEpollEvents)
	return &b
}}

// Epoll is a Linux epoll instance. Its methods may be called from several
// goroutines, and several goroutines may wait in [Epoll.Poll] at once.
// Close it when done, typically with defer, which is Go's form of
// Python's "with select.epoll() as ep:".
//
// Python: select.epoll.
type Epoll struct {
	ref fdRef
}

// NewEpoll creates an epoll instance, with close-on-exec set. Python:
// select.epoll(sizehint=-1, flags=0); both arguments are obsolete and
// have no counterpart.
func NewEpoll() (*Epoll, error) {
	fd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("epoll_create1", err)
	}
	return EpollFromFd(fd), nil
}

// EpollFromFd returns an Epoll that owns fd, which must be an epoll
// descriptor (it is not checked), such as one inherited from a parent
// process. Closing the Epoll closes fd. Python: select.epoll.fromfd(fd).
func EpollFromFd(fd int) *Epoll {
	return &Epoll{ref: fdRef{fd: fd}}
}

// Fileno returns the epoll descriptor, or [ErrClosed]. Python: epoll.fileno().
func (e *Epoll) Fileno() (int, error) {
	fd, err := e.ref.acquire()
	if err != nil {
		return -1, err
	}
	e.ref.release()
	return fd, nil
}

// Close closes the epoll instance. Closing twice is not an error. A
// [Epoll.Poll] in progress in another goroutine is not interrupted; the
// descriptor is released when it returns. Python: epoll.close(), and the
// end of a with block.
func (e *Epoll) Close() error { return e.ref.close() }

// Closed reports whether Close was called. Python: epoll.closed.
func (e *Epoll) Closed() bool { return e.ref.isClosed() }

// Register adds fd with the events to watch, which may include
// [EdgeTriggered], [OneShot] and [Exclusive]. [Err] and [Hup] are always
// reported. Registering an fd twice fails with EEXIST (errors.Is(err,
// fs.ErrExist)).
//
// Python: epoll.register(fd[, eventmask]); Python's default mask is
// In|Pri|Out ([DefaultEvents]).
func (e *Epoll) Register(fd int, events Events) error {
	return e.ctl(unix.EPOLL_CTL_ADD, "epoll_ctl(add)", fd, events)
}

// Modify changes the events of a registered fd and re-arms a [OneShot]
// registration. An fd that is not registered fails with ENOENT
// (errors.Is(err, fs.ErrNotExist)); one registered with [Exclusive] fails
// with EINVAL. Python: epoll.modify(fd, eventmask).
func (e *Epoll) Modify(fd int, events Events) error {
	return e.ctl(unix.EPOLL_CTL_MOD, "epoll_ctl(mod)", fd, events)
}

// Unregister removes fd. One that is not registered fails with ENOENT.
// Python: epoll.unregister(fd).
func (e *Epoll) Unregister(fd int) error {
	return e.ctl(unix.EPOLL_CTL_DEL, "epoll_ctl(del)", fd, 0)
}

func (e *Epoll) ctl(op int, name string, fd int, events Events) error {
	if fd < 0 {
		return ErrBadFd
	}
	epfd, err := e.ref.acquire()
	if err != nil {
		return err
	}
	defer e.ref.release()
	ev := unix.EpollEvent{Events: uint32(events), Fd: int32(fd)}
	return os.NewSyscallError(name, unix.EpollCtl(epfd, op, fd, &ev))
}

// Poll waits until some registered descriptors are ready or the timeout
// passes, and returns at most maxEvents of them (at most 1023 when
// maxEvents <= 0); none when the timeout passed. A negative timeout
// ([Forever]) waits without limit; the timeout is rounded up to a whole
// millisecond. A wait interrupted by a signal is retried with the time
// that remains.
//
// Python: epoll.poll(timeout=None, maxevents=-1), with the timeout in
// seconds and None or a negative number for no limit.
func (e *Epoll) Poll(timeout time.Duration, maxEvents int) ([]Ready, error) {
	if maxEvents <= 0 || maxEvents > maxEpollEvents {
		maxEvents = maxEpollEvents
	}
	epfd, err := e.ref.acquire()
	if err != nil {
		return nil, err
	}
	defer e.ref.release()
	bp := eventBufs.Get().(*[]unix.EpollEvent)
	defer eventBufs.Put(bp)
	buf := (*bp)[:maxEvents]
	n, err := retry(timeout, func(left time.Duration) (int, error) {
		return unix.EpollWait(epfd, buf, millis(left))
	})
	if err != nil {
		return nil, os.NewSyscallError("epoll_wait", err)
	}
	if n == 0 {
		return nil, nil
	}
	out := make([]Ready, n)
	for i, ev := range buf[:n] {
		out[i] = Ready{Fd: int(ev.Fd), Events: Events(ev.Events)}
	}
	return out, nil
}
