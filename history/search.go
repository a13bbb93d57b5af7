package history

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

// A Search describes what to look for in the history.
type Search struct {
	Pattern string
	// Prefix matches only at the start of an entry
	// (history-search-backward); otherwise anywhere in it
	// (history-substring-search-backward, reverse-search-history).
	Prefix bool
	// Forward searches toward newer entries; otherwise toward older ones.
	Forward bool
	// IgnoreCase compares letters without regard to case.
	IgnoreCase bool
	// Distinct passes over the entries whose text is Previous, as
	// reverse-i-search and history-search-backward pass over copies of
	// the line they found last. (One search rather than one for each
	// copy: the copies of a common command can be a good part of a long
	// history.)
	Distinct bool
	Previous string
}

// Find returns the nearest entry at or beyond index from, in the search's
// direction, that matches, and the byte offset of the match in it: the
// first match in the entry when searching forward, the last when
// searching backward. It returns -1, -1 when no entry matches. An empty
// pattern matches every entry at offset 0.
//
// Find sweeps the list's text rather than going entry by entry (entries
// whose text was replaced, out of order in the text until it is
// compacted, are looked at one by one), and in a long list (a megabyte
// of text or more) passes over most of it with an index that the first
// search starts building in the background (see PrepareSearch); like
// every method, it must not run concurrently with another on the list.
func (l *List) Find(s Search, from int) (index, offset int) {
	if len(l.lines) == 0 {
		return -1, -1
	}
	if from < 0 || from >= len(l.lines) {
		if s.Forward && from < 0 {
			from = 0
		} else if !s.Forward && from >= len(l.lines) {
			from = len(l.lines) - 1
		} else {
			return -1, -1
		}
	}
	pat := []byte(s.Pattern)
	if len(pat) > 0 && (!s.IgnoreCase || isASCII(pat)) {
		return l.findSwept(pat, s, from)
	}
	step := -1
	if s.Forward {
		step = 1
	}
	for i := from; i >= 0 && i < len(l.lines); i += step {
		if off := matchEntry(l.lineBytes(i), pat, s); off >= 0 {
			return i, off
		}
	}
	return -1, -1
}

// matchEntry returns the offset of the match of pat in line, or -1.
func matchEntry(line, pat []byte, s Search) int {
	if s.Distinct && string(line) == s.Previous {
		return -1
	}
	if len(pat) == 0 {
		return 0
	}
	if s.Prefix {
		if hasPrefix(line, pat, s.IgnoreCase) {
			return 0
		}
		return -1
	}
	if !s.IgnoreCase {
		if s.Forward {
			return bytes.Index(line, pat)
		}
		return bytes.LastIndex(line, pat)
	}
	best := -1
	for off := 0; off+len(pat) <= len(line); {
		if hasPrefix(line[off:], pat, true) {
			if s.Forward {
				return off
			}
			best = off
		}
		_, size := utf8.DecodeRune(line[off:])
		off += size
	}
	return best
}

func hasPrefix(line, pat []byte, fold bool) bool {
	if len(line) < len(pat) {
		return false
	}
	if !fold {
		return bytes.Equal(line[:len(pat)], pat)
	}
	return bytes.EqualFold(line[:len(pat)], pat)
}

// Scanning the arena backward, a search looks at chunks of it from
// minChunk bytes, doubling up to maxChunk: a match near the start costs
// little, and a long scan few calls.
const (
	minChunk = 2 << 10
	maxChunk = 256 << 10
)

// findSwept is Find with a sweep of the arena. The entries may not all
// lie in the arena in list order (l.moved): it looks at the moved ones
// from from on, one by one, for the nearest that matches, and sweeps the
// arena for the others between from and it.
func (l *List) findSwept(pat []byte, s Search, from int) (int, int) {
	// The moved entry that matches (mi, at moff), and the stretch of the
	// arena the entries between from and it lie in.
	mi, moff := -1, -1
	var lo, hi int
	if s.Forward {
		k, _ := slices.BinarySearch(l.moved, from)
		for ; k < len(l.moved); k++ {
			if off := matchEntry(l.lineBytes(l.moved[k]), pat, s); off >= 0 {
				mi, moff = l.moved[k], off
				break
			}
		}
		lo, hi = len(l.arena), len(l.arena)
		if i := l.inOrder(from, 1); i >= 0 {
			lo = int(l.lines[i].off)
		}
		if mi >= 0 {
			if i := l.inOrder(mi, 1); i >= 0 {
				hi = int(l.lines[i].off)
			}
		}
	} else {
		k, found := slices.BinarySearch(l.moved, from)
		if found {
			k++
		}
		for k--; k >= 0; k-- {
			if off := matchEntry(l.lineBytes(l.moved[k]), pat, s); off >= 0 {
				mi, moff = l.moved[k], off
				break
			}
		}
		lo, hi = 0, 0
		if i := l.inOrder(from, -1); i >= 0 {
			hi = int(l.lines[i].end)
		}
		if mi >= 0 {
			if i := l.inOrder(mi, -1); i >= 0 {
				lo = int(l.lines[i].end)
			}
		}
	}
	if i, off := l.findInArena(pat, lo, hi, s); i >= 0 {
		return i, off
	}
	return mi, moff
}

