//go:build !(linux || darwin || openbsd || netbsd || dragonfly || solaris || illumos || aix)

package multiprocessing

// writevFD writes the buffers as one, copied, where writev is missing.
func writevFD(fd int, bufs [][]byte) error {
	var all []byte
	for _, b := range bufs {
		all = append(all, b...)
	}
	return writeFD(fd, all)
}
