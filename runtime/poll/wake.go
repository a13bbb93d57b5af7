//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// wakePipe is a self-pipe: a byte written to w makes r readable.
type wakePipe struct{ r, w int }

// newWakePipe creates a non-blocking, close-on-exec pipe.
func newWakePipe() (wakePipe, error) {
	var p [2]int
	syscall.ForkLock.RLock()
	err := unix.Pipe(p[:])
	if err == nil {
		unix.CloseOnExec(p[0])
		unix.CloseOnExec(p[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return wakePipe{-1, -1}, os.NewSyscallError("pipe", err)
	}
	for _, fd := range p {
		if err := unix.SetNonblock(fd, true); err != nil {
			unix.Close(p[0])
			unix.Close(p[1])
			return wakePipe{-1, -1}, os.NewSyscallError("fcntl", err)
		}
	}
	return wakePipe{p[0], p[1]}, nil
}

// wake makes r readable. A full pipe is already readable, so EAGAIN is
// not an error.
func (w wakePipe) wake() error {
	_, err := unix.Write(w.w, []byte{0})
	if err == unix.EAGAIN {
		err = nil
	}
	return os.NewSyscallError("write", err)
}

// drain reads everything written to the pipe.
func (w wakePipe) drain() {
	var buf [64]byte
	for {
		n, err := unix.Read(w.r, buf[:])
		if n <= 0 || err != nil {
			return
		}
	}
}

func (w wakePipe) close() {
	unix.Close(w.r)
	unix.Close(w.w)
}
