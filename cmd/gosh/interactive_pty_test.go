package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
)

// startGosh runs gosh -i on a real terminal with an empty init file and a
// fresh HOME.
func startGosh(t *testing.T, inputrc string) *ptytest.PTY {
	t.Helper()
	home := t.TempDir()
	rc := filepath.Join(home, "inputrc")
	os.WriteFile(rc, []byte(inputrc), 0o644)
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "-i", "--norc")
	cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=xterm", "INPUTRC=" + rc, "PS1=$ ", "LC_ALL=C.UTF-8"}
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 80, Rows: 24})
	p.WaitFor("$ ", 5*time.Second)
	return p
}

const wait = 5 * time.Second

// TestInteractiveEditing types at gosh on a pseudo-terminal as a person
// would: editing keys, history, search, a macro from the init file, and
// the exit status.
func TestInteractiveEditing(t *testing.T) {
	p := startGosh(t, "\"\\C-xg\": \"echo from-macro\\n\"\n")
	p.Type("echo hello\r")
	p.WaitFor("hello\r\n", wait)
	p.WaitFor("$ ", wait)

	// C-a, then insert at the start; C-e; back a word with M-b.
	p.Type("cho wrld\x01e\x05\x1bb\x06o\x05!\r")
	p.WaitFor("world!\r\n", wait)
	p.WaitFor("$ ", wait)

	// The up arrow brings back the last line; C-u clears; C-r searches.
	p.Type("\x1b[A\x15echo third\r")
	p.WaitFor("third\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("\x12hel")
	p.WaitFor("(reverse-i-search)`", wait)
	// The match is the active region, in standout as bash 5.2 shows it.
	p.WaitFor("': echo \x1b[7mhel\x1b[0mlo", wait)
	p.Type("\r")
	p.WaitFor("hello\r\n", wait)
	p.WaitFor("$ ", wait)

	// A macro from ~/.inputrc.
	p.Type("\x18g")
	p.WaitFor("from-macro\r\n", wait)
	p.WaitFor("$ ", wait)

	// C-c abandons a line, C-d on an empty line ends the shell.
	p.Type("echo never\x03")
	p.WaitFor("$ ", wait)
	p.Type("exit 3\r")
	st := p.Wait(wait)
	if st.ExitCode() != 3 {
		t.Errorf("exit: %s", ptytest.Describe(st))
	}
	if strings.Contains(p.Output(), "never\r\n") {
		t.Errorf("the abandoned line ran")
	}
}

// TestInputAfterReadLine checks that once a line is accepted the editor
// reads nothing more: what is typed goes to the command the line starts.
func TestInputAfterReadLine(t *testing.T) {
	p := startGosh(t, "")
	p.Type("head -c 5; echo :got\r")
	p.WaitFor("\x1b[?2004l", wait) // the editor has let go of the terminal
	p.Type("abcde\r")
	p.WaitFor("abcde:got", wait)
	p.WaitFor("$ ", wait)
	p.WaitFor("$ ", wait) // the newline after abcde was an empty command
	p.Type("\x04")
	p.Wait(wait)
}
