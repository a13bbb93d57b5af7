package lineedit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

// rterm is a Renderer drawing on a virtual terminal.
type rterm struct {
	t    testing.TB
	s    *vtscreen.Screen
	r    *Renderer
	out  bytes.Buffer
	last string // the bytes of the last call
}

func newRTerm(t testing.TB, cols, rows int) *rterm {
	rt := &rterm{t: t, s: vtscreen.New(cols, rows)}
	rt.r = NewRenderer(&rt.out, cols)
	return rt
}

func (rt *rterm) feed() string {
	rt.last = rt.out.String()
	_, _ = rt.s.Write(rt.out.Bytes())
	rt.out.Reset()
	return rt.last
}

func (rt *rterm) render(f Frame) string {
	rt.t.Helper()
	if err := rt.r.Render(f); err != nil {
		rt.t.Fatal(err)
	}
	return rt.feed()
}

// step is one thing done to a Renderer in a scenario.
type step struct {
	frame    *Frame
	op       string // "resize N", "finish", "clear", "invalidate", "dumb", "nodumb", "write TEXT"
	want     string // the picture after the step (see vtscreen.WantScreen); "" to skip
	maxBytes int    // if > 0, the step writes at most this many bytes
	styles   map[[2]int]string
}

func fr(prompt, text string, cursor int) *Frame {
	if cursor < 0 {
		cursor = len(text)
	}
	return &Frame{Prompt: prompt, Text: text, Cursor: cursor}
}

func (rt *rterm) do(st step) {
	rt.t.Helper()
	switch {
	case st.frame != nil:
		rt.render(*st.frame)
	case strings.HasPrefix(st.op, "resize "):
		var w int
		fmt.Sscan(st.op[len("resize "):], &w)
		_, rows := rt.s.Size()
		rt.s.Resize(w, rows)
		rt.r.Resize(w)
	case st.op == "finish":
		if err := rt.r.Finish(); err != nil {
			rt.t.Fatal(err)
		}
		rt.feed()
	case st.op == "clear":
		if err := rt.r.ClearScreen(); err != nil {
			rt.t.Fatal(err)
		}
		rt.feed()
	case st.op == "invalidate":
		rt.r.Invalidate()
	case st.op == "dumb":
		rt.r.SetDumb(true)
	case st.op == "nodumb":
		rt.r.SetDumb(false)
	case strings.HasPrefix(st.op, "write "):
		rt.s.WriteString(st.op[len("write "):])
	default:
		rt.t.Fatalf("bad step %+v", st)
	}
}

