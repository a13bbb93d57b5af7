//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Package ptytest runs a program on a real pseudo-terminal for tests:
// it types keys, waits for output, answers the terminal queries a line
// editor makes, resizes the window, sends signals and collects the exit
// status.
//
//	p := ptytest.Start(t, exec.Command(bin, "-i"), ptytest.Options{Cols: 80, Rows: 24})
//	p.WaitFor("$ ", 5*time.Second)
//	p.Type("echo hi\r")
//	p.WaitFor("hi", 5*time.Second)
//	p.Type("exit\r")
//	st := p.Wait(5 * time.Second)
//
// The program is the leader of a new session whose controlling terminal
// is the pty, so the tty sends it SIGINT for Ctrl-C and SIGWINCH on
// Resize, as a terminal emulator would.
package ptytest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// Options are the settings of Start.
type Options struct {
	// Cols and Rows are the window's size; 80 and 24 when zero.
	Cols, Rows int
	// CursorPosition gives the 1-based row and column reported when the
	// program asks where the cursor is (ESC [ 6 n, answered with
	// ESC [ row ; col R). Nil answers row 1, column 1.
	CursorPosition func() (row, col int)
}

// A PTY is a program running on a pseudo-terminal.
type PTY struct {
	tb     testing.TB
	cmd    *exec.Cmd
	master *os.File
	opts   Options

	mu      sync.Mutex
	out     []byte        // everything the program wrote
	mark    int           // where the next WaitFor starts looking
	changed chan struct{} // closed and replaced when out grows or reading ends
	readEnd bool          // the output is finished (or the pty closed)

	readDone chan struct{}
	exited   chan struct{}
}

// Start starts cmd on a new pty of the given size, with its standard
// input, output and error on the pty unless cmd sets them already. The
// environment, directory and arguments are cmd's; a test will want TERM
// in cmd.Env. The program is killed, if it still runs, and the pty closed
// when the test ends. Start fails the test if the program cannot start.
//
// GOSH_PLAIN=1 is added to the environment unless it names GOSH_PLAIN:
// gosh then starts with its prompt's extras off (highlighting, hints, the
// status on the right), which bash does not have and the tests that
// compare gosh's screen with bash's, or look for what was typed in the
// output, do not expect. Tests of the extras set GOSH_PLAIN=0.
func Start(tb testing.TB, cmd *exec.Cmd, opts Options) *PTY {
	tb.Helper()
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	if !slices.ContainsFunc(cmd.Env, func(kv string) bool { return strings.HasPrefix(kv, "GOSH_PLAIN=") }) {
		cmd.Env = append(cmd.Env, "GOSH_PLAIN=1")
	}
	if opts.Cols <= 0 {
		opts.Cols = 80
	}
	if opts.Rows <= 0 {
		opts.Rows = 24
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		tb.Fatalf("ptytest: open pty: %v", err)
	}
	// pty.Open leaves its master in blocking mode; a non-blocking copy can
	// be closed while a read waits on it.
	master, err := nonBlockingDup(ptmx)
	ptmx.Close()
	if err != nil {
		tty.Close()
		tb.Fatalf("ptytest: %v", err)
	}
	ws := &unix.Winsize{Row: uint16(opts.Rows), Col: uint16(opts.Cols)}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, ws); err != nil {
		tty.Close()
		master.Close()
		tb.Fatalf("ptytest: set size: %v", err)
	}
	if cmd.Stdin == nil {
		cmd.Stdin = tty
	}
	if cmd.Stdout == nil {
		cmd.Stdout = tty
	}
	if cmd.Stderr == nil {
		cmd.Stderr = tty
	}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setsid = true
	cmd.SysProcAttr.Setctty = true
	cmd.SysProcAttr.Ctty = 0
	err = cmd.Start()
	tty.Close()
	if err != nil {
		master.Close()
		tb.Fatalf("ptytest: start %s: %v", cmd.Path, err)
	}
	p := &PTY{
		tb:       tb,
		cmd:      cmd,
		master:   master,
		opts:     opts,
		changed:  make(chan struct{}),
		readDone: make(chan struct{}),
		exited:   make(chan struct{}),
	}
	go p.read()
	go func() {
		cmd.Wait() //nolint:errcheck // the status is in cmd.ProcessState
		close(p.exited)
	}()
	tb.Cleanup(p.close)
	return p
}

func nonBlockingDup(f *os.File) (*os.File, error) {
	var fd int
	var derr error
	sc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	if err := sc.Control(func(u uintptr) { fd, derr = unix.FcntlInt(u, unix.F_DUPFD_CLOEXEC, 0) }); err != nil {
		return nil, err
	}
	if derr != nil {
		return nil, derr
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), f.Name()), nil
}

