package multiprocessing

import "golang.org/x/sys/unix"

// growPipe asks for a PipeBufferSize buffer; failure leaves the default.
func growPipe(fd int) {
	if PipeBufferSize > 0 {
		unix.FcntlInt(uintptr(fd), unix.F_SETPIPE_SZ, PipeBufferSize)
	}
}
