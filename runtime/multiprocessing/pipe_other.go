//go:build !linux

package multiprocessing

// growPipe does nothing where pipes cannot be resized.
func growPipe(fd int) {}
