//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || windows)

package mmap

import "os"

// mapping is empty: this platform has no memory maps here.
type mapping struct{ data []byte }

// PageSize returns the size of a memory page. Python: mmap.PAGESIZE.
func PageSize() int { return os.Getpagesize() }

// AllocationGranularity returns the unit of map offsets. Python:
// mmap.ALLOCATIONGRANULARITY.
func AllocationGranularity() int { return os.Getpagesize() }

func sysMap(*os.File, int64, int, Access) (mapping, error) { return mapping{}, ErrUnsupported }
func (m *mapping) unmap() error                            { return nil }
func (m *mapping) flush(int, int) error                    { return ErrUnsupported }
func (m *mapping) resize(*os.File, int64, int, Access) error {
	return ErrUnsupported
}
func sysAdvise([]byte, Advice) error       { return ErrUnsupported }
func dupFile(f *os.File) (*os.File, error) { return nil, ErrUnsupported }
