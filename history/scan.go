package history

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"sync"
	"unsafe"
)

// A matcher finds a pattern in text as bytes.Index does (or, with fold,
// ignoring the case of ASCII letters, for an ASCII pattern), faster on
// long texts where the pattern's first byte is common: it looks for three
// of the pattern's bytes at once, 32 places at a time with AVX2
// (anchors32, scan_amd64.s), else eight at a time in a word, and compares
// the whole pattern only where all three are. The three are its last
// byte, which in a reverse-i-search is the one just typed, the one that
// can make a string that is everywhere one that is nowhere, and the two
// rarest of the others.
type matcher struct {
	pat  []byte
	fold bool
	// The anchors: pattern byte i[k], broadcast to every byte of a word
	// in a[k]; with fold, mask[k] has bit 5 of each byte set for an
	// anchor that is a letter, and the anchor is in lower case.
	i    [3]int
	a    [3]uint64
	mask [3]uint64
	// wide is a and mask for anchors32, and vec whether index uses it
	// (useWide, asked once per matcher rather than per text).
	wide [6]uint64
	vec  bool
}

// wide caches hasWide; tests set it, after useWide, to compare the two
// scans (for the matchers made after).
var (
	wideOnce sync.Once
	wide     bool
)

// useWide reports whether index uses anchors32 (on amd64 with AVX2). The
// CPU is asked on the first call rather than at start (see hasWide).
func useWide() bool {
	wideOnce.Do(func() { wide = hasWide() })
	return wide
}

const (
	ones = 0x0101010101010101
	low7 = 0x7f7f7f7f7f7f7f7f
	high = 0x8080808080808080
)

// newMatcher returns a matcher for pat, which must be ASCII with fold.
// rank gives how common each byte is (higher, more common), for the
// choice of anchors.
func newMatcher(pat []byte, fold bool, rank *[256]uint32) *matcher {
	m := &matcher{pat: pat, fold: fold, vec: useWide()}
	n := len(pat)
	if n < 2 {
		return m
	}
	key := func(i int) byte {
		if fold {
			return asciiLower(pat[i])
		}
		return pat[i]
	}
	m.i = [3]int{n - 1, n - 1, n - 1}
	for k := 1; k < 3; k++ {
		// The rarest byte not taken yet, one unlike those taken if there
		// is one.
		best, bestNew := -1, false
		for i := 0; i < n-1; i++ {
			if i == m.i[1] {
				continue
			}
			isNew := key(i) != key(m.i[0]) && key(i) != key(m.i[1])
			if best < 0 || isNew && !bestNew || isNew == bestNew && rank[key(i)] < rank[key(best)] {
				best, bestNew = i, isNew
			}
		}
		if best >= 0 {
			m.i[k] = best
		}
	}
	for k, i := range m.i {
		m.a[k], m.mask[k] = m.anchor(pat[i])
	}
	m.wide = [6]uint64{m.a[0], m.a[1], m.a[2], m.mask[0], m.mask[1], m.mask[2]}
	return m
}

func (m *matcher) anchor(c byte) (a, mask uint64) {
	if m.fold && asciiLower(c) != asciiUpper(c) {
		return uint64(asciiLower(c)) * ones, 0x20 * ones
	}
	return uint64(c) * ones, 0
}

// index returns the offset of the first match in s, or -1.
func (m *matcher) index(s []byte) int {
	n := len(m.pat)
	switch {
	case n == 0:
		return 0
	case n > len(s):
		return -1
	case n == 1 && !m.fold:
		return bytes.IndexByte(s, m.pat[0])
	case n == 1:
		return indexFoldASCII(s, m.pat)
	}
	last := len(s) - n // the last place a match can begin
	k := 0
	if m.vec {
		// 32 places at a time while 32 fit before last+1; the words
		// read end at most at byte k+31+i <= last+n-1.
		for groups := (last + 1 - k) >> 5; groups > 0; groups = (last + 1 - k) >> 5 {
			off, t := anchors32(unsafe.Pointer(&s[k+m.i[0]]), unsafe.Pointer(&s[k+m.i[1]]), unsafe.Pointer(&s[k+m.i[2]]), groups, &m.wide)
			k += off
			if t == 0 {
				break
			}
			for ; t != 0; t &= t - 1 {
				j := k + bits.TrailingZeros32(t)
				if m.equal(s[j : j+n]) {
					return j
				}
			}
			k += 32
		}
	}
	for {
		var t uint64
		k, t = m.anchors(s, k, last)
		if t == 0 {
			break
		}
		for ; t != 0; t &= t - 1 {
			j := k + bits.TrailingZeros64(t)>>3
			if m.equal(s[j : j+n]) {
				return j
			}
		}
		k += 8
	}
	for ; k <= last; k++ {
		if m.equal(s[k : k+n]) {
			return k
		}
	}
	return -1
}

