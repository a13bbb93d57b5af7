package lineedit

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// nonblockPipe returns a pipe whose ends are non-blocking and close on
// exec. macOS has no pipe2: the flags are set after pipe(2), under
// syscall.ForkLock so that no fork in between inherits the descriptors
// (as os.Pipe does there).
func nonblockPipe() ([2]int, error) {
	var p [2]int
	syscall.ForkLock.RLock()
	err := unix.Pipe(p[:])
	if err == nil {
		unix.CloseOnExec(p[0])
		unix.CloseOnExec(p[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return p, err
	}
	for _, fd := range p {
		if err := unix.SetNonblock(fd, true); err != nil {
			unix.Close(p[0]) //nolint:errcheck
			unix.Close(p[1]) //nolint:errcheck
			return p, err
		}
	}
	return p, nil
}
