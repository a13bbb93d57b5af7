package mmap

import (
	"fmt"
	"os"
	"sync"
)

// Map is a memory map of a file or of anonymous memory, with a position
// for reading and writing. Its methods may be called from several
// goroutines; [Map.Close] and [Map.Resize] wait for accesses in progress.
// Once closed, every method returns [ErrClosed].
//
// Python: the mmap.mmap object.
type Map struct {
	mu     sync.RWMutex // read-locked by accesses; locked by Close and Resize
	m      mapping      // the memory; m.data is nil once closed
	file   *os.File     // the map's own copy of the file; nil if anonymous
	offset int64        // of the map in the file
	access Access

	posMu sync.Mutex // guards pos; taken inside mu
	pos   int
}

// New maps length bytes of the file f from offset, or, when length is 0,
// all of the file from offset. The offset must be a multiple of
// [AllocationGranularity] ([ErrOffset] otherwise), and the map must lie
// within the file ([ErrLength] otherwise). The file must be open for
// reading, and for writing too unless access is [AccessRead] or
// [AccessCopy].
//
// The map keeps its own copy of the descriptor (as Python does), so f
// may be closed afterwards.
//
// Python: mmap.mmap(f.fileno(), length, access=access, offset=offset).
func New(f *os.File, length int, access Access, offset int64) (*Map, error) {
	if !access.valid() {
		return nil, fmt.Errorf("mmap: invalid access mode %v", access)
	}
	if g := int64(AllocationGranularity()); offset < 0 || offset%g != 0 {
		return nil, fmt.Errorf("%w: offset %d (granularity %d)", ErrOffset, offset, g)
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: negative length %d", ErrLength, length)
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Mode().IsRegular() {
		size := st.Size()
		switch {
		case length == 0 && size == 0:
			return nil, fmt.Errorf("%w: cannot map an empty file", ErrLength)
		case offset >= size:
			return nil, fmt.Errorf("%w: offset %d is at or past the end of the file (%d bytes)", ErrLength, offset, size)
		case length == 0:
			if size-offset > int64(maxInt) {
				return nil, fmt.Errorf("%w: %d bytes do not fit in memory", ErrLength, size-offset)
			}
			length = int(size - offset)
		case int64(length) > size-offset:
			return nil, fmt.Errorf("%w: %d bytes from offset %d pass the end of the file (%d bytes)", ErrLength, length, offset, size)
		}
	} else if length == 0 {
		return nil, fmt.Errorf("%w: a length is needed to map a file that is not regular", ErrLength)
	}
	own, err := dupFile(f)
	if err != nil {
		return nil, err
	}
	mp, err := sysMap(own, offset, length, access)
	if err != nil {
		own.Close()
		return nil, err
	}
	return &Map{m: mp, file: own, offset: offset, access: access}, nil
}

// NewAnonymous maps length bytes of zeroed memory, not backed by a file,
// for reading and writing. Python: mmap.mmap(-1, length).
func NewAnonymous(length int) (*Map, error) {
	if length <= 0 {
		return nil, fmt.Errorf("%w: anonymous map of %d bytes", ErrLength, length)
	}
	mp, err := sysMap(nil, 0, length, AccessWrite)
	if err != nil {
		return nil, err
	}
	return &Map{m: mp, access: AccessWrite}, nil
}

// OpenFile opens the named file, read-only for [AccessRead] and
// read-write otherwise, and maps all of it. The map keeps the file open
// until it is closed. Python: open the file, then mmap.mmap(f.fileno(),
// 0, access=access).
func OpenFile(name string, access Access) (*Map, error) {
	flag := os.O_RDWR
	if access == AccessRead {
		flag = os.O_RDONLY
	}
	f, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return New(f, 0, access, 0)
}

// maxInt is the largest int, the most bytes a slice can hold.
const maxInt = int(^uint(0) >> 1)

// Close unmaps the memory and closes the map's copy of the file. It waits
// for accesses in progress in other goroutines. Closing twice is not an
// error. Slices returned by [Map.Bytes] must not be used afterwards.
// Python: mmap.close().
func (m *Map) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m.data == nil {
		return nil
	}
	err := m.m.unmap()
	m.m = mapping{}
	if m.file != nil {
		if cerr := m.file.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Closed reports whether the map is closed. Python: mmap.closed.
func (m *Map) Closed() bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.m.data == nil
}

// Len returns the length of the map in bytes, 0 once closed. Python: len(mmap).
func (m *Map) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.m.data)
}

// Access returns the access mode the map was made with. Python has no
// accessor; the mode is an argument of mmap.mmap.
func (m *Map) Access() Access { return m.access }

// Size returns the size of the mapped file, which may differ from [Map.Len]
// (a map of part of a file, or a file that grew or shrank), or the length
// of an anonymous map. Python: mmap.size().
func (m *Map) Size() (int64, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.m.data == nil {
		return 0, ErrClosed
	}
	if m.file == nil {
		return int64(len(m.m.data)), nil
	}
	st, err := m.file.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}
