//go:build linux

package lineedit

// Tests of the driver as a program sees it: the test binary runs itself
// (TestTermHelperProcess) on a pty as a session leader, so the tty sends
// it signals, and the test checks the pty's modes from outside.

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
	"golang.org/x/sys/unix"
)

const helperEnv = "LINEEDIT_TERM_HELPER"

// helperWait is how long a test waits for the helper's output.
const helperWait = 5 * time.Second

func startHelper(t *testing.T, mode string) *ptytest.PTY {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTermHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "TERM=xterm-256color",
		// The race detector's one-second pause at exit, for nothing.
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 80, Rows: 24})
	return p
}

func ttyIsRaw(tio *unix.Termios) bool {
	return tio.Lflag&(unix.ICANON|unix.ECHO) == 0
}

func ttyIsCooked(tio *unix.Termios) bool {
	return tio.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) == unix.ICANON|unix.ECHO|unix.ISIG
}

func wantHelperEnd(t *testing.T, p *ptytest.PTY, want string) {
	t.Helper()
	if got := ptytest.Describe(p.Wait(helperWait)); got != want {
		t.Errorf("the helper ended with %s, want %s; output: %q", got, want, p.Output())
	}
}

func TestTermRawAndRestoredSeenFromOutside(t *testing.T) {
	p := startHelper(t, "raw")
	p.WaitFor("RAW-ON", helperWait)
	if tio := p.Termios(); !ttyIsRaw(tio) || tio.Lflag&unix.ISIG == 0 {
		t.Errorf("in raw mode: lflag %#x", tio.Lflag)
	}
	p.Type("x")
	p.WaitFor("RESTORED", helperWait)
	if tio := p.Termios(); !ttyIsCooked(tio) {
		t.Errorf("after Restore: lflag %#x, want cooked", tio.Lflag)
	}
	p.Type("bye\r")
	wantHelperEnd(t, p, "exit 0")
	out := p.Output()
	if on, off := strings.Index(out, bracketedPasteOn), strings.Index(out, bracketedPasteOff); on < 0 || off < on {
		t.Errorf("bracketed paste not turned on, then off: %q", out)
	}
}

func TestTermRestoredAfterPanic(t *testing.T) {
	p := startHelper(t, "panic")
	p.WaitFor("RAW-ON", helperWait)
	if !ttyIsRaw(p.Termios()) {
		t.Fatal("not in raw mode")
	}
	p.Type("x")
	wantHelperEnd(t, p, "exit 2")
	if !strings.Contains(p.Output(), "panic: editor bug") {
		t.Errorf("no panic message in %q", p.Output())
	}
	if tio := p.Termios(); !ttyIsCooked(tio) {
		t.Errorf("after the panic: lflag %#x, want cooked", tio.Lflag)
	}
}

// SIGTERM, SIGHUP and SIGQUIT restore the terminal, then end the process
// as they would have without the driver.
func TestTermFatalSignalsRestore(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		want string
	}{
		{unix.SIGTERM, "signal terminated"},
		{unix.SIGHUP, "signal hangup"},
		{unix.SIGQUIT, "exit 2"}, // Go's own action: a goroutine dump
	} {
		t.Run(unix.SignalName(tc.sig), func(t *testing.T) {
			p := startHelper(t, "wait")
			p.WaitFor("RAW-ON", helperWait)
			if !ttyIsRaw(p.Termios()) {
				t.Fatal("not in raw mode")
			}
			p.Signal(tc.sig)
			wantHelperEnd(t, p, tc.want)
			if tio := p.Termios(); !ttyIsCooked(tio) {
				t.Errorf("after %v: lflag %#x, want cooked", tc.sig, tio.Lflag)
			}
			if out := p.Output(); !strings.Contains(out, bracketedPasteOff) {
				t.Errorf("bracketed paste not turned off: %q", out)
			}
		})
	}
}

// A program that handles SIGTERM itself gets it, and keeps editing.
func TestTermFatalSignalHandledByProgram(t *testing.T) {
	p := startHelper(t, "term-handled")
	p.WaitFor("RAW-ON", helperWait)
	p.Signal(unix.SIGTERM)
	p.WaitFor("EV SuspendResume 80x24", helperWait)
	p.WaitFor("OWN SIGTERM", helperWait)
	p.Type("z")
	p.WaitFor(`EV Bytes "z"`, helperWait)
	if !ttyIsRaw(p.Termios()) {
		t.Error("raw mode not back after the program took SIGTERM")
	}
	p.Type("q")
	wantHelperEnd(t, p, "exit 0")
	if n := strings.Count(p.Output(), "EV SuspendResume"); n != 1 {
		t.Errorf("%d redraw events, want 1: %q", n, p.Output())
	}
}