func TestRenderScenarios(t *testing.T) {
	const green, bold, blue = "\x1b[32m", "\x1b[1m", "\x1b[34m"
	colour := "\001\x1b[1;32m\002user\001\x1b[0m\002:\001\x1b[34m\002~\001\x1b[0m\002$ "
	tests := []struct {
		name       string
		cols, rows int
		steps      []step
	}{
		{"typing at the end", 20, 4, []step{
			{frame: fr("$ ", "", 0), want: "$ ▌"},
			{frame: fr("$ ", "l", -1), want: "$ l▌", maxBytes: 1},
			{frame: fr("$ ", "ls", -1), want: "$ ls▌", maxBytes: 1},
			{frame: fr("$ ", "ls ", -1), want: "$ ls ▌", maxBytes: 1},
			{frame: fr("$ ", "ls -", -1), want: "$ ls -▌", maxBytes: 1},
		}},
		{"wrapping exactly at the width", 10, 4, []step{
			{frame: fr("$ ", "abcdefg", -1), want: "$ abcdefg▌"},
			{frame: fr("$ ", "abcdefgh", -1), want: "$ abcdefgh\n▌", maxBytes: 3},
			{frame: fr("$ ", "abcdefghi", -1), want: "$ abcdefgh\ni▌", maxBytes: 1},
			{frame: fr("$ ", "abcdefgh", -1), want: "$ abcdefgh\n▌"},
			{frame: fr("$ ", "abcdefg", -1), want: "$ abcdefg▌"},
			{frame: fr("$ ", "abcdefgh", 7), want: "$ abcdefg▌h"},
			{frame: fr("$ ", "abcdefghijklmnopqr", -1), want: "$ abcdefgh\nijklmnopqr\n▌"},
			{frame: fr("$ ", "abcdefghijklmnopqr", 0), want: "$ ▌abcdefgh\nijklmnopqr"},
		}},
		{"inserting and deleting in the middle", 40, 3, []step{
			{frame: fr("$ ", "echo hello world", -1)},
			{frame: fr("$ ", "echo hello world", 10), want: "$ echo hello▌ world", maxBytes: 4},
			{frame: fr("$ ", "echo hello, world", 11), want: "$ echo hello,▌ world", maxBytes: 6},
			{frame: fr("$ ", "echo hello world", 10), want: "$ echo hello▌ world", maxBytes: 6},
			{frame: fr("$ ", "echo world", 5), want: "$ echo ▌world", maxBytes: 10},
			{frame: fr("$ ", "echo big world", 9), want: "$ echo big ▌world", maxBytes: 10},
		}},
		{"inserting in a wrapped line shifts every row", 10, 5, []step{
			{frame: fr("> ", "abcdefghijklmnopqrstuvwxyz", 3)},
			{frame: fr("> ", "abcXdefghijklmnopqrstuvwxyz", 4), want: "> abcX▌defg\nhijklmnopq\nrstuvwxyz", maxBytes: 40},
			{frame: fr("> ", "abcdefghijklmnopqrstuvwxyz", 3), want: "> abc▌defgh\nijklmnopqr\nstuvwxyz", maxBytes: 40},
			{frame: fr("> ", "abcdefghijklmnopqrstuvw", 3), want: "> abc▌defgh\nijklmnopqr\nstuvw"},
			{frame: fr("> ", "abcdefghijklmnop", 3), want: "> abc▌defgh\nijklmnop"},
		}},
		{"CJK at the wrap edge", 10, 4, []step{
			{frame: fr("$ ", "中文中文", -1), want: "$ 中文中文\n▌"},
			{frame: fr("$ ", "中文中文中", -1), want: "$ 中文中文\n中▌"},
			{frame: fr("$ ", "a中文中文", -1), want: "$ a中文中\n文▌"},
			{frame: fr("$ ", "a中文中文", 1), want: "$ a▌中文中\n文"},
			{frame: fr("$ ", "中文中文", 0), want: "$ ▌中文中文"},
			{frame: fr("$ ", "ab中文中文", 4), want: "$ ab▌中文中\n文"},
			{frame: fr("$ ", "ab中文中文", 8), want: "$ ab中文▌中\n文"},
		}},
		{"combining marks", 20, 3, []step{
			{frame: fr("$ ", "cafe", -1), want: "$ cafe▌"},
			{frame: fr("$ ", "cafe\u0301", -1), want: "$ cafe\u0301▌"},
			{frame: fr("$ ", "cafe\u0301s", -1), want: "$ cafe\u0301s▌"},
			{frame: fr("$ ", "cafe\u0301s", 3), want: "$ caf▌e\u0301s"},
			{frame: fr("$ ", "\u0301x", -1), want: "$ <301>x▌"},
		}},
		{"emoji ZWJ sequences", 10, 3, []step{
			{frame: fr("$ ", "hi ", -1), want: "$ hi ▌"},
			{frame: fr("$ ", "hi 👩\u200d💻", -1), want: "$ hi 👩\u200d💻▌"},
			{frame: fr("$ ", "hi 👩\u200d💻!", -1), want: "$ hi 👩\u200d💻!▌"},
			{frame: fr("$ ", "hi 👨\u200d👩\u200d👧 👩\u200d💻!", -1), want: "$ hi 👨\u200d👩\u200d👧 👩\u200d💻\n!▌"},
			{frame: fr("$ ", "hi 👨\u200d👩\u200d👧 👩\u200d💻!", 3), want: "$ hi ▌👨\u200d👩\u200d👧 👩\u200d💻\n!"},
		}},
		{"coloured prompt with markers", 20, 3, []step{
			{frame: fr(colour, "ls", -1), want: "user:~$ ls▌", styles: map[[2]int]string{
				{0, 0}: "\x1b[1;32m", {0, 3}: "\x1b[1;32m", {0, 4}: "", {0, 5}: blue, {0, 6}: "", {0, 8}: ""}},
			{frame: fr(strings.Replace(colour, "~", "/tmp", 1), "ls", -1), want: "user:/tmp$ ls▌", styles: map[[2]int]string{
				{0, 0}: "\x1b[1;32m", {0, 4}: "", {0, 5}: blue, {0, 8}: blue, {0, 9}: "", {0, 11}: ""}},
		}},
		{"redrawing the middle of a coloured prompt re-emits its state", 30, 3, []step{
			{frame: fr(green+"ab"+bold+"cd\x1b[0m> ", "x", -1), want: "abcd> x▌"},
			{frame: fr(green+"ab"+bold+"cX\x1b[0m> ", "x", -1), want: "abcX> x▌", styles: map[[2]int]string{
				{0, 0}: green, {0, 2}: green + bold, {0, 3}: green + bold, {0, 4}: "", {0, 6}: ""}},
		}},
		{"a prompt colour left on colours the text", 20, 3, []step{
			{frame: fr(green+"$ ", "ab", -1), want: "$ ab▌", styles: map[[2]int]string{{0, 2}: green, {0, 3}: green}},
		}},
		{"multi-line prompt", 12, 5, []step{
			{frame: fr("~/src/gosh\n$ ", "", 0), want: "~/src/gosh\n$ ▌"},
			{frame: fr("~/src/gosh\n$ ", "make test", -1), want: "~/src/gosh\n$ make test▌"},
			{frame: fr("~/src/gosh\n$ ", "make test all", -1), want: "~/src/gosh\n$ make test\nall▌"},
			{frame: fr("~/src/gosh/lineedit\n$ ", "make", -1), want: "~/src/gosh/l\nineedit\n$ make▌"},
			{frame: fr("~\n$ ", "make", 0), want: "~\n$ ▌make"},
		}},
		{"text with newlines", 20, 6, []step{
			{frame: fr("$ ", "for i in 1 2\ndo", -1), want: "$ for i in 1 2\ndo▌"},
			{frame: fr("$ ", "for i in 1 2\ndo\n", -1), want: "$ for i in 1 2\ndo\n▌"},
			{frame: fr("$ ", "for i in 1 2\ndo\necho $i", -1), want: "$ for i in 1 2\ndo\necho $i▌"},
			{frame: fr("$ ", "for i in 1 2\ndo\necho $i", 3), want: "$ for▌ i in 1 2\ndo\necho $i"},
			{frame: fr("$ ", "for i in 1 2do\necho $i", 14), want: "$ for i in 1 2do▌\necho $i"},
			{frame: fr("$ ", "for i in 1 2", -1), want: "$ for i in 1 2▌"},
		}},
		{"hint", 20, 3, []step{
			{frame: &Frame{Prompt: "$ ", Text: "git s", Cursor: 5, Hint: "tatus"}, want: "$ git s▌tatus",
				styles: map[[2]int]string{{0, 6}: "", {0, 7}: "\x1b[2m", {0, 11}: "\x1b[2m"}},
			{frame: &Frame{Prompt: "$ ", Text: "git st", Cursor: 6, Hint: "atus"}, want: "$ git st▌atus", maxBytes: 1,
				styles: map[[2]int]string{{0, 7}: "", {0, 8}: "\x1b[2m"}},
			{frame: &Frame{Prompt: "$ ", Text: "git sta", Cursor: 7, Hint: "tus --short"}, want: "$ git sta▌tus --short"},
			{frame: &Frame{Prompt: "$ ", Text: "git sta", Cursor: 7}, want: "$ git sta▌"},
		}},
		{"Below lines appearing and disappearing", 20, 6, []step{
			{frame: fr("$ ", "git ch", -1), want: "$ git ch▌"},
			{frame: &Frame{Prompt: "$ ", Text: "git ch", Cursor: 6, Below: []string{"checkout  cherry", "cherry-pick"}},
				want: "$ git ch▌\ncheckout  cherry\ncherry-pick"},
			{frame: &Frame{Prompt: "$ ", Text: "git che", Cursor: 7, Below: []string{"checkout  cherry", "cherry-pick"}},
				want: "$ git che▌\ncheckout  cherry\ncherry-pick", maxBytes: 1},
			{frame: &Frame{Prompt: "$ ", Text: "git chec", Cursor: 8, Below: []string{"\x1b[7mcheckout\x1b[0m"}},
				want: "$ git chec▌\ncheckout", styles: map[[2]int]string{{1, 0}: "\x1b[7m", {1, 7}: "\x1b[7m", {1, 8}: ""}},
			{frame: fr("$ ", "git checkout", -1), want: "$ git checkout▌"},
		}},
		{"shrinking text leaves nothing behind", 10, 5, []step{
			{frame: fr("$ ", "abcdefghijklmnopqrstuvwxyz", -1), want: "$ abcdefgh\nijklmnopqr\nstuvwxyz▌"},
			{frame: fr("$ ", "abc", -1), want: "$ abc▌"},
			{frame: fr("$ ", "", 0), want: "$ ▌"},
			{frame: fr("$ ", "中文中文中文中文中文", -1), want: "$ 中文中文\n中文中文中\n文▌"},
			{frame: fr("$ ", "ab", -1), want: "$ ab▌"},
		}},
		{"resize narrower", 20, 5, []step{
			{frame: fr("$ ", "echo hello world", -1), want: "$ echo hello world▌"},
			{op: "resize 10"},
			{frame: fr("$ ", "echo hello world", -1), want: "$ echo hel\nlo world▌"},
			{frame: fr("$ ", "echo hello world!", -1), want: "$ echo hel\nlo world!▌"},
		}},
		{"resize wider", 10, 5, []step{
			{frame: fr("$ ", "echo hello world", -1), want: "$ echo hel\nlo world▌"},
			{op: "resize 30"},
			{frame: fr("$ ", "echo hello world", -1), want: "$ echo hello world▌"},
			{frame: fr("$ ", "echo hello world", 2), want: "$ ec▌ho hello world"},
		}},
		{"resize keeps what is above the frame when it can", 10, 6, []step{
			{op: "write previous\r\noutput\r\n"},
			{frame: fr("$ ", "echo hello world", 3), want: "previous\noutput\n$ ech▌o hel\nlo world"},
			{op: "resize 20"},
			{frame: fr("$ ", "echo hello world", 3), want: "previous\noutput\n$ ech▌o hello world"},
		}},
		{"clear screen", 20, 5, []step{
			{op: "write junk\r\nmore junk\r\n"},
			{frame: fr("$ ", "ls", -1), want: "junk\nmore junk\n$ ls▌"},
			{op: "clear"},
			{frame: fr("$ ", "ls", -1), want: "$ ls▌"},
			{frame: fr("$ ", "ls -l", -1), want: "$ ls -l▌"},
		}},
		{"finish then a new frame", 20, 6, []step{
			{frame: &Frame{Prompt: "$ ", Text: "echo hi", Cursor: 2}, want: "$ ec▌ho hi"},
			{op: "finish", want: "$ echo hi\n▌"},
			{op: "write hi\r\n"},
			{frame: fr("$ ", "", 0), want: "$ echo hi\nhi\n$ ▌"},
			{frame: fr("$ ", "exit", -1), want: "$ echo hi\nhi\n$ exit▌"},
		}},
		{"finish below a multi-row frame", 10, 6, []step{
			{frame: &Frame{Prompt: "$ ", Text: "abcdefghijk", Cursor: 0}, want: "$ ▌abcdefgh\nijk"},
			{op: "finish", want: "$ abcdefgh\nijk\n▌"},
		}},
		{"invalidate redraws on the current row", 20, 6, []step{
			{frame: fr("$ ", "make", -1), want: "$ make▌"},
			{op: "write \r\nsomething else wrote this\r\n"},
			{op: "invalidate"},
			{frame: fr("$ ", "make", -1), want: "$ make\nsomething else wrote\n this\n$ make▌"},
		}},
		{"control characters and tabs", 30, 3, []step{
			{frame: fr("$ ", "a\x01b\x7fc", -1), want: "$ a^Ab^?c▌"},
			{frame: fr("$ ", "a\tb", -1), want: "$ a     b▌"},
			{frame: fr("$ ", "a\tb", 1), want: "$ a▌     b"},
			{frame: fr("$ ", "\x1b[31mred", -1), want: "$ ^[[31mred▌"},
			{frame: fr("$ ", "bad\xffbyte", -1), want: "$ bad\\377byte▌"},
		}},
		{"moving the cursor only", 30, 3, []step{
			{frame: fr("$ ", "echo hello", -1)},
			{frame: fr("$ ", "echo hello", 9), want: "$ echo hell▌o", maxBytes: 1},
			{frame: fr("$ ", "echo hello", 0), want: "$ ▌echo hello", maxBytes: 4},
			{frame: fr("$ ", "echo hello", 10), want: "$ echo hello▌", maxBytes: 5},
		}},
		{"dumb terminal", 12, 3, []step{
			{op: "dumb"},
			{frame: fr("$ ", "", 0), want: "$ ▌"},
			{frame: fr("$ ", "abc", -1), want: "$ abc▌", maxBytes: 3},
			{frame: fr("$ ", "abcd", -1), want: "$ abcd▌", maxBytes: 1},
			{frame: fr("$ ", "abcd", 1), want: "$ a▌bcd", maxBytes: 3},
			{frame: fr("$ ", "aXbcd", 2), want: "$ aX▌bcd"},
			{frame: fr("$ ", "abcdefghijklmnop", -1), want: "<hijklmnop▌"},
			{frame: fr("$ ", "abcdefghijklmnop", 0), want: "$ ▌abcdefgh>"},
			{frame: fr("$ ", "ab", -1), want: "$ ab▌"},
			{op: "finish", want: "$ ab\n▌"},
			{frame: fr("line1\n> ", "x", -1), want: "$ ab\nline1\n> x▌"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt := newRTerm(t, tc.cols, tc.rows)
			for i, st := range tc.steps {
				rt.do(st)
				if rt.r.dumb && strings.ContainsRune(rt.last, 0x1b) {
					t.Errorf("step %d: dumb mode wrote an escape: %q", i, rt.last)
				}
				if st.want != "" {
					vtscreen.WantScreen(t, rt.s, st.want)
				}
				if st.maxBytes > 0 && len(rt.last) > st.maxBytes {
					t.Errorf("step %d wrote %d bytes %q, want at most %d", i, len(rt.last), rt.last, st.maxBytes)
				}
				for pos, style := range st.styles {
					if got, want := rt.s.StyleAt(pos[0], pos[1]), vtscreen.Style(style); got != want {
						t.Errorf("step %d: style at %v = %q, want %q", i, pos, got, want)
					}
				}
				if t.Failed() {
					t.Fatalf("step %d (%+v) wrote %q", i, st, rt.last)
				}
			}
		})
	}
}

// TestRenderTypingAtEndBytes: typing an ASCII character at the end writes
// just that character, except when it fills the row.
func TestRenderTypingAtEndBytes(t *testing.T) {
	for _, cols := range []int{80, 13} {
		rt := newRTerm(t, cols, 10)
		text := ""
		rt.render(Frame{Prompt: "$ ", Text: text})
		for i := range 100 {
			text += string(rune('a' + i%26))
			out := rt.render(Frame{Prompt: "$ ", Text: text, Cursor: len(text)})
			full := (2+len(text))%cols == 0
			if !full && out != text[len(text)-1:] {
				t.Fatalf("cols %d: typing %q at the end of %q wrote %q", cols, text[len(text)-1:], text[:len(text)-1], out)
			}
			if full && len(out) > 3 {
				t.Fatalf("cols %d: typing into the last column wrote %q", cols, out)
			}
		}
		lines := rt.s.Lines()
		if got := strings.Join(lines, ""); got != "$ "+text {
			t.Fatalf("cols %d: screen %q", cols, lines)
		}
	}
}

// TestRenderMiddleInsertBytes: inserting or deleting a character in the
// middle of a 200-character line that does not wrap writes a few bytes.
func TestRenderMiddleInsertBytes(t *testing.T) {
	rt := newRTerm(t, 250, 5)
	base := strings.Repeat("0123456789", 20)
	rt.render(Frame{Prompt: "$ ", Text: base, Cursor: 100})
	ins := base[:100] + "X" + base[100:]
	for i, f := range []Frame{
		{Prompt: "$ ", Text: ins, Cursor: 101},                             // insert
		{Prompt: "$ ", Text: base, Cursor: 100},                            // backspace
		{Prompt: "$ ", Text: base[:100] + base[101:], Cursor: 100},         // delete
		{Prompt: "$ ", Text: base, Cursor: 100},                            // undo
		{Prompt: "$ ", Text: base[:100] + "XYZ" + base[100:], Cursor: 103}, // paste
	} {
		out := rt.render(f)
		if len(out) > 10 {
			t.Errorf("edit %d wrote %d bytes: %q", i, len(out), out)
		}
		if got := rt.s.Line(0); got != "$ "+f.Text {
			t.Errorf("edit %d: screen %q", i, got)
		}
	}
}

// TestRenderIdempotent: drawing the same frame again writes nothing.
func TestRenderIdempotent(t *testing.T) {
	rt := newRTerm(t, 10, 8)
	f := Frame{Prompt: "\x1b[1m$\x1b[0m ", Text: "hello 中文 world\nline", Cursor: 4, Hint: "hint", Below: []string{"a", "b"}}
	rt.render(f)
	if out := rt.render(f); out != "" {
		t.Fatalf("redrawing the same frame wrote %q", out)
	}
}

type failWriter struct{ fail bool }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.fail {
		return 0, errors.New("broken")
	}
	return len(p), nil
}

