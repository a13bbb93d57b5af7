package lineedit

import (
	"io"
	"strconv"
)

// A Renderer draws Frames on a terminal, writing only what differs from the
// frame before.
//
// It keeps the cells of the last frame it drew and where it left the
// cursor, relative to the frame's first row: the frame's place on the
// screen is unknown, so it only ever moves the cursor relatively (CR, LF,
// BS and CUU/CUD/CUF/CUB), never to an absolute position. For each row
// that changed it writes a cursor move and the changed cells, shifting the
// rest of the row with insert- or delete-character (ICH, DCH) when that is
// shorter, erases to the end of a row (EL) only where the new row is
// shorter, and clears rows that went away.
//
// Rows that continue the row above (soft wraps) are made by the terminal's
// own automatic wrap, as readline does, so that a terminal that re-wraps on
// resize or copies a selection sees one line. The renderer assumes the
// xterm behaviour every current terminal emulator has (terminfo's xenl):
// after a character is written in the last column the cursor waits there,
// and the next character goes to the next row.
//
// A Renderer is not safe for concurrent use.
type Renderer struct {
	w     io.Writer
	width int
	dumb  bool

	cur  Layout // what the screen shows when start is rsNone; the next frame is laid out over it
	next Layout // the layout for dumb mode

	// The rows of the frame before that the new one may change (from row
	// keep on), copied before the layout overwrites them.
	keep     int
	oldRows  []Row
	oldCells []Cell
	start    renderStart
	upRows   int // for rsResize: the rows to go up to the frame's first row
	drawnW   int // the width cur was laid out for

	created int    // rows of the frame that exist on the screen
	soft    []bool // for each created row: made by the terminal's autowrap
	row     int    // the cursor, relative to the frame's first row
	col     int    // its column; width (with pending) after the last column
	pending bool   // the cursor waits after the last column (xterm's pending wrap)
	pendW   bool   // ...after a wide character, where terminals disagree
	pen     string // the style in force on the terminal ("" is the default)

	gdelta int  // how far the edit shifted the rest of its logical line: a guess for ICH/DCH
	gknown bool // gdelta is computed
	buf    []byte
	sim    [2][]Cell

	// TERM=dumb: one line, scrolled horizontally.
	dcells []Cell // the window on the screen
	dwin   []Cell
	dcol   int  // the cursor's column in the window
	doff   int  // the line's column shown at the window's left edge
	dirty  bool // the current row may hold something else: blank it first
}

type renderStart uint8

const (
	rsNone    renderStart = iota // the screen shows cur; draw the difference
	rsFresh                      // start a frame at the start of the current row
	rsResize                     // the screen shows cur at another width: go up upRows rows, clear down, redraw
	rsHome                       // the screen was cleared and the cursor is at the top left
	rsNewLine                    // dumb mode: start the frame on a new line
)

// NewRenderer returns a Renderer that writes to w, a terminal of width
// columns. The first Render starts the frame at the start of the current
// row, clearing from there down.
func NewRenderer(w io.Writer, width int) *Renderer {
	return &Renderer{w: w, width: max(width, 2), start: rsFresh}
}

// Render draws f, writing only the difference from the last frame drawn.
// The bytes go to the writer in one Write. If it fails, the next Render
// redraws the whole frame.
func (r *Renderer) Render(f Frame) error {
	r.buf = r.buf[:0]
	if r.dumb {
		r.renderDumb(f)
	} else {
		r.render(f)
	}
	return r.flush()
}

