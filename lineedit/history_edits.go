package lineedit

// Edits of history lines, kept as GNU Readline 8.2 keeps them (misc.c,
// undo.c, readline.c):
//
//   - A history entry has an undo list (readline's HIST_ENTRY data). Going
//     to an entry makes its list the line's undo list; leaving an entry
//     whose line changed (rl_maybe_replace_line) writes the changed text
//     into the history list itself, with the line's undo list as the
//     entry's. Undoing into an entry's own list writes the text back as
//     it goes (rl_do_undo), so undo and revert-line on a history line take
//     back the edits of every visit, even of earlier lines.
//   - The line being typed is saved, text and undo list, when the first
//     move into the history leaves it (rl_maybe_save_line), and comes back
//     with both at the end of the history (rl_maybe_unsave_line).
//   - When a line is accepted on a history entry, the entry gets back its
//     text from before the edits (readline_internal_teardown), and with
//     revert-all-at-newline every edited entry does; otherwise edited
//     entries stay edited in the history list, as bash's history built-in
//     shows them (with a *, see HistoryModified).
//
// An entry's undo list is kept here by its history number (Base plus
// index), with the entry's text when the list was stored: an entry whose
// text changed since (replaced, or moved by a deletion) has lost its list.

// histEdit is an entry's undo list.
type histEdit struct {
	steps []undoStep
	text  string // the entry's text when steps were stored
}

// histState is the engine's part of readline's history bookkeeping.
type histState struct {
	edits map[int]*histEdit // by history number
	// owner is the history number of the entry whose undo list the
	// line's undo list goes on from (rl_undo_list == entry->data or
	// built on it), -1 for none; shared is how many of the first steps
	// of the line's list are that entry's.
	owner, shared int
	// The saved line (_rl_saved_line_for_history): the line being typed
	// when the first move into the history left it, its undo list, and
	// which entry's list that went on from.
	saved                   bool
	savedText               []byte
	savedSteps              []undoStep
	savedOwner, savedShared int
	// point is _rl_history_saved_point for history-preserve-point, when
	// pointSet.
	point    int
	pointSet bool
	// active says a line is being edited whose end (histLineDone) has
	// not been dealt with.
	active bool
	// markMode is the last "*" and mode string shown by
	// mark-modified-lines.
	markMode string
}

// histKey returns the history number of entry i.
func (e *Engine) histKey(i int) int { return e.hist.Base() + i }

// histEditOf returns the undo list of entry i, or nil when it has none.
func (e *Engine) histEditOf(i int) *histEdit {
	if e.hs.edits == nil || i < 0 || i >= e.histLen() {
		return nil
	}
	k := e.histKey(i)
	ed := e.hs.edits[k]
	if ed != nil && ed.text != e.hist.Line(i) {
		// The entry is not the one the list was for any more.
		delete(e.hs.edits, k)
		if e.hs.owner == k {
			e.hs.owner = -1
		}
		return nil
	}
	return ed
}

// histSetEdit makes steps (copied) the undo list of entry i, whose text
// is what it now is; no steps is no list.
func (e *Engine) histSetEdit(i int, steps []undoStep) {
	k := e.histKey(i)
	if len(steps) == 0 {
		delete(e.hs.edits, k)
		return
	}
	if e.hs.edits == nil {
		e.hs.edits = map[int]*histEdit{}
	}
	e.hs.edits[k] = &histEdit{steps: append([]undoStep(nil), steps...), text: e.hist.Line(i)}
}

// HistoryModified reports whether history entry i (0 the oldest) was
// changed by editing it and has an undo list: bash's history built-in
// marks such entries with a *.
func (e *Engine) HistoryModified(i int) bool { return e.histEditOf(i) != nil }

// frameMode returns the Mode of a Frame: the mode string, after a * when
// mark-modified-lines is on and the line is a history entry changed by
// editing (readline's modmark, before the last line of the prompt).
func (e *Engine) frameMode() string {
	m := e.modeString()
	if len(e.undo.steps) == 0 || !e.histOnEntry() || !e.cfg.Vars.Get("mark-modified-lines") {
		return m
	}
	if s := e.hs.markMode; len(s) != len(m)+1 || s[1:] != m {
		e.hs.markMode = "*" + m
	}
	return e.hs.markMode
}

// histOnEntry reports whether the line is a history entry rather than
// the line being typed.
func (e *Engine) histOnEntry() bool { return e.hist != nil && e.histPos < e.hist.Len() }

// histLineIsData reports whether the line's undo list is the undo list of
// entry i itself (rl_undo_list == entry->data), a missing list being
// equal to an empty one.
func (e *Engine) histLineIsData(i int) bool {
	ed := e.histEditOf(i)
	if ed == nil {
		return len(e.undo.steps) == 0
	}
	return e.hs.owner == e.histKey(i) && e.hs.shared == len(e.undo.steps)
}

