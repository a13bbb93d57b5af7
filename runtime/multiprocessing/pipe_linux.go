package multiprocessing

import "golang.org/x/sys/unix"

// pipe2 makes a close-on-exec pipe.
func pipe2(p []int) error { return unix.Pipe2(p, unix.O_CLOEXEC) }
