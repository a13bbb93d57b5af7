package lineedit

import "testing"

// TestBlinkMatchingParen: with blink-matching-paren on, a closing
// character is inserted and the frame's cursor shows its opener until the
// timeout or the next key; off, the key is a plain self-insert.
func TestBlinkMatchingParen(t *testing.T) {
	tests := []struct {
		name, keys string
		blinkAt    int // the frame's cursor after the keys; -1: no blink
		line       string
	}{
		{"paren", "echo (a b)", 5, "echo (a b)"},
		{"bracket", "x[1]", 1, "x[1]"},
		{"brace", "{ a; }", 0, "{ a; }"},
		{"nested", "((a) b)", 0, "((a) b)"},
		{"inner", "((a)", 1, "((a)"},
		{"quoted opener skipped", `(a ")" b)`, 0, `(a ")" b)`},
		{"quoted paren not an opener", `'(' x)`, -1, `'(' x)`},
		{"no opener", "a)", -1, "a)"},
		{"typed ahead: no blink", "(a))x", -1, "(a))x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.ParseLine("set blink-matching-paren on")
			e := New(cfg, nil)
			for _, k := range []byte(tt.keys) {
				e.Feed([]byte{k}) // one key at a time, as typed
			}
			if tt.name == "typed ahead: no blink" {
				e = New(cfg, nil)
				e.Feed([]byte(tt.keys))
			}
			if got := e.buf.String(); got != tt.line {
				t.Fatalf("line %q, want %q", got, tt.line)
			}
			f := e.Frame()
			switch {
			case tt.blinkAt < 0 && (f.Cursor != len(tt.line) || e.WantsTimeout()):
				t.Errorf("cursor %d, wants timeout %v: want no blink", f.Cursor, e.WantsTimeout())
			case tt.blinkAt >= 0 && (f.Cursor != tt.blinkAt || !e.WantsTimeout() || e.TimeoutMillis() != 500):
				t.Errorf("cursor %d, timeout %v %d ms: want the blink at %d for 500 ms", f.Cursor, e.WantsTimeout(), e.TimeoutMillis(), tt.blinkAt)
			}
			e.Timeout()
			if f := e.Frame(); f.Cursor != len(tt.line) || e.WantsTimeout() {
				t.Errorf("after the timeout the cursor is at %d, want %d", f.Cursor, len(tt.line))
			}
		})
	}
	t.Run("the next key ends the blink", func(t *testing.T) {
		cfg := testConfig()
		cfg.ParseLine("set blink-matching-paren on")
		e := New(cfg, nil)
		for _, k := range []byte("(a)") {
			e.Feed([]byte{k})
		}
		e.Feed([]byte("b"))
		if f := e.Frame(); f.Cursor != 4 || state(e) != "(a)b|" {
			t.Errorf("cursor %d, line %q", f.Cursor, state(e))
		}
	})
	t.Run("off", func(t *testing.T) {
		e := New(testConfig(), nil)
		for _, k := range []byte("(a)") {
			e.Feed([]byte{k})
		}
		if f := e.Frame(); f.Cursor != 3 || e.WantsTimeout() {
			t.Errorf("cursor %d, wants timeout %v", f.Cursor, e.WantsTimeout())
		}
	})
}
