package mmap

import (
	"errors"
	"io"
	"runtime"
	"testing"
)

func TestResizeFile(t *testing.T) {
	page := AllocationGranularity()
	f := tempFile(t, []byte("0123456789"))
	m, err := New(f, 0, AccessWrite, 0)
	must(t, err)
	defer m.Close()
	m.Seek(0, io.SeekEnd)
	tests := []struct {
		n        int
		wantData string // the start of the map afterwards
	}{
		{3 * page, "0123456789\x00"},
		{5, "01234"},
		{page + 1, "0123Z\x00"}, // Z: written at the end of the 5-byte map
	}
	for _, tt := range tests {
		must(t, m.Resize(tt.n))
		if m.Len() != tt.n {
			t.Fatalf("Resize(%d): Len = %d", tt.n, m.Len())
		}
		if size, _ := m.Size(); size != int64(tt.n) {
			t.Fatalf("Resize(%d): file size %d", tt.n, size)
		}
		buf := make([]byte, len(tt.wantData))
		m.ReadAt(buf, 0)
		if string(buf) != tt.wantData {
			t.Fatalf("Resize(%d): map starts %q", tt.n, buf)
		}
		// The end is writable.
		if _, err := m.WriteAt([]byte("Z"), int64(tt.n-1)); err != nil {
			t.Fatalf("Resize(%d): writing the last byte: %v", tt.n, err)
		}
	}
	// The position was kept: 10, now inside the map again.
	if pos, _ := m.Tell(); pos != 10 {
		t.Errorf("position %d after resizing", pos)
	}
}

// TestResizeOffset resizes a map of the second page of a file: the file
// becomes offset+n bytes long.
func TestResizeOffset(t *testing.T) {
	page := AllocationGranularity()
	f := tempFile(t, make([]byte, 2*page))
	m, err := New(f, 0, AccessWrite, int64(page))
	must(t, err)
	defer m.Close()
	must(t, m.Resize(100))
	if size, _ := m.Size(); size != int64(page+100) {
		t.Fatalf("file size %d, want %d", size, page+100)
	}
}

func TestResizeRefused(t *testing.T) {
	for _, a := range []Access{AccessRead, AccessCopy} {
		m := mapBytes(t, []byte("data"), a)
		if err := m.Resize(100); err != ErrReadOnly {
			t.Errorf("%v: %v, want ErrReadOnly", a, err)
		}
	}
	m := mapBytes(t, []byte("data"), AccessWrite)
	if err := m.Resize(0); !errors.Is(err, ErrRange) {
		t.Errorf("Resize(0): %v", err)
	}
}

func TestResizeAnonymous(t *testing.T) {
	m, err := NewAnonymous(100)
	must(t, err)
	defer m.Close()
	m.WriteAt([]byte("kept"), 0)
	err = m.Resize(1 << 20)
	if runtime.GOOS != "linux" {
		if !errors.Is(err, ErrUnsupported) {
			t.Fatalf("Resize of an anonymous map: %v, want ErrUnsupported", err)
		}
		return
	}
	must(t, err)
	if string(m.Bytes()[:4]) != "kept" || m.Len() != 1<<20 {
		t.Fatalf("after Resize: %q, Len %d", m.Bytes()[:4], m.Len())
	}
}
