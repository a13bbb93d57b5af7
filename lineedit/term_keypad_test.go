//go:build linux

package lineedit

import (
	"strings"
	"testing"
)

// TestEditorKeypad: with enable-keypad on, the terminal's smkx is sent
// before bracketed paste is asked for and rmkx after it is turned off,
// around each line, as bash 5.2 does (xterm: ESC [ ? 1 h ESC =); the
// arrow keys' keypad form moves the cursor. Off (the default), neither.
func TestEditorKeypad(t *testing.T) {
	const smkx, rmkx = "\x1b[?1h\x1b=", "\x1b[?1l\x1b>"
	for _, on := range []bool{true, false} {
		var init []string
		if on {
			init = []string{"set enable-keypad on"}
		}
		p := startEditor(t, "xterm", 40, 10, init...)
		p.Type("ac\x1bODb\r") // ESC O D: left arrow in keypad mode
		p.WaitFor(`LINE "abc"`, helperWait)
		p.Type("quit\r")
		wantHelperEnd(t, p, "exit 0")
		out := p.Output()
		if !on {
			if strings.Contains(out, smkx) || strings.Contains(out, rmkx) {
				t.Errorf("keypad mode sent with enable-keypad off: %q", out)
			}
			continue
		}
		want := smkx + bracketedPasteOn + "\r\x1b[J$ "
		if !strings.HasPrefix(out, want) {
			t.Errorf("the line starts %q, want %q", out[:min(len(out), 40)], want)
		}
		if !strings.Contains(out, bracketedPasteOff+rmkx) {
			t.Errorf("no %q after the line: %q", bracketedPasteOff+rmkx, out)
		}
	}
}
