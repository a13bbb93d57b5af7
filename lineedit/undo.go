package lineedit

// An undoStep records one change to the buffer so that it can be taken
// back: text inserted at start (the text is what was inserted), or text
// deleted at start. Steps between a begin and an end marker are undone
// together, as readline's UNDO_BEGIN/UNDO_END groups.
type undoStep struct {
	kind  undoKind
	start int
	text  []byte
}

type undoKind uint8

const (
	undoInsert undoKind = iota
	undoDelete
	undoBegin
	undoEnd
)

// undoList is the undo history of the current line, oldest first.
type undoList struct {
	steps []undoStep
	// arena holds the text of insertions: typing makes no allocation of
	// its own. It is only ever appended to, never written over, so a
	// step's text stays what it was wherever a copy of the step goes.
	arena []byte
}

// undoArenaChunk is the size of the arena's arrays.
const undoArenaChunk = 4096

// store returns a copy of the texts, one after the other, in the arena.
func (u *undoList) store(a, b []byte) []byte {
	n := len(a) + len(b)
	if cap(u.arena)-len(u.arena) < n {
		u.arena = make([]byte, 0, max(undoArenaChunk, n))
	}
	start := len(u.arena)
	u.arena = append(append(u.arena, a...), b...)
	return u.arena[start:len(u.arena):len(u.arena)]
}

// noteInsert records an insertion; a one-character insertion right after
// the previous one joins it, up to 20 characters, as readline does for
// typed text.
func (u *undoList) noteInsert(start int, text []byte, join bool) {
	if n := len(u.steps); join && n > 0 {
		last := &u.steps[n-1]
		if last.kind == undoInsert && last.start+len(last.text) == start && len(last.text) < 20 {
			if k := len(u.arena) - len(last.text); len(last.text) > 0 && k >= 0 && &u.arena[k] == &last.text[0] &&
				cap(u.arena)-len(u.arena) >= len(text) {
				// The step's text ends the arena: it grows in place.
				u.arena = append(u.arena, text...)
				last.text = u.arena[k:len(u.arena):len(u.arena)]
			} else {
				last.text = u.store(last.text, text)
			}
			return
		}
	}
	u.steps = append(u.steps, undoStep{kind: undoInsert, start: start, text: u.store(text, nil)})
}

func (u *undoList) noteDelete(start int, text []byte) {
	u.steps = append(u.steps, undoStep{kind: undoDelete, start: start, text: text})
}

func (u *undoList) begin() { u.steps = append(u.steps, undoStep{kind: undoBegin}) }

// end closes a group; an empty group is dropped.
func (u *undoList) end() {
	if n := len(u.steps); n > 0 && u.steps[n-1].kind == undoBegin {
		u.steps = u.steps[:n-1]
		return
	}
	u.steps = append(u.steps, undoStep{kind: undoEnd})
}

// undo takes back the last step or group from b; it reports whether there
// was anything to undo.
func (u *undoList) undo(b *buffer) bool {
	depth := 0
	did := false
	for len(u.steps) > 0 {
		s := u.steps[len(u.steps)-1]
		u.steps = u.steps[:len(u.steps)-1]
		switch s.kind {
		case undoEnd:
			depth++
		case undoBegin:
			depth--
		case undoInsert:
			// A step may say more than the line holds: readline extends
			// the last insertion in place, also when it is a history
			// entry's whose text stays as it was (history_edits.go), and
			// clamps what it deletes to the line (rl_delete_text).
			from := min(s.start, len(b.text))
			to := min(s.start+len(s.text), len(b.text))
			b.text = append(b.text[:from], b.text[to:]...)
			b.point = from
			did = true
		case undoDelete:
			at := min(s.start, len(b.text))
			b.point = at
			b.insertAt(at, s.text)
			b.point = at + len(s.text)
			did = true
		}
		if depth <= 0 {
			break
		}
	}
	if b.mark > len(b.text) {
		b.mark = len(b.text)
	}
	return did
}

func (u *undoList) clear() { u.steps = u.steps[:0] }
