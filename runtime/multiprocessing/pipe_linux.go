package multiprocessing

import "golang.org/x/sys/unix"

// growPipe asks for a PipeBufferSize buffer; failure leaves the default.
func growPipe(fd int) {
	if PipeBufferSize > 0 {
		unix.FcntlInt(uintptr(fd), unix.F_SETPIPE_SZ, PipeBufferSize)
	}
}

// pipe2 makes a close-on-exec pipe.
func pipe2(p []int) error { return unix.Pipe2(p, unix.O_CLOEXEC) }