// inOrder returns the nearest entry from i on in direction dir (1 or
// -1) that is not moved, or -1.
func (l *List) inOrder(i, dir int) int {
	for ; i >= 0 && i < len(l.lines); i += dir {
		if !l.isMoved(i) {
			return i
		}
	}
	return -1
}

// findInArena searches arena[lo:hi] in one sweep, which is far faster
// than entry by entry, for the last match (first, forward) that lies
// inside an entry that is not moved (the entries that are lie in the
// arena in list order). A match that does not lie inside one such entry
// (across two, in a timestamp, in text no entry has any more, in a moved
// entry), or with prefix not at its start, is passed over. With an
// index, it scans only the blocks of the arena that may hold a match.
func (l *List) findInArena(pat []byte, lo, hi int, s Search) (int, int) {
	forward, fold := s.Forward, s.IgnoreCase
	if hi-lo < len(pat) {
		return -1, -1
	}
	x := l.searchIndex()
	rank := &staticRank
	if x != nil {
		rank = &x.count
	}
	sc := arenaScan{l: l, m: newMatcher(pat, fold, rank), prefix: s.Prefix, distinct: s.Distinct, previous: s.Previous, first0: pat[0]}
	if s.Distinct && !l.multiline && len(s.Previous) > 0 && !strings.ContainsAny(s.Previous, "\r\n") {
		// Where the pattern is in Previous, to know a copy by its text.
		p := s.Previous
		for o := 0; o+len(pat) <= len(p); o++ {
			if string(pat) == p[o:o+len(pat)] || fold && bytes.EqualFold(pat, []byte(p[o:o+len(pat)])) {
				sc.occ = append(sc.occ, o)
			}
		}
	}
	if fold {
		sc.first0 = foldTable[pat[0]]
	}
	first, last := sc.first, sc.last
	if s.Prefix && len(pat) <= 2 {
		// Matches only at the start of an entry, and a string of one
		// or two bytes can be in every entry but at its start ("st"):
		// look at the starts rather than at every place the string is.
		// (Both read the whole stretch; the starts cost more than the
		// places of a longer string.)
		first, last = sc.firstStart, sc.lastStart
	}
	at := -1
	switch {
	case x == nil && forward:
		at = first(lo, hi)
	case x == nil:
		at = last(lo, hi)
	default:
		var buf [idxMaxGram * idxWindow]uint64
		var bs blockScan
		if s.Prefix {
			bs = x.newPrefixScan(pat, fold, buf[:0])
		} else {
			bs = x.newScan(pat, fold, buf[:0])
		}
		if forward {
			at = bs.forward(lo, hi, first)
		} else {
			at = bs.backward(lo, hi, last)
		}
	}
	if at < 0 {
		return -1, -1
	}
	c := l.cursor()
	c.seek(at)
	return c.i, at - int(l.lines[c.i].off)
}

// arenaScan finds matches of pat in stretches of the arena.
type arenaScan struct {
	l        *List
	m        *matcher
	prefix   bool
	distinct bool
	previous string
	// first0 is the pattern's first byte (in lower case with fold).
	first0 byte
	// occ has the places of the pattern in previous when copies of it
	// can be known by their text (inCopy).
	occ []int
}

// inCopy reports whether the match at at is in a copy of previous that
// the newlines of the arena bound, which is a copy of the entry or text
// that is no entry's: with no entry holding a newline (List.multiline),
// every entry is the whole of the text between two newlines (startText),
// save an entry read from a line that ends in "\r\n", which does not
// take the "\r" (previous has none). Either way the search passes over
// it, here without looking for its entry.
func (sc *arenaScan) inCopy(at int) bool {
	a, p := sc.l.arena, sc.previous
	for _, o := range sc.occ {
		s, e := at-o, at-o+len(p)
		if s >= 0 && e <= len(a) && (s == 0 || a[s-1] == '\n') && (e == len(a) || a[e] == '\n') && string(a[s:e]) == p {
			return true
		}
	}
	return false
}

