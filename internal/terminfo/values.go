package terminfo

import (
	"fmt"
	"strings"
)

// tic stores these sentinels in the numbers and string-offset sections for
// a capability that the entry does not have; any other negative value is
// illegal.
const (
	absent    = -1 // the capability was never given
	cancelled = -2 // the capability was cancelled with "name@"
)

// cancelledBool is how a cancelled boolean is stored (the byte 0376).
const cancelledBool = 0xFE

// boolValue decodes one byte of a booleans section.
func boolValue(b byte) (bool, error) {
	switch b {
	case 1:
		return true, nil
	case 0, cancelledBool:
		return false, nil
	}
	return false, fmt.Errorf("invalid value %#x", b)
}

// numberValue reports whether v is a present number; absent and cancelled
// numbers are not, and other negative values are corrupt.
func numberValue(v int) (bool, error) {
	switch {
	case v >= 0:
		return true, nil
	case v == absent, v == cancelled:
		return false, nil
	}
	return false, fmt.Errorf("invalid value %d", v)
}

// stringAt returns the NUL-terminated string that starts at offset off of
// table. ok is false for the absent and cancelled sentinels. The result
// shares memory with table, so decoding never copies more than the input.
func stringAt(table string, off int) (s string, ok bool, err error) {
	switch {
	case off == absent, off == cancelled:
		return "", false, nil
	case off < 0:
		return "", false, fmt.Errorf("invalid offset %d", off)
	case off >= len(table):
		return "", false, fmt.Errorf("offset %d is outside the %d-byte table", off, len(table))
	}
	n := strings.IndexByte(table[off:], 0)
	if n < 0 {
		return "", false, fmt.Errorf("value at offset %d is not NUL-terminated", off)
	}
	return table[off : off+n], true, nil
}

// capName names capability i of a section for error messages: its name
// when names has one, else its index.
func capName(names []string, i int) string {
	if i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("#%d", i)
}
