package multiprocessing

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// Pipe returns the two ends of a new connection. With duplex both ends send
// and receive; without, the first end only receives and the second only
// sends. Python: multiprocessing.Pipe([duplex]).
//
// Python makes a duplex pipe of a socket pair. Here it is two pipes, which
// halve the cost of a round trip, and a socket pair beside them that
// carries payloads over 64 KiB, which a socket copies two to three times
// faster than a pipe; the pipe announces each such payload, so order is
// kept. Each end holds three descriptors; Fileno is the pipe it reads.
func Pipe(duplex bool) (*Conn, *Conn, error) {
	if duplex {
		return duplexPipe()
	}
	var p [2]int
	if err := pipe2(p[:]); err != nil {
		return nil, nil, err
	}
	return NewConn(p[0], true, false), NewConn(p[1], false, true), nil
}

// duplexPipe makes two pipes, crosses them, and adds a socket pair for
// large payloads.
func duplexPipe() (*Conn, *Conn, error) {
	a, b, err := pipePair()
	if err != nil {
		return nil, nil, err
	}
	s, err := socketPair()
	if err != nil {
		closeFDs([]int{a[0], a[1], b[0], b[1]})
		return nil, nil, err
	}
	return newPipePairConn(a[0], b[1], s[0]), newPipePairConn(b[0], a[1], s[1]), nil
}

// socketPair makes a close-on-exec Unix stream socket pair.
func socketPair() ([2]int, error) {
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	if err != nil {
		return fds, err
	}
	unix.CloseOnExec(fds[0])
	unix.CloseOnExec(fds[1])
	return fds, nil
}

// pipePair makes two close-on-exec pipes ([0] reads, [1] writes).
func pipePair() (a, b [2]int, err error) {
	if err = pipe2(a[:]); err != nil {
		return
	}
	if err = pipe2(b[:]); err != nil {
		unix.Close(a[0])
		unix.Close(a[1])
		return
	}
	return
}