// read collects the output and answers cursor position queries.
func (p *PTY) read() {
	defer close(p.readDone)
	const query = "\x1b[6n"
	scan := 0 // where to look for the next query
	buf := make([]byte, 32<<10)
	for {
		n, err := p.master.Read(buf)
		p.mu.Lock()
		p.out = append(p.out, buf[:n]...)
		var answers int
		for {
			i := bytes.Index(p.out[scan:], []byte(query))
			if i < 0 {
				scan = max(scan, len(p.out)-len(query)+1)
				break
			}
			scan += i + len(query)
			answers++
		}
		if err != nil {
			p.readEnd = true
		}
		close(p.changed)
		p.changed = make(chan struct{})
		p.mu.Unlock()
		for ; answers > 0; answers-- {
			row, col := 1, 1
			if p.opts.CursorPosition != nil {
				row, col = p.opts.CursorPosition()
			}
			p.master.WriteString("\x1b[" + strconv.Itoa(row) + ";" + strconv.Itoa(col) + "R") //nolint:errcheck
		}
		if err != nil {
			return
		}
	}
}

// Type writes s to the terminal, as if typed: "\r" is Enter, "\x03"
// Ctrl-C, "\x1b[A" the up arrow.
func (p *PTY) Type(s string) {
	p.tb.Helper()
	if _, err := p.master.WriteString(s); err != nil {
		p.tb.Fatalf("ptytest: type %q: %v", s, err)
	}
}

// WaitFor waits until substr appears in the output after the end of what
// the previous WaitFor matched (or from the start), and returns the
// output from there to the end of the match. It fails the test, showing
// the output, if substr does not come within timeout or the output ends
// before.
func (p *PTY) WaitFor(substr string, timeout time.Duration) string {
	p.tb.Helper()
	s, err := p.waitFor(substr, timeout)
	if err != nil {
		p.tb.Fatalf("ptytest: %v", err)
	}
	return s
}

func (p *PTY) waitFor(substr string, timeout time.Duration) (string, error) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		p.mu.Lock()
		if i := bytes.Index(p.out[p.mark:], []byte(substr)); i >= 0 {
			end := p.mark + i + len(substr)
			s := string(p.out[p.mark:end])
			p.mark = end
			p.mu.Unlock()
			return s, nil
		}
		changed, ended, since := p.changed, p.readEnd, string(p.out[p.mark:])
		p.mu.Unlock()
		if ended {
			return "", fmt.Errorf("output ended without %q; output since the last match: %q", substr, since)
		}
		select {
		case <-changed:
		case <-timer.C:
			return "", fmt.Errorf("no %q after %v; output since the last match: %q", substr, timeout, since)
		}
	}
}

// Output returns everything the program wrote so far, escape sequences
// included.
func (p *PTY) Output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return string(p.out)
}

// Resize changes the window's size; the tty sends SIGWINCH to the
// program's foreground process group.
func (p *PTY) Resize(cols, rows int) {
	p.tb.Helper()
	ws := &unix.Winsize{Row: uint16(rows), Col: uint16(cols)}
	if err := p.control(func(fd int) error { return unix.IoctlSetWinsize(fd, unix.TIOCSWINSZ, ws) }); err != nil {
		p.tb.Fatalf("ptytest: resize: %v", err)
	}
}

// Termios returns the terminal's current modes, those the program set
// on its side of the pty.
func (p *PTY) Termios() *unix.Termios {
	p.tb.Helper()
	var tio *unix.Termios
	err := p.control(func(fd int) (err error) {
		tio, err = unix.IoctlGetTermios(fd, ioctlGetTermios)
		return err
	})
	if err != nil {
		p.tb.Fatalf("ptytest: get termios: %v", err)
	}
	return tio
}

func (p *PTY) control(f func(fd int) error) error {
	sc, err := p.master.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := sc.Control(func(fd uintptr) { ferr = f(int(fd)) }); err != nil {
		return err
	}
	return ferr
}

// Signal sends sig to the program.
func (p *PTY) Signal(sig os.Signal) {
	p.tb.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.tb.Fatalf("ptytest: signal %v: %v", sig, err)
	}
}

// Pid returns the program's process id.
func (p *PTY) Pid() int { return p.cmd.Process.Pid }

// Wait waits for the program to end and returns how it ended; it fails the
// test if it runs longer than timeout. Once it has ended, Wait gives its
// output a moment to arrive, so that Output has all of it.
func (p *PTY) Wait(timeout time.Duration) *os.ProcessState {
	p.tb.Helper()
	select {
	case <-p.exited:
	case <-time.After(timeout):
		p.tb.Fatalf("ptytest: %s still running after %v; output: %q", p.cmd.Path, timeout, p.Output())
	}
	// Processes the program left behind may hold the pty open.
	select {
	case <-p.readDone:
	case <-time.After(time.Second):
	}
	return p.cmd.ProcessState
}

// Exited reports whether the program has ended.
func (p *PTY) Exited() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

func (p *PTY) close() {
	if !p.Exited() {
		p.cmd.Process.Kill() //nolint:errcheck
		<-p.exited
	}
	p.master.Close()
	<-p.readDone
}

// Describe says how a process ended, as a shell would put it: "exit 0",
// "signal terminated", "stopped".
func Describe(st *os.ProcessState) string {
	if st == nil {
		return "running"
	}
	ws, ok := st.Sys().(syscall.WaitStatus)
	if !ok {
		return st.String()
	}
	switch {
	case ws.Exited():
		return "exit " + strconv.Itoa(ws.ExitStatus())
	case ws.Signaled():
		return "signal " + ws.Signal().String()
	case ws.Stopped():
		return "stopped " + ws.StopSignal().String()
	}
	return st.String()
}
