//go:build !linux

package completion

import (
	"io/fs"
	"os"
)

// readDir calls f with each entry of the directory dir, "." and ".."
// first. typ holds the entry's type bits.
func readDir(dir string, f func(name []byte, typ fs.FileMode)) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	f([]byte("."), fs.ModeDir)
	f([]byte(".."), fs.ModeDir)
	for _, e := range entries {
		f([]byte(e.Name()), e.Type())
	}
	return err
}

// scanDir returns the entries of the directory dir that keep accepts (all
// when keep is nil), in directory order, with their type bits (^0 when
// unknown). keep must be safe for concurrent use.
func scanDir(dir string, keep func(name []byte) bool) ([]string, []fs.FileMode, error) {
	var l nameList
	err := readDir(dir, func(name []byte, typ fs.FileMode) {
		if keep == nil || keep(name) {
			l.add(name, typ)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	names, types := joinLists(&l)
	return names, types, nil
}
