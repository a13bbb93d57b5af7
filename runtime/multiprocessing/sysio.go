package multiprocessing

import (
	"io"

	"golang.org/x/sys/unix"
)

// readFD reads from a blocking descriptor, retrying on EINTR; it returns
// 0, io.EOF at the end of the stream. Blocking system calls (rather than Go's
// network poller) keep a message round trip at the kernel's cost.
func readFD(fd int, p []byte) (int, error) {
	for {
		n, err := unix.Read(fd, p)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return 0, err
		}
		if n == 0 && len(p) > 0 {
			return 0, io.EOF
		}
		return n, nil
	}
}

// writeFD writes all of p, retrying on EINTR and short writes.
func writeFD(fd int, p []byte) error {
	for len(p) > 0 {
		n, err := unix.Write(fd, p)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		p = p[n:]
	}
	return nil
}
