//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package lineedit

import (
	"syscall"

	"golang.org/x/sys/unix"
)

const (
	ioctlGetTermios = unix.TIOCGETA
	ioctlSetTermios = unix.TIOCSETA // TCSANOW: never wait for output to drain
)

// raiseSignal sends sig to this process. These systems have no tgkill in
// golang.org/x/sys/unix, so the signal goes to the process, as raise(3)
// in a single-threaded program does. That is enough here: the driver
// raises only signals that are default-handled at that point (SIGTSTP,
// which the driver never catches, and a fatal signal after signal.Stop,
// when the runtime's handler gives it its default action), and a
// default action — stop or termination — applies to the whole process
// whichever thread receives the signal. POSIX has kill(2) deliver a
// signal the calling thread does not block before it returns when no
// other thread can take it, and the kernels of these systems prefer the
// calling thread (FreeBSD's sigtd); if another thread takes it instead,
// the process still stops or ends a moment later.
func raiseSignal(sig syscall.Signal) {
	unix.Kill(unix.Getpid(), sig) //nolint:errcheck
}