// Resize tells the renderer that the terminal is now width columns wide.
// The next Render redraws the whole frame: it goes up to where the frame's
// first row is, clears from there down, and draws the frame at the new
// width.
//
// Where the first row is depends on the terminal: most (VTE, kitty,
// iTerm2, Windows Terminal, tmux...) re-wrap soft-wrapped lines on a resize
// and keep the cursor on its character, while others (xterm, the Linux
// console) keep the rows and cut them. The renderer goes up as far as
// either would need, so that nothing of the old frame is left on the
// screen; on the other kind of terminal that clears up to a few rows of
// what was above the frame.
func (r *Renderer) Resize(width int) {
	width = max(width, 2)
	if width == r.width {
		return
	}
	if r.dumb && width < r.width && r.start != rsFresh && r.start != rsHome {
		// The terminal cut or re-wrapped the line, and nothing can be
		// erased without escapes: draw the frame again on a new line.
		r.start, r.width = rsNewLine, width
		return
	}
	switch r.start {
	case rsNone:
		if !r.dumb {
			r.upRows = r.rowsAboveAfterResize(width)
		}
		r.start = rsResize
	case rsResize:
		if !r.dumb {
			r.upRows = max(r.upRows, r.rowsAboveAfterResize(width))
		}
	}
	r.width = width
}

// Finish moves the cursor below the last row of the frame, at column 0,
// as after accept-line: the frame stays on the screen as it is (render a
// last frame without hint or Below lines first if they should go). The
// next Render starts a new frame there.
func (r *Renderer) Finish() error {
	r.buf = r.buf[:0]
	switch {
	case r.dumb:
		if r.start != rsFresh && r.start != rsHome {
			r.emit("\r\n")
		}
	case r.start == rsNone || r.start == rsResize:
		r.vertical(r.created - 1)
		r.resetPen()
		r.emit("\r\n")
	}
	r.start = rsFresh
	return r.flush()
}

// ClearScreen clears the screen and puts the cursor at the top left, where
// the next Render draws the frame. In dumb mode, where nothing can be
// cleared, it starts a new line instead.
func (r *Renderer) ClearScreen() error {
	r.buf = r.buf[:0]
	if r.dumb {
		r.emit("\r\n")
		r.start = rsFresh
	} else {
		r.resetPen()
		r.emit("\x1b[H\x1b[2J")
		r.start = rsHome
	}
	return r.flush()
}

// Invalidate forgets the last frame, as when something else has written to
// the terminal: the next Render draws the whole frame from the start of the
// row the cursor is on, clearing from there down.
func (r *Renderer) Invalidate() {
	r.start, r.dirty = rsFresh, true
}

// SetDumb switches dumb mode on or off. In dumb mode (TERM=dumb) the
// renderer writes no escape sequence at all: only characters, \b, \r and
// \r\n. It shows the last line of the prompt and the text on one row,
// scrolled horizontally like readline's horizontal-scroll-mode (a < or >
// in the first or last column tells that the line goes on that way), and
// leaves the last column free. Styles, the hint and the Below lines are
// not shown, and a newline in the text is shown as ^J. Switching redraws
// from the start of the current row.
func (r *Renderer) SetDumb(dumb bool) {
	if dumb != r.dumb {
		r.dumb = dumb
		r.start, r.dirty = rsFresh, true
	}
}

func (r *Renderer) flush() error {
	if len(r.buf) == 0 {
		return nil
	}
	_, err := r.w.Write(r.buf)
	r.buf = r.buf[:0]
	if err != nil && r.start == rsNone {
		// What reached the terminal is unknown: redraw it all next time.
		if r.dumb {
			r.start = rsFresh
		} else {
			r.start, r.upRows = rsResize, r.row
		}
	}
	return err
}

func (r *Renderer) emit(s string) { r.buf = append(r.buf, s...) }

// csi appends ESC [ n final, leaving n out when it is 1.
func (r *Renderer) csi(n int, final byte) {
	r.buf = append(r.buf, 0x1b, '[')
	if n != 1 {
		r.buf = strconv.AppendInt(r.buf, int64(n), 10)
	}
	r.buf = append(r.buf, final)
}

func rdCSILen(n int) int {
	switch {
	case n == 1:
		return 3
	case n < 10:
		return 4
	case n < 100:
		return 5
	case n < 1000:
		return 6
	}
	return 3 + len(strconv.Itoa(n))
}

