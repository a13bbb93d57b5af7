package shell

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/goshell/gosh/completion"
)

// TestMenuDescriptions: with gosh_menu on, command names completed at the
// prompt are described: an alias by what it stands for, a function, a
// built-in by its help -d line, a reserved word, a command on $PATH by
// the file that runs; with it off (the default) they are not.
func TestMenuDescriptions(t *testing.T) {
	bin, other := t.TempDir(), t.TempDir()
	for _, f := range []string{filepath.Join(bin, "mytool"), filepath.Join(other, "mytool"), filepath.Join(other, "myother")} {
		if err := os.WriteFile(f, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	s, _, _ := newTestShell(t, Options{Interactive: true, Env: []string{"PATH=" + bin + ":" + other, "HOME=" + t.TempDir(), "TERM=xterm"}})
	s.installExtraOptions()
	if err := s.RunString(context.Background(), `myfunc() { :; }; alias myalias='ls -l '\''x'\'''`); err != nil {
		t.Fatal(err)
	}
	comp := s.describingCompleter(s.editorCompleter(nil))
	describe := func() map[string]string {
		got := map[string]string{}
		for _, c := range comp.Complete("my", 2).Candidates {
			if _, dup := got[c.Text]; !dup {
				got[c.Text] = c.Description
			}
		}
		return got
	}
	for name, d := range describe() {
		if d != "" {
			t.Errorf("gosh_menu off: %s described %q", name, d)
		}
	}
	if err := s.RunString(context.Background(), "shopt -s gosh_menu"); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"myalias": "alias for ls -l 'x'",
		"myfunc":  "function",
		"mytool":  bin + "/mytool", // the first on $PATH
		"myother": other + "/myother",
	}
	got := describe()
	for name, d := range want {
		if got[name] != d {
			t.Errorf("%s: described %q, want %q", name, got[name], d)
		}
	}
	cands := []completion.Candidate{{Text: "cd", Kind: completion.KindBuiltin}, {Text: "if", Kind: completion.KindKeyword},
		{Text: "x", Description: "kept"}}
	s.describeCommands(cands)
	if cands[0].Description != "Change the shell working directory." || cands[1].Description != "shell keyword" || cands[2].Description != "kept" {
		t.Errorf("described %+v", cands)
	}

	// The editor gets the menu with gosh_menu on, in the palette's
	// styles for the terminal; read -e does not.
	x := s.extras()
	x.mu.Lock()
	st := x.menuStyle(s.terminalProfile())
	x.mu.Unlock()
	if st == nil || st.Selected != styleTables[profileANSI].menuSelected || st.Description.Open != "\x1b[90m" {
		t.Errorf("menu style %+v", st)
	}
}

// TestMenuStyleDumb: no menu on a dumb terminal, which draws nothing
// under the line.
func TestMenuStyleDumb(t *testing.T) {
	x := &editorExtras{off: map[string]bool{}}
	if x.menuStyle(profileNoTTY) != nil {
		t.Errorf("a menu on a dumb terminal")
	}
	if st := x.menuStyle(profileASCII); st == nil || st.Selected.Open != "\x1b[7m" || st.Description.Open != "\x1b[2m" {
		t.Errorf("NO_COLOR menu %+v", st)
	}
	x.off[optMenu] = true
	if x.menuStyle(profileTrueColor) != nil {
		t.Errorf("a menu with gosh_menu off")
	}
}
