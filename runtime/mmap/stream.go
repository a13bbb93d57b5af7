package mmap

import (
	"bytes"
	"io"
)

// The methods in this file use and move the map's position, as a file's
// read and write do.

// Read copies bytes from the position into p and moves the position past
// them. At the end of the map it returns 0, [io.EOF]. Python:
// mmap.read([n]) with n = len(p).
func (m *Map) Read(p []byte) (n int, err error) {
	err = m.shared(func(b []byte) error {
		m.posMu.Lock()
		defer m.posMu.Unlock()
		if m.pos >= len(b) {
			if len(p) == 0 {
				return nil
			}
			return io.EOF
		}
		c := copy(p, b[m.pos:])
		m.pos += c
		n = c
		return nil
	})
	return n, err
}

// ReadByte returns the byte at the position and moves past it. At the
// end of the map it returns [io.EOF]. Python: mmap.read_byte(), which
// raises ValueError at the end.
func (m *Map) ReadByte() (c byte, err error) {
	err = m.shared(func(b []byte) error {
		m.posMu.Lock()
		defer m.posMu.Unlock()
		if m.pos >= len(b) {
			return io.EOF
		}
		c = b[m.pos]
		m.pos++
		return nil
	})
	return c, err
}

// ReadLine returns a copy of the bytes from the position up to and
// including the next newline, or to the end of the map, and moves past
// them. At the end of the map it returns nil, [io.EOF]. Unlike
// bufio.Reader.ReadLine, the newline is kept. Python: mmap.readline().
func (m *Map) ReadLine() (line []byte, err error) {
	err = m.shared(func(b []byte) error {
		m.posMu.Lock()
		defer m.posMu.Unlock()
		if m.pos >= len(b) {
			return io.EOF
		}
		rest := b[m.pos:]
		end := len(rest)
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			end = i + 1
		}
		line = bytes.Clone(rest[:end])
		m.pos += end
		return nil
	})
	return line, err
}

// Write copies p to the map at the position and moves past it. If p does
// not fit before the end of the map, nothing is written and the error is
// [ErrRange]; a map cannot grow by writing (see [Map.Resize]). Python:
// mmap.write(bytes).
func (m *Map) Write(p []byte) (n int, err error) {
	err = m.writable(func(b []byte) error {
		m.posMu.Lock()
		defer m.posMu.Unlock()
		if m.pos > len(b) || len(p) > len(b)-m.pos {
			return ErrRange
		}
		n = copy(b[m.pos:], p)
		m.pos += n
		return nil
	})
	if err != nil {
		n = 0
	}
	return n, err
}

// WriteByte writes c at the position and moves past it; at the end of
// the map it returns [ErrRange]. Python: mmap.write_byte(byte).
func (m *Map) WriteByte(c byte) error {
	return m.writable(func(b []byte) error {
		m.posMu.Lock()
		defer m.posMu.Unlock()
		if m.pos >= len(b) {
			return ErrRange
		}
		b[m.pos] = c
		m.pos++
		return nil
	})
}

// Seek sets the position to offset relative to the start (io.SeekStart),
// the position (io.SeekCurrent) or the end (io.SeekEnd), and returns the
// new position. A position outside 0 to [Map.Len] is refused with
// [ErrRange]. Python: mmap.seek(pos[, whence]) with os.SEEK_SET,
// os.SEEK_CUR and os.SEEK_END.
func (m *Map) Seek(offset int64, whence int) (int64, error) {
	var pos int64
	err := m.shared(func(b []byte) error {
		m.posMu.Lock()
		defer m.posMu.Unlock()
		switch whence {
		case io.SeekStart:
			pos = offset
		case io.SeekCurrent:
			pos = int64(m.pos) + offset
		case io.SeekEnd:
			pos = int64(len(b)) + offset
		default:
			return ErrRange
		}
		if pos < 0 || pos > int64(len(b)) {
			return ErrRange
		}
		m.pos = int(pos)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return pos, nil
}

// Tell returns the position. Python: mmap.tell().
func (m *Map) Tell() (int, error) {
	var pos int
	err := m.shared(func([]byte) error {
		m.posMu.Lock()
		pos = m.pos
		m.posMu.Unlock()
		return nil
	})
	return pos, err
}
