//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package mmap

import (
	"os"

	"golang.org/x/sys/unix"
)

// mapping is the platform's handle on mapped memory.
type mapping struct {
	data []byte
}

// PageSize returns the size of a memory page, the unit of [Map.FlushRange]
// and [Map.AdviseRange]. Python: mmap.PAGESIZE.
func PageSize() int { return os.Getpagesize() }

// AllocationGranularity returns the unit of map offsets: the page size
// on Unix, 64 KiB on Windows. Python: mmap.ALLOCATIONGRANULARITY.
func AllocationGranularity() int { return os.Getpagesize() }

// protFlags returns mmap(2)'s protection and flags for an access mode.
func protFlags(access Access) (prot, flags int) {
	switch access {
	case AccessRead:
		return unix.PROT_READ, unix.MAP_SHARED
	case AccessCopy:
		return unix.PROT_READ | unix.PROT_WRITE, unix.MAP_PRIVATE
	}
	return unix.PROT_READ | unix.PROT_WRITE, unix.MAP_SHARED
}

// sysMap maps length bytes of f from offset, or anonymous memory when f
// is nil.
func sysMap(f *os.File, offset int64, length int, access Access) (mapping, error) {
	prot, flags := protFlags(access)
	fd := -1
	if f == nil {
		flags |= unix.MAP_ANON
	} else {
		fd = int(f.Fd())
	}
	b, err := unix.Mmap(fd, offset, length, prot, flags)
	if err != nil {
		return mapping{}, os.NewSyscallError("mmap", err)
	}
	return mapping{data: b}, nil
}

// unmap releases the memory.
func (m *mapping) unmap() error {
	return os.NewSyscallError("munmap", unix.Munmap(m.data))
}

// flush writes data[lo:hi] back to the file and waits.
func (m *mapping) flush(lo, hi int) error {
	return os.NewSyscallError("msync", unix.Msync(m.data[lo:hi], unix.MS_SYNC))
}

// sysAdvise passes advice on b to madvise(2).
func sysAdvise(b []byte, a Advice) error {
	if a < 0 || int(a) >= len(nativeAdvice) {
		return ErrUnsupported
	}
	native := nativeAdvice[a]
	if len(b) == 0 {
		return nil
	}
	return os.NewSyscallError("madvise", unix.Madvise(b, native))
}

// dupFile returns a close-on-exec duplicate of f's descriptor.
func dupFile(f *os.File) (*os.File, error) {
	sc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	fd := -1
	var derr error
	if err := sc.Control(func(s uintptr) {
		fd, derr = unix.FcntlInt(s, unix.F_DUPFD_CLOEXEC, 0)
	}); err != nil {
		return nil, err
	}
	if derr != nil {
		return nil, os.NewSyscallError("fcntl", derr)
	}
	return os.NewFile(uintptr(fd), f.Name()), nil
}
