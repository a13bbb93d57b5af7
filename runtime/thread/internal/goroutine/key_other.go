//go:build !amd64 && !arm64

package goroutine

// Key returns an identifier of the calling goroutine. On this architecture
// it is the goroutine's [ID], which is slow to read but never reused.
func Key() uintptr { return uintptr(ID()) }