// holds reports whether the match at at lies in an entry the search
// stops at (see entryCursor.holds, Search.Distinct).
func (sc *arenaScan) holds(c *entryCursor, at int) bool {
	if sc.occ != nil && sc.inCopy(at) {
		return false
	}
	if !c.holds(at, len(sc.m.pat), sc.prefix) {
		return false
	}
	if sc.distinct {
		e := c.lines[c.i]
		return e.len() != len(sc.previous) || string(sc.l.arena[e.off:e.end]) != sc.previous
	}
	return true
}

// first returns the first match in arena[lo:hi] that lies in an entry,
// or -1.
func (sc *arenaScan) first(lo, hi int) int {
	arena, n := sc.l.arena, len(sc.m.pat)
	c := sc.l.cursor()
	for pos := lo; pos+n <= hi; {
		k := sc.m.index(arena[pos:hi])
		if k < 0 {
			return -1
		}
		at := pos + k
		if !c.ok {
			c.seek(at)
		}
		if sc.holds(&c, at) {
			return at
		}
		pos = at + 1
	}
	return -1
}

// last returns the last match in arena[lo:hi] that lies in an entry, or
// -1. It scans chunks from the end, finding the last match of each with
// forward Index (bytes.LastIndex is not vectorised).
func (sc *arenaScan) last(lo, hi int) int {
	arena, n := sc.l.arena, len(sc.m.pat)
	chunk := max(minChunk, 2*n)
	for hi-lo >= n {
		clo := max(hi-chunk, lo)
		last := -1
		c := sc.l.cursor()
		for pos := clo; pos+n <= hi; {
			k := sc.m.index(arena[pos:hi])
			if k < 0 {
				break
			}
			at := pos + k
			if !c.ok {
				c.seek(at)
			}
			if sc.holds(&c, at) {
				last = at
			}
			pos = at + 1
		}
		if last >= 0 {
			return last
		}
		if clo == lo {
			break
		}
		// The next chunk overlaps this one by n-1 bytes, so a match across
		// the boundary is found.
		hi = clo + n - 1
		chunk = min(2*chunk, maxChunk)
	}
	return -1
}

// firstStart returns the start of the first entry that is not moved,
// begins in arena[lo:hi] and matches there (holds the pattern at its
// start, with hi at or past the pattern's end), or -1.
func (sc *arenaScan) firstStart(lo, hi int) int {
	c := sc.l.cursor()
	n := len(sc.m.pat)
	// From the first entry that ends at or after lo: the first that can
	// begin there.
	i := c.search(0, len(c.lines), lo-1)
	k, _ := slices.BinarySearch(c.moved, i)
	for ; i < len(c.lines); i++ {
		if k < len(c.moved) && c.moved[k] == i {
			k++
			continue
		}
		e := c.lines[i]
		if int(e.off) > hi-n {
			break
		}
		if int(e.off) >= lo && sc.startMatches(e) {
			return int(e.off)
		}
	}
	return -1
}

// lastStart is firstStart for the last such entry.
func (sc *arenaScan) lastStart(lo, hi int) int {
	c := sc.l.cursor()
	n := len(sc.m.pat)
	if hi-n < lo {
		return -1
	}
	// From the first entry that ends after hi-n (the last that can
	// begin at or before it) back to the first that ends at or after
	// lo.
	i0 := c.search(0, len(c.lines), lo-1)
	i := min(c.search(i0, len(c.lines), hi-n), len(c.lines)-1)
	k, found := slices.BinarySearch(c.moved, i)
	if !found {
		k--
	}
	for ; i >= i0; i-- {
		if k >= 0 && c.moved[k] == i {
			k--
			continue
		}
		e := c.lines[i]
		if int(e.off) > hi-n {
			continue
		}
		if int(e.off) < lo {
			break
		}
		if sc.startMatches(e) {
			return int(e.off)
		}
	}
	return -1
}

// startMatches reports whether entry e begins with the pattern and is
// not passed over as a copy (Search.Distinct).
func (sc *arenaScan) startMatches(e span) bool {
	pat := sc.m.pat
	if int(e.end-e.off) < len(pat) {
		return false
	}
	// Most entries differ at the first byte.
	c := sc.l.arena[e.off]
	if sc.m.fold {
		c = foldTable[c]
	}
	if c != sc.first0 {
		return false
	}
	text := sc.l.arena[e.off:e.end]
	if !hasPrefix(text, pat, sc.m.fold) {
		return false
	}
	return !sc.distinct || string(text) != sc.previous
}