// TestRenderWriteError: after a failed write the next Render redraws all.
func TestRenderWriteError(t *testing.T) {
	w := &failWriter{}
	r := NewRenderer(w, 20)
	if err := r.Render(Frame{Prompt: "$ ", Text: "abc", Cursor: 3}); err != nil {
		t.Fatal(err)
	}
	w.fail = true
	if err := r.Render(Frame{Prompt: "$ ", Text: "abcd", Cursor: 4}); err == nil {
		t.Fatal("no error from a failing writer")
	}
	w.fail = false
	var buf bytes.Buffer
	r.w = &buf
	if err := r.Render(Frame{Prompt: "$ ", Text: "abcd", Cursor: 4}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\x1b[J$ abcd") {
		t.Fatalf("after an error the frame was not redrawn: %q", buf.String())
	}
}

// TestRenderStylesReset: styled cells are always followed by a reset, so
// nothing written after the renderer is coloured.
func TestRenderStylesReset(t *testing.T) {
	rt := newRTerm(t, 20, 4)
	for _, f := range []Frame{
		{Prompt: "\x1b[31m$ ", Text: "a", Cursor: 1},
		{Prompt: "\x1b[31m$ ", Text: "ab", Cursor: 2, Hint: "cd"},
		{Prompt: "\x1b[31m$ ", Text: "ab", Cursor: 2, Below: []string{"\x1b[44mmenu"}},
	} {
		out := rt.render(f)
		lastSGR := ""
		for j := 0; j < len(out); j++ {
			if n, k := dispEscapeLen(out[j:]); n > 0 {
				if k == dispEscSGR {
					lastSGR = out[j : j+n]
				}
				j += n - 1
			}
		}
		if lastSGR != "" && lastSGR != "\x1b[0m" {
			t.Errorf("render of %+v ended with SGR %q: %q", f, lastSGR, out)
		}
	}
	rt.s.WriteString("\r\n\r\nplain")
	row, _ := rt.s.Cursor()
	if st := rt.s.StyleAt(row, 0); st != "" {
		t.Errorf("text written after the renderer has style %q", st)
	}
}

// TestRenderNoAbsoluteMoves: the renderer never positions the cursor
// absolutely, except to clear the screen.
func TestRenderNoAbsoluteMoves(t *testing.T) {
	var buf bytes.Buffer
	r := NewRenderer(&buf, 12)
	frames := []Frame{
		{Prompt: "$ ", Text: "hello world and more", Cursor: 3},
		{Prompt: "$ ", Text: "hello", Cursor: 0, Below: []string{"x", "y"}},
		{Prompt: "$ ", Text: "hello\nworld", Cursor: 8},
	}
	for _, f := range frames {
		if err := r.Render(f); err != nil {
			t.Fatal(err)
		}
	}
	r.Resize(7)
	_ = r.Render(frames[0])
	_ = r.Finish()
	out := buf.String()
	for i := 0; i < len(out); i++ {
		if n, _ := dispEscapeLen(out[i:]); n > 0 {
			seq := out[i : i+n]
			if f := seq[len(seq)-1]; strings.HasPrefix(seq, "\x1b[") && strings.IndexByte("HfdG`", f) >= 0 {
				t.Errorf("absolute move %q in %q", seq, out)
			}
			i += n - 1
		}
	}
}

// The fuzz test's building blocks. Characters are ones the terminal
// emulator and uniseg agree on the width of.
var (
	fuzzChars = []string{
		"a", "b", "c", " ", "x", "中", "文", "e\u0301", "👩\u200d💻", "\t", "\n",
		"\x01", "\x7f", "é", "ﾃ", "\u200b", "\u0301", "\xff", "🇺🇸", "\x1b", "ab", "中a",
	}
	fuzzPrompts = []string{
		"", "$ ", "\x1b[1;32m$\x1b[0m ", "\001\x1b[34m\002user\001\x1b[0m\002> ", "multi\nline> ",
		"中> ", "0123456789abcdefghij$ ", "\x1b[31mred no reset ", "\001\x1b]0;title\a\002t> ",
	}
	fuzzHints  = []string{"", "tatus", "\x1b[4mu\x1b[0mx", "中文", "x\ny"}
	fuzzBelows = [][]string{
		nil, {"a b c"}, {"\x1b[7mselected\x1b[0m other", ""},
		{"a long line that wraps around the screen several times"}, {"中文中文中文", "x"},
	}
)

var screenPool = sync.Pool{New: func() any { return vtscreen.New(2, 2) }}

// fuzzInput hands out the bytes of a fuzz input as small numbers.
type fuzzInput struct {
	data []byte
}

func (in *fuzzInput) next(n int) int {
	if len(in.data) == 0 {
		return 0
	}
	b := int(in.data[0])
	in.data = in.data[1:]
	return b % n
}

// screenState is what the test knows of the screen between steps.
type screenState struct {
	top    int      // the frame's first row, -1 if unknown
	rows   int      // the frame's rows
	above  []string // the rows above top as they must stay
	exempt bool     // the rows above may change (after a resize)
	drawn  bool     // the renderer's last frame is on the screen
	reach  int      // one past the lowest row anything was drawn on
}

// lines returns the first n rows of the screen.
func screenLines(s *vtscreen.Screen, n int) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = s.Line(i)
	}
	return lines
}

