package lineedit

// Dumb mode: a terminal that understands no escape sequence (TERM=dumb).
// The renderer writes only characters, \b, \r and \r\n, and shows the
// last line of the prompt and the text on one row scrolled horizontally,
// leaving the last column free as readline does on a terminal without
// automatic margins.

// renderDumb draws f for a terminal that understands no escape sequence.
func (r *Renderer) renderDumb(f Frame) {
	if r.tab.full() {
		// A new table: the window on the screen can no longer be compared
		// cell by cell. Every column of it becomes unknown.
		r.tab = newCellTable()
		for i := range r.dcells {
			r.dcells[i] = unknownCell
		}
	}
	g := r.cur
	g.tab = r.tab
	g.layoutFrom(f, unbounded, layoutOptions{plain: true, newlineAsCaret: true, noHint: true, noBelow: true, hscroll: true}, 0)
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
		for i := range g.longRow {
			for _, c := range g.row(i) {
				r.buf = r.tab.appendText(r.buf, &c)
			}
			r.emit("\r\n")
		}
		r.dcells, r.dcol, r.lmargin = r.dcells[:0], 0, 0
	case rsResize: // redraw the line: the rows above are out of reach
		r.emit("\r")
		r.dcol = 0
		force = true
	}
	r.start, r.dirty = rsNone, false

	win := max(r.width-1, 1)
	var cur int
	r.winBuf, cur = hscrollWindow(r.winBuf, g.row(g.longRow), g.cursorCol, win, &r.lmargin)
	w := r.winBuf

	old := r.dcells
	p := 0
	if !force {
		p = cellsPrefix(old, w)
	}
	if force || p < len(old) || p < len(w) {
		r.dumbMove(cellsCols(w[:p]), w)
		for i := p; i < len(w); i++ {
			r.buf = r.tab.appendText(r.buf, &w[i])
		}
		r.dcol = cellsCols(w)
		if oe := min(cellsCols(old), win); oe > r.dcol {
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
func (r *Renderer) dumbMove(col int, known []cell) {
	if col == r.dcol {
		return
	}
	if col < r.dcol {
		n := r.dcol - col
		if cr := 1 + r.textLenUpTo(known, 0, col); cr < n && cr > 0 {
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
	for b < len(known) && bcol+known[b].w() <= r.dcol {
		bcol += known[b].w()
		b++
	}
	fwd := (r.dcol - bcol) + r.textLenUpTo(known, bcol, col)
	cr := 1 + r.textLenUpTo(known, 0, col)
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

// textLenUpTo returns the bytes of the cells of known from column from to
// column to.
func (r *Renderer) textLenUpTo(known []cell, from, to int) int {
	n, col := 0, 0
	for i := 0; i < len(known) && col < to; i++ {
		if col >= from {
			n += r.tab.textLen(&known[i])
		}
		col += known[i].w()
	}
	return n
}

func (r *Renderer) emitUpTo(known []cell, from, to int) {
	col := 0
	for i := 0; i < len(known) && col < to; i++ {
		if col >= from {
			r.buf = r.tab.appendText(r.buf, &known[i])
		}
		col += known[i].w()
	}
}