func TestTermEvents(t *testing.T) {
	p := startHelper(t, "events")
	p.WaitFor("RAW-ON", helperWait)
	p.Type("a")
	p.WaitFor(`EV Bytes "a"`, helperWait)
	p.Type("\x1b")
	p.WaitFor("ESC alone", helperWait)
	p.Type("\x1b[A")
	p.WaitFor(`ESC then "[A"`, helperWait)
	p.Resize(100, 40)
	p.WaitFor("EV Resize 100x40", helperWait)
	p.Type("\x03") // the tty sends SIGINT
	p.WaitFor("EV Interrupt", helperWait)
	p.Type("b")
	p.WaitFor(`EV Bytes "b"`, helperWait)
	p.Type("q")
	p.WaitFor("RESTORED", helperWait)
	// Without the driver's handler, Ctrl-C ends the process.
	p.Type("\x03")
	wantHelperEnd(t, p, "signal interrupt")
}

// Signals the program ignores, the driver leaves alone.
func TestTermIgnoredSignalsLeftAlone(t *testing.T) {
	p := startHelper(t, "ignoring")
	p.WaitFor("RAW-ON", helperWait)
	tio := p.Termios()
	if !ttyIsRaw(tio) || tio.Cc[unix.VSUSP] != 0x1a {
		t.Errorf("raw mode with SIGTSTP ignored: lflag %#x, VSUSP %#x", tio.Lflag, tio.Cc[unix.VSUSP])
	}
	p.Signal(unix.SIGTERM)
	p.Type("\x1a") // the tty sends an ignored SIGTSTP
	p.Type("a")
	p.WaitFor(`EV Bytes "a"`, helperWait)
	if !ttyIsRaw(p.Termios()) {
		t.Error("raw mode gone")
	}
	p.Type("q")
	wantHelperEnd(t, p, "exit 0")
	if strings.Contains(p.Output(), "SuspendResume") || strings.Contains(p.Output(), bracketedPasteOff+bracketedPasteOn) {
		t.Errorf("the terminal was given back: %q", p.Output())
	}
}

// What the user types after Enter goes to the command run next, even
// typed ahead, in the same write as the line.
func TestTermNextCommandGetsTypeahead(t *testing.T) {
	p := startHelper(t, "handoff")
	p.WaitFor("RAW-ON", helperWait)
	p.Type("ab\rxyz")
	p.WaitFor(`LINE "ab"`, helperWait)
	p.WaitFor(`CHILD "xyz"`, helperWait)
	wantHelperEnd(t, p, "exit 0")
}

// Ctrl-Z stops the process with SIGTSTP, the terminal restored; continued,
// it is raw again and Read reports it. The helper plays a job-control
// shell for that: the editor runs in a process group of its own.
func TestTermSuspendResume(t *testing.T) {
	p := startHelper(t, "jobshell")
	p.WaitFor("RAW-ON", helperWait)
	p.Type("\x1a")
	p.WaitFor("SHELL stopped by SIGTSTP, terminal cooked", helperWait)
	p.WaitFor("EV SuspendResume 80x24", helperWait)
	if !ttyIsRaw(p.Termios()) {
		t.Error("raw mode not back after SIGCONT")
	}
	p.Type("q")
	p.WaitFor("SHELL exit 0", helperWait)
	wantHelperEnd(t, p, "exit 0")
	if n := strings.Count(p.Output(), "EV SuspendResume"); n != 1 {
		t.Errorf("%d redraw events, want 1: %q", n, p.Output())
	}
}

// TestTermHelperProcess is the program the tests above run on a pty.
func TestTermHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("run by the pty tests")
	}
	os.Exit(runHelper(mode))
}

func helperSay(format string, args ...any) {
	fmt.Printf(format+"\n", args...)
}

