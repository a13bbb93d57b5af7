//go:build linux

package lineedit

// Tests of Editor.ReadLine as a person at a terminal sees it: the test
// binary runs itself (TestEditorHelperProcess) on a pty, reads lines with
// an Editor, and prints each line it got; the tests type at it and look at
// the screen through a terminal emulator.

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

const editorHelperEnv = "LINEEDIT_EDITOR_HELPER"

// startEditor runs the helper on a pty of cols x rows with TERM=term and
// the inputrc lines given, and waits for its first prompt.
func startEditor(t *testing.T, term string, cols, rows int, inputrc ...string) *ptytest.PTY {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestEditorHelperProcess$")
	cmd.Env = append(os.Environ(), editorHelperEnv+"="+strings.Join(inputrc, "\n"), "TERM="+term,
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: cols, Rows: rows})
	p.WaitFor("$ ", helperWait)
	return p
}

// TestEditorHelperProcess is the program the editor tests run on a pty.
func TestEditorHelperProcess(t *testing.T) {
	init, ok := os.LookupEnv(editorHelperEnv)
	if !ok {
		t.Skip("run by the editor tests")
	}
	cfg := testConfig()
	for _, line := range strings.Split(init, "\n") {
		cfg.ParseLine(line)
	}
	ed := NewEditorWith(cfg, history.New(), os.Stdin, os.Stdout)
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

// A paste, its newline inserted as it is, then Enter and the next line in
// the same write: the editor reads the rest of the paste's read beyond
// the accepted line, and keeps it for the next ReadLine.
func TestEditorKeepsBytesAfterTheLine(t *testing.T) {
	p := startEditor(t, "xterm", 40, 10)
	p.Type("\x1b[200~one\ntwo\x1b[201~\rsecond\r")
	p.WaitFor(`LINE "one\ntwo"`, helperWait)
	p.WaitFor(`LINE "second"`, helperWait)
	p.Type("quit\r")
	wantHelperEnd(t, p, "exit 0")
	if out := p.Output(); !strings.Contains(out, bracketedPasteOn) || !strings.Contains(out, bracketedPasteOff) {
		t.Errorf("bracketed paste was not turned on and off: %q", out)
	}
}

// C-c ends the line with ErrInterrupt; with echo-control-characters on
// (readline's default) "^C" is echoed where the cursor was, as bash shows
// "$ abc^C", and not when the variable is off.
func TestEditorInterrupt(t *testing.T) {
	for _, echo := range []bool{true, false} {
		var init []string
		if !echo {
			init = []string{"set echo-control-characters off"}
		}
		p := startEditor(t, "xterm", 40, 10, init...)
		// The tty discards input it has not passed on when C-c makes
		// it send SIGINT: the keys go first, C-c once they are shown.
		p.Type("abc\x02")
		p.WaitFor("abc\b", helperWait)
		p.Type("\x03")
		out := p.WaitFor("ERR "+ErrInterrupt.Error(), helperWait)
		if got := strings.Contains(out, "^C"); got != echo {
			t.Errorf("echo-control-characters %v: output %q", echo, out)
		}
		scr := vtscreen.New(40, 10)
		scr.WriteString(p.Output())
		want := "$ abc"
		if echo {
			want = "$ ab^C" // over the c: where the cursor was
		}
		if got := scr.Line(0); got != want {
			t.Errorf("echo-control-characters %v: the screen shows %q, want %q (output %q)", echo, got, want, p.Output())
		}
		p.Type("x\r")
		p.WaitFor(`LINE "x"`, helperWait)
		p.Type("quit\r")
		wantHelperEnd(t, p, "exit 0")
	}
}

// TERM=dumb: no escape sequence reaches the terminal, not even to turn
// bracketed paste on.
func TestEditorDumbTerminal(t *testing.T) {
	p := startEditor(t, "dumb", 20, 5)
	p.Type("hello world, a long line\x01X\r")
	out := p.WaitFor(`LINE "Xhello world, a long line"`, helperWait)
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("escape sequences sent to a dumb terminal: %q", out)
	}
	p.Type("quit\r")
	wantHelperEnd(t, p, "exit 0")
}

