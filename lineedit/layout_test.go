package lineedit

import (
	"reflect"
	"strings"
	"testing"
)

func TestLayoutFrame(t *testing.T) {
	tests := []struct {
		name     string
		f        Frame
		width    int
		lines    []string
		row, col int
		wrapped  []bool // per row; nil: do not check
	}{
		{"empty", Frame{}, 10, []string{""}, 0, 0, nil},
		{"prompt only", Frame{Prompt: "$ "}, 10, []string{"$"}, 0, 2, nil},
		{"cursor in text", Frame{Prompt: "$ ", Text: "hello", Cursor: 2}, 10, []string{"$ hello"}, 0, 4, nil},
		{"cursor clamped", Frame{Prompt: "$ ", Text: "hi", Cursor: 99}, 10, []string{"$ hi"}, 0, 4, nil},
		{"negative cursor", Frame{Prompt: "$ ", Text: "hi", Cursor: -3}, 10, []string{"$ hi"}, 0, 2, nil},
		{"wrap", Frame{Prompt: "$ ", Text: "abcdefghij", Cursor: 10}, 5,
			[]string{"$ abc", "defgh", "ij"}, 2, 2, []bool{false, true, true}},
		{"full row, cursor at the end: a row below for it", Frame{Prompt: "$ ", Text: "abc", Cursor: 3}, 5,
			[]string{"$ abc", ""}, 1, 0, []bool{false, true}},
		{"full row, cursor elsewhere: no extra row", Frame{Prompt: "$ ", Text: "abc", Cursor: 0}, 5,
			[]string{"$ abc"}, 0, 2, nil},
		{"full row then newline with the cursor", Frame{Prompt: "$ ", Text: "abc\nd", Cursor: 3}, 5,
			[]string{"$ abc", "", "d"}, 1, 0, []bool{false, true, false}},
		{"full row then newline", Frame{Prompt: "$ ", Text: "abc\nd", Cursor: 5}, 5,
			[]string{"$ abc", "d"}, 1, 1, []bool{false, false}},
		{"wide character that does not fit", Frame{Prompt: "$ ", Text: "ab中", Cursor: 5}, 5,
			[]string{"$ ab", "中"}, 1, 2, []bool{false, true}},
		{"cursor on a wide character moved down", Frame{Prompt: "$ ", Text: "ab中", Cursor: 2}, 5,
			[]string{"$ ab", "中"}, 1, 0, nil},
		{"newlines", Frame{Prompt: "> ", Text: "a\n\nb", Cursor: 2}, 10, []string{"> a", "", "b"}, 1, 0, nil},
		{"multi-line prompt", Frame{Prompt: "top\n$ ", Text: "x", Cursor: 1}, 10, []string{"top", "$ x"}, 1, 3, nil},
		{"markers and colours take no room", Frame{Prompt: "\001\x1b[31m\002ab\001\x1b[0m\002\x1b[1mc\x1b[0m ", Text: "x", Cursor: 1}, 10,
			[]string{"abc x"}, 0, 5, nil},
		{"controls", Frame{Text: "a\x03\x7f", Cursor: 1}, 10, []string{"a^C^?"}, 0, 1, nil},
		{"control split at the wrap", Frame{Prompt: "$ ", Text: "ab\x03", Cursor: 5}, 5, []string{"$ ab^", "C"}, 1, 1, nil},
		{"tab", Frame{Prompt: "$ ", Text: "a\tb", Cursor: 3}, 20, []string{"$ a     b"}, 0, 9, nil},
		{"tab at the edge", Frame{Prompt: "$ ", Text: "abcde\tx", Cursor: 7}, 8, []string{"$ abcde", "x"}, 1, 1, nil},
		{"hint", Frame{Prompt: "$ ", Text: "ls", Cursor: 2, Hint: " -la"}, 10, []string{"$ ls -la"}, 0, 4, nil},
		{"hint wraps", Frame{Prompt: "$ ", Text: "ls", Cursor: 2, Hint: " --all"}, 6, []string{"$ ls -", "-all"}, 0, 4, nil},
		{"hint after the cursor at a full row", Frame{Prompt: "$ ", Text: "abc", Cursor: 3, Hint: "de"}, 5,
			[]string{"$ abc", "de"}, 1, 0, nil},
		{"below", Frame{Prompt: "$ ", Text: "g", Cursor: 1, Below: []string{"one", "", "two\nthree"}}, 10,
			[]string{"$ g", "one", "", "two", "three"}, 0, 3, []bool{false, false, false, false, false}},
		{"below wraps", Frame{Text: "g", Cursor: 1, Below: []string{"abcdefg"}}, 5, []string{"g", "abcde", "fg"}, 0, 1,
			[]bool{false, false, true}},
		{"zero-width and broken bytes", Frame{Text: "\u200b\xfe", Cursor: 0}, 20, []string{"<200b>\\376"}, 0, 0, nil},
		{"combining mark at the start of the text", Frame{Prompt: "a", Text: "\u0301b", Cursor: 2}, 20, []string{"a<301>b"}, 0, 6, nil},
		{"width below 2 is taken as 2", Frame{Text: "中a", Cursor: 3}, 1, []string{"中", "a"}, 1, 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := LayoutFrame(tc.f, tc.width)
			if got := l.Lines(); !reflect.DeepEqual(got, tc.lines) {
				t.Errorf("lines %q, want %q", got, tc.lines)
			}
			if l.CursorRow != tc.row || l.CursorCol != tc.col {
				t.Errorf("cursor %d,%d, want %d,%d", l.CursorRow, l.CursorCol, tc.row, tc.col)
			}
			if tc.wrapped != nil {
				for i, row := range l.Rows {
					if i < len(tc.wrapped) && row.Wrapped != tc.wrapped[i] {
						t.Errorf("row %d wrapped = %v, want %v", i, row.Wrapped, tc.wrapped[i])
					}
				}
			}
			checkLayoutInvariants(t, l)
		})
	}
}

