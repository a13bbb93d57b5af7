package mmap

import (
	"bytes"
	"iter"
	"sync/atomic"
)

// Finder searches for one needle in byte slices. It is made for large
// haystacks such as memory maps, where it runs near memory bandwidth for
// most needles: candidates are found with bytes.IndexByte on the needle
// byte that is rarest in the haystack (judged from a 64 KiB sample of
// haystacks of 1 MiB or more), checked on a second rare byte, then
// compared whole. When the sample shows that every byte of a long needle
// is common, a forward search uses Horspool's algorithm (a skip table on
// the last byte of each window) instead. When too many candidates turn
// out false, so that the comparisons would cost more than a plain search,
// either falls back to bytes.Index for the rest.
//
// The first search of a haystack of 1 MiB or more samples it, and the
// Finder keeps that choice for later searches, so that a loop of Index
// calls over one large haystack samples it once.
//
// A Finder is safe for concurrent use. Python has no counterpart; it is
// the search behind [Map.Find], [Map.RFind] and [Map.FindAll].
type Finder struct {
	needle  []byte
	shift   [256]uint8           // Horspool's skip for each last byte of a window
	small   plan                 // by the fixed guess, for small haystacks
	sampled atomic.Pointer[plan] // from the first large haystack
}

// plan is how to search: the anchors, and whether Index uses Horspool.
type plan struct {
	anchors
	horspool bool
}

// NewFinder returns a Finder for needle, which it keeps (do not modify it).
func NewFinder(needle []byte) *Finder {
	f := &Finder{needle: needle}
	if m := len(needle); m > 0 {
		f.small = plan{anchors: pickAnchors(needle, guessCounts())}
		for c := range f.shift {
			f.shift[c] = uint8(min(m, 255))
		}
		for i, c := range needle[:m-1] {
			f.shift[c] = uint8(min(m-1-i, 255))
		}
	}
	return f
}

// planFor returns the plan to search hay with.
func (f *Finder) planFor(hay []byte) plan {
	if len(hay) < sampleMin || len(f.needle) < 2 {
		return f.small
	}
	if p := f.sampled.Load(); p != nil {
		return *p
	}
	counts := sampleCounts(hay)
	p := plan{anchors: pickAnchors(f.needle, counts)}
	p.horspool = useHorspool(f.needle, p.anchors, &f.shift, counts)
	f.sampled.Store(&p)
	return p
}

// Index returns the index of the first occurrence of the needle in hay,
// or -1. Like bytes.Index, an empty needle is found at 0.
func (f *Finder) Index(hay []byte) int {
	return f.index(hay, f.planFor(hay))
}

// LastIndex returns the index of the last occurrence of the needle in
// hay, or -1. Like bytes.LastIndex, an empty needle is found at len(hay).
func (f *Finder) LastIndex(hay []byte) int {
	return f.lastIndex(hay, f.planFor(hay).anchors)
}

// All yields the index of each occurrence of the needle in hay, in order,
// not overlapping (the search goes on after the end of each match, as
// bytes.Count counts). An empty needle matches at every index from 0 to
// len(hay).
func (f *Finder) All(hay []byte) iter.Seq[int] {
	return func(yield func(int) bool) {
		p := f.planFor(hay)
		step := max(len(f.needle), 1)
		for pos := 0; pos <= len(hay); {
			i := f.index(hay[pos:], p)
			if i < 0 || !yield(pos+i) {
				return
			}
			pos += i + step
		}
	}
}

// The fallback to bytes.Index starts when the bytes compared for false
// candidates exceed verifyFactor times the bytes scanned plus verifySlack.
const (
	verifyFactor = 4
	verifySlack  = 64 << 10
)

// index is Index with the plan chosen.
func (f *Finder) index(hay []byte, p plan) int {
	needle := f.needle
	n := len(needle)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return bytes.IndexByte(hay, needle[0])
	case len(hay) < n:
		return -1
	case len(hay) < 64:
		return bytes.Index(hay, needle)
	case p.horspool:
		return f.horspoolIndex(hay)
	}
	a := p.anchors
	r1, r2 := needle[a.k1], needle[a.k2]
	last := len(hay) - n // the last possible start
	compared := 0
	for pos := 0; pos <= last; {
		i := bytes.IndexByte(hay[pos+a.k1:last+a.k1+1], r1)
		if i < 0 {
			return -1
		}
		s := pos + i
		if hay[s+a.k2] == r2 {
			if bytes.Equal(hay[s:s+n], needle) {
				return s
			}
			compared += n
			if compared > verifyFactor*s+verifySlack {
				if j := bytes.Index(hay[s+1:], needle); j >= 0 {
					return s + 1 + j
				}
				return -1
			}
		}
		pos = s + 1
	}
	return -1
}

// horspoolIndex is Index by Horspool's algorithm: the last byte of each
// window picks how far the window moves, and a window whose last byte is
// the needle's is compared whole.
func (f *Finder) horspoolIndex(hay []byte) int {
	needle := f.needle
	n := len(needle)
	lastByte, head := needle[n-1], needle[:n-1]
	shift := &f.shift
	compared := 0
	for i := n - 1; i < len(hay); { // i is the end of the window
		c := hay[i]
		if c == lastByte {
			s := i - n + 1
			if bytes.Equal(hay[s:i], head) {
				return s
			}
			compared += n
			if compared > verifyFactor*i+verifySlack {
				if j := bytes.Index(hay[s+1:], needle); j >= 0 {
					return s + 1 + j
				}
				return -1
			}
		}
		i += int(shift[c])
	}
	return -1
}

// lastIndex is LastIndex with the anchors chosen.
func (f *Finder) lastIndex(hay []byte, a anchors) int {
	needle := f.needle
	n := len(needle)
	switch {
	case n == 0:
		return len(hay)
	case n == 1:
		return lastIndexByte(hay, needle[0])
	case len(hay) < n:
		return -1
	case len(hay) < 64:
		return bytes.LastIndex(hay, needle)
	}
	r1, r2 := needle[a.k1], needle[a.k2]
	end := len(hay) - n + 1 // candidates start before end
	compared, scanned := 0, 0
	for end > 0 {
		i := lastIndexByte(hay[a.k1:end+a.k1], r1)
		if i < 0 {
			return -1
		}
		s := i
		if hay[s+a.k2] == r2 {
			if bytes.Equal(hay[s:s+n], needle) {
				return s
			}
			compared += n
			scanned = len(hay) - s
			if compared > verifyFactor*scanned+verifySlack {
				return bytes.LastIndex(hay[:s+n-1], needle)
			}
		}
		end = s
	}
	return -1
}

// lastIndexChunk is how far back lastIndexByte looks with each forward
// bytes.IndexByte (the standard library's LastIndexByte is a plain loop).
const lastIndexChunk = 16 << 10

// lastIndexByte returns the index of the last c in b, or -1. It finds the
// last chunk holding c with bytes.IndexByte, then looks for c backwards
// in that chunk only.
func lastIndexByte(b []byte, c byte) int {
	for end := len(b); end > 0; {
		start := max(0, end-lastIndexChunk)
		chunk := b[start:end]
		if first := bytes.IndexByte(chunk, c); first >= 0 {
			for j := len(chunk) - 1; j > first; j-- {
				if chunk[j] == c {
					return start + j
				}
			}
			return start + first
		}
		end = start
	}
	return -1
}