// screenAfter feeds a terminal emulator of cols x rows what the helper
// wrote, resizing it to ncols columns at byte at.
func screenAfter(p *ptytest.PTY, cols, rows, at, ncols int) *vtscreen.Screen {
	out := p.Output()
	s := vtscreen.New(cols, rows)
	s.WriteString(out[:at])
	s.Resize(ncols, rows)
	s.WriteString(out[at:])
	return s
}

// A window made narrower (SIGWINCH) gets the line laid out again at the
// new width, with nothing of the old layout left.
func TestEditorResize(t *testing.T) {
	p := startEditor(t, "xterm", 30, 8)
	p.Type("echo " + strings.Repeat("x", 39) + "y")
	p.WaitFor("y", helperWait)
	at := len(p.Output())
	p.Resize(20, 8)
	time.Sleep(100 * time.Millisecond) // let SIGWINCH reach the editor
	p.Type("Z")
	p.WaitFor("Z", helperWait)
	s := screenAfter(p, 30, 8, at, 20)
	vtscreen.WantScreen(t, s, "$ echo xxxxxxxxxxxxx\nxxxxxxxxxxxxxxxxxxxx\nxxxxxxyZ▌")
	p.Type("\r")
	p.WaitFor(`LINE "echo `, helperWait)
	p.Type("quit\r")
	wantHelperEnd(t, p, "exit 0")
}

// horizontal-scroll-mode keeps the line on one row.
func TestEditorHorizontalScroll(t *testing.T) {
	p := startEditor(t, "xterm", 20, 5, "set horizontal-scroll-mode on")
	p.Type(strings.Repeat("abcdefghij", 3))
	p.WaitFor("j", helperWait)
	time.Sleep(50 * time.Millisecond)
	s := screenAfter(p, 20, 5, 0, 20)
	vtscreen.WantScreen(t, s, "<defghijabcdefghij▌")
	p.Type("\r")
	p.WaitFor(`LINE "abcdefghij`, helperWait)
	p.Type("quit\r")
	wantHelperEnd(t, p, "exit 0")
}

// show-mode-in-prompt puts the mode string before the prompt.
func TestEditorShowMode(t *testing.T) {
	p := startEditor(t, "xterm", 20, 5, "set show-mode-in-prompt on")
	p.Type("hi")
	p.WaitFor("hi", helperWait)
	time.Sleep(50 * time.Millisecond)
	vtscreen.WantScreen(t, screenAfter(p, 20, 5, 0, 20), "@$ hi▌")
	p.Type("\r")
	p.WaitFor(`LINE "hi"`, helperWait)
	p.Type("quit\r")
	wantHelperEnd(t, p, "exit 0")
}

// bell-style visible flashes the screen with the terminal's flash
// capability; audible rings BEL; none is silent.
func TestEditorBellStyles(t *testing.T) {
	flash := terminalFlash("xterm")
	for _, tc := range []struct {
		style string
		want  string
	}{
		{"audible", "\a"},
		{"visible", "\x1b[?5h"},
		{"none", ""},
	} {
		t.Run(tc.style, func(t *testing.T) {
			if tc.style == "visible" && flash == "" {
				t.Skip("no terminfo entry for xterm")
			}
			p := startEditor(t, "xterm", 20, 5, "set bell-style "+tc.style)
			p.Type("\x7fq\x7f\x7f\r") // rubout at the start of the line rings
			out := p.WaitFor(`LINE ""`, helperWait)
			if tc.want != "" && !strings.Contains(out, tc.want) {
				t.Errorf("no %q in %q", tc.want, out)
			}
			if tc.style != "audible" && strings.ContainsRune(out, '\a') {
				t.Errorf("BEL written: %q", out)
			}
			p.Type("quit\r")
			wantHelperEnd(t, p, "exit 0")
		})
	}
}
