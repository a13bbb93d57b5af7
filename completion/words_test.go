package completion

import (
	"reflect"
	"testing"
)

// TestSplitLine checks COMP_WORDS and COMP_CWORD against what bash 5.2
// gives a completion function for the same lines.
func TestSplitLine(t *testing.T) {
	tests := []struct {
		line  string
		words []string
		cword int
	}{
		{`foo --a=b c:d >out "x y" 'z' a\ b `, []string{"foo", "--a", "=", "b", "c", ":", "d", ">", "out", `"x y"`, "'z'", `a\ b`, ""}, 12},
		{"foo --a=b", []string{"foo", "--a", "=", "b"}, 3},
		{"foo --a=", []string{"foo", "--a", "="}, 2},
		{`foo "ab`, []string{"foo", `"ab`}, 1},
		{"foo $(echo a b) x", []string{"foo", "$(echo a b)", "x"}, 2},
		{"", []string{""}, 0},
		{"foo  ", []string{"foo", ""}, 1},
	}
	for _, tt := range tests {
		words, cword := SplitLine(tt.line, len(tt.line), "")
		var got []string
		for _, w := range words {
			got = append(got, w.Text)
			if tt.line[w.Start:w.End] != w.Text {
				t.Errorf("%q: word %q at %d:%d", tt.line, w.Text, w.Start, w.End)
			}
		}
		if !reflect.DeepEqual(got, tt.words) || cword != tt.cword {
			t.Errorf("SplitLine(%q) = %q, %d; want %q, %d", tt.line, got, cword, tt.words, tt.cword)
		}
	}
	// The cursor inside a line.
	words, cword := SplitLine("foo ab cd", 5, "")
	if cword != 1 || words[1].Text != "ab" {
		t.Errorf("cursor in ab: %v %d", words, cword)
	}
	words, cword = SplitLine("foo ab  cd", 7, "")
	if cword != 2 || words[2].Text != "" || len(words) != 4 {
		t.Errorf("cursor between words: %v %d", words, cword)
	}
}

func TestWordStart(t *testing.T) {
	tests := []struct {
		line  string
		start int
		open  byte
	}{
		{"ls foo", 3, 0},
		{`ls a\ b`, 3, 0},
		{`ls "a b`, 3, '"'},
		{`ls 'a b`, 3, '\''},
		{`ls "a b"c`, 3, 0},
		{"ls --file=fo", 10, 0},
		{"ls x:y", 5, 0},
		{"echo $HO", 5, 0},
		{"a;b", 2, 0},
		{`ls dir/"a b`, 3, '"'},
		{"ls $(echo a", 3, 0},
	}
	for _, tt := range tests {
		start, open := WordStart(tt.line, len(tt.line), "")
		if start != tt.start || open != tt.open {
			t.Errorf("WordStart(%q) = %d, %q; want %d, %q", tt.line, start, open, tt.start, tt.open)
		}
	}
}

func TestCommandBounds(t *testing.T) {
	tests := []struct {
		line       string
		cursor     int
		start, end int
	}{
		{"foo a", 5, 0, 5},
		{"x; foo a", 8, 2, 8},
		{"x | foo a && y", 8, 3, 10},
		{"a >| foo", 8, 0, 8},
		{`echo "a;b" c`, 12, 0, 12},
	}
	for _, tt := range tests {
		s, e := CommandBounds(tt.line, tt.cursor)
		if s != tt.start || e != tt.end {
			t.Errorf("CommandBounds(%q, %d) = %d, %d; want %d, %d", tt.line, tt.cursor, s, e, tt.start, tt.end)
		}
	}
}

func FuzzSplitLine(f *testing.F) {
	for _, s := range []string{`foo --a=b "x y`, "a $(b c) `d`", `'\`, ""} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, line string, cursor int) {
		if cursor < 0 || cursor > len(line) {
			return
		}
		words, cword := SplitLine(line, cursor, "")
		if cword < 0 || cword >= len(words) {
			t.Fatalf("cword %d of %d", cword, len(words))
		}
		w := words[cword]
		if w.Start > cursor || cursor > w.End {
			t.Fatalf("word %q at %d:%d does not hold the cursor %d", w.Text, w.Start, w.End, cursor)
		}
		prev := 0
		for _, w := range words {
			if w.Start < prev || w.End < w.Start || line[w.Start:w.End] != w.Text {
				t.Fatalf("bad word %+v", w)
			}
			prev = w.End
		}
		start, _ := WordStart(line, cursor, "")
		if start < 0 || start > cursor {
			t.Fatalf("WordStart %d", start)
		}
	})
}
