package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
	"github.com/goshell/gosh/internal/vtscreen"
)

// screenWhen replays p's output on an 80x24 screen until ok says the
// screen is as wanted, and fails the test after wait.
func screenWhen(t *testing.T, p *ptytest.PTY, what string, ok func(*vtscreen.Screen) bool) *vtscreen.Screen {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		s := vtscreen.New(80, 24)
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

// cursorRow returns the text of the cursor's row.
func cursorRow(s *vtscreen.Screen) (row int, text string) {
	row, _ = s.Cursor()
	return row, s.Line(row)
}

// TestPromptExtras types at gosh with its extras on (GOSH_PLAIN=0): a
// suggestion from the history, dimmed, taken with the right arrow;
// command names in green when they exist and red when not; the exit
// status of a failed command on the right of the next prompt; and all
// of it gone once shopt turns the options off.
func TestPromptExtras(t *testing.T) {
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, ".gosh_history"), []byte("echo from-history-xyz\n"), 0o600)
	p := goshIn(t, home, "GOSH_PLAIN=0")
	green, red, faint := vtscreen.Style("\x1b[32m"), vtscreen.Style("\x1b[31m"), vtscreen.Style("\x1b[2m")

	p.Type("echo fr")
	// Every prefix of "echo fr" shows the same row (typed text plus the
	// suggestion): wait for the cursor after the last key typed too.
	s := screenWhen(t, p, "suggestion", func(s *vtscreen.Screen) bool {
		_, l := cursorRow(s)
		_, col := s.Cursor()
		return l == "$ echo from-history-xyz" && col == len("$ echo fr")
	})
	row, _ := cursorRow(s)
	if got := s.StyleAt(row, 2); got != green {
		t.Errorf("echo has style %q, want green %q", got, green)
	}
	if got := s.StyleAt(row, 9); got != faint {
		t.Errorf("the suggestion has style %q, want faint %q", got, faint)
	}
	if got := s.StyleAt(row, 8); got == faint {
		t.Errorf("the typed text is drawn faint")
	}
	p.Type("\x03") // C-c: the line stays as typed, with ^C, without the suggestion
	screenWhen(t, p, "the abandoned line without its suggestion", func(s *vtscreen.Screen) bool {
		row, l := cursorRow(s)
		return strings.TrimSpace(l) == "$" && row > 0 && s.Line(row-1) == "$ echo fr^C"
	})
	p.Type("echo fr")
	screenWhen(t, p, "suggestion again", func(s *vtscreen.Screen) bool {
		_, l := cursorRow(s)
		return l == "$ echo from-history-xyz"
	})
	p.Type("\x1b[C\r") // right arrow: take it
	p.WaitFor("from-history-xyz\r\n", wait)
	p.WaitFor("$ ", wait)

	p.Type("false\r")
	screenWhen(t, p, "exit status on the right", func(s *vtscreen.Screen) bool {
		_, l := cursorRow(s)
		return strings.HasPrefix(l, "$ ") && strings.HasSuffix(l, "exit 1") && len(l) == 79
	})
	p.Type("true\r")
	screenWhen(t, p, "the status gone from the accepted line", func(s *vtscreen.Screen) bool {
		row, l := cursorRow(s)
		return strings.TrimSpace(l) == "$" && row > 0 && s.Line(row-1) == "$ true"
	})
	p.Type("nosuchcmd_q")
	s = screenWhen(t, p, "the unknown command", func(s *vtscreen.Screen) bool {
		_, l := cursorRow(s)
		return strings.HasPrefix(l, "$ nosuchcmd_q")
	})
	row, _ = cursorRow(s)
	if got := s.StyleAt(row, 2); got != red {
		t.Errorf("an unknown command has style %q, want red %q", got, red)
	}
	p.Type("\x15shopt -u gosh_suggest gosh_highlight gosh_status\r")
	p.WaitFor("$ ", wait)
	p.Type("echo fr")
	s = screenWhen(t, p, "the plain line", func(s *vtscreen.Screen) bool {
		_, l := cursorRow(s)
		return l == "$ echo fr"
	})
	row, _ = cursorRow(s)
	if got := s.StyleAt(row, 2); got != "" {
		t.Errorf("with the options off echo has style %q", got)
	}
	p.Type("\x15exit\r")
	p.Wait(wait)
}
