package lineedit

// killRingMax is how many kills the ring keeps, as readline's
// rl_max_kills.
const killRingMax = 10

// A killRing holds killed text, newest last. Consecutive kills append to
// (or, killing backward, prepend to) the newest entry, as in readline.
type killRing struct {
	entries [][]byte
	// yank is the entry yank-pop rotates through.
	yank int
}

// add records killed text; with merge it joins the newest entry,
// before it when backward.
func (k *killRing) add(text []byte, merge, backward bool) {
	if len(text) == 0 && merge {
		return
	}
	if merge && len(k.entries) > 0 {
		last := len(k.entries) - 1
		if backward {
			k.entries[last] = append(append([]byte(nil), text...), k.entries[last]...)
		} else {
			k.entries[last] = append(k.entries[last], text...)
		}
	} else {
		k.entries = append(k.entries, append([]byte(nil), text...))
		if len(k.entries) > killRingMax {
			k.entries = k.entries[1:]
		}
	}
	k.yank = len(k.entries) - 1
}

// top returns the entry yank inserts, or nil.
func (k *killRing) top() []byte {
	if len(k.entries) == 0 {
		return nil
	}
	return k.entries[k.yank]
}

// rotate moves to the previous entry for yank-pop.
func (k *killRing) rotate() {
	if len(k.entries) == 0 {
		return
	}
	k.yank--
	if k.yank < 0 {
		k.yank = len(k.entries) - 1
	}
}
