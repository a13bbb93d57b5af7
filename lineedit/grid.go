package lineedit

import (
	"strings"
	"unicode/utf8"
)

// A grid is a Frame laid out in cells for a terminal of some width: the
// renderer's own form of a Layout. It keeps what it needs to lay out the
// next frame from the row where that frame starts to differ, rather than
// from the top: typing at the end of a long line lays out one row.
type grid struct {
	tab   *cellTable
	width int
	rows  []gridRow
	cells []cell // the cells of all the rows, in order
	// cursorRow and cursorCol are where the cursor stands (see Layout).
	cursorRow, cursorCol int
	// longRow is, with layoutOptions.hscroll, the row holding the last
	// line of the prompt, the text and the hint at an unbounded width.
	longRow int

	// What the next layout needs to start where the frame changed.
	prompt, mode, text string
	cont, right        string      // Frame.Continuation and Frame.Right
	spans              []StyleSpan // a copy of Frame.Styles
	opt                layoutOptions
	endState           []byte // the SGR state at the end of the prompt
	cursorMade         int    // the row made only to hold the cursor, or 0
	textRow            int    // the row where the text starts
	bufs               [4][]byte
	subBufs            [3][]byte // for the continuation and right prompts
	rightCells         []cell
	// elideH, when not 0, is the height of the terminal the grid is laid
	// out for: the rows of text far enough above the cursor that they can
	// never be on the screen with it keep no cells (see elideRows).
	elideH int
}

// gridRow is one row of a grid.
type gridRow struct {
	start   int // index in grid.cells of the row's first cell
	cols    int
	wrapped bool      // a soft wrap: the row continues the one above
	elided  bool      // the row keeps no cells: it is far above the cursor (see elideRows)
	resume  rowResume // how to lay out the frame again from this row
}

// rowResume tells how to lay out a frame again from the start of a row.
type rowResume struct {
	text  int    // offset in Text of the row's first cell; -1: cannot start there
	fresh bool   // the builder's fresh flag there
	style uint16 // the style of the row's first cell
	cont  bool   // the row starts with the continuation prompt
}

// row returns the cells of row i.
func (g *grid) row(i int) []cell {
	end := len(g.cells)
	if i+1 < len(g.rows) {
		end = g.rows[i+1].start
	}
	return g.cells[g.rows[i].start:end:end]
}

// layoutOptions are the variants of the layout the renderer needs.
type layoutOptions struct {
	plain           bool // no styles: escape sequences are dropped (TERM=dumb)
	newlineAsCaret  bool // a newline in Text is shown as ^J, not as a new row
	noHint, noBelow bool
	// hscroll lays out the last line of the prompt (with the mode string),
	// the text and the hint on one row of unbounded width, longRow, for
	// horizontal scrolling.
	hscroll bool
}

// unbounded is the width of a row that never wraps.
const unbounded = 1 << 30

// layoutBuilder holds the state of one layout pass.
type layoutBuilder struct {
	g     *grid
	opt   layoutOptions
	width int
	col   int

	state []byte // SGR sequences in force since the last reset
	pre   []byte // zero-width sequences waiting for the next cell
	style uint16 // the style of the next cell
	// Highlighting (Frame.Styles): the spans, the first one that may
	// cover the text from here on, and the style of text cells in the
	// span being laid out (0: none, cells take style).
	spans    []StyleSpan
	si       int
	hl       uint16
	hlSGR    string
	hlBuf    []byte
	right    string // Frame.Right, until the text's first row ends
	scratch  []byte
	fresh    bool // the next cluster starts a piece of text: check it does not join what is before
	cursorAt bool // the next cell placed carries the cursor
	cursorOK bool // the cursor has been placed

	inText    bool // laying out Text
	tokStart  int  // offset in Text of the token being placed
	tokFresh  bool // fresh before it
	tokPlaced bool // a cell of it was placed
	byCursor  bool // the row is started for the cursor (not a place to resume)
	filled    bool // the row is started after blanking the last column for a wide character
	elideNext int  // with grid.elideH: the first row that may still be elided
}

func (g *grid) layout(f Frame, width int, opt layoutOptions) {
	g.layoutFrom(f, width, opt, g.resumeRow(f, width, opt))
}

