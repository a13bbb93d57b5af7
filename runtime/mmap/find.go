package mmap

import "iter"

// Find returns the lowest offset at or after the position where sub
// occurs in the map, or -1. As in Python, the search starts at the
// position, not at 0 (see [Map.FindRange]). Python: mmap.find(sub).
func (m *Map) Find(sub []byte) (int, error) {
	return m.find(sub, 0, 0, false, false)
}

// FindRange returns the lowest offset where sub occurs entirely within
// map[start:end], or -1. Negative start and end count from the end of the
// map and both are clipped to it, as in Python's slice notation. Python:
// mmap.find(sub, start, end).
func (m *Map) FindRange(sub []byte, start, end int) (int, error) {
	return m.find(sub, start, end, true, false)
}

// RFind returns the highest offset at or after the position where sub
// occurs in the map, or -1. Python: mmap.rfind(sub).
func (m *Map) RFind(sub []byte) (int, error) {
	return m.find(sub, 0, 0, false, true)
}

// RFindRange returns the highest offset where sub occurs entirely within
// map[start:end], or -1, with start and end as in [Map.FindRange].
// Python: mmap.rfind(sub, start, end).
func (m *Map) RFindRange(sub []byte, start, end int) (int, error) {
	return m.find(sub, start, end, true, true)
}

// find searches map[start:end] (from the position to the end unless
// ranged), forward or backward.
func (m *Map) find(sub []byte, start, end int, ranged, reverse bool) (int, error) {
	at := -1
	err := m.shared(func(b []byte) error {
		if ranged {
			start, end = sliceBounds(start, len(b)), sliceBounds(end, len(b))
		} else {
			m.posMu.Lock()
			start, end = min(m.pos, len(b)), len(b)
			m.posMu.Unlock()
		}
		if start > end {
			return nil
		}
		f := NewFinder(sub)
		if reverse {
			at = f.LastIndex(b[start:end])
		} else {
			at = f.Index(b[start:end])
		}
		if at >= 0 {
			at += start
		}
		return nil
	})
	if err != nil {
		return -1, err
	}
	return at, nil
}

// sliceBounds interprets i as a bound of Python's slice notation over n
// bytes: negative counts from the end; the result is clipped to 0..n.
func sliceBounds(i, n int) int {
	if i < 0 {
		i += n
	}
	return max(0, min(i, n))
}

// FindAll yields the offset of each occurrence of sub in the whole map,
// in order and not overlapping (the search goes on after each match),
// whatever the position. If the map is closed or truncated meanwhile, it
// yields -1 with the error and stops. The map is not locked while the
// loop body runs, so the body may call any method of m. For the lines of
// a grep, see the example. Python has no counterpart (a loop of find).
func (m *Map) FindAll(sub []byte) iter.Seq2[int, error] {
	f := NewFinder(sub)
	step := max(len(sub), 1)
	return func(yield func(int, error) bool) {
		var p plan
		chosen := false
		for pos := 0; ; {
			at := -1
			err := m.shared(func(b []byte) error {
				if pos > len(b) {
					return nil
				}
				if !chosen {
					p, chosen = f.planFor(b), true
				}
				if i := f.index(b[pos:], p); i >= 0 {
					at = pos + i
				}
				return nil
			})
			if err != nil {
				yield(-1, err)
				return
			}
			if at < 0 || !yield(at, nil) {
				return
			}
			pos = at + step
		}
	}
}