// checkLayoutInvariants checks what the renderer relies on.
func checkLayoutInvariants(t *testing.T, l *Layout) {
	t.Helper()
	if len(l.Rows) == 0 {
		t.Fatal("no rows")
	}
	for i, row := range l.Rows {
		cols := 0
		for _, c := range row.Cells {
			if c.Width != 1 && c.Width != 2 {
				t.Errorf("row %d: cell %q has width %d", i, c.Text, c.Width)
			}
			if c.Text == "" {
				t.Errorf("row %d: empty cell", i)
			}
			cols += c.Width
		}
		if cols != row.Cols || cols > l.Width {
			t.Errorf("row %d: %d columns, Cols %d, width %d", i, cols, row.Cols, l.Width)
		}
		if row.Wrapped && (i == 0 || l.Rows[i-1].Cols != l.Width) {
			t.Errorf("row %d continues row %d, which is not full", i, i-1)
		}
	}
	if l.CursorRow < 0 || l.CursorRow >= len(l.Rows) || l.CursorCol < 0 || l.CursorCol >= l.Width {
		t.Errorf("cursor %d,%d outside %d rows of %d", l.CursorRow, l.CursorCol, len(l.Rows), l.Width)
	}
}

func TestLayoutStyles(t *testing.T) {
	f := Frame{
		Prompt: "\001\x1b]0;title\a\002\x1b[1m\x1b[31mA\x1b[0;32mB\x1b[mC\x1b[4m",
		Text:   "x",
		Cursor: 1,
		Hint:   "h",
		Below:  []string{"\x1b[7ms\x1b[0mt"},
	}
	l := LayoutFrame(f, 20)
	want := [][]string{
		{"\x1b]0;title\a\x1b[1m\x1b[31m", "\x1b[0;32m", "", "\x1b[4m", "\x1b[4m\x1b[2m"},
		{"\x1b[7m", ""},
	}
	for i, row := range l.Rows {
		var got []string
		for _, c := range row.Cells {
			got = append(got, c.Style)
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("row %d styles %q, want %q", i, got, want[i])
		}
	}
}

