//go:build darwin || dragonfly || freebsd || netbsd || openbsd || solaris

package mmap

import (
	"os"

	"golang.org/x/sys/unix"
)

// nativeAdvice holds madvise(2)'s values, indexed by Advice; the advice
// past its end is not supported. It is an array, not a map, so that no
// program that links the package builds it at start.
var nativeAdvice = [...]int{
	AdviceNormal:     unix.MADV_NORMAL,
	AdviceRandom:     unix.MADV_RANDOM,
	AdviceSequential: unix.MADV_SEQUENTIAL,
	AdviceWillNeed:   unix.MADV_WILLNEED,
	AdviceDontNeed:   unix.MADV_DONTNEED,
	AdviceFree:       unix.MADV_FREE,
}

// resize gives the file its new size, maps it anew and unmaps the old
// map. Without mremap(2), an anonymous map cannot keep its contents, so
// it is not resized.
func (m *mapping) resize(f *os.File, offset int64, n int, access Access) error {
	if f == nil {
		return ErrUnsupported
	}
	if err := f.Truncate(offset + int64(n)); err != nil {
		return err
	}
	nm, err := sysMap(f, offset, n, access)
	if err != nil {
		return err
	}
	unix.Munmap(m.data)
	*m = nm
	return nil
}
