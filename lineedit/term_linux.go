package lineedit

import (
	"runtime"
	"syscall"

	"golang.org/x/sys/unix"
)

const (
	ioctlGetTermios = unix.TCGETS
	ioctlSetTermios = unix.TCSETS // TCSANOW: never wait for output to drain
)

// raiseSignal sends sig to this process through the calling thread
// (tgkill), so that the signal has been acted on by the time it returns.
func raiseSignal(sig syscall.Signal) {
	runtime.LockOSThread()
	unix.Tgkill(unix.Getpid(), unix.Gettid(), sig) //nolint:errcheck
	runtime.UnlockOSThread()
}