func runHelper(mode string) int {
	switch mode {
	case "jobshell":
		return helperJobShell()
	case "read3":
		var b [3]byte
		if _, err := io.ReadFull(os.Stdin, b[:]); err != nil {
			helperSay("CHILD error %v", err)
			return 1
		}
		helperSay("CHILD %q", b[:])
		return 0
	}
	if mode == "ignoring" {
		signal.Ignore(unix.SIGTERM, unix.SIGTSTP)
	}
	var own chan os.Signal
	if mode == "term-handled" {
		own = make(chan os.Signal, 1)
		signal.Notify(own, unix.SIGTERM)
	}
	tm, err := OpenTerm(os.Stdin, os.Stdout)
	if err != nil {
		helperSay("ERR %v", err)
		return 1
	}
	tm.SetBracketedPaste(true)
	if err := tm.EnterRaw(); err != nil {
		helperSay("ERR %v", err)
		return 1
	}
	defer tm.Restore()
	helperSay("RAW-ON")
	var line []byte
	for {
		ev, err := tm.Read(-1)
		if err != nil {
			helperSay("ERR %v", err)
			return 1
		}
		switch mode {
		case "raw":
			tm.Restore()
			helperSay("RESTORED")
			l, err := tm.ReadLine()
			helperSay("LINE %q %v", l, err)
			return 0
		case "panic":
			panic("editor bug")
		case "handoff":
			if ev.Kind != KindBytes {
				continue
			}
			if ev.Bytes[0] != '\r' {
				line = append(line, ev.Bytes...)
				continue
			}
			tm.Restore()
			helperSay("LINE %q", line)
			cmd := exec.Command(os.Args[0], "-test.run=^TestTermHelperProcess$")
			cmd.Env = append(os.Environ(), helperEnv+"=read3")
			cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				helperSay("ERR %v", err)
				return 1
			}
			return 0
		}
		switch ev.Kind {
		case KindBytes:
			switch {
			case ev.Bytes[0] == 'q':
				tm.Restore()
				if mode == "events" {
					helperSay("RESTORED")
					time.Sleep(helperWait)
				}
				return 0
			case string(ev.Bytes) == "\x1b":
				// keyseq-timeout
				next, _ := tm.Read(100 * time.Millisecond)
				if next.Kind == KindTimeout {
					helperSay("ESC alone")
					continue
				}
				seq := string(next.Bytes)
				next, _ = tm.Read(100 * time.Millisecond)
				helperSay("ESC then %q", seq+string(next.Bytes))
			default:
				helperSay("EV Bytes %q", ev.Bytes)
			}
		case KindResize, KindSuspendResume:
			helperSay("EV %v %dx%d", ev.Kind, ev.Cols, ev.Rows)
			if own != nil {
				select {
				case s := <-own:
					helperSay("OWN %s", unix.SignalName(s.(syscall.Signal)))
				case <-time.After(time.Second):
					helperSay("OWN nothing")
				}
			}
		default:
			helperSay("EV %v", ev.Kind)
		}
	}
}

// helperJobShell runs the "suspend" helper as a job-control shell would: in a
// process group of its own, in the foreground; it reports how the job
// stopped and continues it.
func helperJobShell() int {
	signal.Ignore(unix.SIGTTOU)
	cmd := exec.Command(os.Args[0], "-test.run=^TestTermHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"=suspend")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Foreground: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		helperSay("SHELL %v", err)
		return 1
	}
	pid := cmd.Process.Pid
	for {
		var ws unix.WaitStatus
		if _, err := unix.Wait4(pid, &ws, unix.WUNTRACED, nil); err == unix.EINTR {
			continue
		} else if err != nil {
			helperSay("SHELL helperWait: %v", err)
			return 1
		}
		if ws.Exited() {
			helperSay("SHELL exit %d", ws.ExitStatus())
			return 0
		}
		if !ws.Stopped() {
			helperSay("SHELL ended: %v", ws)
			return 1
		}
		how := "cooked"
		if tio, err := unix.IoctlGetTermios(0, ioctlGetTermios); err != nil || !ttyIsCooked(tio) {
			how = "NOT cooked"
		}
		helperSay("SHELL stopped by %s, terminal %s", unix.SignalName(ws.StopSignal()), how)
		if err := unix.Kill(-pid, unix.SIGCONT); err != nil {
			helperSay("SHELL kill: %v", err)
			return 1
		}
	}
}
