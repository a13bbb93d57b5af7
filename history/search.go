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
	if !s.Prefix && l.ordered && len(pat) > 0 {
		if !s.IgnoreCase {
			return l.findInArena(pat, from, s.Forward, bytes.Index)
		}
		if isASCII(pat) {
			return l.findInArena(pat, from, s.Forward, indexFoldASCII)
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

// searchChunk is how much of the arena a backward search scans at a time.
const searchChunk = 64 << 10

// findInArena searches the arena in one sweep, which is far faster than
// entry by entry; it needs the entries to lie in the arena in list order.
// A match that does not lie inside one entry (across two, or in a
// timestamp) is skipped.
func (l *List) findInArena(pat []byte, from int, forward bool, index func(s, sep []byte) int) (int, int) {
	if forward {
		pos := int(l.lines[from].off)
		for pos <= len(l.arena) {
			k := index(l.arena[pos:], pat)
			if k < 0 {
				return -1, -1
			}
			at := pos + k
			if i, ok := l.entryAt(at, len(pat)); ok && i >= from {
				return i, at - int(l.lines[i].off)
			}
			pos = at + 1
		}
		return -1, -1
	}
	// Backward: scan chunks from the end of entry from toward the start,
	// finding the last match of each chunk with forward Index.
	hi := int(l.lines[from].end)
	chunk := max(searchChunk, 2*len(pat))
	for hi > 0 {
		lo := max(hi-chunk, 0)
		last := -1
		for pos := lo; pos+len(pat) <= hi; {
			k := index(l.arena[pos:hi], pat)
			if k < 0 {
				break
			}
			at := pos + k
			if i, ok := l.entryAt(at, len(pat)); ok && i <= from {
				last = at
			}
			pos = at + 1
		}
		if last >= 0 {
			i, _ := l.entryAt(last, len(pat))
			return i, last - int(l.lines[i].off)
		}
		if lo == 0 {
			break
		}
		// The next chunk overlaps this one by len(pat)-1 bytes, so a match
		// across the boundary is found.
		hi = lo + len(pat) - 1
	}
	return -1, -1
}

// entryAt returns the entry whose text holds arena[at:at+n].
func (l *List) entryAt(at, n int) (int, bool) {
	i := sort.Search(len(l.lines), func(i int) bool { return int(l.lines[i].end) > at }) // first entry ending after at
	for ; i < len(l.lines); i++ {
		s := l.lines[i]
		if int(s.off) > at {
			return 0, false
		}
		if s.len() > 0 || n == 0 {
			return i, at+n <= int(s.end)
		}
	}
	return 0, false
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
