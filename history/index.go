package history

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"sync"
)

// A searchIndex lets a search of a long history pass over the parts of
// the arena that cannot hold a match, so that a search of a million
// entries need not read them all.
//
// The arena is cut into blocks of idxBlock bytes, and the index records,
// for each block, the n-grams (1 to 4 bytes, ASCII letters folded to
// lower case) that begin in it or in the idxWindow bytes after it: each
// byte exactly (one row each), the longer n-grams hashed to idxHashRows
// rows (a Bloom filter with one hash). Every n-gram of the first
// idxWindow bytes of a match that begins in a block is so recorded for
// the block, and a block that lacks one of the pattern's is passed over.
// For a longer pattern, the index is asked about its last idxWindow
// bytes. Hash collisions and n-grams that are all there without the
// pattern only cost a scan of a block that could have been passed over.
//
// The rows are stored by pages of 64 blocks: bit j of sig[p*idxRows+r]
// says that block 64p+j has row r, so a search reads one word a row per
// page and learns about 64 blocks at a time. The index takes a quarter of
// the size of the arena.
//
// The arena is only ever appended to, until it is compacted or cleared,
// which drop the index; a search brings the index up to date with the
// text added since the last. The first index of a list is built in the
// background (see List.searchIndex), so that no keystroke waits for it.
type searchIndex struct {
	// ready is closed when the index built in the background is
	// complete; until then only the goroutine building it touches the
	// other fields.
	ready chan struct{}
	n     int      // arena bytes indexed
	sig   []uint64 // idxRows words a page
	// count has how often each byte (folded) occurs in a sample of the
	// arena, to choose the rarest bytes of a pattern to look for.
	count [256]uint32
	w     *indexer
}

const (
	idxBlockShift = 13
	idxBlock      = 1 << idxBlockShift
	idxPage       = 64 * idxBlock // arena bytes a page of rows covers
	idxHashBits   = 14
	idxHashRows   = 1 << idxHashBits
	idxRows       = 256 + idxHashRows
	// idxWindow is how many bytes of a pattern the index is asked about.
	idxWindow = 32
	// idxSample is how many bytes at the start of each block the byte
	// counts sample.
	idxSample = 256
)

// idxMinArena is the arena size from which searches use an index: below
// it, a scan of the whole arena is cheap. (A variable for tests.)
var idxMinArena = 1 << 20

// foldTable maps ASCII upper-case letters to lower case and every other
// byte to itself.
var foldTable = func() (t [256]byte) {
	for i := range t {
		t[i] = asciiLower(byte(i))
	}
	return
}()

// gramRow returns the row of the n-gram of n bytes (2 to 4) that ends
// with the low byte of v, folded bytes one a byte.
func gramRow(v uint64, n int) int {
	v = v&(1<<(8*n)-1) | uint64(n)<<32
	return 256 + int((v*0x9E3779B97F4A7C15)>>(64-idxHashBits))
}

// update indexes the arena bytes added since the last update.
func (x *searchIndex) update(arena []byte) {
	m := len(arena)
	if m <= x.n {
		return
	}
	if pages := (m + idxPage - 1) / idxPage; len(x.sig) < pages*idxRows {
		want := pages * idxRows
		if cap(x.sig) < want {
			grown := make([]uint64, len(x.sig), max(want, 2*cap(x.sig)))
			copy(grown, x.sig)
			x.sig = grown
		}
		x.sig = x.sig[:want]
	}
	// Block b records the n-grams that begin in it and in the idxWindow
	// bytes after it: those that end in [start, start+idxBlock+idxWindow+3).
	// Those that end before the old end are in already.
	first := max(x.n-idxWindow-3, 0) >> idxBlockShift
	end := (m + idxBlock - 1) >> idxBlockShift
	// A long stretch is shared out by pages among the processors.
	workers := min(runtime.GOMAXPROCS(0), (end-first)/64/4)
	if workers <= 1 {
		w := x.indexer()
		w.index(x.sig, arena, x.n, first, end)
		x.add(w)
	} else {
		// Whole pages each: two workers must not set bits in one word.
		p0 := first / 64
		per := ((end+63)/64 - p0 + workers - 1) / workers
		var wg sync.WaitGroup
		ws := make([]*indexer, workers)
		for k := range ws {
			ws[k] = new(indexer)
			lo := min(max(first, (p0+k*per)*64), end)
			hi := min((p0+(k+1)*per)*64, end)
			wg.Go(func() { ws[k].index(x.sig, arena, x.n, lo, hi) })
		}
		wg.Wait()
		for _, w := range ws {
			x.add(w)
		}
	}
	x.n = m
}

