package mmap

import (
	"errors"
	"os"
	"runtime"
	"syscall"
	"testing"
)

func TestFlushRange(t *testing.T) {
	page := PageSize()
	f := tempFile(t, make([]byte, 3*page))
	m, err := New(f, 0, AccessWrite, 0)
	must(t, err)
	defer m.Close()
	m.WriteAt([]byte("flushed"), int64(page+10))
	tests := []struct {
		off, n int
		want   error
	}{
		{page + 10, 7, nil}, // widened to the page
		{0, -1, nil},
		{3 * page, 0, nil},
		{0, 3*page + 1, ErrRange},
		{-1, 1, ErrRange},
		{3*page + 1, -1, ErrRange},
	}
	for _, tt := range tests {
		if err := m.FlushRange(tt.off, tt.n); err != tt.want {
			t.Errorf("FlushRange(%d, %d): %v, want %v", tt.off, tt.n, err, tt.want)
		}
	}
	onDisk, err := os.ReadFile(f.Name())
	must(t, err)
	if string(onDisk[page+10:page+17]) != "flushed" {
		t.Errorf("file holds %q", onDisk[page+10:page+17])
	}
}

func TestAdvise(t *testing.T) {
	m := mapBytes(t, make([]byte, 4*PageSize()), AccessWrite)
	posix := runtime.GOOS != "windows" // Windows has no madvise
	tests := []struct {
		a    Advice
		ok   bool // supported here
		only string
	}{
		{AdviceNormal, posix, ""},
		{AdviceRandom, posix, ""},
		{AdviceSequential, posix, ""},
		{AdviceWillNeed, posix, ""},
		{AdvicePopulateRead, runtime.GOOS == "linux", "linux"},
		{Advice(99), false, ""},
	}
	for _, tt := range tests {
		err := m.Advise(tt.a)
		if tt.ok && err != nil {
			// madvise(MADV_POPULATE_READ) needs Linux 5.14.
			if tt.only == "linux" && errors.Is(err, syscall.EINVAL) {
				t.Logf("%v: %v (old kernel)", tt.a, err)
				continue
			}
			t.Errorf("Advise(%v): %v", tt.a, err)
		}
		if !tt.ok && !errors.Is(err, ErrUnsupported) {
			t.Errorf("Advise(%v): %v, want ErrUnsupported", tt.a, err)
		}
	}
	if err := m.AdviseRange(AdviceWillNeed, 10, 100); posix && err != nil {
		t.Errorf("AdviseRange inside: %v", err)
	}
	if err := m.AdviseRange(AdviceWillNeed, 10, 4*PageSize()); err != ErrRange {
		t.Errorf("AdviseRange past the end: %v", err)
	}
	if got := Advice(99).String(); got != "Advice(99)" {
		t.Errorf("String: %q", got)
	}
	if got := AdviceSequential.String(); got != "Sequential" {
		t.Errorf("String: %q", got)
	}
}
