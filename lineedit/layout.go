package lineedit

import "strings"

// A Cell is one character on the screen: a grapheme cluster (or one
// character of an escaped form such as ^X) with its width and the escape
// state in force.
type Cell struct {
	// Text is what is written to the terminal for the cell: a grapheme
	// cluster, or a single ASCII character.
	Text string
	// Width is the number of columns the cell takes: 1 or 2.
	Width int
	// Style is what must be written, after a reset (\x1b[0m), before Text
	// so that the terminal draws the cell as it should be: the SGR
	// sequences in force, in the order they came since the last reset,
	// preceded by any other zero-width sequence (an OSC window title, say)
	// that came just before this cell. "" is the terminal's default.
	Style string
}

// A Row is one line of the screen.
type Row struct {
	// Cells are the row's cells, left to right.
	Cells []Cell
	// Cols is the number of columns the cells take (at most the width).
	Cols int
	// Wrapped reports whether the row continues the row above: it is
	// there because the row above was full (a soft wrap), not because of
	// a newline or the start of a Below line.
	Wrapped bool
}

// A Layout is a Frame laid out for a terminal of a given width: rows of
// cells, and where the cursor stands.
type Layout struct {
	// Width is the terminal width the layout is for.
	Width int
	// Rows are the rows of the frame, top to bottom: the prompt, the text,
	// the hint, then the Below lines. There is always at least one.
	Rows []Row
	// CursorRow and CursorCol are where the cursor stands. The row always
	// exists; a cursor after the last column of a full row stands at
	// column 0 of the row below, which the layout then holds (empty if
	// nothing else is there).
	CursorRow, CursorCol int
}

// LayoutFrame lays out f for a terminal of width columns (at least 2;
// smaller widths are taken as 2).
//
// The prompt comes first, with f.Mode at the start of its last line, then
// Text right after it; they wrap at the width like readline (a wide
// character that does not fit in the last column moves to the next row and
// leaves that column blank), and a newline in either starts a new row,
// which after a newline in Text starts with f.Continuation. Text is drawn
// in the styles of f.Styles, the Hint after it in f.HintStyle (faint by
// default), f.Right at the right end of the row where Text starts when it
// fits there. Each Below line starts a row of its own.
// Escape sequences are interpreted in the prompt, the mode string, the hint
// and the Below lines (SGR colours carry on from cell to cell, and the
// colour state at the end of the prompt carries on into the text, as it
// does on a terminal); in Text they are shown as ^[.
//
// The renderer keeps its layouts in a compact form of its own; LayoutFrame
// is for programs and tests that want to see one.
func LayoutFrame(f Frame, width int) *Layout {
	g := grid{tab: newCellTable()}
	g.layout(f, width, layoutOptions{})
	return g.public()
}

// public returns g as a Layout.
func (g *grid) public() *Layout {
	l := &Layout{Width: g.width, CursorRow: g.cursorRow, CursorCol: g.cursorCol}
	l.Rows = make([]Row, len(g.rows))
	for i, gr := range g.rows {
		cells := g.row(i)
		row := Row{Cols: gr.cols, Wrapped: gr.wrapped, Cells: make([]Cell, len(cells))}
		for j := range cells {
			row.Cells[j] = g.tab.public(&cells[j])
		}
		l.Rows[i] = row
	}
	return l
}

// Lines returns the text of each row as a terminal shows it, without
// styles and with trailing blanks trimmed.
func (l *Layout) Lines() []string {
	lines := make([]string, len(l.Rows))
	var b strings.Builder
	for i, row := range l.Rows {
		b.Reset()
		for _, c := range row.Cells {
			b.WriteString(c.Text)
		}
		lines[i] = strings.TrimRight(b.String(), " ")
	}
	return lines
}