func (r *Renderer) resetPen() {
	if r.pen != "" {
		r.emit("\x1b[0m")
		r.pen = ""
	}
}

// forget puts the renderer at the start of an empty frame on row 0.
func (r *Renderer) forget() {
	r.keep, r.oldRows, r.oldCells = 0, r.oldRows[:0], r.oldCells[:0]
	r.created = 1
	r.soft = append(r.soft[:0], false)
	r.row, r.col, r.pending, r.pendW = 0, 0, false, false
	r.pen = ""
}

func (r *Renderer) render(f Frame) {
	// Lay out the frame over the last one, from the first row that may
	// change, keeping a copy of the rows it replaces to diff against.
	keep := 0
	if r.start == rsNone {
		keep = r.cur.resumeRow(f, r.width, layoutOptions{})
		r.saveRows(keep)
	}
	r.cur.layoutFrom(f, r.width, layoutOptions{}, keep)
	switch r.start {
	case rsFresh:
		r.emit("\r\x1b[J")
		r.forget()
	case rsResize:
		if r.upRows > 0 {
			r.csi(r.upRows, 'A')
		}
		r.emit("\r\x1b[J")
		r.forget()
	case rsHome:
		r.forget()
	}
	r.start, r.dirty = rsNone, false
	r.diff()
	r.drawnW = r.width
}

// saveRows copies the rows of the frame on the screen from row keep on.
func (r *Renderer) saveRows(keep int) {
	l := &r.cur
	r.keep, r.oldRows, r.oldCells = keep, r.oldRows[:0], r.oldCells[:0]
	if keep >= len(l.Rows) {
		return
	}
	base := l.starts[keep]
	r.oldCells = append(r.oldCells, l.cells[base:]...)
	for i := keep; i < len(l.Rows); i++ {
		row := l.Rows[i]
		start := l.starts[i] - base
		row.Cells = r.oldCells[start : start+len(row.Cells) : start+len(row.Cells)]
		r.oldRows = append(r.oldRows, row)
	}
}

// diff draws r.cur over the frame on the screen: the same up to row
// r.keep, then r.oldRows.
func (r *Renderer) diff() {
	nw, old, keep := &r.cur, r.oldRows, r.keep
	r.gknown = false
	for i := keep; i < len(nw.Rows); i++ {
		var scr []Cell
		sc := 0
		if i-keep < len(old) {
			scr, sc = old[i-keep].Cells, old[i-keep].Cols
		}
		if i >= r.created && r.createRow(i, nw) {
			scr = nw.Rows[i].Cells[:1]
			sc = scr[0].Width
		}
		r.diffRow(i, scr, sc, nw.Rows[i].Cells, nw.Rows[i].Cols)
	}
	if r.created > len(nw.Rows) {
		r.moveTo(len(nw.Rows), 0, nil)
		r.resetPen()
		r.emit("\x1b[J")
		r.created = len(nw.Rows)
		r.soft = r.soft[:r.created]
	}
	r.moveTo(nw.CursorRow, nw.CursorCol, nw.Rows[nw.CursorRow].Cells)
	r.resetPen()
}

// createRow makes row i, the one below the last row on the screen. A soft
// wrap is made by the terminal's autowrap: write the last cell of row i-1,
// then the first of row i (or a blank); it reports whether it wrote row i's
// first cell. Other rows start with CR LF.
func (r *Renderer) createRow(i int, nw *Layout) bool {
	prev := nw.Rows[i-1].Cells
	if nw.Rows[i].Wrapped && nw.Rows[i-1].Cols == r.width && len(prev) > 0 && prev[len(prev)-1].Width == 1 {
		if !(r.row == i-1 && r.pending && !r.pendW) {
			r.moveTo(i-1, r.width-1, prev)
			r.writeCells(prev[len(prev)-1:])
		}
		r.created++
		r.soft = append(r.soft, true)
		if len(nw.Rows[i].Cells) > 0 {
			r.writeCells(nw.Rows[i].Cells[:1])
			return true
		}
		r.resetPen()
		r.emit(" ")
		r.row, r.col, r.pending = i, 1, false
		return false
	}
	// After a wide character in the last column, some terminals wait and
	// some do not: CR LF is right on both.
	r.vertical(i - 1)
	r.resetPen()
	r.emit("\r\n")
	r.row, r.col, r.pending = i, 0, false
	r.created++
	r.soft = append(r.soft, false)
	return false
}

