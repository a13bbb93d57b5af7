//go:build linux

package lineedit

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// openPTY returns both sides of a new pty of 80x24, closed when the test
// ends. Tests read the master with readMaster.
func ptyPair(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("pty.Open: %v", err)
	}
	t.Cleanup(func() { master.Close(); tty.Close() })
	if err := pty.Setsize(master, &pty.Winsize{Cols: 80, Rows: 24}); err != nil {
		t.Fatal(err)
	}
	return master, tty
}

// readMaster returns what the pty's side of the program wrote within d.
func masterOutput(t *testing.T, master *os.File, d time.Duration) string {
	t.Helper()
	var out []byte
	deadline := time.Now().Add(d)
	buf := make([]byte, 4096)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return string(out)
		}
		fds := []unix.PollFd{{Fd: int32(master.Fd()), Events: unix.POLLIN}}
		if n, err := unix.Poll(fds, int(left/time.Millisecond)+1); err != nil && err != unix.EINTR {
			t.Fatal(err)
		} else if n == 0 {
			continue
		}
		n, err := unix.Read(int(master.Fd()), buf)
		if err != nil {
			return string(out)
		}
		out = append(out, buf[:n]...)
	}
}

func ttyModes(t *testing.T, f *os.File) *unix.Termios {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(f.Fd()), ioctlGetTermios)
	if err != nil {
		t.Fatal(err)
	}
	return tio
}

func newTestTerm(t *testing.T, in, out *os.File) *Term {
	t.Helper()
	tm, err := OpenTerm(in, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tm.Restore() })
	return tm
}

func TestTermRawModeFlags(t *testing.T) {
	t.Setenv("TERM", "xterm-256color")
	_, tty := ptyPair(t)
	before := ttyModes(t, tty)
	tm := newTestTerm(t, tty, tty)
	if !tm.IsTerminal() {
		t.Fatal("IsTerminal() = false on a pty")
	}
	if err := tm.EnterRaw(); err != nil {
		t.Fatal(err)
	}
	if err := tm.EnterRaw(); err != nil { // a second call changes nothing
		t.Fatal(err)
	}
	raw := ttyModes(t, tty)
	for _, f := range []struct {
		name string
		on   bool
	}{
		{"ICANON", raw.Lflag&unix.ICANON != 0},
		{"ECHO", raw.Lflag&unix.ECHO != 0},
		{"IEXTEN", raw.Lflag&unix.IEXTEN != 0},
		{"ICRNL", raw.Iflag&unix.ICRNL != 0},
		{"INLCR", raw.Iflag&unix.INLCR != 0},
	} {
		if f.on {
			t.Errorf("raw mode: %s is on", f.name)
		}
	}
	if raw.Lflag&unix.ISIG == 0 {
		t.Error("raw mode: ISIG is off; readline keeps it")
	}
	if raw.Oflag != before.Oflag {
		t.Errorf("raw mode changed the output flags: %#x, was %#x", raw.Oflag, before.Oflag)
	}
	if raw.Iflag&unix.IXON != before.Iflag&unix.IXON {
		t.Error("raw mode changed IXON")
	}
	if raw.Cc[unix.VMIN] != 1 || raw.Cc[unix.VTIME] != 0 {
		t.Errorf("VMIN, VTIME = %d, %d; want 1, 0", raw.Cc[unix.VMIN], raw.Cc[unix.VTIME])
	}
	if raw.Cc[unix.VSUSP] != vdisable {
		t.Errorf("VSUSP = %#x in raw mode; the driver handles Ctrl-Z itself", raw.Cc[unix.VSUSP])
	}
	if raw.Cc[unix.VINTR] != before.Cc[unix.VINTR] {
		t.Error("raw mode changed VINTR")
	}

	if err := tm.Restore(); err != nil {
		t.Fatal(err)
	}
	if after := ttyModes(t, tty); *after != *before {
		t.Errorf("after Restore: termios %+v, want %+v", after, before)
	}
	// Restore is idempotent, also on a nil Term.
	if err := tm.Restore(); err != nil {
		t.Errorf("second Restore: %v", err)
	}
	var nilTerm *Term
	if err := nilTerm.Restore(); err != nil {
		t.Errorf("nil Restore: %v", err)
	}
	// Raw mode again, from the modes found now.
	if err := tm.EnterRaw(); err != nil {
		t.Fatal(err)
	}
	if ttyModes(t, tty).Lflag&unix.ICANON != 0 {
		t.Error("second EnterRaw: ICANON on")
	}
	tm.Restore()
	if after := ttyModes(t, tty); *after != *before {
		t.Errorf("after the second Restore: termios %+v, want %+v", after, before)
	}
}

