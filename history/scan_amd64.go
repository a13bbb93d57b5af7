package history

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// useWide says anchors32 runs on AVX2, 32 places an instruction.
var useWide = cpu.X86.HasAVX2

// anchors32 looks, from p0, p1 and p2 (the text at the matcher's three
// anchors for the first place) on, for places where all three anchors
// are, 32 places at a time, over groups groups of 32. w holds the
// anchors and their masks as in a matcher (matcher.wide). It returns
// the offset of the first group with such a place and a bit for each of
// its places that has them (bit i for place off+i), or groups*32 and 0.
// It must only be called with useWide set.
//
//go:noescape
func anchors32(p0, p1, p2 unsafe.Pointer, groups int, w *[6]uint64) (off int, mask uint32)
