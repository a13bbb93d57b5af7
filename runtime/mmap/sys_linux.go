package mmap

import (
	"os"

	"golang.org/x/sys/unix"
)

// nativeAdvice holds madvise(2)'s values on Linux, indexed by Advice. It
// is an array, not a map, so that no program that links the package
// builds it at start.
var nativeAdvice = [...]int{
	AdviceNormal:        unix.MADV_NORMAL,
	AdviceRandom:        unix.MADV_RANDOM,
	AdviceSequential:    unix.MADV_SEQUENTIAL,
	AdviceWillNeed:      unix.MADV_WILLNEED,
	AdviceDontNeed:      unix.MADV_DONTNEED,
	AdviceFree:          unix.MADV_FREE,
	AdviceHugePage:      unix.MADV_HUGEPAGE,
	AdviceNoHugePage:    unix.MADV_NOHUGEPAGE,
	AdvicePopulateRead:  unix.MADV_POPULATE_READ,
	AdvicePopulateWrite: unix.MADV_POPULATE_WRITE,
}

// resize gives the file, if any, its new size, then changes the length
// of the map with mremap(2), which may move it.
func (m *mapping) resize(f *os.File, offset int64, n int, _ Access) error {
	if f != nil {
		if err := f.Truncate(offset + int64(n)); err != nil {
			return err
		}
	}
	b, err := unix.Mremap(m.data, n, unix.MREMAP_MAYMOVE)
	if err != nil {
		return os.NewSyscallError("mremap", err)
	}
	m.data = b
	return nil
}