// indexer returns the index's own indexer, kept for the small updates
// of every search.
func (x *searchIndex) indexer() *indexer {
	if x.w == nil {
		x.w = new(indexer)
	}
	return x.w
}

// add takes in the byte counts of w.
func (x *searchIndex) add(w *indexer) {
	for c, n := range w.count {
		x.count[c] += n
	}
	w.count = [256]uint32{}
}

// An indexer records n-grams in the index's rows; several can work at
// once on different pages.
type indexer struct {
	stage [idxRows]byte // the rows of the block being indexed
	count [256]uint32   // the bytes of the sample seen
}

// index records the n-grams of blocks [first, end) of arena that end at
// or after old (the arena's length when the index was last updated).
func (w *indexer) index(sig []uint64, arena []byte, old, first, end int) {
	m := len(arena)
	for b := first; b < end; b++ {
		start := b << idxBlockShift
		from := max(start, old)
		to := min(start+idxBlock+idxWindow+3, m)
		if from < start+idxSample {
			for _, c := range arena[from:min(start+idxSample, to)] {
				w.count[foldTable[c]]++
			}
		}
		page := b / 64
		rows := sig[page*idxRows : (page+1)*idxRows]
		w.addBlock(rows, uint64(1)<<(b%64), arena[max(start, from-3):to], from-max(start, from-3))
	}
}

// addBlock records in rows, as bit, the n-grams that end in text[skip:],
// the first skip bytes being only the n-grams' starts. It may record
// n-grams that begin before or after the block's: an index that records
// more passes over less, but is no less correct.
func (w *indexer) addBlock(rows []uint64, bit uint64, text []byte, skip int) {
	// The rows are marked a byte each, with plain stores, then set in
	// the page: setting bits in place makes each byte wait for the last
	// to have set the same word.
	st := &w.stage
	var v uint64
	for _, c := range text[:skip] {
		v = v<<8 | uint64(foldTable[c])
	}
	for _, c := range text[skip:] {
		c := foldTable[c]
		v = v<<8 | uint64(c)
		st[c] = 1
		st[gramRow(v, 2)] = 1
		st[gramRow(v, 3)] = 1
		st[gramRow(v, 4)] = 1
	}
	rows = rows[:idxRows]
	for i := 0; i < len(st); i += 8 {
		m := binary.LittleEndian.Uint64(st[i : i+8])
		if m == 0 {
			continue
		}
		for ; m != 0; m &= m - 1 {
			rows[i+bits.TrailingZeros64(m)>>3] |= bit
		}
		clear(st[i : i+8])
	}
}

// patternRows returns the rows a match of pat needs, without repeats,
// appended to buf: those of its n-grams, pat being at most idxWindow
// bytes.
func patternRows(pat []byte, buf []int) []int {
	rows := buf[:0]
	add := func(r int) {
		for _, have := range rows {
			if have == r {
				return
			}
		}
		rows = append(rows, r)
	}
	var v uint64
	for i, c := range pat {
		c := foldTable[c]
		v = v<<8 | uint64(c)
		add(int(c))
		for n := 2; n <= min(i+1, 4); n++ {
			add(gramRow(v, n))
		}
	}
	return rows
}

// candidates returns the blocks of page p in which a match with the
// given rows may begin: bit j for block 64p+j.
func (x *searchIndex) candidates(rows []int, p int) uint64 {
	page := x.sig[p*idxRows : (p+1)*idxRows]
	c := ^uint64(0)
	for _, r := range rows {
		if c &= page[r]; c == 0 {
			break
		}
	}
	return c
}

