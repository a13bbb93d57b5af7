package shell

import "golang.org/x/sys/unix"

// The termios ioctls: get, set at once (TCSANOW), set after output drains
// (TCSADRAIN).
const (
	ioctlGetTermios      = unix.TCGETS
	ioctlSetTermios      = unix.TCSETS
	ioctlSetTermiosDrain = unix.TCSETSW
)

// blockTTOU blocks SIGTTOU on the calling thread, which the caller has
// locked to its goroutine; unblock puts the thread's mask back.
func blockTTOU() (unblock func(), err error) {
	var set, old unix.Sigset_t
	sig := uint(unix.SIGTTOU) - 1
	set.Val[sig/64] |= 1 << (sig % 64)
	if err := unix.PthreadSigmask(unix.SIG_BLOCK, &set, &old); err != nil {
		return nil, err
	}
	return func() { unix.PthreadSigmask(unix.SIG_SETMASK, &old, nil) }, nil //nolint:errcheck
}
