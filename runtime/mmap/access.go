package mmap

import "fmt"

// Access is how a map may be used, and whether writes reach the file.
type Access int

const (
	// AccessDefault maps for reading and writing, shared with the file, as
	// AccessWrite does. Python: mmap.ACCESS_DEFAULT with the default flags
	// and prot.
	AccessDefault Access = iota
	// AccessRead maps read-only; writes fail with [ErrReadOnly]. Python:
	// mmap.ACCESS_READ.
	AccessRead
	// AccessWrite maps for reading and writing; writes reach the file and
	// other maps of it. Python: mmap.ACCESS_WRITE.
	AccessWrite
	// AccessCopy maps copy-on-write: writes change this map only, never
	// the file. Python: mmap.ACCESS_COPY.
	AccessCopy
)

// String returns the Python name of the access mode, such as "ACCESS_READ".
func (a Access) String() string {
	switch a {
	case AccessDefault:
		return "ACCESS_DEFAULT"
	case AccessRead:
		return "ACCESS_READ"
	case AccessWrite:
		return "ACCESS_WRITE"
	case AccessCopy:
		return "ACCESS_COPY"
	}
	return fmt.Sprintf("Access(%d)", int(a))
}

// writable reports whether the map may be written.
func (a Access) writable() bool { return a != AccessRead }

// valid reports whether a is one of the constants.
func (a Access) valid() bool { return a >= AccessDefault && a <= AccessCopy }