// resumeRow returns the first row that laying out f may change, given that
// g holds the frame before: the rows above it stay as they are. It is 0 when
// the prompt, the width or the options changed.
func (g *grid) resumeRow(f Frame, width int, opt layoutOptions) int {
	if len(g.rows) < 2 || g.width != max(width, 2) || g.opt != opt || opt.hscroll || g.prompt != f.Prompt || g.mode != f.Mode ||
		g.cont != f.Continuation || g.right != f.Right {
		return 0
	}
	// The bytes that changed can change how the few before them decode
	// (a UTF-8 sequence cut, a combining mark added, the boundary between
	// two clusters): start on a row that begins well before them. The
	// cursor's row is laid out again to find it.
	limit := min(commonPrefixLen(g.text, f.Text)-resumeMargin, min(max(f.Cursor, 0), len(f.Text)))
	if len(g.spans) > 0 || len(f.Styles) > 0 {
		// The rows above must keep their colours too.
		limit = min(limit, spansDiffer(g.spans, f.Styles))
	}
	if limit < 0 {
		return 0
	}
	for r := len(g.rows) - 1; r > 0; r-- {
		if g.cursorMade > 0 && r >= g.cursorMade {
			continue // that row must be decided again
		}
		if t := g.rows[r].resume.text; t >= 0 && t <= limit {
			return r
		}
	}
	return 0
}

// resumeMargin is how many unchanged bytes a row laid out again must start
// with: enough for a UTF-8 sequence and the look-ahead of a boundary.
const resumeMargin = 8

