//go:build linux

// Package rldiff compares a line editor with GNU Readline for tests: the
// same keys are typed into bash 5.2 (GNU Readline 8.2) and into another
// program, each on its own pseudo-terminal of the same size, and what
// the two screens then show, cursor included (and colours, if asked),
// must be the same.
//
//	bash := rldiff.BashPath(t) // skips the test without bash 5.2
//	env := rldiff.Env{Home: t.TempDir(), Inputrc: "set show-all-if-ambiguous on\n"}
//	b := rldiff.Start(t, env.Command(t, bash), rldiff.Size{Cols: 80, Rows: 24})
//	cmd := exec.Command(gosh, "-i", "--norc")
//	cmd.Env = env.Prepare(t, "gosh")
//	g := rldiff.Start(t, cmd, rldiff.Size{Cols: 80, Rows: 24})
//	rldiff.Compare(t, "kill-line", b, g, rldiff.Options{}, "echo abc\x01\x0b")
//
// Nothing is pressed after the keys: the line is compared as it is being
// edited. Both programs get PS1='$ ', TERM=xterm, LC_ALL=C.UTF-8, and the
// init file, HOME and HISTFILE of the Env. Compare waits for both
// programs to write something and then fall quiet before it looks, and
// looks again, longer, before it reports a difference.
package rldiff

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
	"github.com/goshell/gosh/internal/vtscreen"
)

// Prompt is PS1 for both programs.
const Prompt = "$ "

// BashPath returns the path of bash 5.2, or skips the test with a message
// saying why.
func BashPath(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: the differential tests need bash 5.2 (GNU Readline 8.2) on $PATH")
	}
	out, err := exec.Command(path, "-c", `echo "$BASH_VERSION"`).Output()
	if err != nil || !strings.HasPrefix(string(out), "5.2") {
		t.Skipf("the differential tests need bash 5.2 (GNU Readline 8.2), found %q", strings.TrimSpace(string(out)))
	}
	return path
}

// Env is the setting both programs run in.
type Env struct {
	// Dir is the working directory; Home when empty.
	Dir string
	// Home is $HOME; the init file is written there.
	Home string
	// Inputrc is the text of the init file ($INPUTRC).
	Inputrc string
	// History, if not empty, is written to a history file ($HISTFILE),
	// one entry a line, oldest first.
	History []string
	// Extra holds more NAME=value environment entries.
	Extra []string
}

