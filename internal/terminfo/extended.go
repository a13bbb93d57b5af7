package terminfo

import "fmt"

// parseExtended decodes the extended (user-defined) capabilities that
// ncurses stores after the string table, if the entry has any, and adds
// them to ti, where they override predefined capabilities of the same name.
//
// The section is laid out like the predefined part: a header of five 16-bit
// integers (boolean count, number count, string count, number of items in
// the string table, string table size in bytes), the booleans, a pad byte to
// an even offset, the numbers, the string offsets, then one name offset per
// capability (booleans, numbers, strings in that order), and the string
// table. The table holds the string values first and the names after them;
// name offsets are relative to the end of the values.
func parseExtended(d *decoder, w numberWidth, ti *Terminfo) error {
	if d.remaining() == 0 {
		return nil
	}
	if err := d.align("header"); err != nil {
		return err
	}
	if d.remaining() == 0 {
		return nil
	}
	v, err := d.shorts(5, "header")
	if err != nil {
		return err
	}
	for i, what := range [...]string{"boolean count", "number count", "string count", "string table items", "string table size"} {
		if v[i] < 0 {
			return fmt.Errorf("invalid header: negative %s %d", what, v[i])
		}
	}
	boolCount, numCount, strCount, tableSize := v[0], v[1], v[2], v[4]

	bools, err := d.bytes(boolCount, "booleans")
	if err != nil {
		return err
	}
	if err := d.align("numbers"); err != nil {
		return err
	}
	nums, err := d.numbers(numCount, w, "numbers")
	if err != nil {
		return err
	}
	offs, err := d.shorts(strCount, "string offsets")
	if err != nil {
		return err
	}
	nameOffs, err := d.shorts(boolCount+numCount+strCount, "name offsets")
	if err != nil {
		return err
	}
	b, err := d.bytes(tableSize, "string table")
	if err != nil {
		return err
	}
	table := string(b)

	names, err := extendedNames(table, offs, nameOffs)
	if err != nil {
		return err
	}
	if err := setBools(ti, names[:boolCount], bools); err != nil {
		return err
	}
	if err := setNumbers(ti, names[boolCount:boolCount+numCount], nums); err != nil {
		return err
	}
	return setStrings(ti, names[boolCount+numCount:], offs, table)
}

// extendedNames decodes the capability names of an extended section. As in
// ncurses, the names begin right after the string values, whose extent is
// the sum of the lengths (NUL included) of the values that are present.
func extendedNames(table string, offs, nameOffs []int) ([]string, error) {
	base := 0
	for i, off := range offs {
		s, ok, err := stringAt(table, off)
		if err != nil {
			return nil, fmt.Errorf("string capability #%d: %w", i, err)
		}
		if ok {
			base += len(s) + 1
		}
	}
	if base > len(table) {
		return nil, fmt.Errorf("string values (%d bytes) overrun the %d-byte string table", base, len(table))
	}
	nameTable := table[base:]
	names := make([]string, len(nameOffs))
	for i, off := range nameOffs {
		s, ok, err := stringAt(nameTable, off)
		switch {
		case err != nil:
			return nil, fmt.Errorf("name of capability #%d: %w", i, err)
		case !ok || s == "":
			return nil, fmt.Errorf("name of capability #%d is missing", i)
		}
		names[i] = s
	}
	return names, nil
}
