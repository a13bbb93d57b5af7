package main

import (
	"strings"
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

// TestMenuOnTerminal types at gosh with shopt gosh_menu on: TAB TAB on a
// command name lists the functions and aliases it matches one a row under
// the line, each with its description (the alias's long text cut with "…"
// at the window's width) drawn in the palette's style for descriptions;
// the next key takes the menu away. With gosh_menu off (the default) the
// same keys list the names in readline's columns.
func TestMenuOnTerminal(t *testing.T) {
	p := goshIn(t, t.TempDir())
	long := "echo " + strings.Repeat("a-long-alias-value ", 6)
	p.Type("zzfoo() { :; }; zzbar() { :; }; alias zzal='" + long + "'\r")
	p.WaitFor("$ ", wait)
	clear := func() {
		p.Type("\x15clear\r")
		screenWhen(t, p, "a clear screen", func(s *vtscreen.Screen) bool { return s.Picture(true) == "$ ▌" })
	}
	clear()

	p.Type("zz\t\t")
	screenWhen(t, p, "readline's list", func(s *vtscreen.Screen) bool {
		return s.Line(1) == "zzal   zzbar  zzfoo" && s.Line(2) == "$ zz"
	})
	p.Type("\x15shopt -s gosh_menu\r")
	p.WaitFor("$ ", wait)
	clear()

	p.Type("zz\t\t")
	want := "$ zz▌\n" +
		"zzal   " + ("alias for " + long)[:71] + "…\n" +
		"zzbar  function\n" +
		"zzfoo  function"
	s := screenWhen(t, p, "the described menu", func(s *vtscreen.Screen) bool { return s.Picture(true) == want })
	grey := vtscreen.Style("\x1b[90m") // the description style for TERM=xterm (16 colours)
	for _, c := range [][2]int{{1, 7}, {1, 78}, {2, 7}, {3, 14}} {
		if got := s.StyleAt(c[0], c[1]); got != grey {
			t.Errorf("row %d col %d: style %q, want the description's %q", c[0], c[1], got, grey)
		}
	}
	if got := s.StyleAt(2, 0); got != "" {
		t.Errorf("a candidate has style %q", got)
	}
	p.Type("f\t")
	screenWhen(t, p, "the menu gone, the name completed", func(s *vtscreen.Screen) bool {
		return s.Picture(true) == "$ zzfoo ▌"
	})
	p.Type("\x15exit\r")
	p.Wait(wait)
}
