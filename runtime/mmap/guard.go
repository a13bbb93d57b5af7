package mmap

import (
	"runtime/debug"
	"unsafe"
)

// shared runs fn on the mapped memory with the map read-locked and
// memory faults turned into [ErrTruncated]; it returns [ErrClosed] for a
// closed map.
func (m *Map) shared(fn func(b []byte) error) error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.m.data == nil {
		return ErrClosed
	}
	return guard(m.m.data, fn)
}

// writable is shared for accesses that write: it returns [ErrReadOnly]
// for a read-only map.
func (m *Map) writable(fn func(b []byte) error) error {
	if !m.access.writable() {
		return ErrReadOnly
	}
	return m.shared(fn)
}

// faultAddr is the method of the runtime error a memory fault panics with
// when SetPanicOnFault is on.
type faultAddr interface{ Addr() uintptr }

// guard runs fn(b) with panics on memory faults enabled for this
// goroutine. A fault inside b (a page past the end of a truncated file)
// becomes ErrTruncated; any other panic goes on.
func guard(b []byte, fn func(b []byte) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if f, ok := r.(faultAddr); ok && inside(b, f.Addr()) {
				err = ErrTruncated
				return
			}
			panic(r)
		}
	}()
	return fn(b)
}

// inside reports whether addr falls within the pages of b.
func inside(b []byte, addr uintptr) bool {
	if cap(b) == 0 {
		return false
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	end := start + uintptr(cap(b))
	end = (end + uintptr(PageSize()) - 1) &^ (uintptr(PageSize()) - 1)
	return addr >= start && addr < end
}