func TestLayoutPlain(t *testing.T) {
	g := grid{tab: newCellTable()}
	g.layout(Frame{Prompt: "\001\x1b[31m\002$\001\x1b[0m\002 ", Text: "a\nb", Cursor: 3, Hint: "zz", Below: []string{"x"}},
		1<<30, layoutOptions{plain: true, newlineAsCaret: true, noHint: true, noBelow: true})
	l := g.public()
	if got := l.Lines(); !reflect.DeepEqual(got, []string{"$ a^Jb"}) {
		t.Fatalf("plain layout %q", got)
	}
	for _, c := range l.Rows[0].Cells {
		if c.Style != "" {
			t.Fatalf("plain layout has style %q", c.Style)
		}
	}
	if l.CursorCol != 6 {
		t.Fatalf("cursor at %d", l.CursorCol)
	}
}

// TestLayoutReuse: laying out again into the same Layout gives the same
// result as a fresh one, and a steady frame allocates nothing.
func TestLayoutReuse(t *testing.T) {
	frames := []Frame{
		{Prompt: "\x1b[32m$\x1b[0m ", Text: strings.Repeat("abc ", 30), Cursor: 7, Hint: "x", Below: []string{"one", "two"}},
		{Prompt: "> ", Text: "中文\n\tx", Cursor: 2},
		{Prompt: "\x1b[32m$\x1b[0m ", Text: "short", Cursor: 5},
	}
	g := grid{tab: newCellTable()}
	for _, f := range frames {
		g.layout(f, 17, layoutOptions{})
		l := g.public()
		fresh := LayoutFrame(f, 17)
		if !reflect.DeepEqual(l.Lines(), fresh.Lines()) || l.CursorRow != fresh.CursorRow || l.CursorCol != fresh.CursorCol {
			t.Fatalf("reused layout differs for %+v", f)
		}
		for i := range l.Rows {
			if !reflect.DeepEqual(l.Rows[i].Cells, fresh.Rows[i].Cells) {
				t.Fatalf("row %d differs", i)
			}
		}
	}
	f := frames[0]
	allocs := testing.AllocsPerRun(100, func() { g.layout(f, 17, layoutOptions{}) })
	if allocs != 0 {
		t.Fatalf("laying out a steady frame allocates %v times", allocs)
	}
}

// TestLayoutIncremental: laying out each frame over the one before (which
// starts from the first row that can change) gives the same layout as
// laying it out from scratch.
func TestLayoutIncremental(t *testing.T) {
	seed := uint64(7)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	for script := range 300 {
		width := 2 + rnd(30)
		g := grid{tab: newCellTable()}
		prev := Frame{Prompt: fuzzPrompts[rnd(len(fuzzPrompts))]}
		for step := range 60 {
			data := make([]byte, 16)
			for i := range data {
				data[i] = byte(rnd(256))
			}
			f := fuzzEditFrame(&renderFuzzInput{data: data}, prev)
			if rnd(10) == 0 {
				width = 2 + rnd(30)
			}
			keep := g.resumeRow(f, width, layoutOptions{})
			g.layoutFrom(f, width, layoutOptions{}, keep)
			l := g.public()
			fresh := LayoutFrame(f, width)
			if !sameLayoutRows(l.Rows, fresh.Rows) || l.CursorRow != fresh.CursorRow || l.CursorCol != fresh.CursorCol {
				t.Fatalf("script %d step %d: frame %+v at width %d after %+v (kept %d rows):\n got %q cursor %d,%d\nwant %q cursor %d,%d",
					script, step, f, width, prev, keep, l.Lines(), l.CursorRow, l.CursorCol, fresh.Lines(), fresh.CursorRow, fresh.CursorCol)
			}
			prev = f
		}
	}
}

func sameLayoutRows(a, b []Row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Cols != b[i].Cols || a[i].Wrapped != b[i].Wrapped || len(a[i].Cells) != len(b[i].Cells) {
			return false
		}
		for j := range a[i].Cells {
			if a[i].Cells[j] != b[i].Cells[j] {
				return false
			}
		}
	}
	return true
}
