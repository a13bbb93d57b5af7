//go:build linux

package difftest

import (
	"os"
	"os/exec"
	"testing"

	"github.com/goshell/gosh/internal/rldiff"
)

// regionCases show readline 8.2's active region: the incremental search's
// match and the text just pasted in standout (or active-region-start-color).
// The lines to search are typed first (": ..." prints nothing in bash).
// A start colour is given with its end colour: readline writes the end
// colour after the region, and one that does not undo the start colour
// leaves it on for what follows, which gosh does not copy.
var regionCases = []struct {
	name    string
	inputrc string
	keys    []string
}{
	{name: "C-r match", keys: []string{": alpha beta\r", ": gamma\r", "\x12alp"}},
	{name: "C-r match in the middle", keys: []string{": alpha beta\r", ": gamma\r", "\x12eta"}},
	{name: "C-r again", keys: []string{": alpha beta\r", ": gamma alpha\r", "\x12alp", "\x12"}},
	{name: "C-r failed", keys: []string{": alpha beta\r", ": gamma\r", "\x12alpzz"}},
	{name: "C-r ended", keys: []string{": alpha beta\r", ": gamma\r", "\x12alp", "\x06"}},
	{name: "C-r colour", inputrc: `set active-region-start-color "\e[01;32m"` + "\n" + `set active-region-end-color "\e[0m"` + "\n", keys: []string{": alpha beta\r", "\x12bet"}},
	{name: "C-r region off", inputrc: "set enable-active-region off\n", keys: []string{": alpha beta\r", "\x12bet"}},
	{name: "paste", keys: []string{"echo ", "\x1b[200~hello world\x1b[201~"}},
	{name: "paste in the middle", keys: []string{"echo end\x02\x02\x02", "\x1b[200~hello \x1b[201~"}},
	{name: "paste then a key", keys: []string{"echo ", "\x1b[200~hello world\x1b[201~", "x"}},
	{name: "paste then a movement", keys: []string{"echo ", "\x1b[200~hello world\x1b[201~", "\x02"}},
	{name: "paste colour", inputrc: `set active-region-start-color "\e[4m"` + "\n" + `set active-region-end-color "\e[24m"` + "\n", keys: []string{"echo ", "\x1b[200~hello\x1b[201~"}},
	{name: "paste then clear-screen", keys: []string{"echo ", "\x1b[200~hello\x1b[201~", "\x0c"}},
	{name: "paste then undo", keys: []string{"echo ", "\x1b[200~hello\x1b[201~", "\x1f"}},
	{name: "paste into C-r", keys: []string{": alpha beta\r", ": gamma\r", "\x12", "\x1b[200~eta\x1b[201~"}},
	{name: "paste into C-r then a key", keys: []string{": alpha beta\r", ": gamma\r", "\x12", "\x1b[200~al\x1b[201~", "p"}},
	{name: "arrow key ends C-r", keys: []string{": alpha beta\r", ": gamma\r", "\x12alp", "\x1b[D"}},
	{name: "M-p match", keys: []string{": alpha beta\r", ": gamma\r", "\x1bpeta\r"}},
	{name: "M-p match then a key", keys: []string{": alpha beta\r", ": gamma\r", "\x1bpeta\r", "\x06"}},
	{name: "paste region off", inputrc: "set enable-active-region off\n", keys: []string{"echo ", "\x1b[200~hello\x1b[201~"}},
}

// TestActiveRegionDiff compares the active region's colours with bash.
func TestActiveRegionDiff(t *testing.T) {
	bash := rldiff.BashPath(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range regionCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			size := rldiff.Size{Cols: 80, Rows: 24}
			env := rldiff.Env{Home: t.TempDir(), Inputrc: tc.inputrc}
			b := rldiff.Start(t, env.Command(t, bash), size)
			cmd := exec.Command(self)
			cmd.Env = append(env.Prepare(t, "gosh"), editorEnv+"=1")
			cmd.Dir = env.Home
			g := rldiff.Start(t, cmd, size)
			rldiff.Compare(t, tc.name, b, g, rldiff.Options{Styles: true}, tc.keys...)
		})
	}
}