func TestTermRestoreInDeferredCallWhilePanicking(t *testing.T) {
	_, tty := ptyPair(t)
	before := ttyModes(t, tty)
	tm := newTestTerm(t, tty, tty)
	func() {
		defer func() { recover() }()
		if err := tm.EnterRaw(); err != nil {
			t.Fatal(err)
		}
		defer tm.Restore()
		panic("editor bug")
	}()
	if after := ttyModes(t, tty); *after != *before {
		t.Errorf("after a panic: termios %+v, want %+v", after, before)
	}
}

func TestTermBracketedPaste(t *testing.T) {
	for _, tc := range []struct {
		term, want string
		on         bool
	}{
		{"xterm-256color", bracketedPasteOn + bracketedPasteOff, true},
		{"xterm-256color", "", false},
		{"dumb", "", true},
		{"", "", true},
	} {
		t.Setenv("TERM", tc.term)
		master, tty := ptyPair(t)
		tm := newTestTerm(t, tty, tty)
		tm.SetBracketedPaste(tc.on)
		if err := tm.EnterRaw(); err != nil {
			t.Fatal(err)
		}
		tm.Restore()
		if got := masterOutput(t, master, 50*time.Millisecond); got != tc.want {
			t.Errorf("TERM=%q, on=%v: wrote %q, want %q", tc.term, tc.on, got, tc.want)
		}
	}

	// Turned on and off while raw, it takes effect at once.
	t.Setenv("TERM", "xterm")
	master, tty := ptyPair(t)
	tm := newTestTerm(t, tty, tty)
	tm.EnterRaw()
	tm.SetBracketedPaste(true)
	tm.SetBracketedPaste(false)
	tm.SetBracketedPaste(true)
	tm.Restore()
	want := bracketedPasteOn + bracketedPasteOff + bracketedPasteOn + bracketedPasteOff
	if got := masterOutput(t, master, 50*time.Millisecond); got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

func TestTermDumb(t *testing.T) {
	_, tty := ptyPair(t)
	for term, dumb := range map[string]bool{"dumb": true, "": true, "xterm": false, "vt100": false} {
		t.Setenv("TERM", term)
		tm := newTestTerm(t, tty, tty)
		if tm.Dumb() != dumb {
			t.Errorf("TERM=%q: Dumb() = %v", term, tm.Dumb())
		}
	}
}

func TestTermSpecialChars(t *testing.T) {
	_, tty := ptyPair(t)
	tio := ttyModes(t, tty)
	tio.Cc[unix.VERASE] = 0x08
	tio.Cc[unix.VKILL] = 0x15
	tio.Cc[unix.VWERASE] = vdisable
	tio.Cc[unix.VLNEXT] = 0x16
	if err := unix.IoctlSetTermios(int(tty.Fd()), ioctlSetTermios, tio); err != nil {
		t.Fatal(err)
	}
	tm := newTestTerm(t, tty, tty)
	sc := tm.SpecialChars()
	want := map[string]byte{"erase": 0x08, "kill": 0x15, "lnext": 0x16, "eof": tio.Cc[unix.VEOF],
		"intr": tio.Cc[unix.VINTR], "quit": tio.Cc[unix.VQUIT], "susp": tio.Cc[unix.VSUSP]}
	if len(sc) != len(want) {
		t.Errorf("SpecialChars() = %v, want %v", sc, want)
	}
	for k, v := range want {
		if sc[k] != v {
			t.Errorf("SpecialChars()[%q] = %#x, want %#x", k, sc[k], v)
		}
	}
	// Changed with stty between two lines: EnterRaw reads them again.
	tio.Cc[unix.VERASE] = 0x7f
	if err := unix.IoctlSetTermios(int(tty.Fd()), ioctlSetTermios, tio); err != nil {
		t.Fatal(err)
	}
	sc["erase"] = 0 // the map is the caller's
	if got := tm.SpecialChars()["erase"]; got != 0x08 {
		t.Errorf("before EnterRaw: erase = %#x, want 0x08", got)
	}
	tm.EnterRaw()
	tm.Restore()
	if got := tm.SpecialChars()["erase"]; got != 0x7f {
		t.Errorf("after EnterRaw: erase = %#x, want 0x7f", got)
	}
}

func TestTermSize(t *testing.T) {
	master, tty := ptyPair(t)
	tm := newTestTerm(t, tty, tty)
	if c, r := tm.Size(); c != 80 || r != 24 {
		t.Errorf("Size() = %dx%d, want 80x24", c, r)
	}
	if err := pty.Setsize(master, &pty.Winsize{Cols: 132, Rows: 50}); err != nil {
		t.Fatal(err)
	}
	if c, r := tm.Size(); c != 132 || r != 50 {
		t.Errorf("Size() = %dx%d, want 132x50", c, r)
	}

	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	t.Setenv("COLUMNS", "")
	t.Setenv("LINES", "")
	np := newTestTerm(t, pr, pw)
	if c, r := np.Size(); c != DefaultCols || r != DefaultRows {
		t.Errorf("not a terminal: Size() = %dx%d, want 80x24", c, r)
	}
	t.Setenv("COLUMNS", "100")
	t.Setenv("LINES", "40")
	if c, r := np.Size(); c != 100 || r != 40 {
		t.Errorf("not a terminal, $COLUMNS and $LINES set: Size() = %dx%d, want 100x40", c, r)
	}
}

func TestTermNotTerminal(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	tm := newTestTerm(t, pr, pw)
	if tm.IsTerminal() {
		t.Error("IsTerminal() = true on a pipe")
	}
	if err := tm.EnterRaw(); !errors.Is(err, ErrNotTerminal) {
		t.Errorf("EnterRaw() = %v, want ErrNotTerminal", err)
	}
	if err := tm.Restore(); err != nil {
		t.Errorf("Restore() = %v", err)
	}
	if len(tm.SpecialChars()) != 0 {
		t.Errorf("SpecialChars() = %v on a pipe", tm.SpecialChars())
	}
	if _, err := tm.Write([]byte("out\n")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8)
	n, _ := pr.Read(buf)
	if string(buf[:n]) != "out\n" {
		t.Errorf("Write wrote %q", buf[:n])
	}
}

func TestTermEventKindString(t *testing.T) {
	var names []string
	for k := KindBytes; k <= KindWake+1; k++ {
		names = append(names, k.String())
	}
	if got, want := strings.Join(names, " "), "Bytes Timeout Resize Interrupt SuspendResume EOF Wake EventKind(7)"; got != want {
		t.Errorf("names = %q, want %q", got, want)
	}
}

func TestTermMatcher(t *testing.T) {
	m := markerMatcher{marker: pasteEndMarker}
	var ends []int
	for i, b := range []byte("x\x1b[20\x1b[201~\x1b\x1b[201~") {
		if m.feed(b) {
			ends = append(ends, i)
		}
	}
	if fmt.Sprint(ends) != "[10 17]" {
		t.Errorf("marker ends at %v, want [10 17]", ends)
	}
}