// commonPrefixLen returns the length of the longest common prefix of a and b.
func commonPrefixLen(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	// Compare in blocks, large then small: memequal is fast.
	for i+4096 <= n && a[i:i+4096] == b[i:i+4096] {
		i += 4096
	}
	for i+64 <= n && a[i:i+64] == b[i:i+64] {
		i += 64
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}

// copyPrefix makes g hold the first keep rows of src and what resuming
// the layout at row keep needs (see layoutFrom), for a frame with text
// bytes of text.
func (g *grid) copyPrefix(src *grid, keep, text int) {
	g.tab = src.tab
	g.width, g.opt = src.width, src.opt
	g.prompt, g.mode, g.text = src.prompt, src.mode, src.text
	g.cont, g.right, g.textRow = src.cont, src.right, src.textRow
	g.spans = append(g.spans[:0], src.spans...)
	g.endState = append(g.endState[:0], src.endState...)
	g.cursorMade = src.cursorMade
	// The grids take turns: give this one the room the other has, but
	// not much more than a frame with text bytes of text needs (after a
	// paste of a megabyte, C-u needs a row, not the sixteen megabytes the
	// other grid holds).
	size, need := cap(src.cells), src.rows[keep].start+text
	if size > 4*need+64<<10 {
		size = 2*need + 64
	}
	if cap(g.cells) < size {
		g.cells = make([]cell, 0, size)
	}
	if cap(g.rows) < cap(src.rows) {
		g.rows = make([]gridRow, 0, cap(src.rows))
	}
	g.rows = append(g.rows[:0], src.rows[:keep+1]...)
	g.cells = append(g.cells[:0], src.cells[:src.rows[keep].start]...)
}

// layoutFrom lays out f, keeping the first rows rows of the layout that is
// in g (rows from resumeRow; 0 to start from scratch).
func (g *grid) layoutFrom(f Frame, width int, opt layoutOptions, rows int) {
	width = max(width, 2)
	b := layoutBuilder{g: g, opt: opt, width: width}
	b.state, b.scratch, b.pre, b.hlBuf = g.bufs[0][:0], g.bufs[1][:0], g.bufs[2][:0], g.bufs[3][:0]
	cursor := min(max(f.Cursor, 0), len(f.Text))
	from := 0
	g.longRow = -1
	cont := f.Continuation
	if opt.newlineAsCaret {
		cont = ""
	}
	if rows > 0 {
		rr := g.rows[rows].resume
		g.cells = g.cells[:g.rows[rows].start]
		g.rows = g.rows[:rows+1]
		g.rows[rows] = gridRow{start: len(g.cells), wrapped: g.rows[rows].wrapped, resume: rr}
		b.state = append(b.state, g.endState...)
		b.style, b.fresh, from = rr.style, rr.fresh, rr.text
		if rr.cont && cont != "" {
			b.continuation(cont)
		}
	} else {
		g.cells = g.cells[:0]
		g.rows = append(g.rows[:0], gridRow{resume: rowResume{text: -1}})
		b.prompt(f.Prompt, f.Mode)
		g.endState = append(g.endState[:0], b.state...)
		b.fresh = true
		g.textRow = len(g.rows) - 1
		if !opt.hscroll && !opt.plain {
			b.right = f.Right
		}
	}
	if !opt.plain && len(f.Styles) > 0 {
		b.spans = f.Styles
	}
	g.cont, g.right = f.Continuation, f.Right
	g.spans = append(g.spans[:0], f.Styles...)
	need := len(g.cells) + len(f.Text) - from
	if g.elideH > 0 && !opt.hscroll {
		// Only the rows near the cursor keep their cells.
		b.elideNext = max(rows, g.textRow+1)
		need = min(need, len(g.cells)+(3*elideScreens*g.elideH+4)*width)
	} else {
		b.elideNext = -1
	}
	if cap(g.cells) < need {
		// One cell a byte is the most ASCII text needs: grow once.
		g.cells = append(make([]cell, 0, need+need/8+64), g.cells...)
	}
	g.width, g.prompt, g.mode, g.text, g.opt = width, f.Prompt, f.Mode, f.Text, opt
	g.cursorRow, g.cursorCol, g.cursorMade = 0, 0, 0

	// The text, in the colour state the prompt left.
	b.inText = true
	text := f.Text
	for i := from; i < len(text); {
		// The fast path: a run of printable ASCII, none of it the start of
		// a larger cluster.
		if c := text[i]; c >= 0x20 && c < 0x7f && len(b.pre) == 0 && !b.cursorAt {
			cells, col, width, style, run := g.cells, b.col, b.width, b.style, i
			end := len(text)
			if b.spans != nil {
				// A run stops where the highlighting changes.
				end = b.spanAt(i)
				if b.hl != 0 {
					style = b.hl
				}
			}
			for ; i < end; i++ {
				c := text[i]
				if c < 0x20 || c >= 0x7f || (i+1 < len(text) && text[i+1] >= 0x80) {
					break
				}
				if col >= width {
					g.cells, b.col = cells, col
					b.fresh = b.fresh && i == run
					b.tokStart, b.tokFresh, b.tokPlaced = i, b.fresh, false
					b.newRow(true)
					cells, col = g.cells, 0
				}
				if i == cursor && !b.cursorOK {
					b.cursorOK = true
					g.cursorRow, g.cursorCol = len(g.rows)-1, col
				}
				cells = append(cells, asciiCell(c, style))
				col++
			}
			g.cells, b.col = cells, col
			b.fresh = false
			if i == len(text) {
				break
			}
			if i == end {
				continue
			}
		}
		b.tokStart, b.tokFresh, b.tokPlaced = i, b.fresh, false
		t := b.check(text, i, nextDispToken(text, i))
		if !b.cursorOK && cursor < i+t.size {
			b.cursorAt = true
		}
		if t.kind == dispNewline && !opt.newlineAsCaret {
			if b.cursorAt {
				b.placeCursor()
			}
			b.fresh = true
			b.tokStart, b.tokFresh = i+t.size, true
			b.newRow(false)
			if cont != "" {
				if rr := &g.rows[len(g.rows)-1].resume; rr.text >= 0 {
					rr.cont = true
				}
				b.continuation(cont)
			}
		} else {
			if b.spans != nil {
				b.spanAt(i)
			}
			b.token(text, i, t)
		}
		i += t.size
	}
	b.inText = false
	b.hl = 0
	if !b.cursorOK {
		b.placeCursor()
	}

	// The hint, dimmed, after the text.
	if f.Hint != "" && !opt.noHint {
		hs := f.HintStyle
		if hs == "" {
			hs = "\x1b[2m"
		}
		b.setState(append(append(b.scratch[:0], b.state...), hs...))
		b.fresh = true
		b.segment(f.Hint, false, true)
	}
	b.width = width

	// The lines below, each on a row of its own, each starting with no style.
	if !opt.noBelow {
		for _, line := range f.Below {
			for {
				b.newRow(false)
				b.pre = b.pre[:0]
				b.setState(b.scratch[:0])
				b.fresh = true
				nl := strings.IndexByte(line, '\n')
				if nl < 0 {
					b.segment(line, false, true)
					break
				}
				b.segment(line[:nl], false, true)
				line = line[nl+1:]
			}
		}
	}

	b.endRow()
	g.bufs = [4][]byte{b.state, b.scratch, b.pre, b.hlBuf}
}

// prompt lays out the prompt with the mode string at the start of its last
// line. With hscroll, that line starts the long row.
func (b *layoutBuilder) prompt(prompt, mode string) {
	last := 0
	if mode != "" || b.opt.hscroll {
		last = promptLastNewline(prompt) + 1
	}
	b.segment(prompt[:last], true, true)
	if b.opt.hscroll {
		b.g.longRow = len(b.g.rows) - 1
		b.width = unbounded
	}
	b.segment(mode, true, true)
	b.segment(prompt[last:], true, true)
}

// check turns a cluster that would join whatever a terminal has before it
// (a combining mark at the start of the text, after a ^X...) into the <hex>
// of its first code point; the rest of it is laid out after that.
func (b *layoutBuilder) check(s string, i int, t dispToken) dispToken {
	if t.kind != dispCluster || !b.fresh || s[i] < 0x80 || !dispJoinsPrevious(s[i:i+t.size]) {
		return t
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return dispToken{kind: dispHex, size: n, width: dispHexLen(r) + 2, r: r}
}

// segment lays out a prompt, hint or Below line: escape sequences and, in a
// prompt, \001...\002 take no columns; newlines start rows.
func (b *layoutBuilder) segment(s string, prompt, escapes bool) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case prompt && c == promptStartIgnore:
			j := strings.IndexByte(s[i+1:], promptEndIgnore)
			end := len(s)
			if j >= 0 {
				end = i + 1 + j
			}
			b.ignored(s[i+1 : end])
			i = end + 1
			continue
		case prompt && c == promptEndIgnore:
			i++
			continue
		case escapes && c == 0x1b:
			if n, kind := dispEscapeLen(s[i:]); n > 0 {
				b.escape(s[i:i+n], kind)
				i += n
				continue
			}
		}
		t := b.check(s, i, nextDispToken(s, i))
		if t.kind == dispNewline {
			b.newRow(false)
			b.fresh = true
		} else {
			b.token(s, i, t)
		}
		i += t.size
	}
}

