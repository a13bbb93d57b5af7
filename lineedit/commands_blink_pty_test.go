//go:build linux

package lineedit

import (
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/vtscreen"
)

// TestBlinkMatchingParenScreen types on a pty: the terminal's cursor goes
// to the opener and comes back after half a second.
func TestBlinkMatchingParenScreen(t *testing.T) {
	p := startEditor(t, "xterm", 40, 10, "set blink-matching-paren on")
	p.Type("x (ab")
	p.WaitFor("ab", helperWait)
	start := time.Now()
	p.Type(")")
	scr := vtscreen.New(40, 10)
	saw := false
	for time.Since(start) < 5*time.Second {
		scr.Reset(40, 10)
		scr.WriteString(p.Output())
		row, col := scr.Cursor()
		if row == 0 && col == len("$ x ") && strings.HasPrefix(scr.Line(0), "$ x (ab)") {
			saw = true
		}
		if saw && col == len("$ x (ab)") {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if row, col := scr.Cursor(); !saw || row != 0 || col != len("$ x (ab)") {
		t.Errorf("saw the cursor on the opener: %v; now at %d,%d; output %q", saw, row, col, p.Output())
	}
	if d := time.Since(start); d < 400*time.Millisecond {
		t.Errorf("the cursor came back after %v, want about 500 ms", d)
	}
	p.Type("\r")
	p.WaitFor(`LINE "x (ab)"`, helperWait)
	p.Type("quit\r")
	wantHelperEnd(t, p, "exit 0")
}
