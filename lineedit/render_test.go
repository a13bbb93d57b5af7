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

// renderTerm is a Renderer drawing on a virtual terminal.
type renderTerm struct {
	t    testing.TB
	s    *vtscreen.Screen
	r    *Renderer
	out  bytes.Buffer
	last string // the bytes of the last call
	// expect returns what the screen must show for f; LayoutFrame when nil.
	expect func(f Frame, cols int) *Layout
}

func newRenderTerm(t testing.TB, cols, rows int) *renderTerm {
	rt := &renderTerm{t: t, s: vtscreen.New(cols, rows)}
	rt.r = NewRenderer(&rt.out, cols)
	return rt
}

func (rt *renderTerm) feed() string {
	rt.last = rt.out.String()
	_, _ = rt.s.Write(rt.out.Bytes())
	rt.out.Reset()
	return rt.last
}

func (rt *renderTerm) render(f Frame) string {
	rt.t.Helper()
	if err := rt.r.Render(f); err != nil {
		rt.t.Fatal(err)
	}
	return rt.feed()
}

// step is one thing done to a Renderer in a scenario.
type renderStep struct {
	frame    *Frame
	op       string // "resize N", "finish", "clear", "invalidate", "dumb", "nodumb", "write TEXT"
	want     string // the picture after the step (see vtscreen.WantScreen); "" to skip
	maxBytes int    // if > 0, the step writes at most this many bytes
	styles   map[[2]int]string
}

func frameAt(prompt, text string, cursor int) *Frame {
	if cursor < 0 {
		cursor = len(text)
	}
	return &Frame{Prompt: prompt, Text: text, Cursor: cursor}
}

