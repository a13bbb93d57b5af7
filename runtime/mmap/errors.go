package mmap

import "errors"

var (
	// ErrClosed is returned by every method of a closed [Map]. Python:
	// ValueError("mmap closed or invalid").
	ErrClosed = errors.New("mmap: map is closed")

	// ErrTruncated is returned when the mapped file has shrunk and an
	// access touched a page past its new end: the fault (SIGBUS) that
	// would kill the process is recovered. Python has no counterpart: the
	// interpreter dies.
	ErrTruncated = errors.New("mmap: mapped file was truncated: access past its end")

	// ErrReadOnly is returned by writes to a map made with [AccessRead],
	// and by Resize of a read-only or copy-on-write map. Python:
	// TypeError("mmap can't modify a readonly memory map.").
	ErrReadOnly = errors.New("mmap: map is read-only")

	// ErrRange is returned for a position, length or range outside the
	// map; a write that does not fit writes nothing. Python: ValueError
	// ("data out of range", "seek out of range", ...).
	ErrRange = errors.New("mmap: out of range")

	// ErrOffset is returned for a file offset that is negative or not a
	// multiple of [AllocationGranularity]. Python: OSError(EINVAL) on Unix.
	ErrOffset = errors.New("mmap: offset must be a non-negative multiple of the allocation granularity")

	// ErrLength is returned for a map that would reach past the end of its
	// file, start at or past it, or have no bytes at all. Python:
	// ValueError("mmap length is greater than file size") and
	// ValueError("cannot mmap an empty file").
	ErrLength = errors.New("mmap: length out of range of the file")

	// ErrUnsupported is returned by operations this platform cannot do,
	// such as resizing an anonymous map outside Linux (it wraps
	// errors.ErrUnsupported). Python: SystemError or OSError.
	ErrUnsupported error = unsupportedError{}
)

// unsupportedError is ErrUnsupported: what fmt.Errorf("mmap: %w on this
// platform", errors.ErrUnsupported) gives, without calling fmt during
// package initialization, which every program importing mmap (gosh among
// them) pays at start-up.
type unsupportedError struct{}

func (unsupportedError) Error() string {
	return "mmap: " + errors.ErrUnsupported.Error() + " on this platform"
}
func (unsupportedError) Unwrap() error { return errors.ErrUnsupported }
