package lineedit

import (
	"math"
	"strings"
)

// What the layout draws for the extension points (extend.go): the styles
// of highlighted text, the continuation prompt of multi-line text, the
// right prompt.

// spanAt makes b.hl the style of text cells at offset i of the text, and
// returns the offset where that style ends: the end of the span covering
// i, the start of the next span, or the end of the spans.
func (b *layoutBuilder) spanAt(i int) (next int) {
	sp := b.spans
	for b.si < len(sp) && (sp[b.si].End <= i || sp[b.si].End <= sp[b.si].Start) {
		b.si++
	}
	if b.si == len(sp) {
		b.hl, b.hlSGR = 0, ""
		return len(b.g.text)
	}
	s := sp[b.si]
	if s.Start >= len(b.g.text) {
		b.si = len(sp)
		b.hl, b.hlSGR = 0, ""
		return len(b.g.text)
	}
	s.End = min(s.End, len(b.g.text))
	if s.Start > i {
		b.hl, b.hlSGR = 0, ""
		return s.Start
	}
	if s.Style != b.hlSGR || b.hl == 0 {
		b.hlSGR = s.Style
		b.hl = b.hlStyle(s.Style)
	}
	return s.End
}

// hlStyle returns the style of text cells highlighted with sgr: the style
// in force (and the zero-width sequences waiting for the next cell), then
// sgr; 0 when sgr is "".
func (b *layoutBuilder) hlStyle(sgr string) uint16 {
	if sgr == "" {
		return 0
	}
	b.hlBuf = append(append(append(b.hlBuf[:0], b.pre...), b.state...), sgr...)
	return b.g.tab.style(b.hlBuf)
}

// sub returns a builder that lays out a prompt piece at column col of
// the row being built, with no style in force, sharing nothing with b but
// the grid.
func (b *layoutBuilder) sub(col, width int) layoutBuilder {
	g := b.g
	s := layoutBuilder{g: g, opt: b.opt, width: width, col: col, fresh: true}
	s.state, s.scratch, s.pre = g.subBufs[0][:0], g.subBufs[1][:0], g.subBufs[2][:0]
	return s
}

func (b *layoutBuilder) endSub(s *layoutBuilder) {
	b.g.subBufs = [3][]byte{s.state, s.scratch, s.pre}
}

// continuation lays out the continuation prompt at the start of the row
// being built, in a style of its own; the text goes on after it in the
// style it had.
func (b *layoutBuilder) continuation(cont string) {
	s := b.sub(b.col, b.width)
	s.segment(cont, true, true)
	b.col = s.col
	b.endSub(&s)
	b.fresh = true
}

// placeRight puts b.right at the right end of the row being ended, if
// there is room for it, a column before it and the last column free.
func (b *layoutBuilder) placeRight() {
	right := b.right
	b.right = ""
	if i := strings.IndexByte(right, '\n'); i >= 0 {
		right = right[:i]
	}
	g := b.g
	start := len(g.cells)
	s := b.sub(0, unbounded)
	s.segment(right, true, true)
	b.endSub(&s)
	w := s.col
	if w == 0 || b.col+1+w+1 > b.width {
		g.cells = g.cells[:start]
		return
	}
	g.rightCells = append(g.rightCells[:0], g.cells[start:]...)
	g.cells = g.cells[:start]
	for b.col < b.width-1-w {
		g.cells = append(g.cells, blank)
		b.col++
	}
	g.cells = append(g.cells, g.rightCells...)
	b.col += w
}

// spansDiffer returns the first offset of the text whose highlighting
// may differ between the spans a and b.
func spansDiffer(a, b []StyleSpan) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return min(a[i].Start, b[i].Start)
		}
	}
	switch {
	case len(a) > n:
		return a[n].Start
	case len(b) > n:
		return b[n].Start
	}
	return math.MaxInt
}
