//go:build linux

package lineedit

import (
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestTermWake: Wake from another goroutine ends a Read that waits for
// input with KindWake; a Wake before Read is reported by the next Read;
// input typed after it still comes; Wake does nothing on a terminal that
// is not raw.
func TestTermWake(t *testing.T) {
	ptm, pts, err := pty.Open()
	if err != nil {
		t.Skip("no pty:", err)
	}
	defer ptm.Close()
	defer pts.Close()
	term, err := OpenTerm(pts, pts)
	if err != nil {
		t.Fatal(err)
	}
	term.Wake() // not raw: nothing to wake, and no event later
	if err := term.EnterRaw(); err != nil {
		t.Fatal(err)
	}
	defer term.Restore()
	if ev, err := term.Read(0); err != nil || ev.Kind != KindTimeout {
		t.Fatalf("Read(0) before any Wake = %v, %v; want Timeout", ev.Kind, err)
	}

	go func() {
		time.Sleep(20 * time.Millisecond)
		term.Wake()
	}()
	done := make(chan Event, 1)
	go func() {
		ev, _ := term.Read(-1)
		done <- ev
	}()
	select {
	case ev := <-done:
		if ev.Kind != KindWake {
			t.Fatalf("Read returned %v, want Wake", ev.Kind)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Wake did not end a waiting Read")
	}

	term.Wake()
	term.Wake() // two wakes before a Read: one event
	if ev, _ := term.Read(0); ev.Kind != KindWake {
		t.Fatalf("Read after Wake = %v, want Wake", ev.Kind)
	}
	if ev, _ := term.Read(0); ev.Kind != KindTimeout {
		t.Fatalf("second Read after two Wakes = %v, want Timeout", ev.Kind)
	}
	ptm.Write([]byte("a"))
	if ev, _ := term.Read(time.Second); ev.Kind != KindBytes || string(ev.Bytes) != "a" {
		t.Fatalf("Read after typing = %v %q, want Bytes \"a\"", ev.Kind, ev.Bytes)
	}
	if err := term.Restore(); err != nil {
		t.Fatal(err)
	}
	term.Wake() // after Restore: the pipe is closed, nothing happens
}
