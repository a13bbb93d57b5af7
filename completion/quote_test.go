package completion

import (
	"strings"
	"testing"
	"unicode/utf8"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// TestQuote checks Quote against what bash 5.2 inserts when it completes
// these names (typed at an interactive bash).
func TestQuote(t *testing.T) {
	tests := []struct {
		name string
		open byte
		want string
	}{
		{"plain", 0, "plain"},
		{"a b", 0, `a\ b`},
		{"x$y", 0, `x\$y`},
		{"c:d", 0, `c\:d`},
		{"e{f}", 0, `e\{f\}`},
		{"g,h", 0, "g,h"},      // no special character: left alone
		{", x,", 0, `\,\ x\,`}, // once quoted, ',' is escaped too
		{"i!j", 0, `i\!j`},
		{"k'l", 0, `k\'l`},
		{`m"n`, 0, `m\"n`},
		{"o#p", 0, "o#p"},
		{"#x", 0, `\#x`},
		{"~t", 0, `\~t`},
		{"b~c", 0, "b~c"},
		{"w[z]", 0, `w\[z\]`},
		{"f]", 0, "f]"},
		{"y=z", 0, `y\=z`},
		{"n@m", 0, `n\@m`},
		{"r(s)", 0, `r\(s\)`},
		{"v<w>", 0, `v\<w\>`},
		{"z`z", 0, "z\\`z"},
		{"a*b", 0, `a\*b`},
		{"b?c", 0, `b\?c`},
		{"% x%", 0, `%\ x%`},
		{"j\tk", 0, "j\\\tk"},
		{"h\ni", 0, "'h\ni'"},
		{"a b", '"', "a b"},
		{"x$y", '"', `x\$y`},
		{`m"n`, '"', `m\"n`},
		{"k'l", '\'', `k'\''l`},
	}
	for _, tt := range tests {
		if got := Quote(tt.name, tt.open); got != tt.want {
			t.Errorf("Quote(%q, %q) = %q, want %q", tt.name, tt.open, got, tt.want)
		}
	}
}

func TestUnquote(t *testing.T) {
	tests := []struct {
		raw, want string
		open      byte
	}{
		{"abc", "abc", 0},
		{`a\ b`, "a b", 0},
		{`"a b`, "a b", '"'},
		{`"a b"c`, "a bc", 0},
		{`'it'\''s`, "it's", '\''},
		{`"x\$y\"z\a`, `x$y"z\a`, '"'},
		{`a\`, "a", 0},
		{`$'a\tb`, "a\tb", '\''},
		{`$'\x41\101\q'`, `AA\q`, 0},
		{`$"a b`, "a b", '"'},
		{"a\\\nb", "ab", 0},
	}
	for _, tt := range tests {
		got, open := Unquote(tt.raw)
		if got != tt.want || open != tt.open {
			t.Errorf("Unquote(%q) = %q, %q; want %q, %q", tt.raw, got, open, tt.want, tt.open)
		}
	}
}

// shellValue parses raw as one shell word with mvdan.cc/sh and returns
// its value, an oracle independent of Unquote.
func shellValue(t *testing.T, raw string) (string, bool) {
	f, err := syntax.NewParser().Parse(strings.NewReader("x "+raw), "")
	if err != nil || len(f.Stmts) != 1 {
		return "", false
	}
	call, ok := f.Stmts[0].Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) != 2 {
		return "", false
	}
	fields, err := expand.Fields(&expand.Config{}, call.Args[1])
	if err != nil || len(fields) != 1 {
		return "", false
	}
	return fields[0], true
}

func FuzzQuote(f *testing.F) {
	for _, s := range []string{"a b", "x$y", "h\ni", "k'l", `m"n\`, "#~", "{a,b}", "*?[", "é ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" || strings.ContainsRune(s, 0) || !utf8.ValidString(s) {
			return
		}
		for _, q := range []string{"", `"`, "'"} {
			raw := q + Quote(s, q2b(q)) + q
			if got, open := Unquote(raw); got != s || open != 0 {
				t.Fatalf("Unquote(%q) = %q, %q; want %q", raw, got, open, s)
			}
			// mvdan.cc/sh takes a carriage return for a blank; bash does not.
			if (q == "" || !strings.Contains(s, "\n")) && !strings.Contains(s, "\r") {
				if got, ok := shellValue(t, raw); !ok || got != s {
					t.Fatalf("the shell reads %q as %q (%v), want %q", raw, got, ok, s)
				}
			}
		}
	})
}

func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"a b`, `'x`, `a\`, `$'\x4`, `$"`, `"\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		word, open := Unquote(raw)
		if open != 0 && open != '"' && open != '\'' {
			t.Fatalf("open quote %q", open)
		}
		if len(word) > len(raw) {
			t.Fatalf("Unquote(%q) grew to %q", raw, word)
		}
		// Closing what is open gives a word the shell reads the same way,
		// when the shell can parse it at all.
		if open == 0 && !strings.HasSuffix(raw, `\`) && !strings.ContainsAny(raw, "$`;&|<>(){}#*?[ \t\r\n~=!\x00") {
			if got, ok := shellValue(t, raw); ok && got != word {
				t.Fatalf("Unquote(%q) = %q, the shell reads %q", raw, word, got)
			}
		}
	})
}

func q2b(q string) byte {
	if q == "" {
		return 0
	}
	return q[0]
}
