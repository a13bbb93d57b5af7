//go:build linux

package lineedit

// Session on a real terminal: the test binary runs itself
// (TestSessionHelperProcess) on a pty, as a program using Open would run.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/internal/ptytest"
	"github.com/goshell/gosh/internal/vtscreen"
	"golang.org/x/sys/unix"
)

const sessionHelperEnv = "LINEEDIT_SESSION_HELPER"

// sessionWait is how long a test waits for the helper's output.
const sessionWait = 5 * time.Second

// wantSessionExit waits for the helper to exit with status 0.
func wantSessionExit(t *testing.T, p *ptytest.PTY) {
	t.Helper()
	if st := p.Wait(sessionWait); !st.Exited() || st.ExitCode() != 0 {
		t.Errorf("the helper ended with %s; output: %q", ptytest.Describe(st), p.Output())
	}
}

func startSessionHelper(t *testing.T, histfile string) *ptytest.PTY {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSessionHelperProcess$")
	cmd.Env = append(os.Environ(), sessionHelperEnv+"="+histfile, "TERM=xterm", "INPUTRC=/dev/null",
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	return ptytest.Start(t, cmd, ptytest.Options{Cols: 60, Rows: 12})
}

// screenOf replays what p wrote on a virtual screen of p's size.
func screenOf(p *ptytest.PTY) *vtscreen.Screen {
	s := vtscreen.New(60, 12)
	s.WriteString(p.Output())
	return s
}

// TestSessionOnTerminal is the plain API end to end: completion from
// Options.Completer, C-c as ErrInterrupt, the history file written line
// by line and read back by the next run, C-d as io.EOF.
func TestSessionOnTerminal(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "history")
	p := startSessionHelper(t, hist)
	p.WaitFor("calc> ", sessionWait)
	p.Type("sq\t")
	p.WaitFor("sqrt(", sessionWait)
	p.Type("2)\r")
	p.WaitFor(`LINE "sqrt(2)"`, sessionWait)
	p.WaitFor("calc> ", sessionWait)
	p.Type("abandoned\x03")
	p.WaitFor("INTERRUPT", sessionWait)
	p.WaitFor("calc> ", sessionWait)
	p.Type("\x04")
	p.WaitFor("EOF", sessionWait)
	wantSessionExit(t, p)
	if data, _ := os.ReadFile(hist); string(data) != "sqrt(2)\n" {
		t.Fatalf("history file %q", data)
	}

	p = startSessionHelper(t, hist)
	p.WaitFor("calc> ", sessionWait)
	p.Type("\x1b[A\r")
	p.WaitFor(`LINE "sqrt(2)"`, sessionWait)
	p.WaitFor("calc> ", sessionWait)
	p.Type("\x04")
	wantSessionExit(t, p)
}

// TestSessionSuspend runs a child that reads the terminal from a key
// bound to a command calling Suspend: the child gets a cooked terminal
// and the line typed so far comes back, still editable.
func TestSessionSuspend(t *testing.T) {
	p := startSessionHelper(t, "")
	p.WaitFor("calc> ", sessionWait)
	p.Type("1+")
	p.WaitFor("1+", sessionWait)
	p.Type("\x18s") // C-x s: demo-suspend
	p.WaitFor("child ready", sessionWait)
	if tio := p.Termios(); tio.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != unix.ICANON|unix.ECHO|unix.ISIG {
		t.Errorf("the child runs with lflag %#x, not cooked", tio.Lflag)
	}
	p.Type("typed to the child\r")
	p.WaitFor("child got typed to the child", sessionWait)
	p.WaitFor("calc> 1+", sessionWait)
	p.Type("2\r")
	p.WaitFor(`LINE "1+2"`, sessionWait)
	p.WaitFor("calc> ", sessionWait)
	p.Type("\x04")
	wantSessionExit(t, p)
}

// TestSessionWriteWhileEditing writes from another goroutine while a line
// is edited: the text is shown at once, before Enter, on rows of its own
// above the line, which is drawn again intact under it and stays
// editable.
func TestSessionWriteWhileEditing(t *testing.T) {
	p := startSessionHelper(t, "")
	p.WaitFor("calc> ", sessionWait)
	p.Type("12")
	p.WaitFor("12", sessionWait)
	p.Type("\x18l") // C-x l: a goroutine writes a log line
	p.WaitFor("log: from another goroutine", sessionWait)
	// Before Enter: the log line, then the line being edited under it.
	var lines []string
	deadline := time.Now().Add(sessionWait)
	for {
		lines = screenOf(p).Lines()
		logRow, lineRow := -1, -1
		for i, l := range lines {
			switch l {
			case "log: from another goroutine":
				logRow = i
			case "calc> 12":
				lineRow = i
			}
		}
		if logRow >= 0 && lineRow == logRow+1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("before Enter, want the log line above \"calc> 12\"; screen:\n%s", strings.Join(lines, "\n"))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if strings.Contains(p.Output(), "LINE") {
		t.Fatalf("the line was accepted before Enter: %q", p.Output())
	}
	p.Type("34\r")
	p.WaitFor(`LINE "1234"`, sessionWait)
	p.WaitFor("calc> ", sessionWait)
	lines = screenOf(p).Lines()
	var sawLog, sawLine bool
	for _, l := range lines {
		switch {
		case l == "log: from another goroutine":
			sawLog = true
		case l == "calc> 1234":
			sawLine = true
		case strings.Contains(l, "log:"):
			t.Errorf("log text shares a row: %q", l)
		}
	}
	if !sawLog || !sawLine {
		t.Errorf("screen:\n%s", strings.Join(lines, "\n"))
	}
	p.Type("\x04")
	wantSessionExit(t, p)
}

// TestSessionHelperProcess is the program the tests above run on a pty.
func TestSessionHelperProcess(t *testing.T) {
	hist, ok := os.LookupEnv(sessionHelperEnv)
	if !ok {
		t.Skip("run by the pty tests")
	}
	os.Exit(sessionHelper(hist))
}

func sessionHelper(hist string) int {
	ns := &completion.Namespace{Names: map[string]any{"sqrt": func(float64) float64 { return 0 }, "sin": func(float64) float64 { return 0 }}}
	s, err := Open(Options{App: "calc", HistoryFile: hist, Completer: ns, Stdout: os.Stdout})
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	defer s.Close()
	cfg := s.Editor().Config
	Register(cfg, "demo-suspend", func(*Engine, int, byte) {
		s.Suspend(func() error {
			cmd := exec.Command("/bin/sh", "-c", `echo child ready; read x; echo "child got $x"`)
			cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
			return cmd.Run()
		})
	})
	Register(cfg, "demo-log", func(*Engine, int, byte) {
		go s.Printf("log: from another goroutine\n")
	})
	cfg.ParseLine(`"\C-xs": demo-suspend`)
	cfg.ParseLine(`"\C-xl": demo-log`)
	for {
		line, err := s.ReadLine("calc> ")
		switch {
		case errors.Is(err, io.EOF):
			fmt.Println("EOF")
			return 0
		case errors.Is(err, ErrInterrupt):
			fmt.Println("INTERRUPT")
		case err != nil:
			fmt.Println("ERR", err)
			return 1
		default:
			fmt.Printf("LINE %q\n", line)
		}
	}
}
