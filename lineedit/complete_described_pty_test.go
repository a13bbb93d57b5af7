//go:build linux

package lineedit

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/internal/ptytest"
	"github.com/goshell/gosh/internal/vtscreen"
)

const menuHelperEnv = "LINEEDIT_MENU_HELPER"

// TestMenuHelperProcess reads lines with the described menu on, completing
// from describedCands.
func TestMenuHelperProcess(t *testing.T) {
	if os.Getenv(menuHelperEnv) == "" {
		t.Skip("run by TestDescribedMenuOnTerminal")
	}
	cfg := testConfig()
	cfg.ParseLine("set show-all-if-ambiguous on")
	cfg.ParseLine(`"\C-n": menu-complete`)
	ed := NewEditorWith(cfg, history.New(), os.Stdin, os.Stdout)
	ed.Completer = describedCands
	st := testMenuStyle
	ed.Engine().CompletionMenu = &st
	for {
		line, err := ed.ReadLine("$ ")
		switch {
		case errors.Is(err, io.EOF) || line == "quit":
			os.Exit(0)
		case err != nil:
			fmt.Printf("ERR %v\n", err)
		default:
			fmt.Printf("LINE %q\n", line)
		}
	}
}

// TestDescribedMenuOnTerminal: on a terminal 30 columns wide, TAB shows
// the candidates under the line one a row, the descriptions aligned and
// cut with "…" so that no row reaches the last column, in the menu's
// styles; menu-complete shows the candidate it put in the line in the
// selected style; another key takes the menu away, and the line accepted
// leaves no menu on the screen.
func TestDescribedMenuOnTerminal(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestMenuHelperProcess$")
	cmd.Env = append(os.Environ(), menuHelperEnv+"=1", "TERM=xterm",
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	const cols, rows = 30, 10
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: cols, Rows: rows})
	p.WaitFor("$ ", helperWait)
	screen := func(what string, ok func(*vtscreen.Screen) bool) *vtscreen.Screen {
		t.Helper()
		deadline := time.Now().Add(helperWait)
		for {
			s := vtscreen.New(cols, rows)
			s.WriteString(p.Output())
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("no %s; screen:\n%s", what, s.Picture(true))
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	pictureIs := func(want string) func(*vtscreen.Screen) bool {
		return func(s *vtscreen.Screen) bool { return s.Picture(true) == strings.TrimPrefix(want, "\n") }
	}

	p.Type("c\t")
	menu := `
$ c▌
cd        Change the shell w…
command   Execute a simple c…
compgen   Display possible c…
complete  Specify how argume…`
	s := screen("the described menu", pictureIs(menu))
	bold, faint, reverse := vtscreen.Style("\x1b[1m"), vtscreen.Style("\x1b[2m"), vtscreen.Style("\x1b[7m")
	for _, c := range []struct {
		row, col int
		want     string
	}{{1, 0, bold}, {1, 7, bold}, {1, 8, ""}, {1, 10, faint}, {1, 28, faint}, {4, 0, bold}} {
		if got := s.StyleAt(c.row, c.col); got != c.want {
			t.Errorf("row %d col %d: style %q, want %q", c.row, c.col, got, c.want)
		}
	}

	p.Type("\x0e") // C-n: menu-complete
	s = screen("the first candidate selected", pictureIs(`
$ cd ▌
cd        Change the shell w…
command   Execute a simple c…
compgen   Display possible c…
complete  Specify how argume…`))
	if got := s.StyleAt(1, 0); got != reverse {
		t.Errorf("the selected candidate has style %q, want reverse video", got)
	}
	if got := s.StyleAt(2, 0); got != bold {
		t.Errorf("another candidate has style %q, want bold", got)
	}
	p.Type("\x0e")
	s = screen("the second candidate selected", func(s *vtscreen.Screen) bool {
		return s.Line(0) == "$ command" && s.StyleAt(2, 0) == reverse
	})
	if got := s.StyleAt(1, 0); got != bold {
		t.Errorf("the first candidate is still drawn %q", got)
	}

	p.Type("x")
	screen("the menu gone", pictureIs("$ command x▌"))
	p.Type("\x15c\t")
	screen("the menu again", pictureIs(menu))
	p.Type("d\r")
	p.WaitFor(`LINE "cd"`, helperWait)
	screen("the accepted line without the menu", func(s *vtscreen.Screen) bool {
		return s.Line(0) == "$ cd" && s.Line(1) == `LINE "cd"` && strings.TrimSpace(s.Line(2)) == "$"
	})
	p.Type("quit\r")
	wantHelperEnd(t, p, "exit 0")
}