// ignored takes the bytes between \001 and \002: escape sequences among
// them update the style; the rest is passed on with the next cell. An
// incomplete escape sequence is dropped: written to a terminal it would eat
// the characters after it.
func (b *layoutBuilder) ignored(s string) {
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			n, kind := dispEscapeLen(s[i:])
			if n == 0 {
				return
			}
			b.escape(s[i:i+n], kind)
			i += n
			continue
		}
		j := strings.IndexByte(s[i:], 0x1b)
		if j < 0 {
			j = len(s) - i
		}
		if !b.opt.plain {
			b.pre = append(b.pre, s[i:i+j]...)
			b.updateStyle()
		}
		i += j
	}
}

// escape applies one complete escape sequence.
func (b *layoutBuilder) escape(seq string, kind dispEscKind) {
	if b.opt.plain {
		return
	}
	if kind != dispEscSGR {
		b.pre = append(b.pre, seq...)
		b.updateStyle()
		return
	}
	params := seq[2 : len(seq)-1]
	switch {
	case params == "" || params == "0" || params == "00":
		b.setState(b.scratch[:0])
	case strings.HasPrefix(params, "0;") || strings.HasPrefix(params, ";"):
		b.setState(append(b.scratch[:0], seq...))
	default:
		b.setState(append(append(b.scratch[:0], b.state...), seq...))
	}
}

// setState replaces the SGR state with s (which may alias b.scratch).
func (b *layoutBuilder) setState(s []byte) {
	if b.opt.plain {
		return
	}
	b.scratch = b.state[:0]
	b.state = s
	b.updateStyle()
}

func (b *layoutBuilder) updateStyle() {
	if len(b.pre) == 0 {
		b.style = b.g.tab.style(b.state)
		return
	}
	n := len(b.pre)
	b.pre = append(b.pre, b.state...)
	b.style = b.g.tab.style(b.pre)
	b.pre = b.pre[:n]
}

// token places one token of text s at i.
func (b *layoutBuilder) token(s string, i int, t dispToken) {
	switch t.kind {
	case dispCluster:
		b.fresh = false
		b.place(b.g.tab.cluster(s[i:i+t.size], t.width, b.style))
	case dispTab:
		b.fresh = true
		if b.col >= b.width {
			b.newRow(true)
		}
		n := TabWidth - b.col%TabWidth
		if b.col+n > b.width {
			n = b.width - b.col
		}
		for range n {
			b.placeASCII(' ')
		}
	case dispNewline: // only with newlineAsCaret
		b.fresh = true
		b.placeASCII('^')
		b.placeASCII('J')
	case dispControl:
		b.fresh = true
		b.placeASCII('^')
		if t.r == 0x7f {
			b.placeASCII('?')
		} else {
			b.placeASCII(dispCaretLetters[t.r])
		}
	case dispOctal:
		b.fresh = true
		v := t.r
		b.placeASCII('\\')
		b.placeASCII(dispHexDigits[v>>6&7])
		b.placeASCII(dispHexDigits[v>>3&7])
		b.placeASCII(dispHexDigits[v&7])
	case dispHex:
		b.hex(t.r)
	}
}

