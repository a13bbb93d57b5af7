package history

import (
	"bytes"
	"sort"
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
}

// Find returns the nearest entry at or beyond index from, in the search's
// direction, that matches, and the byte offset of the match in it: the
// first match in the entry when searching forward, the last when
// searching backward. It returns -1, -1 when no entry matches. An empty
// pattern matches every entry at offset 0.
//
// Find sweeps the list's text rather than going entry by entry, and in a
// long list (a megabyte of text or more) passes over most of it with an
// index that the first search starts building in the background (see
// PrepareSearch); like every method, it must not run concurrently with
// another on the list.
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
	if l.ordered && len(pat) > 0 {
		if !s.IgnoreCase || isASCII(pat) {
			return l.findInArena(pat, from, s.Forward, s.Prefix, s.IgnoreCase)
		}
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

// findInArena searches the arena in one sweep, which is far faster than
// entry by entry; it needs the entries to lie in the arena in list order.
// A match that does not lie inside one entry (across two, or in a
// timestamp), or with prefix not at its start, is passed over. With an
// index, it scans only the blocks of the arena that may hold a match.
func (l *List) findInArena(pat []byte, from int, forward, prefix, fold bool) (int, int) {
	var lo, hi int
	if forward {
		lo, hi = int(l.lines[from].off), len(l.arena)
	} else {
		lo, hi = 0, int(l.lines[from].end)
	}
	if hi-lo < len(pat) {
		return -1, -1
	}
	x := l.searchIndex()
	rank := &staticRank
	if x != nil {
		rank = &x.count
	}
	sc := arenaScan{l: l, m: newMatcher(pat, fold, rank), prefix: prefix}
	at := -1
	switch {
	case x == nil && forward:
		at = sc.first(lo, hi)
	case x == nil:
		at = sc.last(lo, hi)
	default:
		var buf [4 * idxWindow]int
		bs := x.newScan(pat, buf[:0])
		if forward {
			at = bs.forward(lo, hi, sc.first)
		} else {
			at = bs.backward(lo, hi, sc.last)
		}
	}
	if at < 0 {
		return -1, -1
	}
	c := entryCursor{lines: l.lines}
	c.seek(at)
	return c.i, at - int(l.lines[c.i].off)
}

// arenaScan finds matches of pat in stretches of the arena.
type arenaScan struct {
	l      *List
	m      *matcher
	prefix bool
}

// first returns the first match in arena[lo:hi] that lies in an entry,
// or -1.
func (sc *arenaScan) first(lo, hi int) int {
	arena, n := sc.l.arena, len(sc.m.pat)
	c := entryCursor{lines: sc.l.lines}
	for pos := lo; pos+n <= hi; {
		k := sc.m.index(arena[pos:hi])
		if k < 0 {
			return -1
		}
		at := pos + k
		if !c.ok {
			c.seek(at)
		}
		if c.holds(at, n, sc.prefix) {
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
		c := entryCursor{lines: sc.l.lines}
		for pos := clo; pos+n <= hi; {
			k := sc.m.index(arena[pos:hi])
			if k < 0 {
				break
			}
			at := pos + k
			if !c.ok {
				c.seek(at)
			}
			if c.holds(at, n, sc.prefix) {
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

// An entryCursor finds the entries that hold matches, for matches
// visited in increasing order: a binary search for the first, then a
// walk.
type entryCursor struct {
	lines []span
	i     int  // the first entry that ends after the last match asked about
	ok    bool // i is set
}

// seek moves the cursor to the first entry that ends after at.
func (c *entryCursor) seek(at int) {
	c.i = sort.Search(len(c.lines), func(i int) bool { return int(c.lines[i].end) > at })
	c.ok = true
}

// holds reports whether arena[at:at+n] lies in one entry (at its start,
// with prefix); at must not be below the last at asked about.
func (c *entryCursor) holds(at, n int, prefix bool) bool {
	for c.i < len(c.lines) && int(c.lines[c.i].end) <= at {
		c.i++
	}
	if c.i == len(c.lines) {
		return false
	}
	s := c.lines[c.i]
	// An empty entry that ends after at begins after it too.
	return int(s.off) <= at && at+n <= int(s.end) && (!prefix || int(s.off) == at)
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
