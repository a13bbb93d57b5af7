package lineedit

// Cursor movement for the Renderer: always relative, by the fewest bytes.

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
func (r *Renderer) moveTo(row, col int, known []cell) {
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
func (r *Renderer) hCost(sc int, pend bool, col int, known []cell) (int, rdHMove) {
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
func (r *Renderer) rewriteLen(known []cell, from, to, extra int) int {
	if to-from > 16 {
		return -1
	}
	n, col := extra, 0
	if r.pen != 0 {
		n += 4
	}
	for i := range known {
		if col >= to {
			break
		}
		c := &known[i]
		if col >= from {
			if c.style() != 0 {
				return -1
			}
			n += r.tab.textLen(c)
		} else if col+c.w() > from {
			return -1
		}
		col += c.w()
	}
	if col != to {
		return -1
	}
	return n
}

func (r *Renderer) rewrite(known []cell, from, to int) {
	col := 0
	for i := range known {
		if col >= to {
			break
		}
		if col >= from {
			r.writeCells(known[i : i+1])
		}
		col += known[i].w()
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
	g := r.cur
	for i := 0; i <= r.row && i < len(g.rows); {
		j := i
		for j+1 < r.created && j+1 < len(g.rows) && r.soft[j+1] {
			j++
		}
		if j >= r.row {
			off := (r.row-i)*ow + r.col
			rows += off / width
			break
		}
		total := (j-i)*ow + g.rows[j].cols
		rows += max(1, (total+width-1)/width)
		i = j + 1
	}
	return max(r.row, rows)
}
