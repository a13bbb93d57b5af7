//go:build !amd64

package history

import "unsafe"

// hasWide reports whether anchors32 is worth calling: only with a vector
// unit (amd64's AVX2).
func hasWide() bool { return false }

// anchors32 is anchors32Go where there is no assembly version; it is not
// called (hasWide is false).
func anchors32(p0, p1, p2 unsafe.Pointer, groups int, w *[6]uint64) (int, uint32) {
	return anchors32Go(p0, p1, p2, groups, w)
}
