package lineedit

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// A buffer is the line being edited: UTF-8 text, the point (the cursor,
// a byte offset on a grapheme-cluster boundary) and the mark. It knows
// nothing of keys or the screen.
type buffer struct {
	text  []byte
	point int
	mark  int // -1 when unset
}

func (b *buffer) String() string { return string(b.text) }

// insert puts s at the point and moves the point after it.
func (b *buffer) insert(s []byte) {
	b.insertAt(b.point, s)
	b.point += len(s)
}

// insertAt puts s at byte offset at; a point after it moves. The mark
// stays where it is, as readline's rl_mark does: an offset into the line,
// which only a deletion that leaves it past the end changes (remove).
func (b *buffer) insertAt(at int, s []byte) {
	b.text = append(b.text, s...) // grow
	copy(b.text[at+len(s):], b.text[at:len(b.text)-len(s)])
	copy(b.text[at:], s)
	if b.point > at {
		b.point += len(s)
	}
}

// remove deletes text[from:to] and returns a copy of it.
func (b *buffer) remove(from, to int) []byte {
	if from > to {
		from, to = to, from
	}
	gone := append([]byte(nil), b.text[from:to]...)
	b.text = append(b.text[:from], b.text[to:]...)
	adjust := func(p int) int {
		switch {
		case p >= to:
			return p - (to - from)
		case p > from:
			return from
		}
		return p
	}
	b.point = adjust(b.point)
	if b.mark > len(b.text) {
		b.mark = len(b.text) // readline's _rl_fix_mark: clamped, not moved
	}
	return gone
}

// lineStart returns the start of the logical line holding offset p.
func (b *buffer) lineStart(p int) int {
	for p > 0 && b.text[p-1] != '\n' {
		p--
	}
	return p
}

// lineEnd returns the end of the logical line holding offset p.
func (b *buffer) lineEnd(p int) int {
	for p < len(b.text) && b.text[p] != '\n' {
		p++
	}
	return p
}

// nextGrapheme returns the offset after the grapheme cluster at p.
func (b *buffer) nextGrapheme(p int) int {
	if p >= len(b.text) {
		return len(b.text)
	}
	if c := b.text[p]; c < utf8.RuneSelf && (p+1 == len(b.text) || b.text[p+1] < utf8.RuneSelf) && c != '\r' {
		return p + 1 // ASCII followed by ASCII: one cluster
	}
	cluster, _, _, _ := uniseg.FirstGraphemeCluster(b.text[p:], -1)
	return p + len(cluster)
}

// prevGrapheme returns the start of the grapheme cluster before p.
func (b *buffer) prevGrapheme(p int) int {
	if p <= 0 {
		return 0
	}
	if b.text[p-1] < utf8.RuneSelf && (p == len(b.text) || b.text[p] < utf8.RuneSelf) && b.text[p-1] != '\n' {
		return p - 1
	}
	// Grapheme boundaries depend on what comes before, so walk forward
	// from the start of the line.
	q := b.lineStart(p - 1)
	for {
		n := b.nextGrapheme(q)
		if n >= p {
			return q
		}
		q = n
	}
}

// runeAt decodes the rune at p.
func (b *buffer) runeAt(p int) rune {
	r, _ := utf8.DecodeRune(b.text[p:])
	return r
}

// runeBefore decodes the rune before p.
func (b *buffer) runeBefore(p int) rune {
	r, _ := utf8.DecodeLastRune(b.text[:p])
	return r
}

// isWordRune is readline's rl_alphabetic: letters and digits.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// forwardWord returns where forward-word moves from p: past any
// non-word characters, then past the word.
func (b *buffer) forwardWord(p int) int {
	for p < len(b.text) && !isWordRune(b.runeAt(p)) {
		p = b.nextGrapheme(p)
	}
	for p < len(b.text) && isWordRune(b.runeAt(p)) {
		p = b.nextGrapheme(p)
	}
	return p
}

// backwardWord returns where backward-word moves from p.
func (b *buffer) backwardWord(p int) int {
	for p > 0 && !isWordRune(b.runeBefore(p)) {
		p = b.prevGrapheme(p)
	}
	for p > 0 && isWordRune(b.runeBefore(p)) {
		p = b.prevGrapheme(p)
	}
	return p
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }

// backwardBlankWord returns the start of the whitespace-delimited word
// before p (unix-word-rubout); with slash, '/' also delimits
// (unix-filename-rubout).
func (b *buffer) backwardBlankWord(p int, slash bool) int {
	delim := func(r rune) bool { return isBlank(r) || (slash && r == '/') }
	for p > 0 && delim(b.runeBefore(p)) {
		p = b.prevGrapheme(p)
	}
	for p > 0 && !delim(b.runeBefore(p)) {
		p = b.prevGrapheme(p)
	}
	return p
}