// diffRow turns screen row i from scr (sc columns) into nw (nc columns).
func (r *Renderer) diffRow(i int, scr []Cell, sc int, nw []Cell, nc int) {
	p := cellsCommonPrefix(scr, nw)
	if p == len(scr) && p == len(nw) {
		return
	}
	c := cellCols(nw[:p])

	// Rewrite from the first difference...
	from, to, el := rdPlainPlan(scr, sc, nw, nc, p)
	best, bestD := r.writeLen(nw[from:to])+rdBool(el)*3, 0
	// ...or shift the rest of the row with ICH/DCH and write less. Not
	// over wide characters, which terminals shift differently.
	var sim []Cell
	if p < len(scr) && cellsNarrow(scr[p:]) {
		d1 := nc - sc
		if !r.gknown {
			r.gdelta, r.gknown = r.lineDelta(i), true
		}
		for k, d := range [2]int{d1, r.gdelta} {
			if d == 0 || (k == 1 && d == d1) {
				continue
			}
			s, simCols, ok := r.shifted(scr, sc, p, c, d, k)
			if !ok {
				continue
			}
			f, t, e := rdPlainPlan(s, simCols, nw, nc, p)
			cost := rdCSILen(rdAbs(d)) + r.writeLen(nw[f:t]) + rdBool(e)*3
			if fc := cellCols(nw[:f]); fc > c && f < t {
				cost += min(rdCSILen(fc-c), 1+rdCSILen(fc))
			}
			if cost < best {
				best, bestD, sim = cost, d, s
				from, to, el = f, t, e
			}
		}
	}
	if from == to && !el && bestD == 0 {
		return // only blanks changed to nothing
	}

	known := scr
	if bestD != 0 {
		r.moveTo(i, c, scr)
		r.resetPen()
		if bestD > 0 {
			r.csi(bestD, '@')
		} else {
			r.csi(-bestD, 'P')
		}
		known = sim
	}
	if to > from {
		r.moveTo(i, cellCols(nw[:from]), known)
		r.writeCells(nw[from:to])
	}
	if el {
		r.moveTo(i, nc, nw)
		r.resetPen()
		r.emit("\x1b[K")
	}
}

// rdPlainPlan tells how to turn scr (sc columns) into nw (nc columns), equal
// in their first p cells, by writing: write nw[from:to], then erase to the
// end of the row if el.
func rdPlainPlan(scr []Cell, sc int, nw []Cell, nc int, p int) (from, to int, el bool) {
	from = p + cellsCommonPrefix(scr[min(p, len(scr)):], nw[p:])
	if sc == nc { // what ends the same stays in place
		i, j := len(scr), len(nw)
		for i > from && j > from && cellEq(&scr[i-1], &nw[j-1]) {
			i--
			j--
		}
		return from, max(j, from), false
	}
	return from, len(nw), cellInkEnd(scr) > nc
}

