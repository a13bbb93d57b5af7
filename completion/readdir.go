package completion

import (
	"io/fs"
	"strings"
)

// nameList collects directory entries without a string per name: the
// names go back to back in one buffer and become strings, all sharing
// one allocation, when the listing is complete.
type nameList struct {
	buf   []byte
	ends  []int
	types []fs.FileMode
}

func (l *nameList) add(name []byte, typ fs.FileMode) {
	l.buf = append(l.buf, name...)
	l.ends = append(l.ends, len(l.buf))
	l.types = append(l.types, typ)
}

// joinLists returns the entries of lists, in order, as strings that share
// one allocation.
func joinLists(lists ...*nameList) (names []string, types []fs.FileMode) {
	size, n := 0, 0
	for _, l := range lists {
		size += len(l.buf)
		n += len(l.ends)
	}
	if n == 0 {
		return nil, nil
	}
	var b strings.Builder
	b.Grow(size)
	for _, l := range lists {
		b.Write(l.buf)
	}
	all := b.String()
	names = make([]string, 0, n)
	types = make([]fs.FileMode, 0, n)
	base := 0
	for _, l := range lists {
		start := base
		for _, end := range l.ends {
			names = append(names, all[start:base+end])
			start = base + end
		}
		types = append(types, l.types...)
		base += len(l.buf)
	}
	return names, types
}
