package lineedit

// Horizontal scrolling, as readline does it with horizontal-scroll-mode
// and on terminals that cannot move the cursor up (TERM=dumb): the last
// line of the prompt and the text stay on one row, which shows a window of
// them. The window moves in thirds of its width (display.c, rl_redisplay):
// when the cursor goes past the second column from the right, the window
// moves so that the cursor is two thirds of the way across; when it goes
// back to the left edge, the window moves left to a multiple of a third;
// a line that fits from column 0 is shown from column 0. A < in the first
// column says the line goes on to the left, a > in the last column that it
// goes on to the right.

// hscrollWindow returns in dst the window of width columns of line, the
// cells of the long row, in which the cursor (column cur of the line)
// shows, and the cursor's column in it. lmargin is the line's column at
// the left edge of the window last time; it is updated.
func hscrollWindow(dst, line []cell, cur, width int, lmargin *int) ([]cell, int) {
	*lmargin = hscrollMargin(cur, width, *lmargin)
	return hscrollCut(dst, line, *lmargin, width), cur - *lmargin
}

// hscrollMargin returns the line's column at the left edge of a window of
// width columns that shows column cur, the cursor, when it was last at
// column last: readline's lmargin.
func hscrollMargin(cur, width, last int) int {
	third := max(width/3, 1)
	lm := last
	switch phys := cur - last; {
	case phys > width-2:
		lm = max(cur-2*third, 0)
	case cur < width-2:
		lm = 0
	case phys < 1:
		lm = max((cur-1)/third*third, 0)
	}
	// On very narrow terminals the thirds do not keep the cursor in view.
	return max(min(max(lm, cur-(width-1)), cur), 0)
}

// hscrollCut returns in dst the cells of line from column lm on, width
// columns of them: a wide character cut by an edge shows as blanks, and
// < and > in the first and last columns tell that the line goes on (on a
// window of at least 3 columns).
func hscrollCut(dst, line []cell, lm, width int) []cell {
	w := dst[:0]
	col := 0
	for _, c := range line {
		cw := c.w()
		switch {
		case col >= lm && col+cw <= lm+width:
			w = append(w, c)
		case col < lm+width && col+cw > lm: // a wide character cut by an edge
			for k := max(col, lm); k < min(col+cw, lm+width); k++ {
				w = append(w, blank)
			}
		}
		col += cw
		if col >= lm+width {
			break
		}
	}
	if width >= 3 {
		if lm > 0 {
			w = hscrollSetFirst(w, asciiCell('<', 0))
		}
		if lm+width < cellsCols(line) && cellsCols(w) == width {
			w = hscrollSetLast(w, asciiCell('>', 0))
		}
	}
	return w
}

// hscrollSetFirst puts c, one column, in the first column of w.
func hscrollSetFirst(w []cell, c cell) []cell {
	if len(w) == 0 {
		return w
	}
	if w[0].w() == 2 {
		w = append(w, cell{})
		copy(w[2:], w[1:])
		w[1] = blank
	}
	w[0] = c
	return w
}

// hscrollSetLast puts c, one column, in the last column of w.
func hscrollSetLast(w []cell, c cell) []cell {
	n := len(w) - 1
	if w[n].w() == 2 {
		w[n] = blank
		return append(w, c)
	}
	w[n] = c
	return w
}
