package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
)

// TestExample runs the example on a pty: TAB completes, lines are
// echoed, and the history is saved at exit and read by the next run.
func TestExample(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "pyreadline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	hist := filepath.Join(dir, "history")
	run := func() *ptytest.PTY {
		cmd := exec.Command(bin)
		cmd.Env = []string{"HOME=" + dir, "TERM=xterm", "INPUTRC=/dev/null", "EXAMPLE_HISTFILE=" + hist, "PATH=" + os.Getenv("PATH")}
		p := ptytest.Start(t, cmd, ptytest.Options{Cols: 80, Rows: 24})
		p.WaitFor(">>> ", 5*time.Second)
		return p
	}
	p := run()
	// Python's readline appends nothing after a match (flex_complete sets
	// rl_completion_append_character to NUL), so "(" follows at once.
	p.Type("x = pro\t(1)\r")
	p.WaitFor(`you typed: "x = property(1)"`, 5*time.Second)
	// Keys typed before the editor has the terminal again would meet the
	// terminal's own line discipline: wait for the prompt.
	p.WaitFor(">>> ", 5*time.Second)
	p.Type("\x04")
	p.Wait(5 * time.Second)

	data, err := os.ReadFile(hist)
	if err != nil || string(data) != "x = property(1)\n" {
		t.Fatalf("history file %q, %v", data, err)
	}
	p = run()
	p.Type("\x1b[A\r")
	p.WaitFor(`you typed: "x = property(1)"`, 5*time.Second)
	p.WaitFor(">>> ", 5*time.Second)
	p.Type("\x04")
	p.Wait(5 * time.Second)
}