// shifted returns scr (sc columns) as the terminal shows it after
// inserting (d > 0) or deleting (d < 0) d columns at column c, cell p, and
// its columns; ok is false when that cannot be done on cell boundaries.
// The cells from p on are narrow. buf chooses one of two buffers.
func (r *Renderer) shifted(scr []Cell, sc, p, c, d, buf int) (sim []Cell, cols int, ok bool) {
	if (d > 0 && c+d >= r.width) || (d < 0 && p-d > len(scr)) {
		return nil, 0, false
	}
	sim = append(r.sim[buf][:0], scr[:p]...)
	if d > 0 {
		for range d {
			sim = append(sim, blankCell)
		}
		n := min(len(scr)-p, r.width-c-d) // narrow: a cell a column
		sim = append(sim, scr[p:p+n]...)
		cols = c + d + n
	} else {
		sim = append(sim, scr[p-d:]...)
		cols = sc + d
	}
	r.sim[buf] = sim
	return sim, cols, true
}

// lineDelta returns how many columns the logical line (rows joined by soft
// wraps) holding row i grew by, which is how far an edit in it shifted the
// rest of it.
func (r *Renderer) lineDelta(i int) int {
	nw, old, keep := &r.cur, r.oldRows, r.keep
	start := i
	for start > keep && nw.Rows[start].Wrapped {
		start--
	}
	n := 0
	for k := start; k < len(nw.Rows) && (k == start || nw.Rows[k].Wrapped); k++ {
		n += nw.Rows[k].Cols
	}
	for k := start; k-keep < len(old) && (k == start || old[k-keep].Wrapped); k++ {
		n -= old[k-keep].Cols
	}
	return n
}

var blankCell = Cell{Text: " ", Width: 1}

// writeLen returns the bytes writeCells would write for cells.
func (r *Renderer) writeLen(cells []Cell) int {
	n, pen := 0, r.pen
	for i := range cells {
		c := &cells[i]
		if c.Style != pen {
			if pen != "" {
				n += 4
			}
			n += len(c.Style)
			pen = c.Style
		}
		n += len(c.Text)
	}
	if pen != "" {
		n += 4
	}
	return n
}

// writeCells writes cells at the cursor. In the pending-wrap state the
// first goes to the next row, by the terminal's autowrap.
func (r *Renderer) writeCells(cells []Cell) {
	for i := range cells {
		c := &cells[i]
		if r.pending {
			r.row, r.col, r.pending = r.row+1, 0, false
		}
		if c.Style != r.pen {
			r.resetPen()
			r.emit(c.Style)
			r.pen = c.Style
		}
		r.emit(c.Text)
		r.col += c.Width
		if r.col >= r.width {
			r.col, r.pending, r.pendW = r.width, true, c.Width > 1
		}
	}
}

// vertical moves the cursor to row, in whatever column.
func (r *Renderer) vertical(row int) {
	if row == r.row {
		return
	}
	if r.pending {
		r.col = r.width - 1
	}
	if row < r.row {
		r.csi(r.row-row, 'A')
	} else {
		r.csi(row-r.row, 'B')
	}
	r.row, r.pending = row, false
}

type rdVMove uint8

const (
	rdVNone rdVMove = iota
	rdVCSI          // CUU or CUD
	rdVCRLF         // CR LF, as many as rows
)

type rdHMove uint8

const (
	rdHNone      rdHMove = iota
	rdHCR                // CR
	rdHCRCUF             // CR, CUF
	rdHCRRewrite         // CR, then write the cells before the target
	rdHBS                // BS, as many as columns
	rdHCUB
	rdHCUF
	rdHRewrite // write the cells between
	rdHBSCUF   // BS then CUF 1: out of the pending wrap to the last column
)

