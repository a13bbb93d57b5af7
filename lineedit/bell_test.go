package lineedit

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/inputrc"
)

func TestRingBell(t *testing.T) {
	const xtermFlash = "\x1b[?5h$<100/>\x1b[?5l"
	for _, tc := range []struct {
		style  inputrc.BellStyle
		flash  string
		want   string
		delays []time.Duration
	}{
		{inputrc.BellNone, xtermFlash, "", nil},
		{inputrc.BellAudible, xtermFlash, "\a", nil},
		{inputrc.BellVisible, xtermFlash, "\x1b[?5h\x1b[?5l", []time.Duration{100 * time.Millisecond}},
		{inputrc.BellVisible, "", "\a", nil}, // no flash: readline falls back to BEL
		{inputrc.BellVisible, "\x1bg", "\x1bg", nil},
		{inputrc.BellVisible, "a$<2.5*>b$<x>c$<1000>d", "ab$<x>cd", []time.Duration{2500 * time.Microsecond, maxBellDelay - 2500*time.Microsecond}},
	} {
		var w bytes.Buffer
		var slept []time.Duration
		ringBell(&w, tc.style, tc.flash, func(d time.Duration) { slept = append(slept, d) })
		if w.String() != tc.want || len(slept) != len(tc.delays) {
			t.Errorf("%v bell with flash %q wrote %q and slept %v, want %q and %v", tc.style, tc.flash, w.String(), slept, tc.want, tc.delays)
			continue
		}
		for i := range slept {
			if slept[i] != tc.delays[i] {
				t.Errorf("%v bell with flash %q slept %v, want %v", tc.style, tc.flash, slept, tc.delays)
			}
		}
	}
}

// TestTerminalFlash reads xterm's flash capability from the system's
// terminfo database, when it has one.
func TestTerminalFlash(t *testing.T) {
	if terminalFlash("dumb") != "" {
		t.Error("a dumb terminal has a flash sequence")
	}
	f := terminalFlash("xterm")
	if f == "" {
		t.Skip("no terminfo entry for xterm")
	}
	if !strings.Contains(f, "\x1b[?5h") {
		t.Errorf("xterm's flash is %q", f)
	}
}
