package shell

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/goshell/gosh/runtime/mmap"
)

// The matchers of mgrep: fixed strings, found with runtime/mmap's Finder,
// or without regard to case.

// fixedMatcher finds one fixed string.
type fixedMatcher interface {
	// search returns a searcher of hay.
	search(hay []byte) searcher
}

// searcher finds a fixed string in one haystack.
type searcher interface {
	// index returns the offset in the haystack of the first occurrence
	// at or after from, and its length, or -1. from must not decrease
	// from one call to the next.
	index(from int) (int, int)
}

// newFixedMatcher returns a matcher for pattern, ignoring case if fold.
func newFixedMatcher(pattern string, fold bool) fixedMatcher {
	p := []byte(pattern)
	if !fold || !hasLetter(p) {
		return exactMatcher{mmap.NewFinder(p), len(p)}
	}
	for _, c := range p {
		if c >= utf8.RuneSelf {
			return unicodeFoldMatcher{[]rune(pattern)}
		}
	}
	return newASCIIFoldMatcher(p)
}

// hasLetter reports whether p has a byte or rune with case.
func hasLetter(p []byte) bool {
	for _, r := range string(p) {
		if unicode.SimpleFold(r) != r {
			return true
		}
	}
	return false
}

// exactMatcher is a fixed string, case and all.
type exactMatcher struct {
	f *mmap.Finder
	n int
}

func (m exactMatcher) search(hay []byte) searcher { return exactSearch{m, hay} }

type exactSearch struct {
	m   exactMatcher
	hay []byte
}

func (s exactSearch) index(from int) (int, int) {
	if i := s.m.f.Index(s.hay[from:]); i >= 0 {
		return from + i, s.m.n
	}
	return -1, s.m.n
}

// asciiFoldMatcher finds an ASCII string without regard to case: an
// anchor byte of the needle is found with bytes.IndexByte (both cases of
// it, for a letter), and the needle is compared folded there. The anchor
// is the byte rarest in a sample of the first large haystack searched
// (as mmap.Finder picks its own), else one guessed rare.
type asciiFoldMatcher struct {
	lower   []byte // the needle in lower case
	anchor  int    // the needle's byte the search looks for
	a1, a2  byte   // that byte's two cases (equal if it has no case)
	sampled bool
}

func newASCIIFoldMatcher(p []byte) *asciiFoldMatcher {
	m := &asciiFoldMatcher{lower: bytes.ToLower(p)}
	m.pick(guessByteCounts())
	return m
}

// foldSampleMin is the smallest haystack sampled to choose the anchor,
// and foldSampleSize the size of the sample.
const (
	foldSampleMin  = 1 << 20
	foldSampleSize = 64 << 10
)

// pick chooses the anchor by counts of each byte value.
func (m *asciiFoldMatcher) pick(counts *[256]int) {
	best, bestCost := 0, -1
	for i, c := range m.lower {
		cost := counts[c]
		if u := upperASCII(c); u != c {
			cost += counts[u]
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = i, cost
		}
	}
	m.anchor = best
	m.a1, m.a2 = lowerASCII(m.lower[best]), upperASCII(m.lower[best])
}

