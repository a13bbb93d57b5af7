package terminfo

import (
	"fmt"
	"strings"
)

// Magic numbers of the two compiled formats.
const (
	magicLegacy   = 0o432  // numbers are 16-bit
	magicExtended = 0o1036 // numbers are 32-bit (ncurses 6.1 and later)
)

// header is the six 16-bit integers that begin a compiled entry.
type header struct {
	width      numberWidth // size of one number: 2 or 4 bytes
	namesSize  int         // bytes in the names section, NUL included
	boolCount  int         // bytes in the booleans section
	numCount   int         // entries in the numbers section
	strCount   int         // entries in the string-offsets section
	strTabSize int         // bytes in the string table
}

// Parse decodes one compiled terminfo entry, as written by ncurses' tic in
// either the legacy format (magic 0432, 16-bit numbers) or the
// extended-number format (magic 01036, 32-bit numbers), together with the
// extended (user-defined) capabilities that may follow the predefined ones.
//
// Corrupt or truncated data yields an error; Parse never panics, and the
// memory it uses is proportional to len(data).
func Parse(data []byte) (*Terminfo, error) {
	ti, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("terminfo: %w", err)
	}
	return ti, nil
}

// parse is Parse without the "terminfo: " prefix on errors.
func parse(data []byte) (*Terminfo, error) {
	d := &decoder{data: data}
	h, err := readHeader(d)
	if err != nil {
		return nil, err
	}
	names, err := d.bytes(h.namesSize, "names section")
	if err != nil {
		return nil, err
	}
	bools, err := d.bytes(h.boolCount, "booleans section")
	if err != nil {
		return nil, err
	}
	if err := d.align("numbers section"); err != nil {
		return nil, err
	}
	nums, err := d.numbers(h.numCount, h.width, "numbers section")
	if err != nil {
		return nil, err
	}
	offs, err := d.shorts(h.strCount, "string offsets")
	if err != nil {
		return nil, err
	}
	table, err := d.bytes(h.strTabSize, "string table")
	if err != nil {
		return nil, err
	}

	ti := &Terminfo{
		Bools:   make(map[string]bool),
		Numbers: make(map[string]int),
		Strings: make(map[string]string),
	}
	if ti.Names, err = parseNames(names); err != nil {
		return nil, err
	}
	if err := setBools(ti, boolNames[:], bools); err != nil {
		return nil, err
	}
	if err := setNumbers(ti, numberNames[:], nums); err != nil {
		return nil, err
	}
	if err := setStrings(ti, stringNames[:], offs, string(table)); err != nil {
		return nil, err
	}
	if err := parseExtended(d, h.width, ti); err != nil {
		return nil, fmt.Errorf("extended capabilities: %w", err)
	}
	return ti, nil
}

// readHeader decodes and checks the header.
func readHeader(d *decoder) (header, error) {
	v, err := d.shorts(6, "header")
	if err != nil {
		return header{}, err
	}
	var h header
	switch v[0] {
	case magicLegacy:
		h.width = 2
	case magicExtended:
		h.width = 4
	default:
		return header{}, fmt.Errorf("bad magic number %#o", uint16(v[0]))
	}
	h.namesSize, h.boolCount, h.numCount, h.strCount, h.strTabSize = v[1], v[2], v[3], v[4], v[5]
	for i, what := range [...]string{"names size", "boolean count", "number count", "string count", "string table size"} {
		if v[i+1] < 0 {
			return header{}, fmt.Errorf("invalid header: negative %s %d", what, v[i+1])
		}
	}
	return h, nil
}

// parseNames splits the NUL-terminated names section on '|'.
func parseNames(b []byte) ([]string, error) {
	s := string(b)
	n := strings.IndexByte(s, 0)
	if n < 0 {
		return nil, fmt.Errorf("names section is not NUL-terminated")
	}
	if n == 0 {
		return nil, fmt.Errorf("empty names section")
	}
	return strings.Split(s[:n], "|"), nil
}

// setBools records the set booleans of vals, named by names; values past the
// end of names belong to capabilities this package does not know and are
// only checked.
func setBools(ti *Terminfo, names []string, vals []byte) error {
	for i, b := range vals {
		set, err := boolValue(b)
		if err != nil {
			return fmt.Errorf("boolean capability %s: %w", capName(names, i), err)
		}
		if set && i < len(names) {
			ti.Bools[names[i]] = true
		}
	}
	return nil
}

// setNumbers records the present numbers of vals, named by names.
func setNumbers(ti *Terminfo, names []string, vals []int) error {
	for i, v := range vals {
		ok, err := numberValue(v)
		if err != nil {
			return fmt.Errorf("numeric capability %s: %w", capName(names, i), err)
		}
		if ok && i < len(names) {
			ti.Numbers[names[i]] = v
		}
	}
	return nil
}

// setStrings records the present strings whose offsets into table are
// offs, named by names.
func setStrings(ti *Terminfo, names []string, offs []int, table string) error {
	for i, off := range offs {
		s, ok, err := stringAt(table, off)
		if err != nil {
			return fmt.Errorf("string capability %s: %w", capName(names, i), err)
		}
		if ok && i < len(names) {
			ti.Strings[names[i]] = s
		}
	}
	return nil
}
