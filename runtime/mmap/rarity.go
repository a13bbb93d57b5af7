package mmap

// Choosing how to search. A search finds candidate positions with
// bytes.IndexByte (vectorized assembly) on the needle's rarest byte and
// checks a second rare byte before comparing the whole needle, so the
// rarer those bytes are in the haystack, the fewer the candidates. Large
// haystacks are sampled; small ones are judged by a fixed guess of how
// common each byte is in text, code and binaries. When the sample shows
// that even the rarest byte is common and the needle lets a Horspool
// search skip far, that search is used instead.

import "sync"

// sampleMin is the haystack size from which a search samples it.
const sampleMin = 1 << 20

// Sampling reads sampleSpans spans of sampleSpan bytes spread evenly over
// the haystack, from its start to its end (64 KiB in all).
const (
	sampleSpan  = 4 << 10
	sampleSpans = 16
)

// commonness guesses how common each byte value is, higher for more
// common, without looking at the haystack.
// It is built on first use, not at every start of a program that links
// the package.
func commonness() *[256]uint8 {
	commonnessOnce.Do(buildCommonness)
	return &commonnessTable
}

var (
	commonnessTable [256]uint8
	commonnessOnce  sync.Once
)

func buildCommonness() {
	t := &commonnessTable
	for c := range 256 {
		switch {
		case c >= 0x80:
			t[c] = 40 // UTF-8 continuation and lead bytes, binary data
		case c < 0x20:
			t[c] = 20 // control characters
		case c >= 'A' && c <= 'Z':
			t[c] = 120
		case c >= '0' && c <= '9':
			t[c] = 160
		default:
			t[c] = 90 // other punctuation
		}
	}
	// Lower-case letters from the most frequent in English text down.
	for i, c := range "etaoinsrhldcumfpgwybvkxjqz" {
		t[c] = uint8(250 - 2*i)
	}
	for i, c := range "ETAOINSRHLDCUMFPGWYBVKXJQZ" {
		t[c] = uint8(150 - i)
	}
	t[' '] = 255
	t['\n'], t['\t'] = 190, 150
	t[0] = 100 // padding in binary files
	t[0xff] = 60
	for _, c := range ".,-/_:=()\"'" {
		t[c] = 170
	}
	t['0'], t['1'], t['2'] = 180, 175, 170
}

// byteCounts counts byte values, or ranks them when there is nothing to count.
type byteCounts [256]uint32

// guessCounts ranks bytes by the fixed commonness table.
func guessCounts() *byteCounts {
	var f byteCounts
	for c, v := range commonness() {
		f[c] = uint32(v)
	}
	return &f
}

// sampleCounts counts the bytes of hay's sample spans. The fixed guess
// breaks ties, so a byte absent from the sample but common in general is
// not preferred over one that is rare in general.
func sampleCounts(hay []byte) *byteCounts {
	var f byteCounts
	// The first span starts the haystack and the last ends it. The stride
	// is rarely a multiple of a power of two, so that data repeating with
	// such a period is not sampled at the same place in every period.
	step := (len(hay) - sampleSpan) / (sampleSpans - 1)
	for i := range sampleSpans {
		for _, c := range hay[i*step : i*step+sampleSpan] {
			f[c]++
		}
	}
	cm := commonness()
	for c := range f {
		f[c] = f[c]<<8 | uint32(cm[c])
	}
	return &f
}

// anchors are the positions in the needle of its rarest byte (k1) and of
// the rarest byte with another value (k2; k2 == k1 if all bytes are equal).
type anchors struct{ k1, k2 int }

// horspoolFactor: a sampled search uses Horspool's algorithm when the
// expected gap between occurrences of the needle's rarest byte is less
// than horspoolFactor times Horspool's expected skip. Measured on log
// text (docs/benchmarks.md): with a gap of 87 bytes and a skip of 20,
// Horspool was twice as fast; with gaps of 110 and 73 and skips of 12
// and 7, bytes.IndexByte on the rare byte was 1.5 to 1.6 times as fast.
const horspoolFactor = 5

// useHorspool reports whether a search with anchors a should use
// Horspool's algorithm with skip table shift, given sampled counts f.
func useHorspool(needle []byte, a anchors, shift *[256]uint8, f *byteCounts) bool {
	var total, skips uint64
	for c, v := range f {
		n := uint64(v >> 8)
		total += n
		skips += n * uint64(shift[c])
	}
	rare := uint64(f[needle[a.k1]]>>8) + 1
	// gap < factor*skip, with gap = total/rare and skip = skips/total.
	return total*total < horspoolFactor*skips*rare
}

// pickAnchors chooses the anchors of needle (not empty) by counts f.
func pickAnchors(needle []byte, f *byteCounts) anchors {
	a := anchors{0, -1}
	for i, c := range needle {
		if f[c] < f[needle[a.k1]] {
			a.k1 = i
		}
	}
	for i, c := range needle {
		if c != needle[a.k1] && (a.k2 < 0 || f[c] < f[needle[a.k2]]) {
			a.k2 = i
		}
	}
	if a.k2 < 0 {
		a.k2 = a.k1
	}
	return a
}
