package history

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"sync"
)

// A searchIndex lets a search of a long history pass over the parts of
// the arena that cannot hold a match, so that a search of a million
// entries need not read them all.
//
// The arena is cut into blocks of idxBlock bytes, and the index records,
// for each block, the n-grams (1 to idxMaxGram bytes) that begin in it or
// in the idxWindow bytes after it: each byte exactly (one row each), the
// longer n-grams hashed to idxHashRows rows (a Bloom filter with one
// hash). An n-gram is recorded as it is, and, if it holds upper-case
// ASCII letters, in lower case too under a key of its own (foldedKey):
// a search that minds case asks about the n-grams of its pattern, one
// that ignores case about those in lower case and the folded ones, so
// neither takes "export A" for "export a" nor misses it. Every n-gram of
// the first idxWindow bytes of a match that begins in a block is so
// recorded for the block, and a block that lacks one of the pattern's is
// passed over. For a longer pattern, the index is asked about its last
// idxWindow bytes. Hash collisions and n-grams that are all there
// without the pattern only cost a scan of a block that could have been
// passed over. The hash differs from page to page (pageHash), so that a
// collision with a common n-gram costs a scan of some pages' blocks, not
// of every block. Every entry begins after a newline or at the start of
// the arena, which the index takes to follow one (startText, addBlock),
// so a prefix search asks about a newline and its pattern and scans only
// the blocks where an entry may begin with it (newPrefixScan).
//
// The rows are stored by pages of 64 blocks: bit j of sig[p*idxRows+r]
// says that block 64p+j has row r, so a search reads one word a row per
// page and learns about 64 blocks at a time. The index takes half the
// size of the arena (2^15 + 256 bits for each 8 KiB block).
//
// Over a million shell commands (BenchmarkSearchNearMiss's), about a
// quarter of the hashed rows of a block are set; a string that is
// nowhere though all but its last character are in most blocks is left
// with 2.5% of the blocks to scan on average, 6% at the 90th percentile
// and 31% at worst (with n-grams of up to 4 bytes in 2^14 rows and
// letters folded, as before, every block at worst).
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
	idxHashBits   = 15
	idxMaxGram    = 5 // addBlock has the n-grams written out
	idxHashRows   = 1 << idxHashBits
	idxRows       = 256 + idxHashRows
	// idxWindow is how many bytes of a pattern the index is asked about.
	idxWindow = 32
	// idxSample is how many bytes at the start of each block the byte
	// counts sample.
	idxSample = 256
)

// addBlock writes out the n-grams of 2 to 5 bytes.
var _ = [1]struct{}{}[idxMaxGram-5]

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

// isUpperTable has 1 for the ASCII upper-case letters.
var isUpperTable = func() (t [256]byte) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 1
	}
	return
}()

// gramRow returns the row of key (gramKey) in a page whose hash
// multiplier is k (pageHash).
func gramRow(key, k uint64) int {
	return 256 + int((key*k)>>(64-idxHashBits))
}

// gramKey returns the key of the n-gram (2 to idxMaxGram bytes) that
// ends with the low byte of v: its n bytes, and n.
func gramKey(v uint64, n int) uint64 {
	return v&(1<<(8*n)-1) | uint64(n)<<56
}

// foldedKey marks the key of an n-gram that holds an upper-case ASCII
// letter, folded to lower case: what a search that ignores case asks
// about, besides the n-gram in lower case.
const foldedKey = 1 << 52

