package inputrc

import (
	"bytes"
	"testing"
)

func TestTranslateKeyseq(t *testing.T) {
	tests := []struct {
		in          string
		convertMeta bool
		want        string
		odd         int
	}{
		{`abc`, false, "abc", 0},
		{`\C-a`, false, "\x01", 0},
		{`\C-A`, false, "\x01", 0},
		{`\C-?`, false, "\x7f", 0},
		{`\M-a`, false, "\xe1", 0},
		{`\M-a`, true, "\x1ba", 0},
		{`\M-\C-a`, true, "\x1b\x01", 0},
		{`\C-\M-a`, true, "\x1b\x01", 0},
		{`\e[A`, false, "\x1b[A", 0},
		{`\a\b\d\f\n\r\t\v`, false, "\a\b\x7f\f\n\r\t\v", 0},
		{`\\\"\'`, false, `\"'`, 0},
		{`\101\0\177\777`, false, "A\x00\x7f\xff", 0},
		{`\1234`, false, "S4", 0},
		{`\x41\x7e\x4`, false, "A~\x04", 0},
		{`\x41g\xZ`, false, "AgxZ", 1},
		{`\q`, false, "q", 1},
		{`\C-`, false, "\x00", 0},
		{`\M-`, true, "\x1b\x00", 0},
		{`trailing\`, false, `trailing\`, 0},
		{"\xc3\xa9", true, "\x1bC\x1b)", 0},
		{"\xc3\xa9", false, "\xc3\xa9", 0},
	}
	for _, tt := range tests {
		got, odd := TranslateKeyseq(tt.in, tt.convertMeta)
		if !bytes.Equal(got, []byte(tt.want)) || len(odd) != tt.odd {
			t.Errorf("TranslateKeyseq(%q, %v) = %q, %q; want %q and %d oddities", tt.in, tt.convertMeta, got, odd, tt.want, tt.odd)
		}
	}
}

func TestKeyName(t *testing.T) {
	tests := map[int]string{
		0: `\C-@`, 1: `\C-a`, 0x1b: `\e`, 0x7f: `\C-?`, 'a': "a", '\\': `\\`, '"': `\"`,
		0x80: `\200`, 0x9f: `\237`, 0xa0: `\240`, 0xff: `\377`, AnyOtherKey: `\000`,
	}
	for k, want := range tests {
		if got := keyName(k); got != want {
			t.Errorf("keyName(%#x) = %q, want %q", k, got, want)
		}
	}
}

func TestUntranslateMacro(t *testing.T) {
	tests := []struct {
		in         string
		useEscapes bool
		want       string
	}{
		{"abc", false, "abc"},
		{"\x01\x1b\x7f\\\"", false, `\C-a\e\C-?\\\"`},
		{"\t\n", false, `\C-i\C-j`},
		{"\t\n\a", true, `\t\n\a`},
		{"\xe9", false, "\xe9"},
	}
	for _, tt := range tests {
		if got := UntranslateMacro([]byte(tt.in), tt.useEscapes); got != tt.want {
			t.Errorf("UntranslateMacro(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestKeyseqRoundTrip checks that every byte string printed by
// UntranslateMacro reads back as itself.
func TestKeyseqRoundTrip(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		in := []byte{byte(c), 'x', byte(c)}
		back, _ := TranslateKeyseq(UntranslateMacro(in, false), false)
		if !bytes.Equal(back, in) {
			t.Errorf("byte %#x: %q read back as %q", c, UntranslateMacro(in, false), back)
		}
	}
}
