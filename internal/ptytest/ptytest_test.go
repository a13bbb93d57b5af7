//go:build linux

package ptytest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

const (
	helperEnv = "PTYTEST_HELPER"
	wait      = 5 * time.Second
)

func helperCmd(mode string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	return cmd
}

func TestStartTypeResizeWait(t *testing.T) {
	p := Start(t, helperCmd("terminal"), Options{
		Cols: 100, Rows: 30,
		CursorPosition: func() (int, int) { return 5, 7 },
	})
	p.WaitFor("SIZE 100x30", wait)
	p.WaitFor(`CPR "\x1b[5;7R"`, wait)
	p.WaitFor("READY", wait)
	p.Resize(120, 40)
	p.WaitFor("WINCH 120x40", wait)
	p.Type("hello\r")
	// The tty echoes the line, then the program prints it.
	if got := p.WaitFor("LINE hello", wait); !strings.Contains(got, "hello\r\n") {
		t.Errorf("no echo before the line: %q", got)
	}
	if tio := p.Termios(); tio.Lflag&unix.ICANON == 0 {
		t.Error("Termios: ICANON off after the program restored it")
	}
	st := p.Wait(wait)
	if got := Describe(st); got != "exit 3" {
		t.Errorf("Describe = %q, want exit 3", got)
	}
	if !p.Exited() {
		t.Error("Exited() = false after Wait")
	}
	if out := p.Output(); !strings.HasPrefix(out, "SIZE 100x30\r\n") || !strings.Contains(out, "\x1b[6n") {
		t.Errorf("Output() = %q", out)
	}
}

func TestDefaults(t *testing.T) {
	p := Start(t, helperCmd("terminal"), Options{})
	p.WaitFor("SIZE 80x24", wait)
	p.WaitFor(`CPR "\x1b[1;1R"`, wait)
	p.WaitFor("READY", wait)
	p.Resize(90, 20)
	p.WaitFor("WINCH 90x20", wait)
	p.Type("x\r")
	p.WaitFor("LINE x", wait)
	p.Wait(wait)
}

func TestWaitForFromLastMatch(t *testing.T) {
	p := Start(t, helperCmd("echo"), Options{})
	p.Type("one\r")
	p.WaitFor("GOT one", wait)
	p.Type("one\r")
	// A second WaitFor for the same text needs a second occurrence.
	if got := p.WaitFor("GOT one", wait); strings.Count(got, "GOT one") != 1 {
		t.Errorf("second match: %q", got)
	}
	if _, err := p.waitFor("GOT one", 100*time.Millisecond); err == nil || !strings.Contains(err.Error(), "no \"GOT one\" after 100ms") {
		t.Errorf("waitFor with no new output: %v", err)
	}
	p.Type("\x04") // EOF: the helper ends
	p.Wait(wait)
	if _, err := p.waitFor("never", wait); err == nil || !strings.Contains(err.Error(), "output ended") {
		t.Errorf("waitFor after the end: %v", err)
	}
}

func TestSignal(t *testing.T) {
	p := Start(t, helperCmd("echo"), Options{})
	p.Type("ready\r")
	p.WaitFor("GOT ready", wait)
	if p.Pid() <= 0 {
		t.Errorf("Pid() = %d", p.Pid())
	}
	p.Signal(syscall.SIGTERM)
	if got := Describe(p.Wait(wait)); got != "signal terminated" {
		t.Errorf("Describe = %q", got)
	}
}

// Ctrl-C typed on the pty reaches the program as SIGINT: it is the
// session leader and the terminal is its controlling terminal.
func TestControllingTerminal(t *testing.T) {
	p := Start(t, helperCmd("echo"), Options{})
	p.Type("ready\r")
	p.WaitFor("GOT ready", wait)
	p.Type("\x03")
	if got := Describe(p.Wait(wait)); got != "signal interrupt" {
		t.Errorf("Describe = %q", got)
	}
}

func TestCleanupKills(t *testing.T) {
	var p *PTY
	t.Run("inner", func(t *testing.T) {
		p = Start(t, helperCmd("echo"), Options{})
		p.Type("ready\r")
		p.WaitFor("GOT ready", wait)
	})
	if !p.Exited() {
		t.Error("the program still runs after its test ended")
	}
}

func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("run by the other tests")
	}
	os.Exit(helper(mode))
}

func helper(mode string) int {
	switch mode {
	case "echo":
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			fmt.Printf("GOT %s\n", sc.Text())
		}
		return 0
	case "terminal":
		cols, rows, err := term.GetSize(0)
		fmt.Printf("SIZE %dx%d\n", cols, rows)
		if err != nil {
			return 1
		}
		st, err := term.MakeRaw(0)
		if err != nil {
			return 1
		}
		os.Stdout.WriteString("\x1b[6n")
		var reply []byte
		b := make([]byte, 1)
		for len(reply) < 32 {
			if n, err := os.Stdin.Read(b); n == 0 || err != nil {
				break
			}
			reply = append(reply, b[0])
			if b[0] == 'R' {
				break
			}
		}
		term.Restore(0, st)
		fmt.Printf("CPR %q\n", reply)
		winch := make(chan os.Signal, 1)
		signal.Notify(winch, unix.SIGWINCH)
		fmt.Println("READY")
		select {
		case <-winch:
			cols, rows, _ := term.GetSize(0)
			fmt.Printf("WINCH %dx%d\n", cols, rows)
		case <-time.After(wait):
			fmt.Println("NO WINCH")
		}
		line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
		fmt.Printf("LINE %s\n", strings.TrimSuffix(line, "\n"))
		return 3
	}
	return 1
}