// histMaybeReplace is rl_maybe_replace_line: when the line is a history
// entry whose line has changed, the history list gets the line's text,
// and the entry the line's undo list.
func (e *Engine) histMaybeReplace() {
	if !e.histOnEntry() {
		return
	}
	i := e.histPos
	if e.histLineIsData(i) {
		if ed := e.histEditOf(i); ed != nil {
			// The same list, though its last step may have grown in
			// place (rl_insert_text extends the last insertion), which
			// the entry's list shares; its text stays as it was.
			ed.steps = append(ed.steps[:0:0], e.undo.steps...)
		}
		return
	}
	if line := e.hist.Line(i); line != string(e.buf.text) {
		e.hist.Replace(i, string(e.buf.text))
	}
	e.histSetEdit(i, e.undo.steps)
	e.hs.owner, e.hs.shared = -1, 0
	if len(e.undo.steps) > 0 {
		e.hs.owner, e.hs.shared = e.histKey(i), len(e.undo.steps)
	}
}

// histMaybeSave is rl_maybe_save_line: the line and its undo list are
// saved unless a line is saved already.
func (e *Engine) histMaybeSave() {
	if e.hs.saved {
		return
	}
	e.hs.saved = true
	e.hs.savedText = append(e.hs.savedText[:0], e.buf.text...)
	e.hs.savedSteps = append([]undoStep(nil), e.undo.steps...)
	e.hs.savedOwner, e.hs.savedShared = e.hs.owner, e.hs.shared
}

// histUnsave is rl_maybe_unsave_line: the saved line and its undo list
// come back, the point at its end; with no line saved it rings the bell
// and changes nothing. It reports whether there was a saved line.
func (e *Engine) histUnsave() bool {
	if !e.hs.saved {
		e.ding()
		return false
	}
	e.hs.saved = false
	e.buf.text = append(e.buf.text[:0], e.hs.savedText...)
	e.undo.steps = append(e.undo.steps[:0], e.hs.savedSteps...)
	e.hs.owner, e.hs.shared = e.hs.savedOwner, e.hs.savedShared
	e.buf.point = len(e.buf.text)
	if e.buf.mark > len(e.buf.text) {
		e.buf.mark = len(e.buf.text)
	}
	return true
}

// histFreeSaved forgets the saved line and its undo list
// (_rl_free_saved_history_line): when that list is the line's, the line
// has none any more (an entry whose list it was keeps it, though readline
// has freed it: the entry's list differs from the line's at the next
// move).
func (e *Engine) histFreeSaved() {
	if e.hs.saved && len(e.undo.steps) > 0 && sameUndoList(e.undo.steps, e.hs.savedSteps) {
		e.undo.clear()
		e.hs.owner, e.hs.shared = -1, 0
	}
	e.hs.saved = false
}

// histDropSaved forgets the saved line but not its undo list, as
// make_history_line_current does.
func (e *Engine) histDropSaved() { e.hs.saved = false }

// sameUndoList reports whether two undo lists are one list as readline
// tells them (the same first element): the same steps, the last one
// perhaps grown in place since.
func sameUndoList(a, b []undoStep) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.kind != y.kind || x.start != y.start || len(x.text) == 0 != (len(y.text) == 0) ||
			len(x.text) > 0 && &x.text[0] != &y.text[0] {
			return false
		}
	}
	return true
}

// histFreeUndo is rl_free_undo_list: the line's undo list goes, and an
// entry whose list it was has none any more (its text stays).
func (e *Engine) histFreeUndo() {
	if e.hs.owner >= 0 && e.hs.shared == len(e.undo.steps) && len(e.undo.steps) > 0 {
		delete(e.hs.edits, e.hs.owner)
	}
	e.undo.clear()
	e.hs.owner, e.hs.shared = -1, 0
}

// histLoad is rl_replace_from_history: entry i becomes the line, with its
// undo list; the point goes to the end (vi: the start), the mark to the
// other end.
func (e *Engine) histLoad(i int) {
	e.histPos = i
	e.buf.text = append(e.buf.text[:0], e.hist.Line(i)...)
	e.undo.steps = e.undo.steps[:0]
	e.hs.owner, e.hs.shared = -1, 0
	if ed := e.histEditOf(i); ed != nil {
		e.undo.steps = append(e.undo.steps, ed.steps...)
		e.hs.owner, e.hs.shared = e.histKey(i), len(ed.steps)
	}
	e.buf.point, e.buf.mark = len(e.buf.text), 0
	if e.viMode() {
		e.buf.point, e.buf.mark = 0, len(e.buf.text)
	}
}

// histJump makes entry i the line as a search that found it does in vi
// mode (make_history_line_current, then the history position moved): no
// undo list, the entry's own kept for it, the saved line forgotten, and
// the line left not written to the history.
func (e *Engine) histJump(i int) {
	e.histPos = i
	e.buf.text = append(e.buf.text[:0], e.hist.Line(i)...)
	e.undo.clear()
	e.hs.owner, e.hs.shared = -1, 0
	e.histDropSaved()
}