// hex shows code point r as <hex>.
func (b *layoutBuilder) hex(r rune) {
	b.fresh = true
	b.placeASCII('<')
	for sh := (dispHexLen(r) - 1) * 4; sh >= 0; sh -= 4 {
		b.placeASCII(dispHexDigits[r>>sh&15])
	}
	b.placeASCII('>')
}

func (b *layoutBuilder) placeASCII(c byte) { b.place(asciiCell(c, b.style)) }

// place appends a cell, wrapping first if it does not fit.
func (b *layoutBuilder) place(c cell) {
	g := b.g
	w := c.w()
	if b.col+w > b.width {
		for b.col < b.width { // a wide character that does not fit: blank the last column
			g.cells = append(g.cells, blank)
			b.col++
			b.filled = true
		}
		b.newRow(true)
		b.filled = false
	}
	if b.cursorAt {
		b.cursorAt, b.cursorOK = false, true
		g.cursorRow, g.cursorCol = len(g.rows)-1, b.col
	}
	if b.hl != 0 {
		c.hi = c.hi&^(0xffff<<cellStyleShift) | uint64(b.hl)<<cellStyleShift
	}
	g.cells = append(g.cells, c)
	b.col += w
	b.tokPlaced = true
	if len(b.pre) > 0 {
		b.pre = b.pre[:0]
		b.updateStyle()
		if b.hl != 0 {
			b.hl = b.hlStyle(b.hlSGR)
		}
	}
}

// placeCursor puts the cursor at the current position: at the end of the
// text, or on a newline. After a full row that is column 0 of a new row.
func (b *layoutBuilder) placeCursor() {
	if b.col >= b.width {
		b.byCursor = true
		b.newRow(true)
		b.byCursor = false
		b.g.cursorMade = len(b.g.rows) - 1
	}
	b.cursorAt, b.cursorOK = false, true
	b.g.cursorRow, b.g.cursorCol = len(b.g.rows)-1, b.col
}

func (b *layoutBuilder) endRow() {
	if b.right != "" && len(b.g.rows)-1 == b.g.textRow {
		b.placeRight()
	}
	b.g.rows[len(b.g.rows)-1].cols = b.col
}

func (b *layoutBuilder) newRow(wrapped bool) {
	b.endRow()
	b.col = 0
	rr := rowResume{text: -1}
	// A row can be laid out again on its own if it starts with a whole
	// token of the text, and the row above does not depend on that token
	// (it was not cut short for a wide character).
	if b.inText && !b.tokPlaced && !b.byCursor && !b.filled && len(b.pre) == 0 {
		rr = rowResume{text: b.tokStart, fresh: b.tokFresh, style: b.style}
	}
	b.g.rows = append(b.g.rows, gridRow{start: len(b.g.cells), wrapped: wrapped, resume: rr})
	if b.elideNext >= 0 && b.inText && !b.cursorOK {
		b.elideRows()
	}
}

// elideScreens is how many screens above the cursor a row must be for
// the grid to keep no cells for it: more than the renderer ever writes
// of a frame that scrolls (skipScreens), so that an elided row is one it
// skips, or one that scrolls off the screen without being written.
const elideScreens = skipScreens + 1

// elideRows drops the cells of the rows of text that are more than
// elideScreens screens above the row being laid out, while the cursor is
// still to come (so it is below that row). A paste of a megabyte is laid
// out in the cells of a few screens, not sixteen megabytes of them. The
// rows keep what the renderer and the next layout need (their columns,
// how to resume there).
func (b *layoutBuilder) elideRows() {
	g := b.g
	limit := len(g.rows) - 1 - elideScreens*g.elideH - 1
	if limit-b.elideNext < elideScreens*g.elideH {
		return // in batches: each moves the cells below down
	}
	base, cut := g.rows[b.elideNext].start, g.rows[limit].start
	n := copy(g.cells[base:], g.cells[cut:])
	g.cells = g.cells[:base+n]
	for r := b.elideNext; r < limit; r++ {
		g.rows[r].start, g.rows[r].elided = base, true
	}
	for r := limit; r < len(g.rows); r++ {
		g.rows[r].start -= cut - base
	}
	b.elideNext = limit
}
