package mmap

import "fmt"

// Move copies count bytes from offset src to offset dest within the map;
// the ranges may overlap. Python: mmap.move(dest, src, count).
func (m *Map) Move(dest, src, count int) error {
	return m.writable(func(b []byte) error {
		if dest < 0 || src < 0 || count < 0 || dest > len(b)-count || src > len(b)-count {
			return ErrRange
		}
		copy(b[dest:dest+count], b[src:src+count])
		return nil
	})
}

// Flush writes the changes in the map back to the file and waits until
// they are written (msync with MS_SYNC). For a read-only, copy-on-write
// or anonymous map it does nothing, as in Python. Python: mmap.flush().
func (m *Map) Flush() error {
	return m.FlushRange(0, -1)
}

// FlushRange is Flush for n bytes from offset off (to the end of the map
// when n < 0). The range is widened to whole pages; Python requires off
// to be a multiple of the page size instead. Python: mmap.flush(offset, size).
func (m *Map) FlushRange(off, n int) error {
	return m.shared(func(b []byte) error {
		lo, hi, err := pageRange(b, off, n)
		if err != nil || hi <= lo || m.file == nil || m.access == AccessRead || m.access == AccessCopy {
			return err
		}
		return m.m.flush(lo, hi)
	})
}

// pageRange checks that off and n (n < 0: to the end) lie within b and
// returns them widened to whole pages, clipped to b.
func pageRange(b []byte, off, n int) (lo, hi int, err error) {
	if n < 0 {
		n = len(b) - off
	}
	if off < 0 || n < 0 || off > len(b)-n {
		return 0, 0, ErrRange
	}
	page := PageSize()
	lo = off &^ (page - 1)
	hi = min(off+n, len(b))
	return lo, hi, nil
}

// Advise tells the kernel how the whole map will be used, for read-ahead
// and caching. Python: mmap.madvise(option).
func (m *Map) Advise(a Advice) error {
	return m.AdviseRange(a, 0, -1)
}

// AdviseRange is Advise for n bytes from offset off (to the end of the
// map when n < 0); the range is widened to whole pages. Python:
// mmap.madvise(option, start, length).
func (m *Map) AdviseRange(a Advice, off, n int) error {
	return m.shared(func(b []byte) error {
		lo, hi, err := pageRange(b, off, n)
		if err != nil {
			return err
		}
		return sysAdvise(b[lo:hi], a)
	})
}

// Resize changes the length of the map to n bytes. For a file-backed map
// the file is first truncated or extended to the map's offset plus n,
// as in Python. The position is kept, even past the new end. Slices from
// [Map.Bytes] are invalid afterwards. A read-only or copy-on-write map
// cannot be resized ([ErrReadOnly]); nor can an anonymous one outside
// Linux ([ErrUnsupported]). Python: mmap.resize(newsize).
func (m *Map) Resize(n int) error {
	if m.access == AccessRead || m.access == AccessCopy {
		return ErrReadOnly
	}
	if n <= 0 {
		return fmt.Errorf("%w: new length %d", ErrRange, n)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m.data == nil {
		return ErrClosed
	}
	return m.m.resize(m.file, m.offset, n, m.access)
}
