//go:build !linux

package multiprocessing

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// pipe2 makes a close-on-exec pipe (in two steps where pipe2 is missing).
func pipe2(p []int) error {
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	if err := unix.Pipe(p); err != nil {
		return err
	}
	unix.CloseOnExec(p[0])
	unix.CloseOnExec(p[1])
	return nil
}
