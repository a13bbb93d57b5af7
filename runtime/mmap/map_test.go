package mmap

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestNewErrors(t *testing.T) {
	page := AllocationGranularity()
	f := tempFile(t, make([]byte, 2*page+10))
	empty := tempFile(t, nil)
	tests := []struct {
		name   string
		f      *os.File
		length int
		access Access
		offset int64
		want   error
	}{
		{"whole file", f, 0, AccessWrite, 0, nil},
		{"second page to the end", f, 0, AccessRead, int64(page), nil},
		{"exactly to the end", f, page + 10, AccessCopy, int64(page), nil},
		{"offset not a multiple", f, 0, AccessRead, 100, ErrOffset},
		{"negative offset", f, 0, AccessRead, -int64(page), ErrOffset},
		{"offset past the end", f, 0, AccessRead, int64(3 * page), ErrLength},
		{"length past the end", f, 2*page + 11, AccessRead, 0, ErrLength},
		{"length past the end from an offset", f, page + 11, AccessRead, int64(page), ErrLength},
		{"negative length", f, -1, AccessRead, 0, ErrLength},
		{"empty file", empty, 0, AccessRead, 0, ErrLength},
		{"bad access", f, 0, Access(9), 0, nil},
	}
	for _, tt := range tests {
		m, err := New(tt.f, tt.length, tt.access, tt.offset)
		switch {
		case tt.access == Access(9):
			if err == nil {
				t.Errorf("%s: no error", tt.name)
			}
		case !errors.Is(err, tt.want):
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
		if err == nil {
			m.Close()
		}
	}
	// The offset error says what the granularity is.
	_, err := New(f, 0, AccessRead, 100)
	if want := "granularity"; err == nil || !bytes.Contains([]byte(err.Error()), []byte(want)) {
		t.Errorf("offset error %q does not mention the %s", err, want)
	}
}

func TestOffsetAndLength(t *testing.T) {
	page := AllocationGranularity()
	content := make([]byte, 3*page)
	for i := range content {
		content[i] = byte(i / page)
	}
	m, err := New(tempFile(t, content), 100, AccessRead, int64(page))
	must(t, err)
	defer m.Close()
	if m.Len() != 100 {
		t.Fatalf("Len = %d", m.Len())
	}
	if size, err := m.Size(); err != nil || size != int64(3*page) {
		t.Fatalf("Size = %d, %v; want the file's size", size, err)
	}
	buf := make([]byte, 200)
	n, err := m.ReadAt(buf, 0)
	if n != 100 || err != io.EOF || buf[0] != 1 || buf[99] != 1 {
		t.Fatalf("ReadAt: %d, %v, %v", n, err, buf[:2])
	}
}

func TestAccessModes(t *testing.T) {
	tests := []struct {
		access      Access
		writeErr    error
		fileChanged bool
	}{
		{AccessDefault, nil, true},
		{AccessWrite, nil, true},
		{AccessRead, ErrReadOnly, false},
		{AccessCopy, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.access.String(), func(t *testing.T) {
			f := tempFile(t, []byte("hello, world"))
			m, err := New(f, 0, tt.access, 0)
			must(t, err)
			defer m.Close()
			if m.Access() != tt.access {
				t.Errorf("Access() = %v", m.Access())
			}
			_, err = m.WriteAt([]byte("HELLO"), 0)
			if err != tt.writeErr {
				t.Fatalf("WriteAt: %v, want %v", err, tt.writeErr)
			}
			must(t, m.Flush())
			onDisk, err := os.ReadFile(f.Name())
			must(t, err)
			if changed := string(onDisk) == "HELLO, world"; changed != tt.fileChanged {
				t.Errorf("file %q after writing to the map", onDisk)
			}
			buf := make([]byte, 5)
			m.ReadAt(buf, 0)
			if inMap := string(buf) == "HELLO"; inMap != (tt.writeErr == nil) {
				t.Errorf("map holds %q", buf)
			}
			for name, err := range map[string]error{
				"WriteByte": m.WriteByte('x'),
				"Move":      m.Move(0, 1, 1),
				"Write": func() error {
					_, err := m.Write([]byte("x"))
					return err
				}(),
			} {
				if err != tt.writeErr {
					t.Errorf("%s: %v, want %v", name, err, tt.writeErr)
				}
			}
		})
	}
}

// TestSharedMaps writes through one map and reads through another map of
// the same file, and through the file itself.
func TestSharedMaps(t *testing.T) {
	f := tempFile(t, make([]byte, 100))
	a, err := New(f, 0, AccessWrite, 0)
	must(t, err)
	defer a.Close()
	b, err := OpenFile(f.Name(), AccessRead)
	must(t, err)
	defer b.Close()
	a.WriteAt([]byte("shared"), 10)
	buf := make([]byte, 6)
	b.ReadAt(buf, 10)
	if string(buf) != "shared" {
		t.Fatalf("the other map reads %q", buf)
	}
	f.ReadAt(buf, 10)
	if string(buf) != "shared" {
		t.Fatalf("the file reads %q", buf)
	}
}

func TestAnonymous(t *testing.T) {
	if _, err := NewAnonymous(0); !errors.Is(err, ErrLength) {
		t.Errorf("NewAnonymous(0): %v", err)
	}
	m, err := NewAnonymous(10000)
	must(t, err)
	defer m.Close()
	if size, err := m.Size(); size != 10000 || err != nil {
		t.Errorf("Size = %d, %v", size, err)
	}
	if !bytes.Equal(m.Bytes(), make([]byte, 10000)) {
		t.Error("anonymous memory is not zeroed")
	}
	must(t, m.WriteByte(7))
	if m.Bytes()[0] != 7 {
		t.Error("write not seen through Bytes")
	}
	must(t, m.Flush()) // nothing to do, not an error
}

func TestOpenFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f")
	must(t, os.WriteFile(name, []byte("contents"), 0o400))
	if _, err := OpenFile(filepath.Join(t.TempDir(), "missing"), AccessRead); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	m, err := OpenFile(name, AccessRead)
	must(t, err)
	defer m.Close()
	if string(m.Bytes()) != "contents" {
		t.Fatalf("got %q", m.Bytes())
	}
}

