package mmap

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestTruncatedFile maps a file of four pages, truncates the file to one
// page and touches the map past the new end through every kind of access:
// each returns ErrTruncated and the process lives on. Without the fault
// protection the first access would kill the test binary with SIGBUS.
func TestTruncatedFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows does not truncate a file while it is mapped")
	}
	page := PageSize()
	content := bytes.Repeat([]byte("abcdefgh"), 4*page/8)
	f := tempFile(t, content)
	m, err := New(f, 0, AccessWrite, 0)
	must(t, err)
	defer m.Close()
	must(t, f.Truncate(int64(page)))

	past := int64(2 * page)
	buf := make([]byte, 16)
	accesses := []struct {
		name string
		do   func() error
	}{
		{"ReadAt", func() error { _, err := m.ReadAt(buf, past); return err }},
		{"WriteAt", func() error { _, err := m.WriteAt(buf, past); return err }},
		{"ReadByte", func() error {
			m.Seek(past, io.SeekStart)
			_, err := m.ReadByte()
			return err
		}},
		{"Read", func() error {
			m.Seek(past, io.SeekStart)
			_, err := m.Read(buf)
			return err
		}},
		{"ReadLine", func() error {
			m.Seek(past, io.SeekStart)
			_, err := m.ReadLine()
			return err
		}},
		{"Write", func() error {
			m.Seek(past, io.SeekStart)
			_, err := m.Write(buf)
			return err
		}},
		{"WriteByte", func() error {
			m.Seek(past, io.SeekStart)
			return m.WriteByte('x')
		}},
		{"Find across the end", func() error { _, err := m.FindRange([]byte("zz"), 0, -1); return err }},
		{"RFind from the end", func() error { _, err := m.RFindRange([]byte("zz"), 0, -1); return err }},
		{"Move", func() error { return m.Move(0, int(past), 16) }},
		{"View", func() error {
			return m.View(func(b []byte) error {
				sink = b[past]
				t.Error("View: read past the end of the file did not fault")
				return nil
			})
		}},
		{"FindAll", func() error {
			for _, err := range m.FindAll([]byte("zz")) {
				return err
			}
			return nil
		}},
	}
	for _, a := range accesses {
		if err := a.do(); !errors.Is(err, ErrTruncated) {
			t.Errorf("%s: %v, want ErrTruncated", a.name, err)
		}
	}

	// Within the first page the map still works.
	n, err := m.ReadAt(buf, 8)
	if n != len(buf) || err != nil || string(buf) != "abcdefghabcdefgh" {
		t.Fatalf("ReadAt in the first page: %d %v %q", n, err, buf)
	}
	if at, err := m.FindRange([]byte("cdef"), 0, page); at != 2 || err != nil {
		t.Fatalf("Find in the first page: %d %v", at, err)
	}
}

// TestViewPanicsGoOn checks that View recovers only faults inside the
// map: other panics reach the caller unchanged.
func TestViewPanicsGoOn(t *testing.T) {
	m := mapBytes(t, []byte("x"), AccessRead)
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "boom") {
			t.Fatalf("recovered %v, want the panic from inside View", r)
		}
	}()
	m.View(func([]byte) error { panic("boom") })
}

// sink keeps reads from being optimized away.
var sink byte