// moveTo moves the cursor to row (which exists on the screen) and col by
// the shortest sequence; known are cells of that row as the screen shows
// them (from column 0), which it may rewrite to move right.
func (r *Renderer) moveTo(row, col int, known []Cell) {
	pc := r.col
	if r.pending {
		pc = r.width - 1
	}
	if row == r.row && col == pc && !r.pending {
		return
	}
	dr := row - r.row
	best, bv, bh := 1<<30, rdVNone, rdHNone
	for v := rdVNone; v <= rdVCRLF; v++ {
		var cost, sc int
		pend := false
		switch v {
		case rdVNone:
			if dr != 0 {
				continue
			}
			sc, pend = pc, r.pending
		case rdVCSI:
			if dr == 0 {
				continue
			}
			cost, sc = rdCSILen(rdAbs(dr)), pc
		case rdVCRLF:
			if dr <= 0 {
				continue
			}
			cost, sc = 2*dr, 0
		}
		hc, h := r.hCost(sc, pend, col, known)
		if cost+hc < best {
			best, bv, bh = cost+hc, v, h
		}
	}

	sc := pc
	switch bv {
	case rdVCSI:
		if dr < 0 {
			r.csi(-dr, 'A')
		} else {
			r.csi(dr, 'B')
		}
	case rdVCRLF:
		for range dr {
			r.emit("\r\n")
		}
		sc = 0
	}
	r.row, r.col, r.pending = row, sc, false
	switch bh {
	case rdHCR:
		r.emit("\r")
	case rdHCRCUF:
		r.emit("\r")
		r.csi(col, 'C')
	case rdHCRRewrite:
		r.emit("\r")
		r.col = 0
		r.rewrite(known, 0, col)
	case rdHBS:
		for range sc - col {
			r.emit("\b")
		}
	case rdHCUB:
		r.csi(sc-col, 'D')
	case rdHCUF:
		r.csi(col-sc, 'C')
	case rdHRewrite:
		r.rewrite(known, sc, col)
	case rdHBSCUF:
		r.emit("\b\x1b[C")
	}
	r.col = col
}

// hCost returns the cheapest horizontal move from column sc (pend: in the
// pending wrap) to col.
func (r *Renderer) hCost(sc int, pend bool, col int, known []Cell) (int, rdHMove) {
	if sc == col && !pend {
		return 0, rdHNone
	}
	best, bh := 1<<30, rdHNone
	try := func(c int, h rdHMove) {
		if c >= 0 && c < best {
			best, bh = c, h
		}
	}
	if col == 0 {
		try(1, rdHCR)
	} else {
		try(1+rdCSILen(col), rdHCRCUF)
		try(r.rewriteLen(known, 0, col, 1), rdHCRRewrite)
	}
	switch {
	case col < sc:
		if sc-col <= 4 {
			try(sc-col, rdHBS)
		}
		try(rdCSILen(sc-col), rdHCUB)
	case col > sc:
		try(rdCSILen(col-sc), rdHCUF)
		if !pend {
			try(r.rewriteLen(known, sc, col, 0), rdHRewrite)
		}
	default:
		try(4, rdHBSCUF)
	}
	return best, bh
}

// rewriteLen returns the bytes needed to move from column from to column to
// by writing the known cells between (plus extra), or -1 if that cannot be
// done: not on cell boundaries, styled cells, or too far.
func (r *Renderer) rewriteLen(known []Cell, from, to, extra int) int {
	if to-from > 16 {
		return -1
	}
	n, col := extra, 0
	if r.pen != "" {
		n += 4
	}
	for i := range known {
		if col >= to {
			break
		}
		c := &known[i]
		if col >= from {
			if c.Style != "" {
				return -1
			}
			n += len(c.Text)
		} else if col+c.Width > from {
			return -1
		}
		col += c.Width
	}
	if col != to {
		return -1
	}
	return n
}

func (r *Renderer) rewrite(known []Cell, from, to int) {
	col := 0
	for i := range known {
		if col >= to {
			break
		}
		if col >= from {
			r.writeCells(known[i : i+1])
		}
		col += known[i].Width
	}
}

