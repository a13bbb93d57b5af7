//go:build amd64 || arm64

package goroutine

// Key returns an identifier of the calling goroutine: the address of its
// runtime descriptor. It is non-zero, unique among live goroutines, and may
// be reused by a goroutine started after this one ends.
//
//go:noescape
func Key() uintptr
