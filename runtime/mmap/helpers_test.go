package mmap

import (
	"os"
	"path/filepath"
	"testing"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// tempFile writes content to a new file and returns it open read-write.
func tempFile(t *testing.T, content []byte) *os.File {
	t.Helper()
	name := filepath.Join(t.TempDir(), "data")
	must(t, os.WriteFile(name, content, 0o600))
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	must(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

// mapBytes maps a new file holding content, read-write.
func mapBytes(t *testing.T, content []byte, access Access) *Map {
	t.Helper()
	m, err := New(tempFile(t, content), 0, access, 0)
	must(t, err)
	t.Cleanup(func() { m.Close() })
	return m
}