// anchors looks for the anchors at the places from k to last+1, eight
// at a time, up to the last eight that fit before last+1. It returns the
// first eight places k' where some place has all the anchors, and a high
// bit in t for each such place (byte i of t for place k'+i); or, with t
// zero, the place the rest must be looked at one by one from.
func (m *matcher) anchors(s []byte, k, last int) (int, uint64) {
	a0, a1, a2 := m.a[0], m.a[1], m.a[2]
	m0, m1, m2 := m.mask[0], m.mask[1], m.mask[2]
	// The words read end at most at byte k+7+i <= last+n-1.
	s0, s1, s2 := s[m.i[0]:], s[m.i[1]:], s[m.i[2]:]
	for ; k+15 <= last; k += 16 {
		p, q, r := s0[k:k+16:k+16], s1[k:k+16:k+16], s2[k:k+16:k+16]
		z := ((binary.LittleEndian.Uint64(p[0:8]) | m0) ^ a0) |
			((binary.LittleEndian.Uint64(q[0:8]) | m1) ^ a1) |
			((binary.LittleEndian.Uint64(r[0:8]) | m2) ^ a2)
		y := ((binary.LittleEndian.Uint64(p[8:16]) | m0) ^ a0) |
			((binary.LittleEndian.Uint64(q[8:16]) | m1) ^ a1) |
			((binary.LittleEndian.Uint64(r[8:16]) | m2) ^ a2)
		// The high bit of each byte of z that is zero: all anchors.
		t := ^((z&low7 + low7) | z) & high
		u := ^((y&low7 + low7) | y) & high
		if t|u != 0 {
			if t != 0 {
				return k, t
			}
			return k + 8, u
		}
	}
	for ; k+7 <= last; k += 8 {
		z := ((binary.LittleEndian.Uint64(s0[k:k+8]) | m0) ^ a0) |
			((binary.LittleEndian.Uint64(s1[k:k+8]) | m1) ^ a1) |
			((binary.LittleEndian.Uint64(s2[k:k+8]) | m2) ^ a2)
		if t := ^((z&low7 + low7) | z) & high; t != 0 {
			return k, t
		}
	}
	return k, 0
}

// anchors32Go is anchors32 in Go: the places from p0, p1 and p2 on, in
// groups of 32, eight at a time.
func anchors32Go(p0, p1, p2 unsafe.Pointer, groups int, w *[6]uint64) (int, uint32) {
	n := groups * 32
	s0, s1, s2 := unsafe.Slice((*byte)(p0), n), unsafe.Slice((*byte)(p1), n), unsafe.Slice((*byte)(p2), n)
	for off := 0; off < n; off += 32 {
		var mask uint32
		for q := 0; q < 32; q += 8 {
			z := ((binary.LittleEndian.Uint64(s0[off+q:]) | w[3]) ^ w[0]) |
				((binary.LittleEndian.Uint64(s1[off+q:]) | w[4]) ^ w[1]) |
				((binary.LittleEndian.Uint64(s2[off+q:]) | w[5]) ^ w[2])
			// The high bit of each byte of z that is zero, gathered
			// into the low byte: bit i for place q+i.
			t := ^((z&low7 + low7) | z) & high
			mask |= uint32((t>>7)*0x0102040810204080>>56) << q
		}
		if mask != 0 {
			return off, mask
		}
	}
	return n, 0
}

func (m *matcher) equal(s []byte) bool {
	if m.fold {
		return bytes.EqualFold(s, m.pat)
	}
	return string(s) == string(m.pat)
}

// staticRank ranks bytes by how common they are in shell commands, for
// a list with no index to count them: the listed bytes from the most
// common; the others are rarer than all of them.
var staticRank = func() (r [256]uint32) {
	const common = " etsri-oacnlg/pdu.mhfyb1kv':=x320w8|45679j~*TPqRDOz_$?W"
	for i := range common {
		r[common[i]] = uint32(len(common) - i)
	}
	return
}()