func (rt *renderTerm) do(st renderStep) {
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
		steps      []renderStep
	}{
		{"typing at the end", 20, 4, []renderStep{
			{frame: frameAt("$ ", "", 0), want: "$ ▌"},
			{frame: frameAt("$ ", "l", -1), want: "$ l▌", maxBytes: 1},
			{frame: frameAt("$ ", "ls", -1), want: "$ ls▌", maxBytes: 1},
			{frame: frameAt("$ ", "ls ", -1), want: "$ ls ▌", maxBytes: 1},
			{frame: frameAt("$ ", "ls -", -1), want: "$ ls -▌", maxBytes: 1},
		}},
		{"wrapping exactly at the width", 10, 4, []renderStep{
			{frame: frameAt("$ ", "abcdefg", -1), want: "$ abcdefg▌"},
			{frame: frameAt("$ ", "abcdefgh", -1), want: "$ abcdefgh\n▌", maxBytes: 3},
			{frame: frameAt("$ ", "abcdefghi", -1), want: "$ abcdefgh\ni▌", maxBytes: 1},
			{frame: frameAt("$ ", "abcdefgh", -1), want: "$ abcdefgh\n▌"},
			{frame: frameAt("$ ", "abcdefg", -1), want: "$ abcdefg▌"},
			{frame: frameAt("$ ", "abcdefgh", 7), want: "$ abcdefg▌h"},
			{frame: frameAt("$ ", "abcdefghijklmnopqr", -1), want: "$ abcdefgh\nijklmnopqr\n▌"},
			{frame: frameAt("$ ", "abcdefghijklmnopqr", 0), want: "$ ▌abcdefgh\nijklmnopqr"},
		}},
		{"inserting and deleting in the middle", 40, 3, []renderStep{
			{frame: frameAt("$ ", "echo hello world", -1)},
			{frame: frameAt("$ ", "echo hello world", 10), want: "$ echo hello▌ world", maxBytes: 4},
			{frame: frameAt("$ ", "echo hello, world", 11), want: "$ echo hello,▌ world", maxBytes: 6},
			{frame: frameAt("$ ", "echo hello world", 10), want: "$ echo hello▌ world", maxBytes: 6},
			{frame: frameAt("$ ", "echo world", 5), want: "$ echo ▌world", maxBytes: 10},
			{frame: frameAt("$ ", "echo big world", 9), want: "$ echo big ▌world", maxBytes: 10},
		}},
		{"inserting in a wrapped line shifts every row", 10, 5, []renderStep{
			{frame: frameAt("> ", "abcdefghijklmnopqrstuvwxyz", 3)},
			{frame: frameAt("> ", "abcXdefghijklmnopqrstuvwxyz", 4), want: "> abcX▌defg\nhijklmnopq\nrstuvwxyz", maxBytes: 40},
			{frame: frameAt("> ", "abcdefghijklmnopqrstuvwxyz", 3), want: "> abc▌defgh\nijklmnopqr\nstuvwxyz", maxBytes: 40},
			{frame: frameAt("> ", "abcdefghijklmnopqrstuvw", 3), want: "> abc▌defgh\nijklmnopqr\nstuvw"},
			{frame: frameAt("> ", "abcdefghijklmnop", 3), want: "> abc▌defgh\nijklmnop"},
		}},
		{"CJK at the wrap edge", 10, 4, []renderStep{
			{frame: frameAt("$ ", "中文中文", -1), want: "$ 中文中文\n▌"},
			{frame: frameAt("$ ", "中文中文中", -1), want: "$ 中文中文\n中▌"},
			{frame: frameAt("$ ", "a中文中文", -1), want: "$ a中文中\n文▌"},
			{frame: frameAt("$ ", "a中文中文", 1), want: "$ a▌中文中\n文"},
			{frame: frameAt("$ ", "中文中文", 0), want: "$ ▌中文中文"},
			{frame: frameAt("$ ", "ab中文中文", 4), want: "$ ab▌中文中\n文"},
			{frame: frameAt("$ ", "ab中文中文", 8), want: "$ ab中文▌中\n文"},
		}},
		{"combining marks", 20, 3, []renderStep{
			{frame: frameAt("$ ", "cafe", -1), want: "$ cafe▌"},
			{frame: frameAt("$ ", "cafe\u0301", -1), want: "$ cafe\u0301▌"},
			{frame: frameAt("$ ", "cafe\u0301s", -1), want: "$ cafe\u0301s▌"},
			{frame: frameAt("$ ", "cafe\u0301s", 3), want: "$ caf▌e\u0301s"},
			{frame: frameAt("$ ", "\u0301x", -1), want: "$ <301>x▌"},
		}},
		{"emoji ZWJ sequences", 10, 3, []renderStep{
			{frame: frameAt("$ ", "hi ", -1), want: "$ hi ▌"},
			{frame: frameAt("$ ", "hi 👩\u200d💻", -1), want: "$ hi 👩\u200d💻▌"},
			{frame: frameAt("$ ", "hi 👩\u200d💻!", -1), want: "$ hi 👩\u200d💻!▌"},
			{frame: frameAt("$ ", "hi 👨\u200d👩\u200d👧 👩\u200d💻!", -1), want: "$ hi 👨\u200d👩\u200d👧 👩\u200d💻\n!▌"},
			{frame: frameAt("$ ", "hi 👨\u200d👩\u200d👧 👩\u200d💻!", 3), want: "$ hi ▌👨\u200d👩\u200d👧 👩\u200d💻\n!"},
		}},
		{"coloured prompt with markers", 20, 3, []renderStep{
			{frame: frameAt(colour, "ls", -1), want: "user:~$ ls▌", styles: map[[2]int]string{
				{0, 0}: "\x1b[1;32m", {0, 3}: "\x1b[1;32m", {0, 4}: "", {0, 5}: blue, {0, 6}: "", {0, 8}: ""}},
			{frame: frameAt(strings.Replace(colour, "~", "/tmp", 1), "ls", -1), want: "user:/tmp$ ls▌", styles: map[[2]int]string{
				{0, 0}: "\x1b[1;32m", {0, 4}: "", {0, 5}: blue, {0, 8}: blue, {0, 9}: "", {0, 11}: ""}},
		}},
		{"redrawing the middle of a coloured prompt re-emits its state", 30, 3, []renderStep{
			{frame: frameAt(green+"ab"+bold+"cd\x1b[0m> ", "x", -1), want: "abcd> x▌"},
			{frame: frameAt(green+"ab"+bold+"cX\x1b[0m> ", "x", -1), want: "abcX> x▌", styles: map[[2]int]string{
				{0, 0}: green, {0, 2}: green + bold, {0, 3}: green + bold, {0, 4}: "", {0, 6}: ""}},
		}},
		{"a prompt colour left on colours the text", 20, 3, []renderStep{
			{frame: frameAt(green+"$ ", "ab", -1), want: "$ ab▌", styles: map[[2]int]string{{0, 2}: green, {0, 3}: green}},
		}},
		{"multi-line prompt", 12, 5, []renderStep{
			{frame: frameAt("~/src/gosh\n$ ", "", 0), want: "~/src/gosh\n$ ▌"},
			{frame: frameAt("~/src/gosh\n$ ", "make test", -1), want: "~/src/gosh\n$ make test▌"},
			{frame: frameAt("~/src/gosh\n$ ", "make test all", -1), want: "~/src/gosh\n$ make test\nall▌"},
			{frame: frameAt("~/src/gosh/lineedit\n$ ", "make", -1), want: "~/src/gosh/l\nineedit\n$ make▌"},
			{frame: frameAt("~\n$ ", "make", 0), want: "~\n$ ▌make"},
		}},
		{"text with newlines", 20, 6, []renderStep{
			{frame: frameAt("$ ", "for i in 1 2\ndo", -1), want: "$ for i in 1 2\ndo▌"},
			{frame: frameAt("$ ", "for i in 1 2\ndo\n", -1), want: "$ for i in 1 2\ndo\n▌"},
			{frame: frameAt("$ ", "for i in 1 2\ndo\necho $i", -1), want: "$ for i in 1 2\ndo\necho $i▌"},
			{frame: frameAt("$ ", "for i in 1 2\ndo\necho $i", 3), want: "$ for▌ i in 1 2\ndo\necho $i"},
			{frame: frameAt("$ ", "for i in 1 2do\necho $i", 14), want: "$ for i in 1 2do▌\necho $i"},
			{frame: frameAt("$ ", "for i in 1 2", -1), want: "$ for i in 1 2▌"},
		}},
		{"hint", 20, 3, []renderStep{
			{frame: &Frame{Prompt: "$ ", Text: "git s", Cursor: 5, Hint: "tatus"}, want: "$ git s▌tatus",
				styles: map[[2]int]string{{0, 6}: "", {0, 7}: "\x1b[2m", {0, 11}: "\x1b[2m"}},
			{frame: &Frame{Prompt: "$ ", Text: "git st", Cursor: 6, Hint: "atus"}, want: "$ git st▌atus", maxBytes: 1,
				styles: map[[2]int]string{{0, 7}: "", {0, 8}: "\x1b[2m"}},
			{frame: &Frame{Prompt: "$ ", Text: "git sta", Cursor: 7, Hint: "tus --short"}, want: "$ git sta▌tus --short"},
			{frame: &Frame{Prompt: "$ ", Text: "git sta", Cursor: 7}, want: "$ git sta▌"},
		}},
		{"Below lines appearing and disappearing", 20, 6, []renderStep{
			{frame: frameAt("$ ", "git ch", -1), want: "$ git ch▌"},
			{frame: &Frame{Prompt: "$ ", Text: "git ch", Cursor: 6, Below: []string{"checkout  cherry", "cherry-pick"}},
				want: "$ git ch▌\ncheckout  cherry\ncherry-pick"},
			{frame: &Frame{Prompt: "$ ", Text: "git che", Cursor: 7, Below: []string{"checkout  cherry", "cherry-pick"}},
				want: "$ git che▌\ncheckout  cherry\ncherry-pick", maxBytes: 1},
			{frame: &Frame{Prompt: "$ ", Text: "git chec", Cursor: 8, Below: []string{"\x1b[7mcheckout\x1b[0m"}},
				want: "$ git chec▌\ncheckout", styles: map[[2]int]string{{1, 0}: "\x1b[7m", {1, 7}: "\x1b[7m", {1, 8}: ""}},
			{frame: frameAt("$ ", "git checkout", -1), want: "$ git checkout▌"},
		}},
		{"shrinking text leaves nothing behind", 10, 5, []renderStep{
			{frame: frameAt("$ ", "abcdefghijklmnopqrstuvwxyz", -1), want: "$ abcdefgh\nijklmnopqr\nstuvwxyz▌"},
			{frame: frameAt("$ ", "abc", -1), want: "$ abc▌"},
			{frame: frameAt("$ ", "", 0), want: "$ ▌"},
			{frame: frameAt("$ ", "中文中文中文中文中文", -1), want: "$ 中文中文\n中文中文中\n文▌"},
			{frame: frameAt("$ ", "ab", -1), want: "$ ab▌"},
		}},
		{"resize narrower", 20, 5, []renderStep{
			{frame: frameAt("$ ", "echo hello world", -1), want: "$ echo hello world▌"},
			{op: "resize 10"},
			{frame: frameAt("$ ", "echo hello world", -1), want: "$ echo hel\nlo world▌"},
			{frame: frameAt("$ ", "echo hello world!", -1), want: "$ echo hel\nlo world!▌"},
		}},
		{"resize wider", 10, 5, []renderStep{
			{frame: frameAt("$ ", "echo hello world", -1), want: "$ echo hel\nlo world▌"},
			{op: "resize 30"},
			{frame: frameAt("$ ", "echo hello world", -1), want: "$ echo hello world▌"},
			{frame: frameAt("$ ", "echo hello world", 2), want: "$ ec▌ho hello world"},
		}},
		{"resize keeps what is above the frame when it can", 10, 6, []renderStep{
			{op: "write previous\r\noutput\r\n"},
			{frame: frameAt("$ ", "echo hello world", 3), want: "previous\noutput\n$ ech▌o hel\nlo world"},
			{op: "resize 20"},
			{frame: frameAt("$ ", "echo hello world", 3), want: "previous\noutput\n$ ech▌o hello world"},
		}},
		// Narrowing: a terminal that re-wraps lines (most do) moves the
		// frame's first row up; this emulator, like xterm, cuts the rows
		// instead. The renderer clears from as high as either needs, so no
		// piece of the old frame is left; here that takes the row above.
		{"resize narrower with output above", 20, 6, []renderStep{
			{op: "write previous\r\noutput\r\n"},
			{frame: frameAt("$ ", "echo hello world", -1), want: "previous\noutput\n$ echo hello world▌"},
			{op: "resize 10"},
			{frame: frameAt("$ ", "echo hello world", -1), want: "previous\n$ echo hel\nlo world▌"},
		}},
		{"clear screen", 20, 5, []renderStep{
			{op: "write junk\r\nmore junk\r\n"},
			{frame: frameAt("$ ", "ls", -1), want: "junk\nmore junk\n$ ls▌"},
			{op: "clear"},
			{frame: frameAt("$ ", "ls", -1), want: "$ ls▌"},
			{frame: frameAt("$ ", "ls -l", -1), want: "$ ls -l▌"},
		}},
		{"finish then a new frame", 20, 6, []renderStep{
			{frame: &Frame{Prompt: "$ ", Text: "echo hi", Cursor: 2}, want: "$ ec▌ho hi"},
			{op: "finish", want: "$ echo hi\n▌"},
			{op: "write hi\r\n"},
			{frame: frameAt("$ ", "", 0), want: "$ echo hi\nhi\n$ ▌"},
			{frame: frameAt("$ ", "exit", -1), want: "$ echo hi\nhi\n$ exit▌"},
		}},
		{"finish below a multi-row frame", 10, 6, []renderStep{
			{frame: &Frame{Prompt: "$ ", Text: "abcdefghijk", Cursor: 0}, want: "$ ▌abcdefgh\nijk"},
			{op: "finish", want: "$ abcdefgh\nijk\n▌"},
		}},
		{"invalidate redraws on the current row", 20, 6, []renderStep{
			{frame: frameAt("$ ", "make", -1), want: "$ make▌"},
			{op: "write \r\nsomething else wrote this\r\n"},
			{op: "invalidate"},
			{frame: frameAt("$ ", "make", -1), want: "$ make\nsomething else wrote\n this\n$ make▌"},
		}},
		{"control characters and tabs", 30, 3, []renderStep{
			{frame: frameAt("$ ", "a\x01b\x7fc", -1), want: "$ a^Ab^?c▌"},
			{frame: frameAt("$ ", "a\tb", -1), want: "$ a     b▌"},
			{frame: frameAt("$ ", "a\tb", 1), want: "$ a▌     b"},
			{frame: frameAt("$ ", "\x1b[31mred", -1), want: "$ ^[[31mred▌"},
			{frame: frameAt("$ ", "bad\xffbyte", -1), want: "$ bad\\377byte▌"},
		}},
		{"moving the cursor only", 30, 3, []renderStep{
			{frame: frameAt("$ ", "echo hello", -1)},
			{frame: frameAt("$ ", "echo hello", 9), want: "$ echo hell▌o", maxBytes: 1},
			{frame: frameAt("$ ", "echo hello", 0), want: "$ ▌echo hello", maxBytes: 4},
			{frame: frameAt("$ ", "echo hello", 10), want: "$ echo hello▌", maxBytes: 5},
		}},
		{"dumb terminal", 12, 3, []renderStep{
			{op: "dumb"},
			{frame: frameAt("$ ", "", 0), want: "$ ▌"},
			{frame: frameAt("$ ", "abc", -1), want: "$ abc▌", maxBytes: 3},
			{frame: frameAt("$ ", "abcd", -1), want: "$ abcd▌", maxBytes: 1},
			{frame: frameAt("$ ", "abcd", 1), want: "$ a▌bcd", maxBytes: 3},
			{frame: frameAt("$ ", "aXbcd", 2), want: "$ aX▌bcd"},
			{frame: frameAt("$ ", "abcdefghijklmnop", -1), want: "<lmnop▌"}, // the cursor two thirds across, as readline
			{frame: frameAt("$ ", "abcdefghijklmnop", 0), want: "$ ▌abcdefgh>"},
			{frame: frameAt("$ ", "ab", -1), want: "$ ab▌"},
			{op: "finish", want: "$ ab\n▌"},
			{frame: frameAt("line1\n> ", "x", -1), want: "$ ab\nline1\n> x▌"},
			{op: "write \rjunk!"},
			{op: "invalidate"},
			{frame: frameAt("> ", "y", -1), want: "$ ab\nline1\n> y▌"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt := newRenderTerm(t, tc.cols, tc.rows)
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
		rt := newRenderTerm(t, cols, 10)
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
	rt := newRenderTerm(t, 250, 5)
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
	rt := newRenderTerm(t, 10, 8)
	f := Frame{Prompt: "\x1b[1m$\x1b[0m ", Text: "hello 中文 world\nline", Cursor: 4, Hint: "hint", Below: []string{"a", "b"}}
	rt.render(f)
	if out := rt.render(f); out != "" {
		t.Fatalf("redrawing the same frame wrote %q", out)
	}
}

type renderFailWriter struct{ fail bool }

func (w *renderFailWriter) Write(p []byte) (int, error) {
	if w.fail {
		return 0, errors.New("broken")
	}
	return len(p), nil
}

// TestRenderWriteError: after a failed write the next Render redraws all.
func TestRenderWriteError(t *testing.T) {
	w := &renderFailWriter{}
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
	rt := newRenderTerm(t, 20, 4)
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

// Decorations of the frames of decorated render scripts.
var (
	fuzzConts      = []string{"", "> ", "\001\x1b[2m\002..\001\x1b[0m\002 ", "中> "}
	fuzzRights     = []string{"", "[1]", "\x1b[31m✘ 1\x1b[0m 5s", "a wide right prompt 中文"}
	fuzzHintStyles = []string{"", "\x1b[36m", "\x1b[2;3m"}
	fuzzWordStyles = []string{"", "\x1b[32m", "\x1b[1;31m", "\x1b[4m"}
)

// fuzzHighlight colours each word of text (bytes between spaces and
// newlines) by its length.
func fuzzHighlight(text string) []StyleSpan {
	var spans []StyleSpan
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != ' ' && text[i] != '\n' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if st := fuzzWordStyles[(i-start)%len(fuzzWordStyles)]; st != "" {
				spans = append(spans, StyleSpan{Start: start, End: i, Style: st})
			}
			start = -1
		}
	}
	return spans
}

var vtScreenPool = sync.Pool{New: func() any { return vtscreen.New(2, 2) }}

// renderFuzzInput hands out the bytes of a fuzz input as small numbers.
type renderFuzzInput struct {
	data []byte
}

func (in *renderFuzzInput) next(n int) int {
	if len(in.data) == 0 {
		return 0
	}
	b := int(in.data[0])
	in.data = in.data[1:]
	return b % n
}

// renderScreenState is what the test knows of the screen between steps.
type renderScreenState struct {
	top    int      // the frame's first row, -1 if unknown
	rows   int      // the frame's rows
	above  []string // the rows above top as they must stay
	exempt bool     // the rows above may change (after a resize)
	drawn  bool     // the renderer's last frame is on the screen
	reach  int      // one past the lowest row anything was drawn on
}

// lines returns the first n rows of the screen.
func vtLines(s *vtscreen.Screen, n int) []string {
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
	runRenderScriptWith(t, data, false)
}

// runRenderScriptWith runs a render script, with horizontal scrolling if
// hscroll.
func runRenderScriptWith(t *testing.T, data []byte, hscroll bool) {
	runRenderScriptMode(t, data, hscroll, false)
}

// runRenderScriptMode runs a render script; with decorate the frames
// have what the extension points add: the text highlighted word by word
// (so that typing recolours the cells before the cursor), a continuation
// prompt, a right prompt, a hint style.
func runRenderScriptMode(t *testing.T, data []byte, hscroll, decorate bool) {
	in := &renderFuzzInput{data: data}
	cols := 2 + in.next(38)
	const height = 300
	s := vtScreenPool.Get().(*vtscreen.Screen)
	defer vtScreenPool.Put(s)
	s.Reset(cols, height)
	rt := &renderTerm{t: t, s: s}
	rt.r = NewRenderer(&rt.out, cols)
	if hscroll {
		rt.r.SetHorizontalScroll(true)
		rt.expect = rt.hscrollExpect
	}
	styleCache := map[string]string{}
	st := renderScreenState{top: 0}
	finishes := 0
	var f, prev Frame
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
			if op < 9 { // an edit of the last frame, as typing makes
				f = fuzzEditFrame(in, prev)
			} else {
				f.Cursor = len(f.Text)
				if in.next(2) == 0 && len(f.Text) > 0 {
					f.Cursor = in.next(len(f.Text) + 1)
				}
			}
			if decorate {
				if op >= 9 || in.next(6) == 0 {
					f.Continuation = fuzzConts[in.next(len(fuzzConts))]
					f.Right = fuzzRights[in.next(len(fuzzRights))]
					f.HintStyle = fuzzHintStyles[in.next(len(fuzzHintStyles))]
				}
				f.Styles = fuzzHighlight(f.Text)
			}
			prev = f
			rt.render(f)
			if !checkFrame(t, rt, f, &st, styleCache) {
				return
			}
		case op < 16: // resize
			cols = 2 + in.next(38)
			rt.s.Resize(cols, height)
			rt.r.Resize(cols)
			st.above = vtLines(rt.s, max(st.top, 0))
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
			st = renderScreenState{top: row, above: vtLines(rt.s, row), reach: st.reach}
		case op == 17:
			if err := rt.r.ClearScreen(); err != nil {
				t.Fatal(err)
			}
			rt.feed()
			st = renderScreenState{top: 0, reach: st.reach}
		case op == 18: // something else wrote a line
			rt.s.WriteString("\r\nother output\r\n")
			rt.r.Invalidate()
			row, _ := rt.s.Cursor()
			st = renderScreenState{top: row, above: vtLines(rt.s, row), reach: max(st.reach, row+1)}
		default: // the same frame again: nothing to write if it is drawn
			drawn := st.drawn
			if out := rt.render(f); drawn && out != "" {
				t.Fatalf("drawing the same frame again wrote %q", out)
			}
			if !checkFrame(t, rt, f, &st, styleCache) {
				return
			}
		}
		if row, _ := rt.s.Cursor(); row > height-120 {
			return
		}
	}
}

