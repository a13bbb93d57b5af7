package history

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzReadFile reads arbitrary history files: no input may panic, and a
// list written back out must read back as the same entries.
func FuzzReadFile(f *testing.F) {
	for _, c := range oracleFiles {
		f.Add([]byte(c), false, 0, -1)
	}
	f.Add([]byte("#1\na\nb\n#2\nc\n"), true, 1, -1)
	f.Fuzz(func(t *testing.T, data []byte, stamps bool, from, to int) {
		dir := t.TempDir()
		path := filepath.Join(dir, "h")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		l := New()
		if stamps {
			l.WriteTimestamps, l.CommentChar = true, '#'
		}
		if err := l.ReadFileRange(path, from%1000, to%1000); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out")
		if err := l.WriteFile(out); err != nil {
			t.Fatal(err)
		}
		again := New()
		again.WriteTimestamps, again.CommentChar = l.WriteTimestamps, l.CommentChar
		if err := again.ReadFile(out); err != nil {
			t.Fatal(err)
		}
		// An entry that looks like a timestamp line ("#" and a digit) cannot
		// be told from one once written, nor a line ending in CR from a
		// CRLF line end, which reading strips: GNU History's format has
		// the same ambiguities, so such lists are not compared.
		ambiguous := false
		for _, e := range entriesOf(l) {
			for _, line := range strings.Split(e, "\n") {
				ambiguous = ambiguous || isTimestamp([]byte(line), '#') || strings.HasSuffix(line, "\r")
			}
		}
		if a, b := entriesOf(l), entriesOf(again); !ambiguous && !reflect.DeepEqual(a, b) && (len(a) > 0 || len(b) > 0) {
			t.Fatalf("entries %q read back as %q", a, b)
		}
		for _, s := range []Search{{Pattern: "a"}, {Pattern: "#1", Forward: true}, {Pattern: "B", IgnoreCase: true}} {
			l.Find(s, l.Len()-1)
		}
	})
}

func entriesOf(l *List) []string {
	var s []string
	for i := 0; i < l.Len(); i++ {
		s = append(s, l.Line(i))
	}
	return s
}

// FuzzParsePolicy parses arbitrary HISTCONTROL and HISTIGNORE values and
// applies them: nothing may panic.
func FuzzParsePolicy(f *testing.F) {
	f.Add("ignoreboth:erasedups", `ls:[bf]g:&:echo\:*:@(a|b)`, "ls")
	f.Fuzz(func(t *testing.T, control, ignore, line string) {
		p, _ := ParsePolicy(control, ignore)
		l := New()
		p.Add(l, line)
		p.Add(l, line)
	})
}