// guessByteCounts is a guess at how common each byte is in text: spaces
// and lower-case letters by English frequency, then digits, upper-case
// letters and punctuation; bytes outside ASCII and controls rarest.
func guessByteCounts() *[256]int {
	var c [256]int
	for i := range c {
		c[i] = 1
	}
	for i, ch := range []byte("etaoinshrdlcumwfgypbvkjxqz") {
		c[ch] = 1000 - 30*i
	}
	for ch := byte('0'); ch <= '9'; ch++ {
		c[ch] = 300
	}
	for ch := byte('A'); ch <= 'Z'; ch++ {
		c[ch] = c[ch+'a'-'A'] / 10
	}
	for _, ch := range []byte(".,-:/=_()'\"") {
		c[ch] = 150
	}
	c[' '] = 2000
	c['\n'] = 200
	return &c
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// equalFoldASCII reports whether a equals the lower-case b but for case.
func equalFoldASCII(a, lower []byte) bool {
	if len(a) != len(lower) {
		return false
	}
	for i, c := range a {
		if lowerASCII(c) != lower[i] {
			return false
		}
	}
	return true
}

func (m *asciiFoldMatcher) search(hay []byte) searcher {
	if !m.sampled && len(hay) >= foldSampleMin {
		m.sampled = true
		var counts [256]int
		for _, c := range hay[:foldSampleSize] {
			counts[c]++
		}
		m.pick(&counts)
	}
	return &foldSearch{m: m, hay: hay, s1: byteScan{at: -1}, s2: byteScan{at: -1}}
}

// foldSearch is an asciiFoldMatcher's search of one haystack. It keeps
// where each case of the anchor was last found, so that a search that
// goes on from the last match does not scan again for a case the text
// lacks.
type foldSearch struct {
	m      *asciiFoldMatcher
	hay    []byte
	s1, s2 byteScan
}

// byteScan is how far the search for one byte has gone: at is its next
// occurrence (as the start of a candidate), or -1 when none is known
// before lim.
type byteScan struct{ at, lim int }

// foldWindow bounds how far one step of a byteScan looks.
const foldWindow = 256 << 10

// advance makes st answer for pos: an occurrence at or after pos, or
// none in [pos, st.lim) with st.lim > pos. Candidates start at most at
// last; the byte is at offset k in them.
func (st *byteScan) advance(hay []byte, c byte, pos, last, k int) {
	if st.at >= pos {
		return
	}
	from := max(pos, st.lim)
	if from > last {
		st.at, st.lim = -1, last+1
		return
	}
	end := min(last+1, from+foldWindow)
	if i := bytes.IndexByte(hay[from+k:end+k], c); i >= 0 {
		st.at, st.lim = from+i, from+i+1
		return
	}
	st.at, st.lim = -1, end
}

func (fs *foldSearch) index(from int) (int, int) {
	m := fs.m
	n, k := len(m.lower), m.anchor
	last := len(fs.hay) - n // the last possible start
	for pos := from; pos <= last; {
		fs.s1.advance(fs.hay, m.a1, pos, last, k)
		cand, bound := -1, last+1
		if fs.s1.at >= 0 {
			cand = fs.s1.at
		} else {
			bound = fs.s1.lim
		}
		if m.a2 != m.a1 {
			fs.s2.advance(fs.hay, m.a2, pos, last, k)
			if fs.s2.at >= 0 {
				if cand < 0 || fs.s2.at < cand {
					cand = fs.s2.at
				}
			} else {
				bound = min(bound, fs.s2.lim)
			}
		}
		if cand < 0 || cand >= bound {
			pos = bound
			continue
		}
		if equalFoldASCII(fs.hay[cand:cand+n], m.lower) {
			return cand, n
		}
		pos = cand + 1
	}
	return -1, n
}

// unicodeFoldMatcher finds a string with letters outside ASCII without
// regard to case, by Unicode simple folding; a match may differ in length
// from the needle (K and the Kelvin sign). It compares at each rune: slow,
// but only used for such needles.
type unicodeFoldMatcher struct {
	needle []rune
}

func (m unicodeFoldMatcher) search(hay []byte) searcher { return unicodeSearch{m, hay} }

type unicodeSearch struct {
	m   unicodeFoldMatcher
	hay []byte
}

func (s unicodeSearch) index(from int) (int, int) {
	hay := s.hay
	for i := from; i < len(hay); {
		if n := foldPrefix(hay[i:], s.m.needle); n >= 0 {
			return i, n
		}
		_, size := utf8.DecodeRune(hay[i:])
		i += size
	}
	return -1, 0
}

// foldPrefix returns the length of the prefix of hay that equals needle
// under simple case folding, or -1.
func foldPrefix(hay []byte, needle []rune) int {
	off := 0
	for _, nr := range needle {
		if off >= len(hay) {
			return -1
		}
		r, size := utf8.DecodeRune(hay[off:])
		if !foldEqual(r, nr) {
			return -1
		}
		off += size
	}
	return off
}

// foldEqual reports whether two runes are equal under simple folding.
func foldEqual(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// isWordByte reports whether the rune at or before a position is a word
// constituent for -w: a letter, a digit or "_".
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordBefore reports whether the text just before off in b is a word
// constituent.
func wordBefore(b []byte, off int) bool {
	if off <= 0 {
		return false
	}
	if c := b[off-1]; c < utf8.RuneSelf {
		return isWordRune(rune(c))
	}
	r, _ := utf8.DecodeLastRune(b[:off])
	return isWordRune(r)
}

// wordAt reports whether the text at off in b is a word constituent.
func wordAt(b []byte, off int) bool {
	if off >= len(b) {
		return false
	}
	if c := b[off]; c < utf8.RuneSelf {
		return isWordRune(rune(c))
	}
	r, _ := utf8.DecodeRune(b[off:])
	return isWordRune(r)
}
