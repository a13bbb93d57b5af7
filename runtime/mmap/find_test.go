package mmap

import (
	"errors"
	"io"
	"slices"
	"testing"
)

// TestFind checks the Python semantics of find and rfind on a 16-byte
// map holding "abcabcabc" and seven zero bytes. The expected values are
// what CPython 3.11 returns for the same calls.
func TestFind(t *testing.T) {
	m, err := NewAnonymous(16)
	must(t, err)
	defer m.Close()
	m.Write([]byte("abcabcabc")) // the position is now 9
	abc := []byte("abc")
	tests := []struct {
		name string
		pos  int64 // position before the call
		call func() (int, error)
		want int
	}{
		{"find from the position", 9, func() (int, error) { return m.Find(abc) }, -1},
		{"rfind from the position", 9, func() (int, error) { return m.RFind(abc) }, -1},
		{"find from 4", 4, func() (int, error) { return m.Find(abc) }, 6},
		{"rfind from 4", 4, func() (int, error) { return m.RFind(abc) }, 6},
		{"find from 0", 0, func() (int, error) { return m.Find(abc) }, 0},
		{"rfind from 0", 0, func() (int, error) { return m.RFind(abc) }, 6},
		{"find empty", 4, func() (int, error) { return m.Find(nil) }, 4},
		{"find(abc, 1)", 9, func() (int, error) { return m.FindRange(abc, 1, 16) }, 3},
		{"find(abc, -7)", 9, func() (int, error) { return m.FindRange(abc, -7, 16) }, -1},
		{"find(abc, 0, -8)", 9, func() (int, error) { return m.FindRange(abc, 0, -8) }, 0},
		{"rfind(abc, 0, 8)", 9, func() (int, error) { return m.RFindRange(abc, 0, 8) }, 3},
		{"find(b'', 20)", 9, func() (int, error) { return m.FindRange(nil, 20, 16) }, 16},
		{"find(b'', 5, 2)", 9, func() (int, error) { return m.FindRange(nil, 5, 2) }, -1},
		{"rfind(b'', 3, 9)", 9, func() (int, error) { return m.RFindRange(nil, 3, 9) }, 9},
		{"find(b'', -3)", 9, func() (int, error) { return m.FindRange(nil, -3, 16) }, 13},
		{"find(abc, -100, 100)", 9, func() (int, error) { return m.FindRange(abc, -100, 100) }, 0},
		{"find zeros", 0, func() (int, error) { return m.Find([]byte{0, 0}) }, 9},
	}
	for _, tt := range tests {
		m.Seek(tt.pos, io.SeekStart)
		got, err := tt.call()
		if err != nil || got != tt.want {
			t.Errorf("%s: %d, %v; want %d", tt.name, got, err, tt.want)
		}
	}
}

func TestFindAll(t *testing.T) {
	m := mapBytes(t, []byte("aaaa ab aaab"), AccessRead)
	m.Seek(5, io.SeekStart) // FindAll ignores the position
	tests := []struct {
		sub  string
		want []int
	}{
		{"aa", []int{0, 2, 8}},
		{"ab", []int{5, 10}},
		{"x", nil},
		{"", []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
	}
	for _, tt := range tests {
		var got []int
		for at, err := range m.FindAll([]byte(tt.sub)) {
			must(t, err)
			got = append(got, at)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindAll(%q) = %v, want %v", tt.sub, got, tt.want)
		}
	}
	// Breaking out of the loop stops the search, and the body may use the
	// map, even close it: the next step reports ErrClosed.
	var errs []error
	for at, err := range m.FindAll([]byte("a")) {
		errs = append(errs, err)
		if at == 1 {
			m.Close()
		}
	}
	if len(errs) != 3 || !errors.Is(errs[2], ErrClosed) {
		t.Errorf("closing inside the loop: %v", errs)
	}
}
