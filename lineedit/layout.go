package lineedit

import (
	"strings"
	"unicode/utf8"
)

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

	cells  []Cell   // the cells of all the rows, in order
	starts []int    // index in cells of each row's first cell
	styles []string // interned style strings, reused from frame to frame
	bufs   [3][]byte

	// What the next layout needs to start where the frame changed rather
	// than from the top.
	prompt, text string
	opt          layoutOptions
	endState     string      // the SGR state at the end of the prompt
	resume       []rowResume // for each row
	cursorMade   int         // the row made only to hold the cursor, or 0
}

// rowResume tells how to lay out a frame again from the start of a row.
type rowResume struct {
	text  int    // offset in Text of the row's first cell; -1: cannot start there
	fresh bool   // the builder's fresh flag there
	style string // the style of the row's first cell
}

// LayoutFrame lays out f for a terminal of width columns (at least 2;
// smaller widths are taken as 2).
//
// The prompt comes first, then Text right after it; both wrap at the width
// like readline (a wide character that does not fit in the last column
// moves to the next row and leaves that column blank), and a newline in
// either starts a new row. The Hint follows the text, dimmed. Each Below
// line starts a row of its own. Escape sequences are interpreted in the
// prompt, the hint and the Below lines (SGR colours carry on from cell to
// cell, and the colour state at the end of the prompt carries on into the
// text, as it does on a terminal); in Text they are shown as ^[.
func LayoutFrame(f Frame, width int) *Layout {
	l := new(Layout)
	l.layout(f, width, layoutOptions{})
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

// layoutOptions are the variants of the layout the renderer needs.
type layoutOptions struct {
	plain           bool // no styles: escape sequences are dropped (TERM=dumb)
	newlineAsCaret  bool // a newline in Text is shown as ^J, not as a new row
	noHint, noBelow bool
}

// layoutBuilder holds the state of one layout pass.
type layoutBuilder struct {
	l     *Layout
	opt   layoutOptions
	width int
	col   int

	state    []byte // SGR sequences in force since the last reset
	pre      []byte // zero-width sequences waiting for the next cell
	style    string // the interned style of the next cell
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
}

func (l *Layout) layout(f Frame, width int, opt layoutOptions) {
	l.layoutFrom(f, width, opt, l.resumeRow(f, width, opt))
}

// resumeRow returns the first row that laying out f may change, given that
// l holds the frame before: the rows above it stay as they are. It is 0 when
// the prompt, the width or the options changed.
func (l *Layout) resumeRow(f Frame, width int, opt layoutOptions) int {
	if len(l.Rows) < 2 || l.Width != max(width, 2) || l.opt != opt || l.prompt != f.Prompt {
		return 0
	}
	// The bytes that changed can change how the few before them decode
	// (a UTF-8 sequence cut, a combining mark added, the boundary between
	// two clusters): start on a row that begins well before them. The
	// cursor's row is laid out again to find it.
	limit := min(commonPrefixLen(l.text, f.Text)-resumeMargin, min(max(f.Cursor, 0), len(f.Text)))
	if limit < 0 {
		return 0
	}
	for r := len(l.resume) - 1; r > 0; r-- {
		if l.cursorMade > 0 && r >= l.cursorMade {
			continue // that row must be decided again
		}
		if t := l.resume[r].text; t >= 0 && t <= limit {
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
	for ; i+64 <= n; i += 64 { // compare in blocks: memequal is fast
		if a[i:i+64] != b[i:i+64] {
			break
		}
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}

// layoutFrom lays out f, keeping the first rows rows of the layout that is
// in l (rows from resumeRow; 0 to start from scratch).
func (l *Layout) layoutFrom(f Frame, width int, opt layoutOptions, rows int) {
	width = max(width, 2)
	b := layoutBuilder{l: l, opt: opt, width: width}
	b.state, b.scratch, b.pre = l.bufs[0][:0], l.bufs[1][:0], l.bufs[2][:0]
	cursor := min(max(f.Cursor, 0), len(f.Text))
	from := 0
	if rows > 0 {
		rr := l.resume[rows]
		l.cells = l.cells[:l.starts[rows]]
		l.Rows = l.Rows[:rows+1]
		l.Rows[rows] = Row{Wrapped: l.Rows[rows].Wrapped}
		l.starts = l.starts[:rows+1]
		l.resume = l.resume[:rows+1]
		b.state = append(b.state, l.endState...)
		b.style, b.fresh, from = rr.style, rr.fresh, rr.text
	} else {
		l.cells = l.cells[:0]
		l.starts = append(l.starts[:0], 0)
		l.Rows = append(l.Rows[:0], Row{})
		l.resume = append(l.resume[:0], rowResume{text: -1})
		// The prompt.
		b.segment(f.Prompt, true, true)
		l.endState = l.intern(b.state)
		b.fresh = true
	}
	l.Width, l.prompt, l.text, l.opt = width, f.Prompt, f.Text, opt
	l.CursorRow, l.CursorCol, l.cursorMade = 0, 0, 0

	// The text, in the colour state the prompt left.
	b.inText = true
	text := f.Text
	for i := from; i < len(text); {
		// The fast path: a run of printable ASCII, none of it the start of
		// a larger cluster.
		if c := text[i]; c >= 0x20 && c < 0x7f && len(b.pre) == 0 && !b.cursorAt {
			cells, col, width, style := b.l.cells, b.col, b.width, b.style
			for ; i < len(text); i++ {
				c := text[i]
				if c < 0x20 || c >= 0x7f || (i+1 < len(text) && text[i+1] >= 0x80) {
					break
				}
				if col >= width {
					b.l.cells, b.col = cells, col
					b.tokStart, b.tokFresh, b.tokPlaced = i, b.fresh, false
					b.newRow(true)
					cells, col = b.l.cells, 0
				}
				if i == cursor && !b.cursorOK {
					b.cursorOK = true
					b.l.CursorRow, b.l.CursorCol = len(b.l.Rows)-1, col
				}
				cells = append(cells, Cell{Text: text[i : i+1], Width: 1, Style: style})
				col++
				b.fresh = false
			}
			b.l.cells, b.col = cells, col
			if i == len(text) {
				break
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
		} else {
			b.token(text, i, t)
		}
		i += t.size
	}
	b.inText = false
	if !b.cursorOK {
		b.placeCursor()
	}

	// The hint, dimmed, after the text.
	if f.Hint != "" && !opt.noHint {
		b.setState(append(append(b.scratch[:0], b.state...), "\x1b[2m"...))
		b.fresh = true
		b.segment(f.Hint, false, true)
	}

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
	for i := range l.Rows {
		end := len(l.cells)
		if i+1 < len(l.starts) {
			end = l.starts[i+1]
		}
		l.Rows[i].Cells = l.cells[l.starts[i]:end:end]
	}
	l.bufs = [3][]byte{b.state, b.scratch, b.pre}
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
		b.style = b.l.intern(b.state)
		return
	}
	n := len(b.pre)
	b.pre = append(b.pre, b.state...)
	b.style = b.l.intern(b.pre)
	b.pre = b.pre[:n]
}

// intern returns a string equal to s, reusing one from an earlier frame if
// there is one, so that a steady prompt costs no allocation.
func (l *Layout) intern(s []byte) string {
	if len(s) == 0 {
		return ""
	}
	for _, t := range l.styles {
		if t == string(s) {
			return t
		}
	}
	if len(l.styles) >= 64 {
		l.styles = l.styles[:0]
	}
	t := string(s)
	l.styles = append(l.styles, t)
	return t
}

// token places one token of text s at i.
func (b *layoutBuilder) token(s string, i int, t dispToken) {
	switch t.kind {
	case dispCluster:
		b.fresh = false
		b.place(s[i:i+t.size], t.width)
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
			b.place(" ", 1)
		}
	case dispNewline: // only with newlineAsCaret
		b.fresh = true
		b.place("^", 1)
		b.place("J", 1)
	case dispControl:
		b.fresh = true
		b.place("^", 1)
		if t.r == 0x7f {
			b.place("?", 1)
		} else {
			b.place(dispCaretLetters[t.r:t.r+1], 1)
		}
	case dispOctal:
		b.fresh = true
		v := t.r
		b.place("\\", 1)
		b.place(dispHexDigits[v>>6&7:v>>6&7+1], 1)
		b.place(dispHexDigits[v>>3&7:v>>3&7+1], 1)
		b.place(dispHexDigits[v&7:v&7+1], 1)
	case dispHex:
		b.hex(t.r)
	}
}

// hex shows code point r as <hex>.
func (b *layoutBuilder) hex(r rune) {
	b.fresh = true
	b.place("<", 1)
	for sh := (dispHexLen(r) - 1) * 4; sh >= 0; sh -= 4 {
		d := r >> sh & 15
		b.place(dispHexDigits[d:d+1], 1)
	}
	b.place(">", 1)
}

// place appends a cell, wrapping first if it does not fit.
func (b *layoutBuilder) place(text string, w int) {
	if b.col+w > b.width {
		for b.col < b.width { // a wide character that does not fit: blank the last column
			b.l.cells = append(b.l.cells, Cell{Text: " ", Width: 1})
			b.col++
			b.filled = true
		}
		b.newRow(true)
		b.filled = false
	}
	if b.cursorAt {
		b.cursorAt, b.cursorOK = false, true
		b.l.CursorRow, b.l.CursorCol = len(b.l.Rows)-1, b.col
	}
	b.l.cells = append(b.l.cells, Cell{Text: text, Width: w, Style: b.style})
	b.col += w
	b.tokPlaced = true
	if len(b.pre) > 0 {
		b.pre = b.pre[:0]
		b.updateStyle()
	}
}

// placeCursor puts the cursor at the current position: at the end of the
// text, or on a newline. After a full row that is column 0 of a new row.
func (b *layoutBuilder) placeCursor() {
	if b.col >= b.width {
		b.byCursor = true
		b.newRow(true)
		b.byCursor = false
		b.l.cursorMade = len(b.l.Rows) - 1
	}
	b.cursorAt, b.cursorOK = false, true
	b.l.CursorRow, b.l.CursorCol = len(b.l.Rows)-1, b.col
}

func (b *layoutBuilder) endRow() {
	b.l.Rows[len(b.l.Rows)-1].Cols = b.col
}

func (b *layoutBuilder) newRow(wrapped bool) {
	b.endRow()
	b.l.starts = append(b.l.starts, len(b.l.cells))
	b.l.Rows = append(b.l.Rows, Row{Wrapped: wrapped})
	b.col = 0
	rr := rowResume{text: -1}
	// A row can be laid out again on its own if it starts with a whole
	// token of the text, and the row above does not depend on that token
	// (it was not cut short for a wide character).
	if b.inText && !b.tokPlaced && !b.byCursor && !b.filled && len(b.pre) == 0 {
		rr = rowResume{text: b.tokStart, fresh: b.tokFresh, style: b.style}
	}
	b.l.resume = append(b.l.resume, rr)
}
