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
// BS and CUU/CUD/CUF/CUB), never to an absolute position. A new frame is
// laid out from the first row it can differ in (typing at the end of a
// long line lays out one row). For each row that changed the renderer
// writes a cursor move and the changed cells, shifting the rest of the row
// with insert- or delete-character (ICH, DCH) when that is shorter, erases
// to the end of a row (EL) only where the new row is shorter, and clears
// rows that went away.
//
// Rows that continue the row above (soft wraps) are made by the terminal's
// own automatic wrap, as readline does, so that a terminal that re-wraps on
// resize or copies a selection sees one line. The renderer assumes the
// xterm behaviour every current terminal emulator has (terminfo's xenl):
// after a character is written in the last column the cursor waits there,
// and the next character goes to the next row.
//
// With SetHorizontalScroll (readline's horizontal-scroll-mode) the last
// line of the prompt and the text stay on one row, scrolled sideways (see
// hscroll.go).
//
// A Renderer is not safe for concurrent use.
type Renderer struct {
	w       io.Writer
	width   int
	height  int // the terminal's rows, 0 when unknown (see SetHeight)
	dumb    bool
	hscroll bool

	tab *cellTable
	// cur is what the screen shows when start is rsNone; the next frame
	// is laid out over it, or in spare when that copies less.
	cur, spare *grid
	// The rows of the frame before from row keep on, to diff against.
	keep int
	old  rowsView
	// saved holds the copies old points into when the frame is laid out
	// over cur.
	savedRows  []gridRow
	savedCells []cell

	start   renderStart
	upRows  int // for rsResize: the rows to go up to the frame's first row
	drawnW  int // the width cur was laid out for
	lmargin int // horizontal scrolling: the line's column at the window's left edge
	winBuf  []cell
	tailBuf []cell

	created int    // rows of the frame that exist on the screen
	top     int    // with a height: the frame's first row still on the screen; those above scrolled off it
	soft    []bool // for each created row: made by the terminal's autowrap
	row     int    // the cursor, relative to the frame's first row
	col     int    // its column; width (with pending) after the last column
	pending bool   // the cursor waits after the last column (xterm's pending wrap)
	pendW   bool   // ...after a wide character, where terminals disagree
	pen     uint16 // the style in force on the terminal (0 is the default)

	gdelta int  // how far the edit shifted the rest of its logical line: a guess for ICH/DCH
	gknown bool // gdelta is computed
	buf    []byte
	sim    [2][]cell

	// TERM=dumb: one line, scrolled horizontally.
	dcells []cell // the window on the screen
	dcol   int    // the cursor's column in the window
	dirty  bool   // the current row may hold something else: blank it first
}

type renderStart uint8

const (
	rsNone    renderStart = iota // the screen shows cur; draw the difference
	rsFresh                      // start a frame at the start of the current row
	rsResize                     // the screen shows cur at another width: go up upRows rows, clear down, redraw
	rsHome                       // the screen was cleared and the cursor is at the top left
	rsNewLine                    // dumb mode: start the frame on a new line
)

// rowsView is a run of rows of a grid: row i of the frame is rows[i-first].
type rowsView struct {
	rows  []gridRow
	cells []cell
	first int
}

// row returns row i's cells and columns, and whether the view has it.
func (v *rowsView) row(i int) (cells []cell, cols int, wrapped, ok bool) {
	k := i - v.first
	if k < 0 || k >= len(v.rows) {
		return nil, 0, false, false
	}
	end := len(v.cells)
	if k+1 < len(v.rows) {
		end = v.rows[k+1].start
	}
	return v.cells[v.rows[k].start:end:end], v.rows[k].cols, v.rows[k].wrapped, true
}

