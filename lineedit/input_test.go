//go:build linux

package lineedit

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// rawPTY returns a Term in raw mode on a new pty, and the pty's master,
// where the test types.
func rawTestTerm(t *testing.T) (*Term, *os.File, *os.File) {
	t.Helper()
	t.Setenv("TERM", "xterm-256color")
	master, tty := ptyPair(t)
	tm := newTestTerm(t, tty, tty)
	if err := tm.EnterRaw(); err != nil {
		t.Fatal(err)
	}
	return tm, master, tty
}

func typeOnPTY(t *testing.T, master *os.File, s string) {
	t.Helper()
	if _, err := master.WriteString(s); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, tm *Term, timeout time.Duration) Event {
	t.Helper()
	ev, err := tm.Read(timeout)
	if err != nil {
		t.Fatalf("Read(%v): %v", timeout, err)
	}
	return ev
}

func wantBytesEvent(t *testing.T, ev Event, want string) {
	t.Helper()
	if ev.Kind != KindBytes || string(ev.Bytes) != want {
		t.Fatalf("got %v %q, want Bytes %q", ev.Kind, ev.Bytes, want)
	}
}

func TestTermReadTimeoutTellsLoneEscFromSequence(t *testing.T) {
	tm, master, _ := rawTestTerm(t)
	const keyseqTimeout = 50 * time.Millisecond

	typeOnPTY(t, master, "\x1b")
	wantBytesEvent(t, mustRead(t, tm, -1), "\x1b")
	start := time.Now()
	if ev := mustRead(t, tm, keyseqTimeout); ev.Kind != KindTimeout {
		t.Fatalf("lone ESC: got %v %q, want Timeout", ev.Kind, ev.Bytes)
	}
	if d := time.Since(start); d < keyseqTimeout || d > keyseqTimeout+time.Second {
		t.Errorf("Read(%v) timed out after %v", keyseqTimeout, d)
	}

	typeOnPTY(t, master, "\x1b[A")
	wantBytesEvent(t, mustRead(t, tm, -1), "\x1b")
	wantBytesEvent(t, mustRead(t, tm, keyseqTimeout), "[")
	wantBytesEvent(t, mustRead(t, tm, keyseqTimeout), "A")

	// A zero timeout only looks.
	start = time.Now()
	if ev := mustRead(t, tm, 0); ev.Kind != KindTimeout {
		t.Errorf("Read(0) with no input: %v", ev.Kind)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("Read(0) took %v", d)
	}
	typeOnPTY(t, master, "z")
	time.Sleep(20 * time.Millisecond)
	wantBytesEvent(t, mustRead(t, tm, 0), "z")
}

// What Read has not returned is still in the terminal's queue: nothing
// reads ahead.
func TestTermReadTakesNothingAhead(t *testing.T) {
	tm, master, tty := rawTestTerm(t)
	typeOnPTY(t, master, "ab\rxyz")
	time.Sleep(20 * time.Millisecond)
	wantBytesEvent(t, mustRead(t, tm, -1), "a")
	wantBytesEvent(t, mustRead(t, tm, -1), "b")
	wantBytesEvent(t, mustRead(t, tm, -1), "\r")
	tm.Restore()
	// Another reader gets the rest.
	fds := []unix.PollFd{{Fd: int32(tty.Fd()), Events: unix.POLLIN}}
	if n, _ := unix.Poll(fds, 2000); n != 1 {
		t.Fatal("the rest of the input is not there for the next reader")
	}
	buf := make([]byte, 16)
	n, err := unix.Read(int(tty.Fd()), buf)
	if err != nil || string(buf[:n]) != "xyz" {
		t.Errorf("the next reader got %q, %v; want \"xyz\"", buf[:n], err)
	}
}

func TestTermUnread(t *testing.T) {
	tm, master, _ := rawTestTerm(t)
	typeOnPTY(t, master, "t")
	tm.Unread([]byte("xy"))
	tm.Unread([]byte("w"))
	tm.Unread(nil)
	wantBytesEvent(t, mustRead(t, tm, -1), "wxy")
	wantBytesEvent(t, mustRead(t, tm, -1), "t")

	// Bytes given back wait for the next line, across Restore and
	// EnterRaw, and come before the terminal's.
	typeOnPTY(t, master, "u")
	ev := mustRead(t, tm, -1)
	tm.Unread(ev.Bytes) // Unread may be given the event's own bytes
	tm.Restore()
	if err := tm.EnterRaw(); err != nil {
		t.Fatal(err)
	}
	wantBytesEvent(t, mustRead(t, tm, 0), "u")
	if ev := mustRead(t, tm, 0); ev.Kind != KindTimeout {
		t.Errorf("after the pending bytes: %v %q", ev.Kind, ev.Bytes)
	}
}