// histNotePoint remembers the point for history-preserve-point before a
// move through the history, as readline does once.
func (e *Engine) histNotePoint() {
	if !e.hs.pointSet && e.buf.point != len(e.buf.text) {
		e.hs.point, e.hs.pointSet = e.buf.point, true
	}
}

// histSetPoint is _rl_history_set_point, after moving to a history entry.
func (e *Engine) histSetPoint() {
	p := len(e.buf.text)
	if e.hs.pointSet && e.cfg.Vars.Get("history-preserve-point") {
		p = min(e.hs.point, p)
	}
	e.buf.point = p
	if !e.viMode() {
		e.buf.mark = 0
		if p != len(e.buf.text) {
			e.buf.mark = len(e.buf.text)
		}
	}
}

// histAfterCommand keeps an entry's text and undo list in step with undo
// (rl_do_undo): when undoing takes the line's list back into the steps of
// an entry's own list, the entry's list loses them and, if the line is
// that entry, the history list gets the line's text.
func (e *Engine) histAfterCommand() {
	if e.hs.owner < 0 || len(e.undo.steps) >= e.hs.shared {
		return
	}
	k := e.hs.owner
	ed := e.hs.edits[k]
	if ed == nil {
		e.hs.owner, e.hs.shared = -1, 0
		return
	}
	if e.histOnEntry() && e.histKey(e.histPos) == k {
		if e.hist.Line(e.histPos) != string(e.buf.text) {
			e.hist.Replace(e.histPos, string(e.buf.text))
		}
		ed.text = e.hist.Line(e.histPos)
	}
	e.hs.shared = len(e.undo.steps)
	if e.hs.shared == 0 {
		delete(e.hs.edits, k)
		e.hs.owner = -1
		return
	}
	ed.steps = append(ed.steps[:0:0], e.undo.steps...)
}

// histLineDone is the end of a line for the history
// (readline_internal_teardown): accepted on a history entry with an undo
// list, the entry gets back the text it had before the edits; with
// revert-all-at-newline, so does every edited entry. A line given up
// (interrupted) leaves the entry's text as the history list has it, with
// no undo list (rl_free_line_state).
func (e *Engine) histLineDone() {
	if !e.hs.active {
		return
	}
	e.hs.active = false
	defer func() {
		e.hs.saved = false
		e.hs.owner, e.hs.shared = -1, 0
	}()
	if e.hist == nil {
		return
	}
	if e.status != Accepted && e.status != EOF {
		if e.histOnEntry() {
			delete(e.hs.edits, e.histKey(e.histPos))
		}
		e.histFreeUndo()
		return
	}
	if e.cfg.Vars.Get("history-preserve-point") {
		e.hs.point, e.hs.pointSet = e.buf.point, e.buf.point != len(e.buf.text)
	}
	if e.histOnEntry() && len(e.undo.steps) > 0 {
		if t := revertSteps(e.buf.text, e.undo.steps); string(t) != e.hist.Line(e.histPos) {
			e.hist.Replace(e.histPos, string(t))
		}
		delete(e.hs.edits, e.histKey(e.histPos))
	} else if e.hs.owner >= 0 && e.hs.shared == len(e.undo.steps) {
		// rl_free_undo_list: the entry whose list the line's is has
		// none any more.
		delete(e.hs.edits, e.hs.owner)
	}
	if e.cfg.Vars.Get("revert-all-at-newline") {
		e.histRevertAll()
	}
}

// histRevertAll puts every edited entry back as it was
// (_rl_revert_all_lines).
func (e *Engine) histRevertAll() {
	base := e.hist.Base()
	for k := range e.hs.edits {
		i := k - base
		if ed := e.histEditOf(i); ed != nil {
			if t := revertSteps([]byte(ed.text), ed.steps); string(t) != ed.text {
				e.hist.Replace(i, string(t))
			}
		}
		delete(e.hs.edits, k)
	}
}

// histLineStart starts a line for the history (_rl_start_using_history):
// the end of the history, no saved line. Edited entries keep their text
// and undo lists.
func (e *Engine) histLineStart() {
	e.histLineDone()
	e.hs.active = true
	e.hs.saved = false
	e.hs.owner, e.hs.shared = -1, 0
}

// revertSteps returns text with every step of steps undone, oldest last,
// as readline's rl_revert_line leaves the line; text is not changed.
func revertSteps(text []byte, steps []undoStep) []byte {
	b := buffer{text: append([]byte(nil), text...), mark: -1}
	u := undoList{steps: append([]undoStep(nil), steps...)}
	for u.undo(&b) || len(u.steps) > 0 {
	}
	return b.text
}