// rowsAboveAfterResize returns how many rows above the cursor the frame's
// first row may be once the terminal is width columns wide: the most of
// the rows it was (a terminal that keeps its rows) and the rows the frame's
// soft-wrapped lines take above the cursor at the new width (a terminal
// that re-wraps them and keeps the cursor on its character).
func (r *Renderer) rowsAboveAfterResize(width int) int {
	ow := r.drawnW
	rows := 0
	for i := 0; i <= r.row && i < len(r.cur.Rows); {
		j := i
		for j+1 < r.created && j+1 < len(r.cur.Rows) && r.soft[j+1] {
			j++
		}
		if j >= r.row {
			off := (r.row-i)*ow + r.col
			rows += off / width
			break
		}
		total := (j-i)*ow + r.cur.Rows[j].Cols
		rows += max(1, (total+width-1)/width)
		i = j + 1
	}
	return max(r.row, rows)
}

// cellEq reports whether a and b are the same cell, quickly for the
// common one-byte cells.
func cellEq(a, b *Cell) bool {
	if a.Width != b.Width || len(a.Text) != len(b.Text) || len(a.Style) != len(b.Style) {
		return false
	}
	if len(a.Text) == 1 {
		if a.Text[0] != b.Text[0] {
			return false
		}
	} else if a.Text != b.Text {
		return false
	}
	return len(a.Style) == 0 || a.Style == b.Style
}

// cellsCommonPrefix returns how many cells a and b start with in common.
func cellsCommonPrefix(a, b []Cell) int {
	n := min(len(a), len(b))
	a, b = a[:n], b[:n]
	for i := range a {
		if !cellEq(&a[i], &b[i]) {
			return i
		}
	}
	return n
}

func cellCols(cells []Cell) int {
	n := 0
	for i := range cells {
		n += cells[i].Width
	}
	return n
}

// cellInkEnd returns the column after the last cell that is not a plain blank.
func cellInkEnd(cells []Cell) int {
	end, col := 0, 0
	for i := range cells {
		col += cells[i].Width
		if !cellEq(&cells[i], &blankCell) {
			end = col
		}
	}
	return end
}

func cellsNarrow(cells []Cell) bool {
	for i := range cells {
		if cells[i].Width != 1 {
			return false
		}
	}
	return true
}

func rdAbs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func rdBool(b bool) int {
	if b {
		return 1
	}
	return 0
}

// renderDumb draws f for a terminal that understands no escape sequence.
func (r *Renderer) renderDumb(f Frame) {
	r.next.layout(f, 1<<30, layoutOptions{plain: true, newlineAsCaret: true, noHint: true, noBelow: true})
	rows := r.next.Rows
	line := rows[len(rows)-1].Cells
	force := false
	switch r.start {
	case rsFresh, rsHome, rsNewLine:
		if r.start == rsNewLine {
			r.emit("\r\n")
		}
		r.emit("\r")
		if r.dirty && r.start == rsFresh {
			for range max(r.width-1, 1) {
				r.emit(" ")
			}
			r.emit("\r")
		}
		for _, row := range rows[:len(rows)-1] {
			for _, c := range row.Cells {
				r.emit(c.Text)
			}
			r.emit("\r\n")
		}
		r.dcells, r.dcol, r.doff = r.dcells[:0], 0, 0
	case rsResize: // redraw the line: the rows above are out of reach
		r.emit("\r")
		r.dcol = 0
		force = true
	}
	r.start, r.dirty = rsNone, false

	win := max(r.width-1, 1)
	total := cellCols(line)
	cur := r.next.CursorCol
	off := r.doff
	curW := 1 // the cursor's cell must be seen whole
	for i, c := 0, 0; i < len(line) && c <= cur; i++ {
		if c == cur {
			curW = line[i].Width
		}
		c += line[i].Width
	}
	fits := func(off int) bool {
		lo, hi := off, off+win
		if win >= 3 {
			if off > 0 {
				lo++
			}
			if off+win < total+1 {
				hi--
			}
		}
		return cur >= lo && cur+curW <= hi
	}
	if total+1 <= win {
		off = 0
	} else if !fits(off) {
		off = max(0, min(cur-win/2, total+1-win))
	}
	r.doff = off

	// The window: the cells of the line in [off, off+win), blanks where a
	// wide character is cut, and the markers.
	w := r.dwin[:0]
	col := 0
	for _, c := range line {
		switch {
		case col >= off && col+c.Width <= off+win:
			w = append(w, c)
		case col < off+win && col+c.Width > off:
			for k := max(col, off); k < min(col+c.Width, off+win); k++ {
				w = append(w, blankCell)
			}
		}
		col += c.Width
	}
	if win >= 3 {
		if off > 0 {
			w = rdSetFirst(w, Cell{Text: "<", Width: 1})
		}
		if off+win < total+1 && cellCols(w) == win {
			w = rdSetLast(w, Cell{Text: ">", Width: 1})
		}
	}
	r.dwin = w
	cur -= off

	old := r.dcells
	p := 0
	if !force {
		p = cellsCommonPrefix(old, w)
	}
	if force || p < len(old) || p < len(w) {
		pc := cellCols(w[:p])
		r.dumbMove(pc, w)
		for _, c := range w[p:] {
			r.emit(c.Text)
		}
		r.dcol = cellCols(w)
		if oe := min(cellCols(old), win); oe > r.dcol {
			for range oe - r.dcol {
				r.emit(" ")
			}
			r.dcol = oe
		}
	}
	r.dumbMove(cur, w)
	r.dcells = append(r.dcells[:0], w...)
}

