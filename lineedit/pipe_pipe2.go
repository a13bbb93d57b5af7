//go:build linux || dragonfly || freebsd || netbsd || openbsd

package lineedit

import "golang.org/x/sys/unix"

// nonblockPipe returns a pipe whose ends are non-blocking and close on
// exec.
func nonblockPipe() ([2]int, error) {
	var p [2]int
	err := unix.Pipe2(p[:], unix.O_NONBLOCK|unix.O_CLOEXEC)
	return p, err
}
