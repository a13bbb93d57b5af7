package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
	"github.com/goshell/gosh/internal/vtscreen"
)

func TestRun(t *testing.T) {
	c := newCalc()
	for _, tt := range []struct{ in, want string }{
		{"1 + 2*3", "= 7"},
		{"(1+2)*3", "= 9"},
		{"2^10", "= 1024"},
		{"-sqrt(16)", "= -4"},
		{"x = max(3, 4)", "x = 4"},
		{"x*ans", "= -16"},
		{"7 % 4", "= 3"},
		{"1_000/8", "= 125"},
		{"", ""},
	} {
		got, err := c.run(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("run(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"y", "sqrt", "sqrt(1, 2)", "1 +", `"a"`, "sin = 3", "nosuch(1)"} {
		if got, err := c.run(in); err == nil {
			t.Errorf("run(%q) = %q, want an error", in, got)
		}
	}
	if _, ok := c.ns.Names["x"]; !ok {
		t.Errorf("x does not complete")
	}
}

func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "calc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

const wait = 5 * time.Second

// TestCalcOnTerminal types at calc on a pty: completion of a function
// and of a variable, a list of completions, C-c, the pager through
// Suspend, a shell command, history across runs.
func TestCalcOnTerminal(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	hist := filepath.Join(dir, "history")
	start := func() *ptytest.PTY {
		cmd := exec.Command(bin)
		cmd.Env = []string{"HOME=" + dir, "TERM=xterm", "INPUTRC=/dev/null", "CALC_HISTFILE=" + hist,
			"PAGER=cat", "PATH=" + os.Getenv("PATH"), "LC_ALL=C.UTF-8"}
		p := ptytest.Start(t, cmd, ptytest.Options{Cols: 80, Rows: 24})
		p.WaitFor("calc> ", wait)
		return p
	}
	p := start()
	p.Type("xr = sq\t")
	p.WaitFor("sqrt(", wait)
	p.Type("2)\r")
	p.WaitFor("xr = 1.4142135623730951", wait)
	p.WaitFor("calc> ", wait)
	// The new variable completes; a lone candidate gets nothing after it.
	p.Type("xr*x\t")
	p.Type("\r")
	p.WaitFor("= 2.0000000000000004", wait)
	p.WaitFor("calc> ", wait)
	// Two TABs list the candidates.
	p.Type("sin\t\t")
	p.WaitFor("sinh", wait)
	p.WaitFor("calc> sin", wait)
	p.Type("\x03")
	p.WaitFor("^C", wait)
	p.WaitFor("calc> ", wait)
	// C-x h pages the help while a line waits, then the line comes back.
	p.Type("1+")
	p.WaitFor("1+", wait)
	p.Type("\x18h")
	p.WaitFor("functions: abs", wait)
	p.WaitFor("calc> 1+", wait)
	p.Type("1\r")
	p.WaitFor("= 2", wait)
	p.WaitFor("calc> ", wait)
	p.Type("!echo from-shell\r")
	p.WaitFor("from-shell", wait)
	p.WaitFor("calc> ", wait)
	p.Type("\x04")
	if st := p.Wait(wait); st.ExitCode() != 0 {
		t.Fatalf("exit: %s", ptytest.Describe(st))
	}
	scr := vtscreen.New(80, 24)
	scr.WriteString(p.Output())
	screen := strings.Join(scr.Lines(), "\n")
	for _, want := range []string{"calc> xr = sqrt(2)\nxr = 1.4142135623730951", "calc> xr*xr\n= 2.0000000000000004", "calc> 1+1\n= 2"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}

	data, _ := os.ReadFile(hist)
	if got, want := string(data), "xr = sqrt(2)\nxr*xr\n1+1\n!echo from-shell\n"; got != want {
		t.Errorf("history file %q, want %q", got, want)
	}
	p = start()
	p.Type("\x1b[A\x1b[A\r")
	p.WaitFor("= 2", wait)
	p.WaitFor("calc> ", wait)
	p.Type("\x04")
	p.Wait(wait)
}
