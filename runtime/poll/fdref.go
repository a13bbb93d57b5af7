//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"os"
	"sync"

	"golang.org/x/sys/unix"
)

// fdRef owns the descriptor of a kernel poller (an epoll or a kqueue).
// Waits hold a reference while they use it, so that Close from another
// goroutine cannot let the descriptor number be reused under a wait: the
// descriptor is closed when the last wait returns.
type fdRef struct {
	mu      sync.Mutex
	fd      int
	refs    int
	closing bool
}

// acquire returns the descriptor and holds it open until release.
func (r *fdRef) acquire() (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closing {
		return -1, ErrClosed
	}
	r.refs++
	return r.fd, nil
}

// release gives back a reference from acquire, closing the descriptor if
// it was the last one and close was called meanwhile.
func (r *fdRef) release() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refs--
	if r.closing && r.refs == 0 && r.fd >= 0 {
		unix.Close(r.fd)
		r.fd = -1
	}
}

// close marks the descriptor closed and closes it now if no wait uses it.
// Closing twice is not an error.
func (r *fdRef) close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closing {
		return nil
	}
	r.closing = true
	if r.refs > 0 {
		return nil
	}
	fd := r.fd
	r.fd = -1
	return os.NewSyscallError("close", unix.Close(fd))
}

// isClosed reports whether close was called.
func (r *fdRef) isClosed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closing
}
