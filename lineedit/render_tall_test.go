package lineedit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

// tallWindow returns the picture of the rows top..top+rows-1 of line (the
// prompt and an ASCII text) wrapped at cols columns, with the cursor
// marked at byte cursor of line.
func tallWindow(line string, cols, rows, top, cursor int) string {
	var all []string
	for i := 0; i <= len(line); i += cols {
		all = append(all, line[i:min(i+cols, len(line))])
	}
	if len(all) > 1 && all[len(all)-1] == "" && cursor != len(line) {
		all = all[:len(all)-1]
	}
	crow, ccol := cursor/cols, cursor%cols
	all[crow] = all[crow][:ccol] + string(vtscreen.CursorMark) + all[crow][ccol:]
	return strings.Join(all[top:min(top+rows, len(all))], "\n")
}

// TestRenderTallPaste pastes a line three and twenty times as tall as
// the terminal and edits it: the renderer, told the terminal's height,
// keeps the rows on the screen right, cannot reach those that scrolled
// off, and draws the line again from the top of the screen when the
// cursor goes up there or the line shrinks past it. What it writes for a
// key stays bounded by the screen, not the line; the paste of the taller
// line writes only the rows that stay on the screen, and its first row.
func TestRenderTallPaste(t *testing.T) {
	for _, screens := range []int{3, 20} {
		t.Run(fmt.Sprint(screens), func(t *testing.T) { testRenderTallPaste(t, screens) })
	}
}

func testRenderTallPaste(t *testing.T, screens int) {
	const cols, rows = 40, 10
	rt := newRenderTerm(t, cols, rows)
	rt.r.SetHeight(rows)
	e := New(testConfig(), nil)
	e.Reset("$ ")
	rt.render(e.Frame())
	var sb strings.Builder
	for i := 0; sb.Len() < screens*rows*cols; i++ {
		sb.WriteByte(byte('a' + i%26))
		if i%7 == 6 {
			sb.WriteByte(' ')
		}
	}
	text := sb.String()
	nrows := (len(text) + 2 + cols - 1) / cols
	last := nrows - rows // the first row on the screen once the line is drawn

	standout := func(want bool) {
		t.Helper()
		for r := range rows - 1 {
			if got := rt.s.StyleAt(r, 5) != ""; got != want {
				t.Fatalf("row %d styled %v (%q), want %v", r, got, rt.s.StyleAt(r, 5), want)
			}
		}
	}
	step := func(keys string, line string, top, cursor, maxBytes int) {
		t.Helper()
		e.Feed([]byte(keys))
		rt.render(e.Frame())
		vtscreen.WantScreen(t, rt.s, tallWindow(line, cols, rows, top, cursor))
		if maxBytes > 0 && len(rt.last) > maxBytes {
			t.Errorf("keys %q wrote %d bytes, want at most %d: %q", keys, len(rt.last), maxBytes, rt.last)
		}
	}
	line := "$ " + text
	pasteMax := 0
	if screens > skipScreens+1 {
		pasteMax = (rows + 1) * (cols + 16)
	}
	step("\x1b[200~"+text+"\x1b[201~", line, last, len(line), pasteMax)
	standout(true) // the active region
	// A key ends the region: only the rows on the screen are drawn again.
	line += "X"
	step("X", line, last, len(line), rows*(cols+8))
	standout(false)
	// Typing in the middle of the last row.
	line = line[:len(line)-3] + "Y" + line[len(line)-3:]
	step("\x02\x02\x02Y", line, last, len(line)-3, 16)
	// The start of the line scrolled off: the line is drawn again from
	// the top of the screen, from its first row.
	step("\x01", line, 0, 2, rows*(cols+8))
	line = "$ Z" + line[2:]
	step("Z", line, 0, 3, rows*(cols+8))
	// Back to the end: the rows below are drawn, scrolling the screen.
	step("\x05", line, len(line)/cols-rows+1, len(line), 0)
	// The line shrinks to less than the rows that scrolled off.
	step("\x15", "$ ", 0, 2, 16)
}

// TestRenderTallCursorAtTop: with a height, rows below the cursor that do not
// fit on the screen are not drawn, so the cursor's row stays on it.
func TestRenderTallCursorAtTop(t *testing.T) {
	const cols, rows = 20, 5
	rt := newRenderTerm(t, cols, rows)
	rt.r.SetHeight(rows)
	text := strings.Repeat("0123456789", 30) // 15 rows with the prompt
	rt.render(Frame{Prompt: "> ", Text: text, Cursor: 0})
	vtscreen.WantScreen(t, rt.s, tallWindow("> "+text, cols, rows, 0, 2))
	rt.render(Frame{Prompt: "> ", Text: text, Cursor: len(text)})
	vtscreen.WantScreen(t, rt.s, tallWindow("> "+text, cols, rows, 16-rows, len(text)+2))
	rt.render(Frame{Prompt: "> ", Text: text, Cursor: 100})
	vtscreen.WantScreen(t, rt.s, tallWindow("> "+text, cols, rows, 5, 102))
}
