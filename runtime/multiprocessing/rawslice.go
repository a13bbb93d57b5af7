package multiprocessing

import (
	"fmt"
	"reflect"
	"unsafe"
)

// Slices of plain data (numbers, bools, and arrays and structs of them: no
// pointers) travel between a pool and its workers as their memory, with no
// encoding: both ends are the same program, so layout and byte order agree.
// This is what makes Map over numbers fast; other types go through the
// codec.

// isPlain reports whether values of t hold no pointers.
func isPlain(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	case reflect.Array:
		return isPlain(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if !isPlain(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}

// rawable reports whether []T may travel as raw memory.
func rawable[T any]() bool {
	t := reflect.TypeFor[T]()
	return t.Size() > 0 && isPlain(t)
}

// sliceBytes returns the memory of s.
func sliceBytes[T any](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	var zero T
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(zero)))
}

// rawInto copies raw element memory into dst, growing it, and returns it.
func rawInto[T any](dst []T, raw []byte) ([]T, error) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if size == 0 || len(raw)%size != 0 {
		return nil, fmt.Errorf("multiprocessing: %d raw bytes are not a whole number of %d-byte elements", len(raw), size)
	}
	n := len(raw) / size
	if cap(dst) < n {
		dst = make([]T, n)
	}
	dst = dst[:n]
	copy(sliceBytes(dst), raw)
	return dst, nil
}
