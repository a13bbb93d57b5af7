package lineedit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

// runShortScreenScript renders frames, often taller than the screen, on
// a terminal a few rows high whose height the renderer knows, and checks
// after each that the screen shows the frame's rows around the cursor:
// every row of the frame that is on the screen as LayoutFrame lays it
// out, styles included, the cursor where the layout puts it, and nothing
// below the frame's last row.
func runShortScreenScript(t *testing.T, data []byte) {
	in := &renderFuzzInput{data: data}
	cols := 2 + in.next(30)
	height := 2 + in.next(7)
	s := vtScreenPool.Get().(*vtscreen.Screen)
	defer vtScreenPool.Put(s)
	s.Reset(cols, height)
	rt := &renderTerm{t: t, s: s}
	rt.r = NewRenderer(&rt.out, cols)
	rt.r.SetHeight(height)
	styleCache := map[string]string{}
	var f, prev Frame
	for step := 0; step < 40 && len(in.data) > 0; step++ {
		op := in.next(20)
		switch {
		case op < 16: // a frame
			var b strings.Builder
			for range in.next(30) * (1 + in.next(4)) {
				b.WriteString(fuzzChars[in.next(len(fuzzChars))])
			}
			f = Frame{
				Prompt: fuzzPrompts[in.next(len(fuzzPrompts))],
				Text:   b.String(),
				Hint:   fuzzHints[in.next(len(fuzzHints))],
				Below:  fuzzBelows[in.next(len(fuzzBelows))],
			}
			if op < 10 { // an edit of the last frame, as typing makes
				f = fuzzEditFrame(in, prev)
			} else {
				f.Cursor = len(f.Text)
				if in.next(2) == 0 && len(f.Text) > 0 {
					f.Cursor = in.next(len(f.Text) + 1)
				}
			}
			if in.next(2) == 0 {
				f.Styles = fuzzHighlight(f.Text)
			}
			prev = f
			rt.render(f)
			if !checkShortScreen(t, rt, f, styleCache) {
				return
			}
		case op == 16: // accept-line
			if err := rt.r.Finish(); err != nil {
				t.Fatal(err)
			}
			rt.feed()
		case op == 17:
			if err := rt.r.ClearScreen(); err != nil {
				t.Fatal(err)
			}
			rt.feed()
		case op == 18: // something else wrote a line
			rt.s.WriteString("\r\nother output\r\n")
			rt.r.Invalidate()
		default: // the same frame again
			rt.render(f)
			if !checkShortScreen(t, rt, f, styleCache) {
				return
			}
		}
	}
}

// checkShortScreen checks the screen after f was rendered (see
// runShortScreenScript). It returns false, checking nothing, if the
// emulator cannot show the frame as laid out.
func checkShortScreen(t *testing.T, rt *renderTerm, f Frame, styleCache map[string]string) bool {
	t.Helper()
	cols, height := rt.s.Size()
	l := LayoutFrame(f, cols)
	if !emulatorAgrees(l) {
		return false
	}
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("frame %+v at %dx%d, last write %q:\n%s\nscreen:\n%s", f, cols, height, rt.last,
			fmt.Sprintf(format, args...), rt.s.Picture(true))
	}
	crow, ccol := rt.s.Cursor()
	if ccol != l.CursorCol {
		fail("cursor column %d, want %d", ccol, l.CursorCol)
	}
	top := crow - l.CursorRow // the screen row of the frame's first row
	want := l.Lines()
	for y := max(top, 0); y < height; y++ {
		i := y - top
		got := rt.s.Line(y)
		if i >= len(want) {
			if got != "" {
				fail("row %d below the frame holds %q", y, got)
			}
			continue
		}
		if got != want[i] {
			fail("frame row %d (screen row %d) is %q, want %q", i, y, got, want[i])
		}
		col := 0
		for _, c := range l.Rows[i].Cells {
			ws, ok := styleCache[c.Style]
			if !ok {
				ws = vtscreen.Style(c.Style)
				styleCache[c.Style] = ws
			}
			if st := rt.s.StyleAt(y, col); st != ws {
				fail("cell %d,%d %q has style %q, want %q", i, col, c.Text, st, ws)
			}
			col += c.Width
		}
	}
	return true
}

// TestRenderShortScreen runs pseudo-random render scripts on terminals
// two to eight rows high, where frames are often taller than the screen.
func TestRenderShortScreen(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 100
	}
	seed := uint64(11)
	for i := range n {
		data := make([]byte, 60+i%200)
		for j := range data {
			seed = seed*6364136223846793005 + 1442695040888963407
			data[j] = byte(seed >> 56)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { runShortScreenScript(t, data) })
		if t.Failed() {
			t.Logf("script: %q", data)
			return
		}
	}
}

// FuzzRenderShortScreen is TestRenderShortScreen's check on fuzzed
// scripts.
func FuzzRenderShortScreen(f *testing.F) {
	f.Add([]byte("\x08\x00\x05abcde\x00\x00\x00\x00"))
	f.Add([]byte{12, 13, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 4, 3, 2, 1, 0, 15, 5, 0, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		runShortScreenScript(t, data)
	})
}
