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
)

// Tests of Editor.ReadLineWith on a pty: the test binary runs itself
// (TestReadOptsHelperProcess) with the options in the environment.

const readOptsHelperEnv = "LINEEDIT_READOPTS_HELPER"

// startReadOpts runs the helper with opts ("max delim insertReturn
// timeoutMillis silent") and waits for its first prompt.
func startReadOpts(t *testing.T, opts string) *ptytest.PTY {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReadOptsHelperProcess$")
	cmd.Env = append(os.Environ(), readOptsHelperEnv+"="+opts, "TERM=xterm",
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 40, Rows: 10})
	p.WaitFor("$ ", helperWait)
	return p
}

// TestReadOptsHelperProcess is the program the ReadLineWith tests run.
func TestReadOptsHelperProcess(t *testing.T) {
	spec, ok := os.LookupEnv(readOptsHelperEnv)
	if !ok {
		t.Skip("run by the ReadLineWith tests")
	}
	var opts ReadOptions
	var ret, silent bool
	var ms int
	fmt.Sscan(spec, &opts.MaxBytes, &opts.Delim, &ret, &ms, &silent)
	opts.InsertReturn, opts.Silent = ret, silent
	ed := NewEditorWith(testConfig(), history.New(), os.Stdin, os.Stdout)
	for {
		if ms > 0 {
			opts.Deadline = time.Now().Add(time.Duration(ms) * time.Millisecond)
		}
		line, err := ed.ReadLineWith("$ ", opts)
		switch {
		case errors.Is(err, io.EOF) || line == "quit":
			os.Exit(0)
		case err != nil:
			fmt.Printf("ERR %v\n", err)
			os.Exit(0)
		default:
			fmt.Printf("LINE %q\n", line)
		}
	}
}

func TestReadLineWithMaxBytes(t *testing.T) {
	p := startReadOpts(t, "3 -1 false 0 false")
	// One write: the first line takes three bytes, the next read the
	// rest; Enter before the limit accepts the line.
	p.Type("abcdef")
	p.WaitFor(`LINE "abc"`, helperWait)
	p.WaitFor(`LINE "def"`, helperWait)
	p.Type("x\r")
	p.WaitFor(`LINE "x"`, helperWait)
}

func TestReadLineWithDelim(t *testing.T) {
	p := startReadOpts(t, "0 44 true 0 false")
	p.Type("a\rb,c\n")
	p.WaitFor(`LINE "a\rb"`, helperWait)
	p.WaitFor(`LINE "c"`, helperWait)
}

func TestReadLineWithDeadline(t *testing.T) {
	p := startReadOpts(t, "0 -1 false 300 false")
	start := time.Now()
	p.Type("ab")
	p.WaitFor("ERR "+ErrTimeout.Error(), helperWait)
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("timed out after %v, want 300ms", d)
	}
}

func TestReadLineWithSilent(t *testing.T) {
	p := startReadOpts(t, "0 -1 false 0 true")
	p.Type("secret\x01X\r")
	out := p.WaitFor(`LINE "Xsecret"`, helperWait)
	if before, _, _ := strings.Cut(out, "LINE"); strings.Contains(before, "secret") {
		t.Errorf("the silent line was drawn: %q", out)
	}
}