// pageHash returns the hash multiplier of page p: odd, and different
// from page to page, so that an n-gram that shares its row with another
// (a false positive of the Bloom filter) shares it with a different one
// in each page. With one multiplier for all, a string absent from the
// whole history whose row is that of a string in every block was taken
// to be possible in every block.
func pageHash(p int) uint64 {
	z := uint64(p)*0x9E3779B97F4A7C15 + 0x2545F4914F6CDD1D
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31 | 1
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
	// bytes after it: those that end in [start, start+idxBlock+idxWindow+idxMaxGram-1).
	// Those that end before the old end are in already.
	first := max(x.n-idxWindow-(idxMaxGram-1), 0) >> idxBlockShift
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
		to := min(start+idxBlock+idxWindow+idxMaxGram-1, m)
		if from < start+idxSample {
			for _, c := range arena[from:min(start+idxSample, to)] {
				w.count[foldTable[c]]++
			}
		}
		page := b / 64
		rows := sig[page*idxRows : (page+1)*idxRows]
		t := max(start, from-(idxMaxGram-1))
		w.addBlock(rows, uint64(1)<<(b%64), pageHash(page), arena[t:to], from-t, t == 0)
	}
}

// addBlock records in rows, as bit, the n-grams that end in text[skip:],
// the first skip bytes being only the n-grams' starts; text begins the
// arena if first is set, and is then taken to follow a newline, as the
// other entries do (startText), so that the n-grams of a newline and the
// start of an entry are recorded for the first entry too. It may record
// n-grams that begin before or after the block's: an index that records
// more passes over less, but is no less correct.
func (w *indexer) addBlock(rows []uint64, bit, k uint64, text []byte, skip int, first bool) {
	// The rows are marked a byte each, with plain stores, then set in
	// the page: setting bits in place makes each byte wait for the last
	// to have set the same word.
	st := &w.stage
	// v has the bytes as they are, f folded to lower case, and u a bit
	// for each byte that is an upper-case letter.
	var v, f, u uint64
	if first {
		v, f = '\n', '\n'
	}
	for _, c := range text[:skip] {
		v, f, u = v<<8|uint64(c), f<<8|uint64(foldTable[c]), u<<1|uint64(isUpperTable[c])
	}
	for _, c := range text[skip:] {
		v, f, u = v<<8|uint64(c), f<<8|uint64(foldTable[c]), u<<1|uint64(isUpperTable[c])
		st[c] = 1
		st[gramRow(v&0xffff|2<<56, k)] = 1
		st[gramRow(v&0xffffff|3<<56, k)] = 1
		st[gramRow(v&0xffffffff|4<<56, k)] = 1
		st[gramRow(v&0xffffffffff|5<<56, k)] = 1
		if u&(1<<idxMaxGram-1) != 0 {
			// An upper-case letter in the last idxMaxGram bytes.
			for n := 2; n <= idxMaxGram; n++ {
				if u&(1<<n-1) != 0 {
					st[gramRow(gramKey(f, n)|foldedKey, k)] = 1
				}
			}
		}
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

// patternKeys returns what a match of pat needs, without repeats,
// appended to buf: a key for each of its bytes and n-grams, pat being at
// most idxWindow bytes. A byte's key is the byte (its row); an n-gram's
// is its bytes and n (gramKey), which gives its row in each page. With
// fold, the keys are of the pattern in lower case (see candidates). The
// n-grams that end the pattern come first: in a search that fails, they
// are the ones most often missing, and a page is passed over at the
// first key it lacks.
func patternKeys(pat []byte, fold bool, buf []uint64) []uint64 {
	keys := buf[:0]
	add := func(key uint64) {
		for _, have := range keys {
			if have == key {
				return
			}
		}
		keys = append(keys, key)
	}
	for i := len(pat) - 1; i >= 0; i-- {
		var v uint64
		for j := max(i-idxMaxGram+1, 0); j <= i; j++ {
			c := pat[j]
			if fold {
				c = foldTable[c]
			}
			v = v<<8 | uint64(c)
		}
		for n := min(i+1, idxMaxGram); n >= 2; n-- {
			add(gramKey(v, n))
		}
		add(v & 0xff)
	}
	return keys
}

// candidates returns the blocks of page p in which a match with the
// given keys may begin: bit j for block 64p+j. With fold, a byte's row
// is taken with its upper case's, and an n-gram's with that of the
// n-grams with upper-case letters that fold to it.
func (x *searchIndex) candidates(keys []uint64, fold bool, p int) uint64 {
	page := x.sig[p*idxRows : (p+1)*idxRows]
	k := pageHash(p)
	c := ^uint64(0)
	for _, key := range keys {
		var have uint64
		switch {
		case key <= 0xff:
			have = page[key]
			if fold {
				have |= page[asciiUpper(byte(key))]
			}
		case fold:
			have = page[gramRow(key, k)] | page[gramRow(key|foldedKey, k)]
		default:
			have = page[gramRow(key, k)]
		}
		if c &= have; c == 0 {
			break
		}
	}
	return c
}

// A blockScan asks an index where a pattern may be and scans only there.
type blockScan struct {
	x    *searchIndex
	keys []uint64
	fold bool
	n    int // the length of the pattern
	// off is where in the pattern the part the keys are of begins: -1
	// for the newline before it (newPrefixScan).
	off int
}

func (x *searchIndex) newScan(pat []byte, fold bool, buf []uint64) blockScan {
	off := max(len(pat)-idxWindow, 0)
	return blockScan{x: x, keys: patternKeys(pat[off:], fold, buf), fold: fold, n: len(pat), off: off}
}

// newPrefixScan is newScan for matches at the start of an entry only:
// its keys are of a newline and the pattern (its first idxWindow-1
// bytes), which begin a byte before the match, as every entry begins
// after a newline or at the start of the arena (startText, addBlock).
// The newline itself, which a block holding only the first entry need
// not have, is left out.
func (x *searchIndex) newPrefixScan(pat []byte, fold bool, buf []uint64) blockScan {
	var nlPat [idxWindow]byte
	nlPat[0] = '\n'
	k := 1 + copy(nlPat[1:], pat)
	keys := patternKeys(nlPat[:k], fold, buf)
	keys = slices.DeleteFunc(keys, func(key uint64) bool { return key == '\n' })
	return blockScan{x: x, keys: keys, fold: fold, n: len(pat), off: -1}
}

// backward returns the last match that scan finds in arena[lo:hi], or
// -1. It calls scan(a, b), which looks for matches in arena[a:b], on the
// runs of blocks where a match may be, from the end.
func (bs *blockScan) backward(lo, hi int, scan func(a, b int) int) int {
	x, n, off := bs.x, bs.n, bs.off
	// The blocks where the part of a match the keys are of can begin
	// (block 0 for one before the arena: newPrefixScan).
	bLo := max((lo+off)>>idxBlockShift, 0)
	for b := max((hi-n+off)>>idxBlockShift, 0); b >= bLo; {
		p := b / 64
		c := x.candidates(bs.keys, bs.fold, p) & (^uint64(0) >> (63 - b%64))
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
		a := bs.runStart(lo, p*64+bottom)
		e := min(hi, (p*64+top+1)<<idxBlockShift-off+n-1)
		if at := scan(a, e); at >= 0 {
			return at
		}
		b = p*64 + bottom - 1
	}
	return -1
}

// runStart returns where in the arena, from lo on, a match may begin
// whose keyed part begins in block b or after.
func (bs *blockScan) runStart(lo, b int) int {
	if b == 0 {
		return lo
	}
	return max(lo, b<<idxBlockShift-bs.off)
}

// forward is backward the other way: the first match.
func (bs *blockScan) forward(lo, hi int, scan func(a, b int) int) int {
	x, n, off := bs.x, bs.n, bs.off
	bHi := max((hi-n+off)>>idxBlockShift, 0)
	for b := max((lo+off)>>idxBlockShift, 0); b <= bHi; {
		p := b / 64
		c := x.candidates(bs.keys, bs.fold, p) & (^uint64(0) << (b % 64))
		if last := p*64 + 63; bHi < last {
			c &= ^uint64(0) >> (last - bHi)
		}
		if c == 0 {
			b = p*64 + 64
			continue
		}
		bottom := bits.TrailingZeros64(c)
		top := bottom - 1 + bits.TrailingZeros64(^(c >> bottom))
		a := bs.runStart(lo, p*64+bottom)
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
// pass over most of it: an index of the text, of about half its
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
