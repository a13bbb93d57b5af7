//go:build linux

package difftest

import (
	"os"
	"os/exec"
	"testing"

	"github.com/goshell/gosh/internal/rldiff"
)

// markCases show readline's mark (rl_mark): 0 at the start of a line, an
// offset that does not move when text goes in or out before it, unset
// (with the bell) by exchange-point-and-mark when it is past the end.
var markCases = []struct {
	name string
	keys []string
}{
	{name: "C-x C-x on a new line", keys: []string{"echo abc", "\x18\x18", "X"}},
	{name: "C-x C-x twice", keys: []string{"echo abc", "\x18\x18", "\x18\x18", "X"}},
	{name: "insert before the mark", keys: []string{"echo abcdef", "\x00", "\x01", "XY", "\x18\x18", "Z"}},
	{name: "delete before the mark", keys: []string{"echo abcdef", "\x00", "\x01", "\x04\x04", "\x18\x18", "Z"}},
	{name: "mark past the end", keys: []string{"echo abcdef", "\x00", "\x08\x08\x08", "\x18\x18", "Z", "\x18\x18", "W"}},
	{name: "yank sets the mark", keys: []string{"echo abc", "\x17", "x ", "\x19", "\x18\x18", "Q"}},
}

// TestMarkDiff compares the line and the cursor with bash after the
// mark's commands.
func TestMarkDiff(t *testing.T) {
	bash := rldiff.BashPath(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range markCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			size := rldiff.Size{Cols: 80, Rows: 24}
			env := rldiff.Env{Home: t.TempDir()}
			b := rldiff.Start(t, env.Command(t, bash), size)
			cmd := exec.Command(self)
			cmd.Env = append(env.Prepare(t, "gosh"), editorEnv+"=1")
			cmd.Dir = env.Home
			g := rldiff.Start(t, cmd, size)
			rldiff.Compare(t, tc.name, b, g, rldiff.Options{}, tc.keys...)
		})
	}
}