func TestTermBracketedPasteReadInBulk(t *testing.T) {
	tm, master, _ := rawTestTerm(t)
	tm.SetBracketedPaste(true)
	text := strings.Repeat("pasted text\r", 10000)
	input := "k" + pasteStartMarker + text + pasteEndMarker + "after"
	go master.WriteString(input)

	var got []byte
	events := 0
	for len(got) < len(input) {
		ev := mustRead(t, tm, 2*time.Second)
		if ev.Kind != KindBytes {
			t.Fatalf("after %d bytes: %v", len(got), ev.Kind)
		}
		got = append(got, ev.Bytes...)
		events++
		if bytes.HasSuffix(got, []byte(pasteEndMarker)) && len(got) != len(input)-len("after") {
			t.Fatalf("the paste ended early, after %d bytes", len(got))
		}
		if len(got) == len(input)-len("after") {
			// The end marker closes an event: what follows is read as
			// usual, one byte at a time (or kept from the last block).
			if !bytes.HasSuffix(ev.Bytes, []byte(pasteEndMarker)) {
				t.Errorf("the event with the end marker is %q", ev.Bytes)
			}
		}
	}
	if string(got) != input {
		t.Fatalf("read %d bytes, differing from the %d typed", len(got), len(input))
	}
	// 1 + 6 single bytes for "k" and the start marker, then blocks.
	if max := 7 + len(text)/1000 + 10; events > max {
		t.Errorf("a %d-byte paste took %d reads; want at most %d", len(text), events, max)
	}
}

// TestTermBracketedPasteWaiting reads a paste as ReadLine does, waiting
// as long as it takes (where the driver reads on without poll while the
// paste fills the tty's buffer), with the terminal sending it in pieces
// that sometimes end on a full buffer: every byte comes, the end marker
// closes an event, and what follows is read as usual.
func TestTermBracketedPasteWaiting(t *testing.T) {
	tm, master, _ := rawTestTerm(t)
	tm.SetBracketedPaste(true)
	text := strings.Repeat("0123456789abcdef", 4095) // 16 buffers of the tty
	input := "k" + pasteStartMarker + text + pasteEndMarker + "after"
	go func() {
		for i := 0; i < len(input); {
			n := min(4095*(1+i%3), len(input)-i)
			master.WriteString(input[i : i+n])
			i += n
			time.Sleep(2 * time.Millisecond)
		}
	}()
	done := make(chan []byte)
	go func() {
		var got []byte
		for len(got) < len(input) {
			ev, err := tm.Read(-1)
			if err != nil || ev.Kind != KindBytes {
				t.Errorf("after %d bytes: %v %v", len(got), ev.Kind, err)
				break
			}
			if len(got) < len(input)-len("after") && len(got)+len(ev.Bytes) > len(input)-len("after") {
				t.Errorf("an event goes past the end marker: %q", ev.Bytes)
			}
			got = append(got, ev.Bytes...)
		}
		done <- got
	}()
	select {
	case got := <-done:
		if string(got) != input {
			t.Errorf("read %d bytes, differing from the %d typed", len(got), len(input))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the paste was not all read")
	}
}

func TestTermReadEOF(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	tm := newTestTerm(t, pr, os.Stderr)
	pw.WriteString("ab")
	pw.Close()
	wantBytesEvent(t, mustRead(t, tm, -1), "a")
	wantBytesEvent(t, mustRead(t, tm, -1), "b")
	if ev := mustRead(t, tm, -1); ev.Kind != KindEOF {
		t.Errorf("at the end: %v", ev.Kind)
	}
}

func readAllLines(t *testing.T, tm *Term) []string {
	t.Helper()
	var lines []string
	for {
		line, err := tm.ReadLine()
		if err == io.EOF {
			if line != "" {
				t.Errorf("ReadLine returned %q with io.EOF", line)
			}
			return lines
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, line)
	}
}

func TestTermReadLinePipe(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	tm := newTestTerm(t, pr, os.Stderr)
	if tm.IsTerminal() {
		t.Fatal("a pipe is a terminal")
	}
	pw.WriteString("one\ntwo\n")
	if line, err := tm.ReadLine(); line != "one" || err != nil {
		t.Fatalf("ReadLine() = %q, %v", line, err)
	}
	// The rest is still in the pipe, for whoever reads it next.
	buf := make([]byte, 16)
	n, _ := pr.Read(buf)
	if string(buf[:n]) != "two\n" {
		t.Errorf("the next reader got %q, want \"two\\n\"", buf[:n])
	}

	pw.WriteString("\x1b[A raw \r\n\n")
	tm.Unread([]byte("given "))
	pw.WriteString("last")
	pw.Close()
	want := []string{"given \x1b[A raw \r", "", "last"}
	if got := readAllLines(t, tm); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
}

func TestTermReadLineFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "input")
	if err := os.WriteFile(name, []byte("first\nsecond\n\nthird"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tm := newTestTerm(t, f, os.Stderr)
	if line, err := tm.ReadLine(); line != "first" || err != nil {
		t.Fatalf("ReadLine() = %q, %v", line, err)
	}
	// Read in a block, then the offset put back to just after the line.
	if off, _ := f.Seek(0, io.SeekCurrent); off != int64(len("first\n")) {
		t.Errorf("offset after the first line: %d, want %d", off, len("first\n"))
	}
	want := []string{"second", "", "third"}
	if got := readAllLines(t, tm); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
}
