package vtscreen

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestLinesAndCursor(t *testing.T) {
	s := New(12, 4)
	fmt.Fprint(s, "hello\r\nwide 中文 x")
	want := []string{"hello", "wide 中文 x", "", ""}
	if got := s.Lines(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Lines() = %q, want %q", got, want)
	}
	if row, col := s.Cursor(); row != 1 || col != 11 {
		t.Fatalf("Cursor() = %d,%d, want 1,11", row, col)
	}
	if cols, rows := s.Size(); cols != 12 || rows != 4 {
		t.Fatalf("Size() = %d,%d", cols, rows)
	}
	if text, w := s.CellAt(1, 5); text != "中" || w != 2 {
		t.Fatalf("CellAt(1,5) = %q,%d", text, w)
	}
	if _, w := s.CellAt(1, 6); w != 0 {
		t.Fatalf("CellAt(1,6) width %d, want 0 (covered by the wide character)", w)
	}
}

func TestPendingWrap(t *testing.T) {
	s := New(5, 3)
	s.WriteString("abcde")
	if row, col := s.Cursor(); row != 0 || col != 4 {
		t.Fatalf("after filling the row the cursor is at %d,%d, want 0,4 (pending wrap)", row, col)
	}
	s.WriteString("f")
	WantScreen(t, s, "abcde\nf▌")
}

func TestWantScreen(t *testing.T) {
	s := New(12, 5)
	s.WriteString("$ echo hi\r\nhi\r\n$ ")
	WantScreen(t, s, `
$ echo hi
hi
$ ▌`)
	WantScreen(t, s, "$ echo hi\nhi\n$") // no mark: the cursor is not checked
	s.WriteString("\x1b[2A\x1b[1C")
	WantScreen(t, s, "$ e▌cho hi\nhi\n$")
	s.WriteString("\x1b[4B\r") // below the text, on an empty row
	WantScreen(t, s, "$ echo hi\nhi\n$\n\n▌")
	s.WriteString("\x1b[A\x1b[5C") // past the end of an empty row
	WantScreen(t, s, "$ echo hi\nhi\n$\n     ▌")

	ft := &fakeT{}
	WantScreen(ft, s, "something else")
	if !ft.failed || !strings.Contains(ft.msg, "something else") || !strings.Contains(ft.msg, "|$ echo hi|") {
		t.Fatalf("WantScreen did not fail as it should: %v %q", ft.failed, ft.msg)
	}
}

type fakeT struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.failed = true
	f.msg = fmt.Sprintf(format, args...)
}

func TestStyles(t *testing.T) {
	s := New(20, 2)
	s.WriteString("\x1b[1;32mab\x1b[0mc\x1b[2md\x1b[0m")
	if got, want := s.StyleAt(0, 0), Style("\x1b[1m\x1b[32m"); got != want || got == "" {
		t.Fatalf("bold green cell: %q, want %q", got, want)
	}
	if got := s.StyleAt(0, 2); got != "" {
		t.Fatalf("plain cell: %q", got)
	}
	if got, want := s.StyleAt(0, 3), Style("\x1b[2m"); got != want || got == "" {
		t.Fatalf("faint cell: %q, want %q", got, want)
	}
	if Style("") != "" || Style("\x1b[0m") != "" {
		t.Fatal("the default style is not empty")
	}
}

func TestResizeAndReset(t *testing.T) {
	s := New(10, 3)
	s.WriteString("0123456789")
	s.Resize(5, 3)
	WantScreen(t, s, "01234")
	s.Reset(8, 2)
	if cols, rows := s.Size(); cols != 8 || rows != 2 {
		t.Fatalf("size after Reset %d,%d", cols, rows)
	}
	WantScreen(t, s, "▌")
}

func TestReplies(t *testing.T) {
	s := New(10, 3)
	s.WriteString("ab\x1b[6n\x1b[5n\x1b[c")
	if got, want := s.Replies(), "\x1b[1;3R\x1b[0n\x1b[?62;1;6;22c"; got != want {
		t.Fatalf("Replies() = %q, want %q", got, want)
	}
	if got := s.Replies(); got != "" {
		t.Fatalf("replies were not forgotten: %q", got)
	}
}

func TestScrollback(t *testing.T) {
	s := New(10, 2)
	s.WriteString("one\r\ntwo\r\nthree")
	WantScreen(t, s, "two\nthree▌")
	if got := s.Scrollback(); !reflect.DeepEqual(got, []string{"one"}) {
		t.Fatalf("Scrollback() = %q", got)
	}
}
