//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package poll

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// The kernel's struct kevent differs between the BSDs (field widths on
// NetBSD, an extension array on FreeBSD, udata as a pointer or an
// integer), so Kevent is converted field by field.
//
// Udata holds any integer, not a Go pointer. To keep the garbage
// collector from ever seeing such a value in a pointer-typed field, raw
// events live in memory allocated without pointers, and Udata is read
// and written as a uintptr, never as the field's own type.

// integer is any integer type a kevent field may have.
type integer interface {
	~int16 | ~uint16 | ~int32 | ~uint32 | ~int64 | ~uint64 | ~uintptr
}

// set stores v in an integer field of whatever width it has.
func set[T integer, V integer](field *T, v V) { *field = T(v) }

// makeRawKevents returns n zeroed kernel kevents in pointer-free memory.
func makeRawKevents(n int) []unix.Kevent_t {
	if n == 0 {
		return nil
	}
	size := unsafe.Sizeof(unix.Kevent_t{})
	words := make([]uint64, (uintptr(n)*size+7)/8)
	return unsafe.Slice((*unix.Kevent_t)(unsafe.Pointer(&words[0])), n)
}

// udata returns the address of raw's udata field, as a uintptr.
func udata(raw *unix.Kevent_t) *uintptr {
	return (*uintptr)(unsafe.Pointer(&raw.Udata))
}

// toRaw fills the kernel kevent raw from k.
func toRaw(raw *unix.Kevent_t, k Kevent) {
	set(&raw.Ident, k.Ident)
	set(&raw.Filter, k.Filter)
	set(&raw.Flags, k.Flags)
	set(&raw.Fflags, k.Fflags)
	set(&raw.Data, k.Data)
	*udata(raw) = k.Udata
}

// fromRaw converts a kernel kevent.
func fromRaw(raw *unix.Kevent_t) Kevent {
	return Kevent{
		Ident:  uint64(raw.Ident),
		Filter: int16(raw.Filter),
		Flags:  uint16(raw.Flags),
		Fflags: uint32(raw.Fflags),
		Data:   int64(raw.Data),
		Udata:  *udata(raw),
	}
}
