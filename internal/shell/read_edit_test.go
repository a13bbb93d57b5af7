package shell

import (
	"testing"
	"time"

	"github.com/goshell/gosh/lineedit"
)

// What read -e's options ask of the editor, as bash sets up readline.
func TestReadEditOptions(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		args []string
		want lineedit.ReadOptions
	}{
		{[]string{"-e", "x"}, lineedit.ReadOptions{Delim: -1}},
		{[]string{"-e", "-n", "3", "x"}, lineedit.ReadOptions{MaxBytes: 3, Delim: -1}},
		{[]string{"-e", "-N", "3", "-d", ",", "x"}, lineedit.ReadOptions{MaxBytes: 3, Delim: -1, InsertReturn: true}},
		{[]string{"-e", "-d", ",", "x"}, lineedit.ReadOptions{Delim: ',', InsertReturn: true}},
		{[]string{"-e", "-d", "", "x"}, lineedit.ReadOptions{Delim: 0, InsertReturn: true}},
		{[]string{"-e", "-s", "-t", "1.5", "x"}, lineedit.ReadOptions{Delim: -1, Silent: true, Deadline: start.Add(1500 * time.Millisecond)}},
	}
	for _, tt := range tests {
		o, err := parseReadArgs(tt.args)
		if err != nil {
			t.Fatalf("%q: %v", tt.args, err)
		}
		if got := editOptions(o, start); got != tt.want {
			t.Errorf("%q: got %+v, want %+v", tt.args, got, tt.want)
		}
	}
}

// read -u with a descriptor that is not open, or one the Go runtime uses
// for itself, fails as bash does for a closed one.
func TestReadInheritedFDRefused(t *testing.T) {
	for _, fd := range []int{1 << 20} {
		if _, err := inheritedFD(fd); err == nil {
			t.Errorf("fd %d: no error", fd)
		}
	}
}
