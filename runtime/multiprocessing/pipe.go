package multiprocessing

import (
	"golang.org/x/sys/unix"
)

// Pipe returns the two ends of a new connection. With duplex both ends send
// and receive; without, the first end only receives and the second only
// sends. Python: multiprocessing.Pipe([duplex]).
//
// Python makes a duplex pipe of a socket pair; here it is two pipes, which
// halves the cost of a round trip. Each end then holds two descriptors
// (Fileno is the one it reads).
func Pipe(duplex bool) (*Conn, *Conn, error) {
	if duplex {
		return duplexPipe()
	}
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
		return nil, nil, err
	}
	return NewConn(p[0], true, false), NewConn(p[1], false, true), nil
}

// duplexPipe makes two pipes and crosses them.
func duplexPipe() (*Conn, *Conn, error) {
	a, b, err := pipePair()
	if err != nil {
		return nil, nil, err
	}
	return newPipePairConn(a[0], b[1]), newPipePairConn(b[0], a[1]), nil
}

// pipePair makes two close-on-exec pipes ([0] reads, [1] writes).
func pipePair() (a, b [2]int, err error) {
	if err = unix.Pipe2(a[:], unix.O_CLOEXEC); err != nil {
		return
	}
	if err = unix.Pipe2(b[:], unix.O_CLOEXEC); err != nil {
		unix.Close(a[0])
		unix.Close(a[1])
		return
	}
	growPipe(a[1])
	growPipe(b[1])
	return
}

// PipeBufferSize is the kernel buffer this package asks for its pipes, so
// that a large message crosses in few wake-ups (Linux's default is 64 KiB).
// The kernel may give less (fs.pipe-max-size, per-user limits).
var PipeBufferSize = 1 << 20