// An entryCursor finds the entries that hold matches, for matches
// visited in increasing order: a binary search for the first, then a
// search forward from the last, by steps that double. It knows only the
// entries that are not moved, which lie in the arena in list order.
type entryCursor struct {
	lines []span
	moved []int
	i     int  // the first entry not moved that ends after the last match asked about
	ok    bool // i is set
}

func (l *List) cursor() entryCursor { return entryCursor{lines: l.lines, moved: l.moved} }

// seek moves the cursor to the first entry not moved that ends after at.
func (c *entryCursor) seek(at int) {
	c.i = c.search(0, len(c.lines), at)
	c.ok = true
}

// search returns the first entry in [lo, hi) whose endBefore is past at,
// or hi; that entry is not moved (a moved entry's endBefore is that of
// an entry before it).
func (c *entryCursor) search(lo, hi, at int) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.endBefore(m) > at {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// endBefore returns the end of the last entry up to i that is not moved,
// or 0. Taking a moved entry to end where the entry before it that is
// not moved does, ends increase with the index.
func (c *entryCursor) endBefore(i int) int {
	if len(c.moved) > 0 {
		k, found := slices.BinarySearch(c.moved, i)
		for found {
			if i--; i < 0 {
				return 0
			}
			k--
			found = k >= 0 && c.moved[k] == i
		}
	}
	return int(c.lines[i].end)
}

// holds reports whether arena[at:at+n] lies in one entry that is not
// moved (at its start, with prefix); at must not be below the last at
// asked about.
func (c *entryCursor) holds(at, n int, prefix bool) bool {
	if len(c.moved) == 0 {
		// Entry by entry (a loop the processor predicts), then by
		// steps that double for a match far on.
		lines, i := c.lines, c.i
		for k := min(i+64, len(lines)); i < k && int(lines[i].end) <= at; i++ {
		}
		c.i = gallop(lines, i, at)
	} else if i := c.i; i < len(c.lines) && c.endBefore(i) <= at {
		// Further on: look 1, 2, 4, ... entries on for one that ends
		// past at, then between the last two looked at.
		lo, step := i, 1
		for {
			hi := lo + step
			if hi >= len(c.lines) {
				c.i = c.search(lo+1, len(c.lines), at)
				break
			}
			if c.endBefore(hi) > at {
				c.i = c.search(lo+1, hi, at)
				break
			}
			lo, step = hi, 2*step
		}
	}
	if c.i == len(c.lines) {
		return false
	}
	s := c.lines[c.i]
	// An empty entry that ends after at begins after it too.
	return int(s.off) <= at && at+n <= int(s.end) && (!prefix || int(s.off) == at)
}

// gallop returns the first entry from i on that ends after at, the
// entries ending in increasing order: it looks 1, 2, 4, ... entries on
// for one, then between the last two looked at.
func gallop(lines []span, i, at int) int {
	if i >= len(lines) || int(lines[i].end) > at {
		return i
	}
	lo, hi, step := i, i+1, 1 // lines[lo] ends at or before at
	for hi < len(lines) && int(lines[hi].end) <= at {
		lo, step = hi, 2*step
		hi = lo + step
	}
	hi = min(hi, len(lines))
	for lo++; lo < hi; {
		m := int(uint(lo+hi) >> 1)
		if int(lines[m].end) > at {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// indexFoldASCII is bytes.Index ignoring the case of ASCII letters; pat
// must be ASCII. It jumps between the places where the first byte of the
// pattern, in either case, occurs, remembering the next place of each so
// that no byte is scanned twice for it.
func indexFoldASCII(s, pat []byte) int {
	last := len(s) - len(pat) // the last position a match can start at
	lower, upper := asciiLower(pat[0]), asciiUpper(pat[0])
	nextLower, nextUpper := -1, -1
	find := func(c byte, pos int) int {
		if k := bytes.IndexByte(s[pos:last+1], c); k >= 0 {
			return pos + k
		}
		return len(s)
	}
	for pos := 0; pos <= last; {
		if nextLower < pos {
			nextLower = find(lower, pos)
		}
		if nextUpper < pos {
			nextUpper = nextLower
			if upper != lower {
				nextUpper = find(upper, pos)
			}
		}
		at := min(nextLower, nextUpper)
		if at > last {
			return -1
		}
		if bytes.EqualFold(s[at:at+len(pat)], pat) {
			return at
		}
		pos = at + 1
	}
	return -1
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func asciiUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}