// TestUseAfterClose calls every method of a closed map: each returns
// ErrClosed, none crashes.
func TestUseAfterClose(t *testing.T) {
	m := mapBytes(t, []byte("some text\n"), AccessWrite)
	must(t, m.Close())
	must(t, m.Close())
	if !m.Closed() || m.Len() != 0 || m.Bytes() != nil {
		t.Fatalf("Closed %v, Len %d, Bytes %v", m.Closed(), m.Len(), m.Bytes())
	}
	buf := make([]byte, 4)
	calls := map[string]func() error{
		"Read":        func() error { _, err := m.Read(buf); return err },
		"ReadByte":    func() error { _, err := m.ReadByte(); return err },
		"ReadLine":    func() error { _, err := m.ReadLine(); return err },
		"Write":       func() error { _, err := m.Write(buf); return err },
		"WriteByte":   func() error { return m.WriteByte('x') },
		"Seek":        func() error { _, err := m.Seek(0, io.SeekStart); return err },
		"Tell":        func() error { _, err := m.Tell(); return err },
		"ReadAt":      func() error { _, err := m.ReadAt(buf, 0); return err },
		"WriteAt":     func() error { _, err := m.WriteAt(buf, 0); return err },
		"Size":        func() error { _, err := m.Size(); return err },
		"Find":        func() error { _, err := m.Find([]byte("x")); return err },
		"RFindRange":  func() error { _, err := m.RFindRange([]byte("x"), 0, 5); return err },
		"Move":        func() error { return m.Move(0, 1, 1) },
		"Flush":       func() error { return m.Flush() },
		"AdviseRange": func() error { return m.AdviseRange(AdviceNormal, 0, 1) },
		"Resize":      func() error { return m.Resize(100) },
		"View":        func() error { return m.View(func([]byte) error { return nil }) },
		"FindAll": func() error {
			for _, err := range m.FindAll([]byte("x")) {
				return err
			}
			return nil
		},
	}
	for name, call := range calls {
		if err := call(); err != ErrClosed {
			t.Errorf("%s after Close: %v, want ErrClosed", name, err)
		}
	}
}
