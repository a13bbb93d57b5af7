package mmap

import "io"

// ReadAt copies the bytes at off into p, for [io.ReaderAt]. It returns
// [io.EOF] with fewer than len(p) bytes when the map ends first. It does
// not use or move the position. Python: mmap[off:off+len(p)].
func (m *Map) ReadAt(p []byte, off int64) (n int, err error) {
	err = m.shared(func(b []byte) error {
		if off < 0 {
			return ErrRange
		}
		if off >= int64(len(b)) {
			if len(p) == 0 {
				return nil
			}
			return io.EOF
		}
		n = copy(p, b[off:])
		if n < len(p) {
			return io.EOF
		}
		return nil
	})
	return n, err
}

// WriteAt copies p into the map at off, for [io.WriterAt]. If p does not
// fit, nothing is written and the error is [ErrRange]. It does not use or
// move the position. Python: mmap[off:off+len(p)] = p.
func (m *Map) WriteAt(p []byte, off int64) (n int, err error) {
	err = m.writable(func(b []byte) error {
		if off < 0 || off > int64(len(b)) || int64(len(p)) > int64(len(b))-off {
			return ErrRange
		}
		n = copy(b[off:], p)
		return nil
	})
	if err != nil {
		n = 0
	}
	return n, err
}

// View calls fn with the mapped memory, which fn may read and, unless the
// map is read-only, write. A fault from a truncated file inside fn
// becomes [ErrTruncated] (on fn's goroutine only: do not hand b to other
// goroutines). The map cannot be closed or resized while fn runs, so fn
// must not call Close or Resize, nor keep b after it returns. Python:
// memoryview(mmap), or the buffer protocol.
func (m *Map) View(fn func(b []byte) error) error {
	return m.shared(fn)
}

// Bytes returns the mapped memory itself, or nil once closed. Accesses
// through it are not protected: if the file shrinks, touching a page past
// its new end kills the process (SIGBUS), and after Close or Resize the
// slice must not be used at all. Prefer [Map.View], which has neither
// problem. Python: memoryview(mmap) without the export count.
func (m *Map) Bytes() []byte {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.m.data
}