// runRenderScript renders the frames and does the operations data
// describes on a virtual terminal, and after each step checks that the
// screen shows exactly the laid-out frame, with its styles, below the rows
// that were there before, and the cursor where the layout says.
func runRenderScript(t *testing.T, data []byte) {
	in := &fuzzInput{data: data}
	cols := 2 + in.next(38)
	const height = 300
	s := screenPool.Get().(*vtscreen.Screen)
	defer screenPool.Put(s)
	s.Reset(cols, height)
	rt := &rterm{t: t, s: s}
	rt.r = NewRenderer(&rt.out, cols)
	styleCache := map[string]string{}
	st := screenState{top: 0}
	finishes := 0
	var f Frame
	for step := 0; step < 40 && len(in.data) > 0; step++ {
		op := in.next(20)
		switch {
		case op < 14: // a frame
			var b strings.Builder
			for range in.next(30) {
				b.WriteString(fuzzChars[in.next(len(fuzzChars))])
			}
			f = Frame{
				Prompt: fuzzPrompts[in.next(len(fuzzPrompts))],
				Text:   b.String(),
				Hint:   fuzzHints[in.next(len(fuzzHints))],
				Below:  fuzzBelows[in.next(len(fuzzBelows))],
			}
			if op < 7 { // mostly typing-like edits of the last text
				f.Prompt = fuzzPrompts[1]
				f.Hint, f.Below = "", nil
			}
			f.Cursor = len(f.Text)
			if in.next(2) == 0 && len(f.Text) > 0 {
				f.Cursor = in.next(len(f.Text) + 1)
			}
			rt.render(f)
			checkFrame(t, rt, f, &st, styleCache)
		case op < 16: // resize
			cols = 2 + in.next(38)
			rt.s.Resize(cols, height)
			rt.r.Resize(cols)
			st.above = screenLines(rt.s, max(st.top, 0))
			st.exempt, st.drawn = true, false
		case op == 16: // accept-line
			if finishes >= 3 || st.top < 0 {
				continue
			}
			finishes++
			if err := rt.r.Finish(); err != nil {
				t.Fatal(err)
			}
			rt.feed()
			if row, col := rt.s.Cursor(); col != 0 || (!st.exempt && row != st.top+st.rows) {
				t.Fatalf("after Finish the cursor is at %d,%d; the frame was rows %d+%d", row, col, st.top, st.rows)
			}
			row, _ := rt.s.Cursor()
			st = screenState{top: row, above: screenLines(rt.s, row), reach: st.reach}
		case op == 17:
			if err := rt.r.ClearScreen(); err != nil {
				t.Fatal(err)
			}
			rt.feed()
			st = screenState{top: 0, reach: st.reach}
		case op == 18: // something else wrote a line
			rt.s.WriteString("\r\nother output\r\n")
			rt.r.Invalidate()
			row, _ := rt.s.Cursor()
			st = screenState{top: row, above: screenLines(rt.s, row), reach: max(st.reach, row+1)}
		default: // the same frame again: nothing to write if it is drawn
			drawn := st.drawn
			if out := rt.render(f); drawn && out != "" {
				t.Fatalf("drawing the same frame again wrote %q", out)
			}
			checkFrame(t, rt, f, &st, styleCache)
		}
		if row, _ := rt.s.Cursor(); row > height-120 {
			return
		}
	}
}

