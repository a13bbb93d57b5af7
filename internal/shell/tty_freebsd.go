package shell

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// The termios ioctls: get, set at once (TCSANOW), set after output drains
// (TCSADRAIN).
const (
	ioctlGetTermios      = unix.TIOCGETA
	ioctlSetTermios      = unix.TIOCSETA
	ioctlSetTermiosDrain = unix.TIOCSETAW
)

// sigprocmask's how, from FreeBSD's <sys/signal.h>
// (golang.org/x/sys/unix does not define them for FreeBSD).
const (
	sigBlock   = 1 // SIG_BLOCK
	sigSetmask = 3 // SIG_SETMASK
)

// blockTTOU blocks SIGTTOU on the calling thread, which the caller has
// locked to its goroutine; unblock puts the thread's mask back. FreeBSD's
// sigprocmask(2) changes the calling thread's mask (the Go runtime uses it
// so too); golang.org/x/sys/unix has no wrapper for it there.
func blockTTOU() (unblock func(), err error) {
	var set, old unix.Sigset_t
	sig := uint(unix.SIGTTOU) - 1
	set.Val[sig/32] |= 1 << (sig % 32)
	if err := sigprocmask(sigBlock, &set, &old); err != nil {
		return nil, err
	}
	return func() { sigprocmask(sigSetmask, &old, nil) }, nil //nolint:errcheck
}

func sigprocmask(how int, set, old *unix.Sigset_t) error {
	_, _, e := unix.RawSyscall(unix.SYS_SIGPROCMASK, uintptr(how), uintptr(unsafe.Pointer(set)), uintptr(unsafe.Pointer(old)))
	if e != 0 {
		return e
	}
	return nil
}
