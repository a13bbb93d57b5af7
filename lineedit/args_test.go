package lineedit

import "testing"

// TestNumericArgument checks readline's rules for numeric arguments:
// M-- alone is -1, digits after M-- M-<digit> continue the argument
// (M-- M-2 is -12), a minus after digits runs as a key, and the
// argument shows in place of the prompt while it is typed.
func TestNumericArgument(t *testing.T) {
	tests := []struct {
		name, before, keys, after string
	}{
		{"meta digits", "|", `\e1\e2x`, "xxxxxxxxxxxx|"},
		{"plain digits after meta digit", "|", `\e12x`, "xxxxxxxxxxxx|"},
		{"minus alone", "ab cd|", `\e-\C-d`, "ab c|"},
		{"minus alone backward-delete-char deletes forward", "ab |cd", `\e-\C-?`, "ab |d"},
		{"minus then meta digit", "abcdefghijklmnop|", `\e-\e2\C-d`, "abcd|"},
		{"minus then digit", "abcdef|", `\e-2\C-d`, "abcd|"},
		{"minus after digits inserts", "|", `\e3\e-`, "---|"},
		{"minus after minus", "ab|", `\e-\e-x`, "abx|"},
		{"negative self-insert", "ab|", `\e-x`, "ab|"},
		{"universal argument", "|", `\C-xux`, "xxxx|"},
		{"universal argument twice", "|", `\C-xu\C-xux`, "xxxxxxxxxxxxxxxx|"},
		{"universal then digits", "|", `\C-xu3x`, "xxx|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.ParseLine(`"\C-xu": universal-argument`)
			e := New(cfg, nil)
			setState(e, tt.before)
			e.Feed(keys(t, tt.keys))
			if got := state(e); got != tt.after {
				t.Errorf("got %q, want %q", got, tt.after)
			}
		})
	}
	e := New(testConfig(), nil)
	e.Reset("$ ")
	e.Feed(keys(t, `ab\e-3`))
	if f := e.Frame(); f.Prompt != "(arg: -3) " {
		t.Errorf("prompt while typing an argument: %q", f.Prompt)
	}
	e.Feed(keys(t, `\C-f`))
	if f := e.Frame(); f.Prompt != "$ " || f.Cursor != 0 {
		t.Errorf("after the command: %q at %d", f.Prompt, f.Cursor)
	}
}