// checkFrame checks the screen after f was rendered.
func checkFrame(t *testing.T, rt *rterm, f Frame, st *screenState, styleCache map[string]string) {
	t.Helper()
	cols, height := rt.s.Size()
	l := LayoutFrame(f, cols)
	crow, ccol := rt.s.Cursor()
	top := crow - l.CursorRow
	st.reach = min(height, max(st.reach, top+len(l.Rows))+2)
	lines := screenLines(rt.s, st.reach)
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("frame %+v at %d columns, last write %q:\n%s\nscreen:\n%s", f, cols, rt.last,
			fmt.Sprintf(format, args...), rt.s.Picture(true))
	}
	if ccol != l.CursorCol {
		fail("cursor column %d, want %d", ccol, l.CursorCol)
	}
	switch {
	case st.exempt:
		if top > st.top || top < 0 {
			fail("after a resize the frame starts on row %d, it was on row %d", top, st.top)
		}
		st.above = st.above[:top]
	case top != st.top:
		fail("the frame moved from row %d to row %d", st.top, top)
	}
	for i, want := range st.above {
		if lines[i] != want {
			fail("row %d above the frame is %q, was %q", i, lines[i], want)
		}
	}
	want := l.Lines()
	for i, w := range want {
		if got := lines[top+i]; got != w {
			fail("frame row %d is %q, want %q", i, got, w)
		}
		col := 0
		for _, c := range l.Rows[i].Cells {
			text, width := rt.s.CellAt(top+i, col)
			if text != c.Text || width != c.Width {
				fail("cell %d,%d is %q (width %d), want %q (width %d)", i, col, text, width, c.Text, c.Width)
			}
			ws, ok := styleCache[c.Style]
			if !ok {
				ws = vtscreen.Style(c.Style)
				styleCache[c.Style] = ws
			}
			if got := rt.s.StyleAt(top+i, col); got != ws {
				fail("cell %d,%d %q has style %q, want %q", i, col, c.Text, got, ws)
			}
			col += c.Width
		}
	}
	for i := top + len(want); i < len(lines); i++ {
		if lines[i] != "" {
			fail("row %d below the frame holds %q", i, lines[i])
		}
	}
	st.top, st.rows, st.exempt, st.drawn = top, len(want), false, true
	st.above = lines[:top]
}

func FuzzRender(f *testing.F) {
	f.Add([]byte("\x08\x00\x05abcde\x00\x00\x00\x00"))
	f.Add([]byte("\x0a\x01\x0a\x05\x06\x07\x08\x09\x0a\x0b\x00\x00\x00\x00\x02\x03\x10\x0e\x05"))
	f.Add([]byte{30, 9, 20, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 2, 1, 3, 4, 1, 14, 3, 9, 20, 5})
	f.Add([]byte{4, 10, 12, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 2, 4, 1, 16, 10, 12, 8})
	f.Add([]byte{12, 13, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 4, 3, 2, 1, 0, 15, 5, 0, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		runRenderScript(t, data)
	})
}

// TestRenderRandomScripts runs the fuzz test's checks on a few thousand
// pseudo-random scripts, so that a plain go test covers them too.
func TestRenderRandomScripts(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	seed := uint64(1)
	for i := range n {
		data := make([]byte, 60+i%200)
		for j := range data {
			seed = seed*6364136223846793005 + 1442695040888963407
			data[j] = byte(seed >> 56)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { runRenderScript(t, data) })
		if t.Failed() {
			t.Logf("script: %q", data)
			return
		}
	}
}
