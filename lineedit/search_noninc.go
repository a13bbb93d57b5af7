package lineedit

import (
	"unicode/utf8"

	"github.com/goshell/gosh/history"
)

// The non-incremental history searches (M-p, M-n and their -again
// forms), as readline's search.c: the string is read after a ':'
// prompt, then searched for once.

// nonIncKey handles a key typed while the string is read.
func (s *isearch) nonIncKey(e *Engine, b byte, name string) {
	switch {
	case b == '\r' || b == '\n':
		e.search = nil
		if len(s.query) > 0 {
			e.searchString = s.query
		}
		e.runSearch(s.forward, s)
	case name == "abort" || b == 0x07 || b == 0x03:
		s.abort(e)
	case b == 0x7f || b == 0x08:
		if len(s.query) == 0 {
			s.abort(e)
			return
		}
		_, n := utf8.DecodeLastRune(s.query)
		s.query = s.query[:len(s.query)-n]
	case b == 0x15:
		s.query = s.query[:0]
	case b >= 0x20:
		s.query = append(s.query, b)
	}
}

// runSearch is the non-incremental search for the last string searched
// for, from the entry the last non-incremental search found (or, for a
// new search s, from the line where it started). As readline in emacs
// mode, the entry found replaces the text of the line without moving in
// the history; the point goes to the match when it is inside the line
// and enable-active-region is on, else to the start. When nothing is
// found the line is put back with the point at its start.
func (e *Engine) runSearch(forward bool, s *isearch) {
	if s != nil && len(s.query) > 0 {
		e.histSearch.nonincPos = s.origPos
	}
	q := e.searchString
	pos := e.histSearch.nonincPos
	if len(q) == 0 && s != nil {
		// Nothing to search for: readline leaves the (empty) string
		// read in the line, with its undo list (none).
		e.ding()
		e.buf.text, e.buf.point = e.buf.text[:0], 0
		e.undo.clear()
		e.hs.owner, e.hs.shared = -1, 0
		return
	}
	if len(q) == 0 || e.hist == nil || pos < 0 {
		e.ding()
		return
	}
	from := pos - 1
	if forward {
		from = pos + 1
	}
	i, off := -1, -1
	if from >= 0 && from < e.hist.Len() {
		i, off = e.hist.Find(history.Search{Pattern: string(q), Forward: forward}, from)
	}
	if i < 0 {
		// rl_maybe_unsave_line: the line saved when the search started
		// (the line being typed, if it was saved before), or, searching
		// again, whatever line is saved.
		e.histUnsave()
		e.buf.point = 0
		e.ding()
		return
	}
	e.histSearch.nonincPos = i
	line := e.hist.Line(i)
	// make_history_line_current. A new search replaces the string read,
	// whose undo list (none) became the line's; searching again, the
	// line's undo list goes unless it is the entry's.
	if s != nil {
		e.buf.text = append(e.buf.text[:0], s.query...)
		e.undo.clear()
		e.hs.owner, e.hs.shared = -1, 0
	} else if !(e.hs.owner == e.histKey(i) && e.hs.shared == len(e.undo.steps)) {
		e.histFreeUndo()
	}
	e.replaceRange(0, len(e.buf.text), line)
	e.histDropSaved()
	e.buf.point, e.buf.mark = 0, len(line)
	if e.cfg.Vars.Get("enable-active-region") && off > 0 && off < len(line) {
		e.buf.point, e.buf.mark = off, min(off+len(q), len(line))
		e.activateRegion(off, e.buf.mark) // the match in standout, as readline shows it
	}
}

func (e *Engine) searchAgain(forward bool) { e.runSearch(forward, nil) }
