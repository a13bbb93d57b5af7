//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"errors"
	"io/fs"
)

var (
	// ErrClosed is returned by the methods of a closed [Epoll], [Kqueue] or
	// [Poller]. Python: ValueError("I/O operation on closed epoll object").
	ErrClosed = errors.New("poll: use of closed poller")

	// ErrRegistered is returned when a descriptor is registered twice with a
	// [Poller]; errors.Is(err, fs.ErrExist) also holds. Python: KeyError
	// from selectors' register.
	ErrRegistered = &wrapError{"poll: file descriptor already registered", fs.ErrExist}

	// ErrNotRegistered is returned when a descriptor that is not registered
	// is modified or unregistered; errors.Is(err, fs.ErrNotExist) also
	// holds. Python: KeyError from poll.unregister, FileNotFoundError from
	// poll.modify.
	ErrNotRegistered = &wrapError{"poll: file descriptor not registered", fs.ErrNotExist}

	// ErrBusy is returned by [Poll.Poll] while another goroutine is inside
	// Poll on the same object. Python: RuntimeError("concurrent poll()
	// invocation").
	ErrBusy = errors.New("poll: concurrent poll of one Poll object")

	// ErrBadFd is returned for a negative descriptor, or by [Select] for one
	// at or above the select(2) limit of 1024 (use [Poll] or a [Poller]
	// for those). Python: ValueError("filedescriptor out of range in
	// select()").
	ErrBadFd = errors.New("poll: file descriptor out of range")
)

// wrapError is what fmt.Errorf("msg: %w", err) returns, without calling
// fmt during package initialization (which every program importing poll,
// gosh among them, pays at start-up).
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg + ": " + e.err.Error() }
func (e *wrapError) Unwrap() error { return e.err }
