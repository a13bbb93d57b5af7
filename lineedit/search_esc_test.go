package lineedit

import (
	"testing"

	"github.com/goshell/gosh/history"
)

// TestSearchEscapeKeys: the terminal driver hands over an arrow key one
// byte at a time. ESC during an incremental search waits for what comes
// next: an escape sequence ends the search and then acts; ESC alone ends
// the search once the wait is over, as readline's 0.1 s.
func TestSearchEscapeKeys(t *testing.T) {
	h := history.New()
	h.Add("echo one")
	h.Add("echo two")
	feedBytes := func(e *Engine, s string) {
		for i := range len(s) {
			e.Feed([]byte{s[i]})
		}
	}
	e := New(testConfig(), h)
	e.Reset("$ ")
	feedBytes(e, "\x12one\x1b")
	if !e.WantsTimeout() || e.TimeoutMillis() != 100 || e.search == nil {
		t.Fatalf("after ESC: wants timeout %v (%d ms), searching %v", e.WantsTimeout(), e.TimeoutMillis(), e.search != nil)
	}
	feedBytes(e, "[D")
	if e.search != nil || e.Line() != "echo one" || e.Point() != 4 {
		t.Fatalf("C-r one, left arrow: line %q point %d searching %v", e.Line(), e.Point(), e.search != nil)
	}

	e.Reset("$ ")
	feedBytes(e, "\x12two\x1b")
	e.Timeout()
	if e.search != nil || e.Line() != "echo two" || e.WantsTimeout() {
		t.Fatalf("C-r two, ESC, timeout: line %q searching %v", e.Line(), e.search != nil)
	}
	feedBytes(e, "!")
	if e.Line() != "echo !two" {
		t.Fatalf("typing after the search: %q", e.Line())
	}
}