// A blockScan asks an index where a pattern may be and scans only there.
type blockScan struct {
	x    *searchIndex
	rows []int
	n    int // the length of the pattern
	// off is where in the pattern the part the rows are of begins.
	off int
}

func (x *searchIndex) newScan(pat []byte, buf []int) blockScan {
	off := max(len(pat)-idxWindow, 0)
	return blockScan{x: x, rows: patternRows(pat[off:], buf), n: len(pat), off: off}
}

// backward returns the last match that scan finds in arena[lo:hi], or
// -1. It calls scan(a, b), which looks for matches in arena[a:b], on the
// runs of blocks where a match may be, from the end.
func (bs *blockScan) backward(lo, hi int, scan func(a, b int) int) int {
	x, n, off := bs.x, bs.n, bs.off
	// The blocks where the part of a match the rows are of can begin.
	bLo := (lo + off) >> idxBlockShift
	for b := (hi - n + off) >> idxBlockShift; b >= bLo; {
		p := b / 64
		c := x.candidates(bs.rows, p) & (^uint64(0) >> (63 - b%64))
		if first := p * 64; bLo > first {
			c &= ^uint64(0) << (bLo - first)
		}
		if c == 0 {
			b = p*64 - 1
			continue
		}
		top := 63 - bits.LeadingZeros64(c)
		// The run of candidate blocks that ends at top.
		bottom := top + 1 - bits.LeadingZeros64(^(c << (63 - top)))
		a := max(lo, (p*64+bottom)<<idxBlockShift-off)
		e := min(hi, (p*64+top+1)<<idxBlockShift-off+n-1)
		if at := scan(a, e); at >= 0 {
			return at
		}
		b = p*64 + bottom - 1
	}
	return -1
}

// forward is backward the other way: the first match.
func (bs *blockScan) forward(lo, hi int, scan func(a, b int) int) int {
	x, n, off := bs.x, bs.n, bs.off
	bHi := (hi - n + off) >> idxBlockShift
	for b := (lo + off) >> idxBlockShift; b <= bHi; {
		p := b / 64
		c := x.candidates(bs.rows, p) & (^uint64(0) << (b % 64))
		if last := p*64 + 63; bHi < last {
			c &= ^uint64(0) >> (last - bHi)
		}
		if c == 0 {
			b = p*64 + 64
			continue
		}
		bottom := bits.TrailingZeros64(c)
		top := bottom - 1 + bits.TrailingZeros64(^(c >> bottom))
		a := max(lo, (p*64+bottom)<<idxBlockShift-off)
		e := min(hi, (p*64+top+1)<<idxBlockShift-off+n-1)
		if at := scan(a, e); at >= 0 {
			return at
		}
		b = p*64 + top + 1
	}
	return -1
}

// searchIndex returns the list's index, brought up to date, or nil when
// the arena is too small to need one or the index is not built yet. The
// first call for a long list starts building the index in a goroutine,
// which reads only the arena's bytes as they are then: they never change
// (an append that moves the arena copies them; compact and Clear make a
// new arena and drop the index).
func (l *List) searchIndex() *searchIndex {
	if l.idx == nil {
		if len(l.arena) < idxMinArena {
			return nil
		}
		x := &searchIndex{ready: make(chan struct{})}
		arena := l.arena
		go func() {
			x.update(arena)
			close(x.ready)
		}()
		l.idx = x
		return nil
	}
	select {
	case <-l.idx.ready:
	default:
		return nil
	}
	l.idx.update(l.arena)
	return l.idx
}

// PrepareSearch builds, and waits for, what lets searches of a long list
// pass over most of it: an index of the text, of about a quarter of its
// size. Find builds it by itself, in the background, at the first search
// of a long list, and scans the whole list until it is ready; a program
// that wants the first searches as fast as the later ones calls
// PrepareSearch first. Like every method, it must not run concurrently
// with others on the list.
func (l *List) PrepareSearch() {
	if l.searchIndex() == nil && l.idx != nil {
		<-l.idx.ready
		l.idx.update(l.arena)
	}
}
