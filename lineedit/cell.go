package lineedit

// The renderer's cells.
//
// The renderer keeps one cell per character on the screen for the frame
// on it and the frame being laid out, which for a megabyte pasted into
// the line is a million cells. So a cell is small and holds no pointer:
// the bytes of its grapheme cluster inline when they fit (every cluster
// but long emoji sequences), its width, and its style as an index. Styles
// and long clusters are kept once in a cellTable shared by the frames a
// renderer compares, so two cells show the same thing exactly when they
// are equal (==), and the garbage collector never looks inside them.

// cellInline is how many bytes of a cluster a cell holds itself.
const cellInline = 12

// cellLong in cell.n says the cluster is in the cellTable: text holds its
// index (little-endian uint32).
const cellLong = 0xff

// maxCellTable is the most styles or long clusters a cellTable holds
// before the renderer starts afresh (see Renderer.render).
const maxCellTable = 4096

// cell is one character on the screen: a grapheme cluster or one
// character of an escaped form (^X, \ooo, <hex>). It is two words, built
// and compared in registers: lo holds bytes 0-7 of the cluster; hi bytes
// 8-11, then the byte count (or cellLong, and the cluster's index in the
// table in lo), the width (1 or 2) and the style (an index in
// cellTable.styles; 0 is the terminal's default).
type cell struct {
	lo, hi uint64
}

const (
	cellNShift     = 32
	cellWShift     = 40
	cellStyleShift = 48
)

func (c cell) n() int         { return int(c.hi >> cellNShift & 0xff) }
func (c cell) w() int         { return int(c.hi >> cellWShift & 0xff) }
func (c cell) style() uint16  { return uint16(c.hi >> cellStyleShift) }
func (c cell) isLong() bool   { return c.hi>>cellNShift&0xff == cellLong }
func (c cell) longIndex() int { return int(c.lo) }

// blank is a plain space.
var blank = asciiCell(' ', 0)

// unknownCell stands for a column whose content the renderer does not
// know: it equals no cell of any text.
var unknownCell = cell{hi: 1 << cellWShift}

// asciiCell returns the cell of the one-byte character ch in style.
func asciiCell(ch byte, style uint16) cell {
	return cell{lo: uint64(ch), hi: 1<<cellNShift | 1<<cellWShift | uint64(style)<<cellStyleShift}
}

// A cellTable holds the styles and the long clusters of cells.
type cellTable struct {
	styles   []string // styles[0] is ""
	styleIdx map[string]uint16
	long     []string
	longIdx  map[string]uint32
}

func newCellTable() *cellTable {
	return &cellTable{styles: []string{""}, styleIdx: map[string]uint16{"": 0}, longIdx: map[string]uint32{}}
}

// full reports whether the table has grown past maxCellTable entries.
func (t *cellTable) full() bool {
	return len(t.styles) > maxCellTable || len(t.long) > maxCellTable
}

// style returns the index of style s, adding it if it is new. Looking up
// a known style allocates nothing.
func (t *cellTable) style(s []byte) uint16 {
	if len(s) == 0 {
		return 0
	}
	if i, ok := t.styleIdx[string(s)]; ok {
		return i
	}
	if len(t.styles) >= 1<<16-1 {
		return 0 // cannot happen: the renderer resets a full table
	}
	i := uint16(len(t.styles))
	str := string(s)
	t.styles = append(t.styles, str)
	t.styleIdx[str] = i
	return i
}

// cluster returns the cell of text (a cluster, or a piece of an escaped
// form) of w columns in style.
func (t *cellTable) cluster(text string, w int, style uint16) cell {
	hi := uint64(w)<<cellWShift | uint64(style)<<cellStyleShift
	if len(text) > cellInline {
		i, ok := t.longIdx[text]
		if !ok {
			i = uint32(len(t.long))
			t.long = append(t.long, text)
			t.longIdx[text] = i
		}
		return cell{lo: uint64(i), hi: hi | cellLong<<cellNShift}
	}
	var lo uint64
	for k := min(len(text), 8) - 1; k >= 0; k-- {
		lo = lo<<8 | uint64(text[k])
	}
	for k := len(text) - 1; k >= 8; k-- {
		hi |= uint64(text[k]) << (8 * (k - 8))
	}
	return cell{lo: lo, hi: hi | uint64(len(text))<<cellNShift}
}

// textLen returns the bytes written for c.
func (t *cellTable) textLen(c *cell) int {
	if c.isLong() {
		return len(t.long[c.longIndex()])
	}
	return c.n()
}

// appendText appends what is written for c to buf.
func (t *cellTable) appendText(buf []byte, c *cell) []byte {
	n := c.n()
	switch {
	case n == 1:
		return append(buf, byte(c.lo))
	case n == cellLong:
		return append(buf, t.long[c.longIndex()]...)
	}
	for k := 0; k < n; k++ {
		if k < 8 {
			buf = append(buf, byte(c.lo>>(8*k)))
		} else {
			buf = append(buf, byte(c.hi>>(8*(k-8))))
		}
	}
	return buf
}

// public returns c as a Cell.
func (t *cellTable) public(c *cell) Cell {
	var s string
	if c.isLong() {
		s = t.long[c.longIndex()]
	} else {
		s = string(t.appendText(nil, c))
	}
	return Cell{Text: s, Width: c.w(), Style: t.styles[c.style()]}
}

// cellsCols returns the columns cells take.
func cellsCols(cells []cell) int {
	n := 0
	for i := range cells {
		n += cells[i].w()
	}
	return n
}

// cellsPrefix returns how many cells a and b start with in common.
func cellsPrefix(a, b []cell) int {
	n := min(len(a), len(b))
	a, b = a[:n], b[:n]
	for i := range a {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// cellsInkEnd returns the column after the last cell that is not a plain
// blank.
func cellsInkEnd(cells []cell) int {
	end, col := 0, 0
	for i := range cells {
		col += cells[i].w()
		if cells[i] != blank {
			end = col
		}
	}
	return end
}

// cellsNarrow reports whether every cell takes one column.
func cellsNarrow(cells []cell) bool {
	for i := range cells {
		if cells[i].w() != 1 {
			return false
		}
	}
	return true
}