// fuzzEditFrame returns prev edited as a keystroke would: a few characters
// inserted or deleted at a byte offset (not always a character boundary),
// or the cursor moved; sometimes the hint or the Below lines change too.
func fuzzEditFrame(in *renderFuzzInput, prev Frame) Frame {
	f := prev
	at := in.next(len(f.Text) + 1)
	switch in.next(4) {
	case 0, 1: // insert
		var b strings.Builder
		for range 1 + in.next(3) {
			b.WriteString(fuzzChars[in.next(len(fuzzChars))])
		}
		f.Text = f.Text[:at] + b.String() + f.Text[at:]
		at += b.Len()
	case 2: // delete
		n := min(1+in.next(4), len(f.Text)-at)
		f.Text = f.Text[:at] + f.Text[at+n:]
	}
	f.Cursor = at
	switch in.next(8) {
	case 0:
		f.Hint = fuzzHints[in.next(len(fuzzHints))]
	case 1:
		f.Below = fuzzBelows[in.next(len(fuzzBelows))]
	case 2:
		f.Prompt = fuzzPrompts[in.next(len(fuzzPrompts))]
	}
	return f
}

// emulatorAgrees reports whether the terminal emulator segments and
// measures the text of every row of l as uniseg does. Where they disagree
// (on sequences newer Unicode versions changed, as terminals do among
// themselves) the screen cannot show the layout, whatever the renderer does.
func emulatorAgrees(l *Layout) bool {
	scratch := vtScreenPool.Get().(*vtscreen.Screen)
	defer vtScreenPool.Put(scratch)
	for _, row := range l.Rows {
		ascii := true
		var b strings.Builder
		for _, c := range row.Cells {
			b.WriteString(c.Text)
			ascii = ascii && len(c.Text) == 1
		}
		if ascii {
			continue
		}
		scratch.Reset(l.Width+8, 1)
		scratch.WriteString(b.String())
		col := 0
		for _, c := range row.Cells {
			if text, w := scratch.CellAt(0, col); text != c.Text || w != c.Width {
				return false
			}
			col += c.Width
		}
	}
	return true
}

