package multiprocessing

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

// segment is a block of memory shared between processes: a memfd mapped
// MAP_SHARED. Children inherit the descriptor and map the same pages.
type segment struct {
	fd  int
	mem []byte
}

// newSegment makes a zeroed shared segment of size bytes.
func newSegment(name string, size int) (*segment, error) {
	fd, err := unix.MemfdCreate("gosh-mp-"+name, unix.MFD_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("multiprocessing: memfd_create: %w", err)
	}
	if size == 0 {
		size = 1
	}
	if err := unix.Ftruncate(fd, int64(size)); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return mapSegment(fd, size)
}

// attachSegment maps an inherited segment descriptor, taking ownership.
func attachSegment(fd int) (*segment, error) {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return mapSegment(fd, int(st.Size))
}

func mapSegment(fd, size int) (*segment, error) {
	mem, err := unix.Mmap(fd, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("multiprocessing: mmap: %w", err)
	}
	s := &segment{fd: fd, mem: mem}
	runtime.AddCleanup(s, func(r segmentRes) { unix.Munmap(r.mem); unix.Close(r.fd) }, segmentRes{fd, mem})
	return s, nil
}

// segmentRes is what the cleanup of a segment releases.
type segmentRes struct {
	fd  int
	mem []byte
}

// word returns the 32-bit word at byte offset off, for atomics and futexes.
func (s *segment) word(off int) *atomic.Uint32 {
	return (*atomic.Uint32)(unsafe.Pointer(&s.mem[off]))
}