// dumbMove moves the cursor to column col (a cell boundary of known, the
// window as the screen shows it up to there) with the fewest bytes: BS
// back, rewriting known cells forward, or CR and rewriting from column 0.
func (r *Renderer) dumbMove(col int, known []Cell) {
	if col == r.dcol {
		return
	}
	if col < r.dcol {
		n := r.dcol - col
		if cr := 1 + rdTextLenUpTo(known, 0, col); cr < n && cr > 0 {
			r.emit("\r")
			r.emitUpTo(known, 0, col)
		} else {
			for range n {
				r.emit("\b")
			}
		}
		r.dcol = col
		return
	}
	// Forward: back to the cell boundary at or before the cursor, then
	// rewrite; or CR and rewrite.
	b, bcol := 0, 0
	for b < len(known) && bcol+known[b].Width <= r.dcol {
		bcol += known[b].Width
		b++
	}
	fwd := (r.dcol - bcol) + rdTextLenUpTo(known, bcol, col)
	cr := 1 + rdTextLenUpTo(known, 0, col)
	if cr < fwd {
		r.emit("\r")
		r.emitUpTo(known, 0, col)
	} else {
		for range r.dcol - bcol {
			r.emit("\b")
		}
		r.emitUpTo(known, bcol, col)
	}
	r.dcol = col
}

// rdTextLenUpTo returns the bytes of the cells of known from column from to
// column to.
func rdTextLenUpTo(known []Cell, from, to int) int {
	n, col := 0, 0
	for i := 0; i < len(known) && col < to; i++ {
		if col >= from {
			n += len(known[i].Text)
		}
		col += known[i].Width
	}
	return n
}

func (r *Renderer) emitUpTo(known []Cell, from, to int) {
	col := 0
	for i := 0; i < len(known) && col < to; i++ {
		if col >= from {
			r.emit(known[i].Text)
		}
		col += known[i].Width
	}
}

func rdSetFirst(w []Cell, c Cell) []Cell {
	if len(w) == 0 {
		return w
	}
	if w[0].Width == 2 {
		w = append(w, Cell{})
		copy(w[2:], w[1:])
		w[1] = blankCell
	}
	w[0] = c
	return w
}

func rdSetLast(w []Cell, c Cell) []Cell {
	n := len(w) - 1
	if w[n].Width == 2 {
		w[n] = blankCell
		return append(w, c)
	}
	w[n] = c
	return w
}
