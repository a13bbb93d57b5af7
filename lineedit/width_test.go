package lineedit

import "testing"

func TestGraphemeWidth(t *testing.T) {
	tests := []struct {
		g    string
		want int
	}{
		{"", 0},
		{"a", 1},
		{"中", 2},
		{"ｱ", 1}, // halfwidth katakana
		{"Ａ", 2}, // fullwidth A
		{"é", 1}, // precomposed
		{"é", 1}, // e + combining acute
		{"👩\u200d💻", 2},
		{"👨\u200d👩\u200d👧\u200d👦", 2},
		{"🇫🇷", 2},
		{"👍🏽", 2},
		{"\x01", 2}, // ^A
		{"\x7f", 2}, // ^?
		{"\x1b", 2}, // ^[
		{"\xff", 4}, // \377
		{"\u0085", 4},
		{"\u200b", 6}, // <200b>
	}
	for _, tc := range tests {
		if got := GraphemeWidth(tc.g); got != tc.want {
			t.Errorf("GraphemeWidth(%q) = %d, want %d", tc.g, got, tc.want)
		}
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"hello", 5},
		{"中文", 4},
		{"cafe\u0301", 4},
		{"a\u0301\u0302\u0303", 1},
		{"👩\u200d👩\u200d👧 hi", 5},
		{"\t", 8},
		{"a\tb", 9},
		{"1234567\tb", 9},
		{"12345678\tb", 17},
		{"a\x01b", 4},
		{"a\x7f", 3},
		{"a\nb", 4},     // ^J
		{"\x1b[31m", 6}, // ^[[31m
	}
	for _, tc := range tests {
		if got := Width(tc.s); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestPromptWidth(t *testing.T) {
	tests := []struct {
		p    string
		want int
	}{
		{"$ ", 2},
		{"\x1b[1;32muser\x1b[0m$ ", 6},
		{"\001\x1b[1;32m\002user\001\x1b[0m\002$ ", 6},
		{"\001anything at all\002> ", 2},
		{"\001\x1b]0;title\a\002> ", 2},
		{"\x1b]0;title\x1b\\> ", 2},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ ", 5},
		{"line one\n$ ", 2},
		{"\001\n\002$ ", 2}, // a newline between the markers is not a new line
		{"中> ", 4},
		{"\001unterminated", 0},
		{"a\002b", 2},
	}
	for _, tc := range tests {
		if got := PromptWidth(tc.p); got != tc.want {
			t.Errorf("PromptWidth(%q) = %d, want %d", tc.p, got, tc.want)
		}
	}
}

func TestStripPromptMarkers(t *testing.T) {
	tests := []struct{ p, want string }{
		{"$ ", "$ "},
		{"\001\x1b[32m\002$\001\x1b[0m\002 ", "\x1b[32m$\x1b[0m "},
		{"a\002b\001c", "abc"},
	}
	for _, tc := range tests {
		if got := StripPromptMarkers(tc.p); got != tc.want {
			t.Errorf("StripPromptMarkers(%q) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestVisiblePrompt(t *testing.T) {
	tests := []struct{ p, want string }{
		{"$ ", "$ "},
		{"\001\x1b[32m\002user\001\x1b[0m\002@host\x1b[1m$\x1b[0m ", "user@host$ "},
		{"\001hidden\002shown", "shown"},
		{"two\nlines", "two\nlines"},
	}
	for _, tc := range tests {
		if got := VisiblePrompt(tc.p); got != tc.want {
			t.Errorf("VisiblePrompt(%q) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestEscapeLen(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		kind dispEscKind
	}{
		{"\x1b[31mx", 5, dispEscSGR},
		{"\x1b[mx", 3, dispEscSGR},
		{"\x1b[2Jx", 4, dispEscOther},
		{"\x1b[?25lx", 6, dispEscOther},
		{"\x1b]0;t\ax", 6, dispEscOther},
		{"\x1b]0;t\x1b\\x", 7, dispEscOther},
		{"\x1bPq\x1b\\x", 5, dispEscOther},
		{"\x1b(Bx", 3, dispEscOther},
		{"\x1b7x", 2, dispEscOther},
		{"\x1b[31", 0, dispEscOther},
		{"\x1b]0;never ends", 0, dispEscOther},
		{"\x1b", 0, dispEscOther},
	}
	for _, tc := range tests {
		n, kind := dispEscapeLen(tc.s)
		if n != tc.n || (n > 0 && kind != tc.kind) {
			t.Errorf("dispEscapeLen(%q) = %d, %d; want %d, %d", tc.s, n, kind, tc.n, tc.kind)
		}
	}
}