// Prepare writes the init file and the history file for a program under
// a directory of its own in Home (so that the two programs never share a
// history file) and returns its environment.
func (e Env) Prepare(t testing.TB, name string) []string {
	t.Helper()
	dir := filepath.Join(e.Home, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	rc := filepath.Join(dir, "inputrc")
	hist := filepath.Join(dir, "history")
	if err := os.WriteFile(rc, []byte(e.Inputrc), 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(e.History, "\n")
	if text != "" {
		text += "\n"
	}
	if err := os.WriteFile(hist, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{
		"HOME=" + e.Home, "PATH=" + os.Getenv("PATH"), "TERM=xterm", "LC_ALL=C.UTF-8",
		"INPUTRC=" + rc, "HISTFILE=" + hist, "PS1=" + Prompt,
	}
	return append(env, e.Extra...)
}

// Command returns the command that runs an interactive bash without
// startup files in env.
func (e Env) Command(t testing.TB, bash string) *exec.Cmd {
	cmd := exec.Command(bash, "--norc", "--noprofile", "-i")
	cmd.Env = e.Prepare(t, "bash")
	cmd.Dir = e.dir()
	return cmd
}

func (e Env) dir() string {
	if e.Dir != "" {
		return e.Dir
	}
	return e.Home
}

// Size is a terminal's size.
type Size struct{ Cols, Rows int }

// A Session is a program on a pseudo-terminal and the screen it draws.
type Session struct {
	t   testing.TB
	pty *ptytest.PTY

	mu   sync.Mutex
	scr  *vtscreen.Screen
	fed  int // bytes of output given to scr
	mark int // output length when keys were last typed
}

// Start runs cmd on a pty of the given size, in cmd's directory (or
// env's), and waits for its first prompt.
func Start(t testing.TB, cmd *exec.Cmd, size Size) *Session {
	t.Helper()
	s := &Session{t: t, scr: vtscreen.New(size.Cols, size.Rows)}
	s.pty = ptytest.Start(t, cmd, ptytest.Options{Cols: size.Cols, Rows: size.Rows, CursorPosition: func() (int, int) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.feedLocked()
		row, col := s.scr.Cursor()
		return row + 1, col + 1
	}})
	s.pty.WaitFor(Prompt, 10*time.Second)
	s.settle(100*time.Millisecond, 2*time.Second)
	return s
}

func (s *Session) feedLocked() {
	out := s.pty.Output()
	if len(out) > s.fed {
		s.scr.WriteString(out[s.fed:])
		s.fed = len(out)
	}
}

// Type types keys.
func (s *Session) Type(keys string) {
	s.mu.Lock()
	s.mark = len(s.pty.Output())
	s.mu.Unlock()
	s.pty.Type(keys)
}

// settle waits until the program has written something since the keys
// were typed (for at most limit) and then nothing for quiet.
func (s *Session) settle(quiet, limit time.Duration) {
	deadline := time.Now().Add(limit)
	last, since := -1, time.Now()
	for time.Now().Before(deadline) {
		n := len(s.pty.Output())
		if n != last {
			last, since = n, time.Now()
		} else if n > s.mark && time.Since(since) >= quiet {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Screen returns the screen as a picture (vtscreen.Picture) with the
// cursor marked.
func (s *Session) Screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feedLocked()
	return s.scr.Picture(true)
}

// Styles lists the runs of styled cells on the screen, one a line:
// "row R cols A-B STYLE" (styles as vtscreen.StyleAt gives them).
func (s *Session) Styles() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feedLocked()
	cols, rows := s.scr.Size()
	var b strings.Builder
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; {
			st := s.scr.StyleAt(r, c)
			end := c + 1
			for end < cols && s.scr.StyleAt(r, end) == st {
				end++
			}
			if st != "" {
				fmt.Fprintf(&b, "row %d cols %d-%d %q\n", r, c, end-1, st)
			}
			c = end
		}
	}
	return b.String()
}

// Options say what Compare looks at besides the characters and the
// cursor.
type Options struct {
	// Styles compares the colours and attributes of the cells too.
	Styles bool
}

// Compare types keys into both sessions and fails the test unless the
// screens then show the same thing. what names the case in messages.
// Each element of keys is typed once the programs are done with the
// one before.
func Compare(t testing.TB, what string, bash, other *Session, opts Options, keys ...string) bool {
	t.Helper()
	for i, k := range keys {
		bash.Type(k)
		other.Type(k)
		if i+1 < len(keys) {
			settleBoth(bash, other, 120*time.Millisecond)
		}
	}
	keyText := strings.Join(keys, "")
	for _, quiet := range []time.Duration{120 * time.Millisecond, 400 * time.Millisecond} {
		settleBoth(bash, other, quiet)
		want, got := bash.Screen(), other.Screen()
		if opts.Styles {
			want += "\n" + bash.Styles()
			got += "\n" + other.Styles()
		}
		if want == got {
			if testing.Verbose() {
				t.Logf("%s: keys %q: both show\n%s", what, keyText, frame(want))
			}
			return true
		}
		if quiet > 120*time.Millisecond {
			t.Errorf("%s: keys %q\nbash shows:\n%s\n\nbut gosh shows:\n%s", what, keyText, frame(want), frame(got))
		}
	}
	return false
}

func settleBoth(a, b *Session, quiet time.Duration) {
	var wg sync.WaitGroup
	for _, s := range []*Session{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.settle(quiet, 3*time.Second)
		}()
	}
	wg.Wait()
}

// frame puts a picture between rules so that blank rows show.
func frame(pic string) string {
	return "+--------\n|" + strings.ReplaceAll(pic, "\n", "\n|") + "\n+--------"
}
