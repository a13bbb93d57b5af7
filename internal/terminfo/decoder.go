package terminfo

import (
	"encoding/binary"
	"fmt"
)

// decoder reads a compiled entry front to back. Every read is checked
// against the bytes that remain, so corrupt or truncated input yields an
// error instead of a panic.
type decoder struct {
	data []byte
	off  int
}

// remaining reports how many bytes are left to read.
func (d *decoder) remaining() int { return len(d.data) - d.off }

// bytes consumes the next n bytes; what names them in the error.
func (d *decoder) bytes(n int, what string) ([]byte, error) {
	if n < 0 {
		return nil, fmt.Errorf("invalid %s size %d", what, n)
	}
	if n > d.remaining() {
		return nil, fmt.Errorf("truncated %s: need %d bytes at offset %d, have %d",
			what, n, d.off, d.remaining())
	}
	b := d.data[d.off : d.off+n]
	d.off += n
	return b, nil
}

// shorts consumes n little-endian 16-bit signed integers.
func (d *decoder) shorts(n int, what string) ([]int, error) {
	b, err := d.bytes(2*n, what)
	if err != nil {
		return nil, err
	}
	v := make([]int, n)
	for i := range v {
		v[i] = int(int16(binary.LittleEndian.Uint16(b[2*i:])))
	}
	return v, nil
}

// align skips the pad byte that keeps the next section at an even offset.
// Every section before it has an even size except the ones that need the
// pad, so the absolute offset tells whether it is there.
func (d *decoder) align(what string) error {
	if d.off%2 == 0 {
		return nil
	}
	_, err := d.bytes(1, "padding before "+what)
	return err
}

// numberWidth is the size in bytes of one entry of a numbers section: 2 in
// the legacy format, 4 in the extended-number format.
type numberWidth int

// numbers consumes n numbers of width w and sign-extends them.
func (d *decoder) numbers(n int, w numberWidth, what string) ([]int, error) {
	if w == 2 {
		return d.shorts(n, what)
	}
	b, err := d.bytes(4*n, what)
	if err != nil {
		return nil, err
	}
	v := make([]int, n)
	for i := range v {
		v[i] = int(int32(binary.LittleEndian.Uint32(b[4*i:])))
	}
	return v, nil
}
