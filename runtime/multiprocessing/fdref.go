package multiprocessing

import (
	"sync"

	"golang.org/x/sys/unix"
)

// fdRef guards a file descriptor against being closed (and its number
// reused) while another goroutine is inside a system call on it: Close marks
// it closing, and the last operation in flight closes it.
type fdRef struct {
	mu      sync.Mutex
	fd      int
	refs    int
	closing bool
	socket  bool // shut down on Close to wake blocked readers
}

// acquire returns the descriptor for one operation; release must follow.
func (f *fdRef) acquire() (int, error) {
	f.mu.Lock()
	if f.closing {
		f.mu.Unlock()
		return -1, ErrClosed
	}
	f.refs++
	fd := f.fd
	f.mu.Unlock()
	return fd, nil
}

// release ends an operation started with acquire.
func (f *fdRef) release() {
	f.mu.Lock()
	f.refs--
	if f.closing && f.refs == 0 && f.fd >= 0 {
		unix.Close(f.fd)
		f.fd = -1
	}
	f.mu.Unlock()
}

// close closes the descriptor now, or when the last operation ends. A socket
// is shut down first so that a goroutine blocked reading it returns.
func (f *fdRef) close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closing {
		return ErrClosed
	}
	f.closing = true
	if f.refs == 0 {
		err := unix.Close(f.fd)
		f.fd = -1
		return err
	}
	if f.socket {
		unix.Shutdown(f.fd, unix.SHUT_RDWR)
	}
	return nil
}

// closed reports whether close was called.
func (f *fdRef) closed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closing
}