// checkFrame checks the screen after f was rendered. It returns false,
// checking nothing, if the emulator cannot show the frame as laid out.
func checkFrame(t *testing.T, rt *renderTerm, f Frame, st *renderScreenState, styleCache map[string]string) bool {
	t.Helper()
	cols, height := rt.s.Size()
	var l *Layout
	if rt.expect != nil {
		l = rt.expect(f, cols)
	} else {
		l = LayoutFrame(f, cols)
	}
	if !emulatorAgrees(l) {
		return false
	}
	crow, ccol := rt.s.Cursor()
	top := crow - l.CursorRow
	st.reach = min(height, max(st.reach, top+len(l.Rows))+2)
	lines := vtLines(rt.s, st.reach)
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
	return true
}

func FuzzRender(f *testing.F) {
	f.Add([]byte("\x08\x00\x05abcde\x00\x00\x00\x00"))
	f.Add([]byte("\x0a\x01\x0a\x05\x06\x07\x08\x09\x0a\x0b\x00\x00\x00\x00\x02\x03\x10\x0e\x05"))
	f.Add([]byte{30, 9, 20, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 2, 1, 3, 4, 1, 14, 3, 9, 20, 5})
	f.Add([]byte{4, 10, 12, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 2, 4, 1, 16, 10, 12, 8})
	f.Add([]byte{12, 13, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 4, 3, 2, 1, 0, 15, 5, 0, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	// Once garbled: uniseg and the emulator measure 👩‍🀋 differently.
	f.Add([]byte("00B000000000002000007002000000000000000000000000010000708180911900001\xce%00A\x1e01900\xfa0190000000B000000000g220"))
	f.Fuzz(func(t *testing.T, data []byte) {
		runRenderScript(t, data)
	})
}

// TestRenderRandomScripts runs the fuzz test's checks on a few thousand
// pseudo-random scripts, so that a plain go test covers them too.
func TestRenderRandomScripts(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 100
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

// TestRenderRandomDecorated runs the render scripts with highlighted
// text, continuation and right prompts and hint styles: the screen must
// show each frame as LayoutFrame lays it out from scratch, styles and all,
// whatever rows the renderer laid out again and wrote.
func TestRenderRandomDecorated(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 80
	}
	seed := uint64(7)
	for i := range n {
		data := make([]byte, 60+i%200)
		for j := range data {
			seed = seed*6364136223846793005 + 1442695040888963407
			data[j] = byte(seed >> 56)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { runRenderScriptMode(t, data, false, true) })
		if t.Failed() {
			t.Logf("script: %q", data)
			return
		}
	}
}

// FuzzRenderDecorated is FuzzRender with decorated frames.
func FuzzRenderDecorated(f *testing.F) {
	f.Add([]byte("\x08\x00\x05abcde\x00\x00\x00\x00"))
	f.Add([]byte{12, 13, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 4, 3, 2, 1, 0, 15, 5, 0, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		runRenderScriptMode(t, data, false, true)
	})
}

// runDumbScript renders frames in dumb mode and checks that no escape
// sequence is written and that the cursor's row shows the window of the
// line the renderer scrolled to: the line's cells in place, < and > where
// the line goes on, the last column free, the cursor on its character.
func runDumbScript(t *testing.T, data []byte) {
	in := &renderFuzzInput{data: data}
	cols := 2 + in.next(30)
	s := vtScreenPool.Get().(*vtscreen.Screen)
	defer vtScreenPool.Put(s)
	s.Reset(cols, 40)
	rt := &renderTerm{t: t, s: s}
	rt.r = NewRenderer(&rt.out, cols)
	rt.r.SetDumb(true)
	var f Frame
	for step := 0; step < 40 && len(in.data) > 0; step++ {
		switch op := in.next(10); {
		case op < 8:
			f = fuzzEditFrame(in, f)
			if op == 0 {
				f.Prompt = fuzzPrompts[in.next(len(fuzzPrompts))]
			}
			rt.render(f)
		case op == 8:
			cols = 2 + in.next(30)
			s.Resize(cols, 40)
			rt.r.Resize(cols)
			rt.render(f)
		default:
			if err := rt.r.Finish(); err != nil {
				t.Fatal(err)
			}
			rt.feed()
			rt.render(f)
		}
		if strings.ContainsRune(rt.last, 0x1b) {
			t.Fatalf("dumb mode wrote an escape: %q", rt.last)
		}
		checkDumb(t, rt, f, cols)
		if row, _ := s.Cursor(); row > 30 {
			return
		}
	}
}

func checkDumb(t *testing.T, rt *renderTerm, f Frame, cols int) {
	t.Helper()
	g := grid{tab: newCellTable()}
	g.layout(f, 1<<30, layoutOptions{plain: true, newlineAsCaret: true, noHint: true, noBelow: true})
	l := g.public()
	line := l.Rows[len(l.Rows)-1].Cells
	total := 0
	for _, c := range line {
		total += c.Width
	}
	if !emulatorAgrees(&Layout{Width: total, Rows: []Row{{Cells: line, Cols: total}}}) {
		t.SkipNow()
	}
	win := max(cols-1, 1)
	off := rt.r.lmargin
	row, ccol := rt.s.Cursor()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("dumb frame %+v at %d columns (offset %d), last write %q:\n%s\nscreen:\n%s", f, cols, off, rt.last,
			fmt.Sprintf(format, args...), rt.s.Picture(true))
	}
	if ccol != l.CursorCol-off || ccol < 0 || ccol >= win {
		fail("cursor in column %d, want %d", ccol, l.CursorCol-off)
	}
	left := off > 0 && win >= 3
	right := off+win < total && win >= 3
	col := 0
	for _, c := range line {
		for k := 0; k < c.Width; k++ {
			wc := col + k - off
			if wc < 0 || wc >= win {
				continue
			}
			text, _ := rt.s.CellAt(row, wc)
			switch {
			case wc == 0 && left:
				if text != "<" {
					fail("column 0 is %q, want <", text)
				}
			case wc == win-1 && right:
				if text != ">" {
					fail("column %d is %q, want >", wc, text)
				}
			case col < off+renderBoolInt(left) || col+c.Width > off+win-renderBoolInt(right):
				if text != " " {
					fail("column %d, a cut wide character, is %q", wc, text)
				}
			case k == 0 && text != c.Text:
				fail("column %d is %q, want %q", wc, text, c.Text)
			}
		}
		col += c.Width
	}
	if got := rt.s.Line(row); Width(got) > win {
		fail("the row %q is wider than %d columns", got, win)
	}
}

func renderBoolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func FuzzRenderDumb(f *testing.F) {
	f.Add([]byte{10, 0, 5, 0, 1, 2, 3, 0, 7, 1, 0, 0, 4, 0, 0, 20, 3, 1})
	f.Add([]byte{3, 1, 0, 1, 2, 8, 5, 9, 9, 0, 1, 6, 6, 6, 6, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		runDumbScript(t, data)
	})
}

func TestRenderDumbRandom(t *testing.T) {
	seed := uint64(99)
	n := 200
	if testing.Short() {
		n = 50
	}
	for i := range n {
		data := make([]byte, 40+i%150)
		for j := range data {
			seed = seed*6364136223846793005 + 1442695040888963407
			data[j] = byte(seed >> 56)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { runDumbScript(t, data) })
		if t.Failed() {
			t.Logf("script: %q", data)
			return
		}
	}
}