// NewRenderer returns a Renderer that writes to w, a terminal of width
// columns. The first Render starts the frame at the start of the current
// row, clearing from there down.
func NewRenderer(w io.Writer, width int) *Renderer {
	tab := newCellTable()
	return &Renderer{w: w, width: max(width, 2), start: rsFresh, tab: tab,
		cur: &grid{tab: tab}, spare: &grid{tab: tab}}
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

// SetHeight tells the renderer that the terminal has rows rows; 0 (the
// default) is a terminal of unbounded height. With a height, a frame
// taller than the screen is handled as readline does: the rows that
// scrolled off the top are left as they are (the cursor cannot go there,
// and what they show in the scrollback is not the renderer's to change),
// only the rows on the screen are kept up to date, and a frame that must
// show a row above the screen (the cursor moved up there, or the text
// shrank to fewer rows than scrolled off) is drawn again from the top of
// the screen: the window of its rows that holds the cursor and as much of
// the end as fits. Rows below the screen that the cursor does not need
// are not drawn until it goes there.
func (r *Renderer) SetHeight(rows int) {
	r.height = max(rows, 0)
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
// scrolled horizontally as with SetHorizontalScroll but leaving the last
// column free, as readline does on a terminal without automatic margins.
// Styles (highlighting too), the hint, the right prompt and the Below
// lines are not shown, and a newline in the text is shown as ^J (with no
// continuation prompt). Switching redraws from the start of the
// current row.
func (r *Renderer) SetDumb(dumb bool) {
	if dumb != r.dumb {
		r.dumb = dumb
		r.start, r.dirty = rsFresh, true
	}
}

// SetHorizontalScroll switches readline's horizontal-scroll-mode on or
// off: the last line of the prompt and the text (newlines in it shown as
// ^J) stay on one row, which shows a window of them that moves sideways
// with the cursor, with < and > in its first and last columns when the
// line goes on that way. The lines of the prompt above and the Below lines
// are drawn as usual. The change takes effect with the next Render.
func (r *Renderer) SetHorizontalScroll(on bool) {
	r.hscroll = on
}

func (r *Renderer) flush() error {
	if len(r.buf) == 0 {
		return nil
	}
	_, err := r.w.Write(r.buf)
	r.buf = r.buf[:0]
	if err != nil && r.start == rsNone {
		// What reached the terminal is unknown: redraw it all next time.
		r.redrawAll()
	}
	return err
}

// redrawAll makes the next Render go up to the frame's first row, clear
// from there down and draw the whole frame.
func (r *Renderer) redrawAll() {
	if r.dumb {
		r.start = rsFresh
	} else {
		r.start, r.upRows = rsResize, r.row
	}
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
	if r.pen != 0 {
		r.emit("\x1b[0m")
		r.pen = 0
	}
}

// forget puts the renderer at the start of an empty frame on row 0.
func (r *Renderer) forget() {
	r.keep, r.old = 0, rowsView{}
	r.created, r.top = 1, 0
	r.soft = append(r.soft[:0], false)
	r.row, r.col, r.pending, r.pendW = 0, 0, false, false
	r.pen = 0
	r.lmargin = 0
}

func (r *Renderer) opts() layoutOptions {
	if r.hscroll {
		return layoutOptions{hscroll: true, newlineAsCaret: true}
	}
	return layoutOptions{}
}

func (r *Renderer) render(f Frame) {
	if r.tab.full() {
		// Styles and long clusters pile up when prompts and menus keep
		// changing: start a new table, and draw everything again.
		if r.start == rsNone {
			r.redrawAll()
		}
		r.tab = newCellTable()
		r.cur.tab, r.spare.tab = r.tab, r.tab
	}
	// Lay out the frame from the first row that may change, keeping the
	// rows it replaces to diff against: laid out over the last frame, with
	// a copy of its rows from there on, or in the spare grid, with a copy
	// of the rows above, whichever copies less.
	opt := r.opts()
	keep := 0
	if r.start == rsNone {
		keep = r.cur.resumeRow(f, r.width, opt)
	} else {
		r.cur.rows = r.cur.rows[:0] // nothing to resume from
	}
	r.keep = keep
	if len(r.cur.rows) > 0 {
		split := r.cur.rows[keep].start
		if split <= len(r.cur.cells)-split {
			r.spare.copyPrefix(r.cur, keep, len(f.Text))
			r.old = rowsView{rows: r.cur.rows[keep:], cells: r.cur.cells, first: keep}
			r.cur, r.spare = r.spare, r.cur
		} else {
			r.savedCells = append(r.savedCells[:0], r.cur.cells[split:]...)
			r.savedRows = append(r.savedRows[:0], r.cur.rows[keep:]...)
			for i := range r.savedRows {
				r.savedRows[i].start -= split
			}
			r.old = rowsView{rows: r.savedRows, cells: r.savedCells, first: keep}
		}
	} else {
		r.old = rowsView{}
	}
	r.cur.tab = r.tab
	r.cur.elideH = 0
	if !opt.hscroll {
		r.cur.elideH = r.height
	}
	r.cur.layoutFrom(f, r.width, opt, keep)
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
	if opt.hscroll {
		r.scrollLongRow()
	}
	r.start, r.dirty = rsNone, false
	if r.height > 0 && r.top > 0 && (r.cur.cursorRow < r.top || len(r.cur.rows) <= r.top) {
		r.reanchor()
	}
	r.diff()
	r.drawnW = r.width
}

// reanchor starts the frame again at the top of the screen when it must
// show a row that scrolled off it: the window of rows that holds the
// cursor and as much of the end of the frame as fits is drawn from the
// screen's first row, which the frame's row r.top is on.
func (r *Renderer) reanchor() {
	nw := r.cur
	r.moveTo(r.top, 0, nil)
	r.resetPen()
	r.emit("\x1b[J")
	w0 := max(0, len(nw.rows)-r.height)
	if nw.cursorRow < w0 {
		w0 = nw.cursorRow
	}
	r.keep, r.old = w0, rowsView{}
	r.created, r.top = w0+1, w0
	r.soft = r.soft[:0]
	for range r.created {
		r.soft = append(r.soft, false)
	}
	r.row, r.col, r.pending, r.pendW = w0, 0, false, false
	r.gknown = false
}

// scrollLongRow replaces the long row of r.cur by its window.
func (r *Renderer) scrollLongRow() {
	g := r.cur
	lr := g.longRow
	line := g.row(lr)
	cur := cellsCols(line) // the cursor is on the long row: the text is there
	if g.cursorRow == lr {
		cur = g.cursorCol
	}
	var wcur int
	r.winBuf, wcur = hscrollWindow(r.winBuf, line, cur, r.width, &r.lmargin)
	end := g.rows[lr].start + len(line)
	r.tailBuf = append(r.tailBuf[:0], g.cells[end:]...)
	g.cells = append(append(g.cells[:g.rows[lr].start], r.winBuf...), r.tailBuf...)
	shift := len(r.winBuf) - len(line)
	for i := lr + 1; i < len(g.rows); i++ {
		g.rows[i].start += shift
	}
	g.rows[lr].cols = cellsCols(r.winBuf)
	g.rows[lr].resume = rowResume{text: -1}
	if g.cursorRow == lr {
		g.cursorCol = wcur
	}
}

// diff draws r.cur over the frame on the screen: the same up to row
// r.keep, then the rows in r.old.
func (r *Renderer) diff() {
	nw := r.cur
	r.gknown = false
	from, to := r.keep, len(nw.rows)
	if r.height > 0 {
		// Rows above the screen cannot be reached; rows below it are
		// drawn, scrolling the screen, as far as they can without
		// scrolling the cursor's row off it. Rows of the frame that were
		// not drawn (r.created and on) are drawn when they come in view.
		from = max(min(from, r.created), r.top)
		to = min(to, max(r.top+r.height, nw.cursorRow+1))
	}
	drawn := r.created // the rows on the screen before this frame (r.old has them from r.keep)
	for i := from; i < to; i++ {
		if i == r.created && r.height > 0 && to-i > r.height*(skipScreens+1) {
			i = r.skipRows(to - r.height)
		}
		if nw.rows[i].elided {
			// Far above the cursor: it scrolls off the screen once the
			// rows below are drawn (the grid keeps no cells for it).
			if i >= r.created {
				r.vertical(r.created - 1)
				r.resetPen()
				r.emit("\r\n")
				r.row, r.col, r.pending, r.pendW = i, 0, false, false
				r.created++
				r.soft = append(r.soft, false)
				r.scrolled()
			}
			continue
		}
		var scr []cell
		var sc int
		if i < drawn {
			scr, sc, _, _ = r.old.row(i)
		}
		cells := nw.row(i)
		if i >= r.created && r.createRow(i) {
			scr = cells[:1]
			sc = scr[0].w()
		}
		r.diffRow(i, scr, sc, cells, nw.rows[i].cols)
	}
	if r.created > len(nw.rows) {
		r.moveTo(len(nw.rows), 0, nil)
		r.resetPen()
		r.emit("\x1b[J")
		r.created = len(nw.rows)
		r.soft = r.soft[:r.created]
	}
	r.moveTo(nw.cursorRow, nw.cursorCol, nw.row(nw.cursorRow))
	r.resetPen()
}

// createRow makes row i, the one below the last row on the screen. A soft
// wrap is made by the terminal's autowrap: write the last cell of row i-1,
// then the first of row i (or a blank); it reports whether it wrote row i's
// first cell. Other rows start with CR LF.
func (r *Renderer) createRow(i int) bool {
	nw := r.cur
	prev := nw.row(i - 1)
	if nw.rows[i].wrapped && nw.rows[i-1].cols == r.width && len(prev) > 0 && prev[len(prev)-1].w() == 1 {
		if !(r.row == i-1 && r.pending && !r.pendW) {
			r.moveTo(i-1, r.width-1, prev)
			r.writeCells(prev[len(prev)-1:])
		}
		r.created++
		r.soft = append(r.soft, true)
		r.scrolled()
		if cells := nw.row(i); len(cells) > 0 {
			r.writeCells(cells[:1])
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
	r.scrolled()
	return false
}

// skipScreens is how many screens of new rows a frame may scroll by
// before the renderer stops writing those that would only go by: a paste
// of a megabyte is thousands of rows, of which the screen shows the last.
const skipScreens = 4

// skipRows makes the rows of the frame from r.created up to first exist
// without writing them: they would scroll off the screen as soon as
// written, under the rows from first on, which fill it. The next row
// drawn, first, starts on a new line below the last row on the screen;
// as the screen fills the rows above go off it. Readline writes every
// row, so the terminal's scrollback holds the whole line; here it holds
// the rows up to r.created, then the screen's rows. It returns first.
func (r *Renderer) skipRows(first int) int {
	r.vertical(r.created - 1)
	r.resetPen()
	r.emit("\r\n")
	r.row, r.col, r.pending, r.pendW = first, 0, false, false
	for r.created <= first {
		r.soft = append(r.soft, false)
		r.created++
	}
	r.scrolled()
	return first
}

// scrolled notes that the frame's rows may have scrolled the screen.
func (r *Renderer) scrolled() {
	if r.height > 0 {
		r.top = max(r.top, r.created-r.height)
	}
}

// diffRow turns screen row i from scr (sc columns) into nw (nc columns).
func (r *Renderer) diffRow(i int, scr []cell, sc int, nw []cell, nc int) {
	p := cellsPrefix(scr, nw)
	if p == len(scr) && p == len(nw) {
		return
	}
	c := cellsCols(nw[:p])

	// Rewrite from the first difference...
	from, to, el := rdPlainPlan(scr, sc, nw, nc, p)
	best, bestD := r.writeLen(nw[from:to])+rdBool(el)*3, 0
	// ...or shift the rest of the row with ICH/DCH and write less. Not
	// over wide characters, which terminals shift differently.
	var sim []cell
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
			if fc := cellsCols(nw[:f]); fc > c && f < t {
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
		r.moveTo(i, cellsCols(nw[:from]), known)
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
func rdPlainPlan(scr []cell, sc int, nw []cell, nc int, p int) (from, to int, el bool) {
	from = p + cellsPrefix(scr[min(p, len(scr)):], nw[p:])
	if sc == nc { // what ends the same stays in place
		i, j := len(scr), len(nw)
		for i > from && j > from && scr[i-1] == nw[j-1] {
			i--
			j--
		}
		return from, max(j, from), false
	}
	return from, len(nw), cellsInkEnd(scr) > nc
}

// shifted returns scr (sc columns) as the terminal shows it after
// inserting (d > 0) or deleting (d < 0) d columns at column c, cell p, and
// its columns; ok is false when that cannot be done on cell boundaries.
// The cells from p on are narrow. buf chooses one of two buffers.
func (r *Renderer) shifted(scr []cell, sc, p, c, d, buf int) (sim []cell, cols int, ok bool) {
	if (d > 0 && c+d >= r.width) || (d < 0 && p-d > len(scr)) {
		return nil, 0, false
	}
	sim = append(r.sim[buf][:0], scr[:p]...)
	if d > 0 {
		for range d {
			sim = append(sim, blank)
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
	nw := r.cur
	start := i
	for start > r.keep && nw.rows[start].wrapped {
		start--
	}
	n := 0
	for k := start; k < len(nw.rows) && (k == start || nw.rows[k].wrapped); k++ {
		n += nw.rows[k].cols
	}
	for k := start; ; k++ {
		_, cols, wrapped, ok := r.old.row(k)
		if !ok || (k != start && !wrapped) {
			break
		}
		n -= cols
	}
	return n
}

// writeLen returns the bytes writeCells would write for cells.
func (r *Renderer) writeLen(cells []cell) int {
	n, pen := 0, r.pen
	for i := range cells {
		c := &cells[i]
		if c.style() != pen {
			if pen != 0 {
				n += 4
			}
			n += len(r.tab.styles[c.style()])
			pen = c.style()
		}
		n += r.tab.textLen(c)
	}
	if pen != 0 {
		n += 4
	}
	return n
}

// writeCells writes cells at the cursor. In the pending-wrap state the
// first goes to the next row, by the terminal's autowrap.
func (r *Renderer) writeCells(cells []cell) {
	for i := range cells {
		c := &cells[i]
		if r.pending {
			r.row, r.col, r.pending = r.row+1, 0, false
		}
		if c.style() != r.pen {
			r.resetPen()
			r.emit(r.tab.styles[c.style()])
			r.pen = c.style()
		}
		r.buf = r.tab.appendText(r.buf, c)
		r.col += c.w()
		if r.col >= r.width {
			r.col, r.pending, r.pendW = r.width, true, c.w() > 1
		}
	}
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
