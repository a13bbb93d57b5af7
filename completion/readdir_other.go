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
