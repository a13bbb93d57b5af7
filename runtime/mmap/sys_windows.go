package mmap

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// mapping is a view of a file-mapping object.
type mapping struct {
	data []byte
	h    windows.Handle // the file-mapping object
	fh   windows.Handle // the file, or InvalidHandle for anonymous memory
}

// PageSize returns the size of a memory page. Python: mmap.PAGESIZE.
func PageSize() int { return os.Getpagesize() }

// AllocationGranularity returns the unit of map offsets: 64 KiB on
// Windows. Python: mmap.ALLOCATIONGRANULARITY.
func AllocationGranularity() int { return 64 << 10 }

// sysMap maps length bytes of f from offset, or memory backed by the
// paging file when f is nil.
func sysMap(f *os.File, offset int64, length int, access Access) (mapping, error) {
	var prot, view uint32
	switch access {
	case AccessRead:
		prot, view = windows.PAGE_READONLY, windows.FILE_MAP_READ
	case AccessCopy:
		prot, view = windows.PAGE_WRITECOPY, windows.FILE_MAP_COPY
	default:
		prot, view = windows.PAGE_READWRITE, windows.FILE_MAP_WRITE
	}
	fh := windows.InvalidHandle
	if f != nil {
		fh = windows.Handle(f.Fd())
	}
	end := uint64(offset) + uint64(length)
	h, err := windows.CreateFileMapping(fh, nil, prot, uint32(end>>32), uint32(end), nil)
	if err != nil {
		return mapping{}, os.NewSyscallError("CreateFileMapping", err)
	}
	addr, err := windows.MapViewOfFile(h, view, uint32(uint64(offset)>>32), uint32(offset), uintptr(length))
	if err != nil {
		windows.CloseHandle(h)
		return mapping{}, os.NewSyscallError("MapViewOfFile", err)
	}
	// The view is not Go memory: reinterpret the address's bits as a
	// pointer (a plain uintptr conversion would upset go vet).
	base := *(*unsafe.Pointer)(unsafe.Pointer(&addr))
	data := unsafe.Slice((*byte)(base), length)
	return mapping{data: data, h: h, fh: fh}, nil
}

// unmap releases the view and the file-mapping object.
func (m *mapping) unmap() error {
	err := windows.UnmapViewOfFile(uintptr(unsafe.Pointer(unsafe.SliceData(m.data))))
	windows.CloseHandle(m.h)
	return os.NewSyscallError("UnmapViewOfFile", err)
}

// flush writes data[lo:hi] back to the file and waits for the disk.
func (m *mapping) flush(lo, hi int) error {
	if hi <= lo {
		return nil
	}
	addr := uintptr(unsafe.Pointer(&m.data[lo]))
	if err := windows.FlushViewOfFile(addr, uintptr(hi-lo)); err != nil {
		return os.NewSyscallError("FlushViewOfFile", err)
	}
	if m.fh == windows.InvalidHandle {
		return nil
	}
	return os.NewSyscallError("FlushFileBuffers", windows.FlushFileBuffers(m.fh))
}

// resize gives the file its new size and maps it anew. Windows refuses to
// change the size of a file while a view of it is mapped, so the old view
// goes first. An anonymous map is not resized.
func (m *mapping) resize(f *os.File, offset int64, n int, access Access) error {
	if f == nil {
		return ErrUnsupported
	}
	if err := m.unmap(); err != nil {
		return err
	}
	*m = mapping{}
	if err := f.Truncate(offset + int64(n)); err != nil {
		return err
	}
	nm, err := sysMap(f, offset, n, access)
	if err != nil {
		return err
	}
	*m = nm
	return nil
}

// sysAdvise: Windows has no madvise.
func sysAdvise([]byte, Advice) error { return ErrUnsupported }

// dupFile returns a duplicate of f's handle.
func dupFile(f *os.File) (*os.File, error) {
	p := windows.CurrentProcess()
	var h windows.Handle
	if err := windows.DuplicateHandle(p, windows.Handle(f.Fd()), p, &h, 0, false, windows.DUPLICATE_SAME_ACCESS); err != nil {
		return nil, os.NewSyscallError("DuplicateHandle", err)
	}
	return os.NewFile(uintptr(h), f.Name()), nil
}
