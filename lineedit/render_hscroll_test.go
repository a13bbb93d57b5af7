package lineedit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

// TestRenderHScrollScenario follows readline's horizontal-scroll-mode on a
// 20-column terminal: the window moves by thirds of the width (6 columns)
// so that the cursor ends two thirds across when it runs off the right,
// to a multiple of a third when it reaches the left edge, and back to the
// start when the cursor is within the first width-2 columns; < and >
// mark the sides where the line goes on.
func TestRenderHScrollScenario(t *testing.T) {
	text := "abcdefghijklmnopqrstuvwxyz0123" // columns 2 to 31 after "$ "
	at := func(col int) *Frame { return frameAt("$ ", text, col-2) }
	steps := []renderStep{
		{frame: frameAt("$ ", text[:16], -1), want: "$ abcdefghijklmnop▌"},
		// The cursor at column 19 runs off: the window starts at 19-12.
		{frame: frameAt("$ ", text[:17], -1), want: "<ghijklmnopq▌"},
		{frame: frameAt("$ ", text[:18], -1), want: "<ghijklmnopqr▌", maxBytes: 1},
		{frame: at(32), want: "<tuvwxyz0123▌"},
		{frame: at(2), want: "$ ▌abcdefghijklmnopq>"},
		{frame: at(19), want: "<ghijklmnopq▌rstuvwx>"},
		// Within the first 18 columns the line starts at column 0 again.
		{frame: at(8), want: "$ abcdef▌ghijklmnopq>"},
		{frame: at(25), want: "<mnopqrstuvw▌xyz0123"},
		{frame: at(19), want: "<mnopq▌rstuvwxyz0123", maxBytes: 4},
		// At the left edge the window moves to a multiple of a third.
		{frame: at(32), want: "<tuvwxyz0123▌"},
		{frame: at(20), want: "<r▌stuvwxyz0123"},
		{frame: at(19), want: "<▌rstuvwxyz0123", maxBytes: 1},
	}
	rt := newRenderTerm(t, 20, 4)
	rt.r.SetHorizontalScroll(true)
	for i, st := range steps {
		rt.do(st)
		vtscreen.WantScreen(t, rt.s, st.want)
		if st.maxBytes > 0 && len(rt.last) > st.maxBytes {
			t.Errorf("step %d wrote %d bytes %q, want at most %d", i, len(rt.last), rt.last, st.maxBytes)
		}
		if t.Failed() {
			t.Fatalf("step %d (%+v) wrote %q", i, *st.frame, rt.last)
		}
	}
}

// TestRenderHScrollRows: the lines of the prompt above its last one and
// the Below lines are drawn as usual; a newline in the text is ^J; wide
// characters cut by the window's edges show as blanks.
func TestRenderHScrollRows(t *testing.T) {
	rt := newRenderTerm(t, 12, 6)
	rt.r.SetHorizontalScroll(true)
	rt.render(Frame{Prompt: "a long first line\n> ", Text: "x\ny", Cursor: 4, Below: []string{"menu"}})
	vtscreen.WantScreen(t, rt.s, "a long first\n line\n> x^Jy▌\nmenu")
	rt.render(Frame{Prompt: "a long first line\n> ", Text: "中文中文中文中", Cursor: 21})
	vtscreen.WantScreen(t, rt.s, "a long first\n line\n< 中文中▌")
	rt.render(Frame{Prompt: "a long first line\n> ", Text: "中文中文中文中", Cursor: 0})
	vtscreen.WantScreen(t, rt.s, "a long first\n line\n> ▌中文中文 >")
	if err := rt.r.Finish(); err != nil {
		t.Fatal(err)
	}
	rt.feed()
	vtscreen.WantScreen(t, rt.s, "a long first\n line\n> 中文中文 >\n▌")
}

// TestRenderHScrollToggle: switching horizontal scrolling on and off
// redraws the frame in place.
func TestRenderHScrollToggle(t *testing.T) {
	rt := newRenderTerm(t, 10, 6)
	f := Frame{Prompt: "$ ", Text: "0123456789abc", Cursor: 13}
	rt.render(f)
	vtscreen.WantScreen(t, rt.s, "$ 01234567\n89abc▌")
	rt.r.SetHorizontalScroll(true)
	rt.render(f)
	vtscreen.WantScreen(t, rt.s, "<89abc▌")
	rt.r.SetHorizontalScroll(false)
	rt.render(f)
	vtscreen.WantScreen(t, rt.s, "$ 01234567\n89abc▌")
}

// hscrollExpect is what the screen must show for f with horizontal
// scrolling, given the window's left edge the renderer chose: it checks
// the window against the line on its own terms first.
func (rt *renderTerm) hscrollExpect(f Frame, cols int) *Layout {
	rt.t.Helper()
	g := grid{tab: newCellTable()}
	g.layout(f, cols, layoutOptions{hscroll: true, newlineAsCaret: true})
	line := g.row(g.longRow)
	lm := rt.r.lmargin
	cur := g.cursorCol
	if g.cursorRow != g.longRow || cur-lm < 0 || cur-lm >= cols {
		rt.t.Fatalf("frame %+v at %d columns: cursor at line column %d (row %d), window from column %d", f, cols, cur, g.cursorRow, lm)
	}
	win := hscrollCut(nil, line, lm, cols)
	total := cellsCols(line)
	left, right := lm > 0 && cols >= 3, lm+cols < total && cols >= 3
	// Each column of the window is the line's column lm+k, but for the
	// markers and blanks where a wide character is cut.
	wcol := 0
	for _, c := range win {
		want := ""
		switch {
		case wcol == 0 && left:
			want = "<"
		case wcol == cols-1 && right:
			want = ">"
		default:
			lc := 0
			for _, l := range line {
				if lc == lm+wcol {
					want = string(g.tab.appendText(nil, &l))
					if lc+l.w() > lm+cols-renderBoolInt(right) {
						want = " "
					}
					break
				}
				if lc < lm+wcol && lc+l.w() > lm+wcol {
					want = " "
					break
				}
				lc += l.w()
			}
		}
		if got := string(g.tab.appendText(nil, &c)); got != want {
			rt.t.Fatalf("frame %+v at %d columns, window from %d: column %d is %q, want %q", f, cols, lm, wcol, got, want)
		}
		wcol += c.w()
	}
	l := g.public()
	row := Row{Cols: cellsCols(win)}
	for i := range win {
		row.Cells = append(row.Cells, g.tab.public(&win[i]))
	}
	l.Rows[g.longRow] = row
	l.CursorRow, l.CursorCol = g.longRow, cur-lm
	return l
}

// TestRenderHScrollRandom runs the render scripts of TestRenderRandomScripts
// with horizontal scrolling.
func TestRenderHScrollRandom(t *testing.T) {
	seed := uint64(5)
	n := 300
	if testing.Short() {
		n = 80
	}
	for i := range n {
		data := make([]byte, 60+i%200)
		for j := range data {
			seed = seed*6364136223846793005 + 1442695040888963407
			data[j] = byte(seed >> 56)
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { runRenderScriptWith(t, data, true) })
		if t.Failed() {
			t.Logf("script: %q", data)
			return
		}
	}
}

func FuzzRenderHScroll(f *testing.F) {
	f.Add([]byte("\x08\x00\x05abcde\x00\x00\x00\x00"))
	f.Add([]byte(strings.Repeat("\x05\x01\x07", 20)))
	f.Fuzz(func(t *testing.T, data []byte) {
		runRenderScriptWith(t, data, true)
	})
}
