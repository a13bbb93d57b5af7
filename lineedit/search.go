package lineedit

import (
	"bytes"
	"unicode/utf8"

	"github.com/goshell/gosh/history"
)

// isearch is the state of an incremental history search (C-r, C-s) or of
// a non-incremental one reading its string (M-p, M-n).
type isearch struct {
	forward bool
	nonInc  bool
	failed  bool
	query   []byte
	// steps remembers where each character of the query led, so that
	// deleting it goes back there.
	steps []searchSpot
	spot  searchSpot
	// The line and point before the search, for C-g.
	origPos   int
	origText  []byte
	origPoint int
	partial   []byte
}

// searchSpot is a match: a history position and the offset in it.
type searchSpot struct {
	pos, off int
	failed   bool
}

func init() {
	register("reverse-search-history", func(e *Engine, _ int, _ byte) { e.startSearch(false, false) })
	register("forward-search-history", func(e *Engine, _ int, _ byte) { e.startSearch(true, false) })
	register("non-incremental-reverse-search-history", func(e *Engine, _ int, _ byte) { e.startSearch(false, true) })
	register("non-incremental-forward-search-history", func(e *Engine, _ int, _ byte) { e.startSearch(true, true) })
	register("non-incremental-reverse-search-history-again", func(e *Engine, _ int, _ byte) { e.searchAgain(false) })
	register("non-incremental-forward-search-history-again", func(e *Engine, _ int, _ byte) { e.searchAgain(true) })
}

func (e *Engine) startSearch(forward, nonInc bool) {
	e.search = &isearch{
		forward: forward, nonInc: nonInc,
		origPos: e.histPos, origText: append([]byte(nil), e.buf.text...), origPoint: e.buf.point,
		spot: searchSpot{pos: e.histPos, off: e.buf.point},
	}
}

// frame shows the search as readline does: its own prompt, then the
// line found with the cursor on the match.
func (s *isearch) frame(e *Engine) Frame {
	if s.nonInc {
		return Frame{Prompt: ":", Text: string(s.query), Cursor: len(s.query)}
	}
	p := "(reverse-i-search)`"
	if s.forward {
		p = "(i-search)`"
	}
	if s.failed {
		p = "(failed " + p[1:]
	}
	return Frame{Prompt: p + string(s.query) + "': ", Text: string(e.buf.text), Cursor: e.buf.point}
}

// key handles a byte typed during the search.
func (s *isearch) key(e *Engine, b byte) {
	if len(s.partial) > 0 || b >= utf8.RuneSelf {
		s.partial = append(s.partial, b)
		if utf8.FullRune(s.partial) || len(s.partial) >= utf8.UTFMax {
			ch := s.partial
			s.partial = nil
			s.add(e, ch)
		}
		return
	}
	entry := e.keymap.Entry(int(b))
	name := ""
	if entry.Func != nil {
		name = entry.Func.Name
	}
	if s.nonInc {
		switch {
		case b == '\r' || b == '\n':
			e.search = nil
			e.searchString = s.query
			e.runSearch(s.forward, s)
		case name == "abort" || b == 0x07:
			s.abort(e)
		case name == "backward-delete-char" || b == 0x7f || b == 0x08:
			if len(s.query) == 0 {
				s.abort(e)
				return
			}
			_, n := utf8.DecodeLastRune(s.query)
			s.query = s.query[:len(s.query)-n]
		case b >= 0x20:
			s.query = append(s.query, b)
		}
		return
	}
	terminators := e.cfg.Vars.IsearchTerminators
	if terminators == nil {
		terminators = []byte{0x1b, '\n'}
	}
	switch {
	case contains(terminators, b):
		e.search = nil
		if b == 0x1b && len(e.queue) > 0 {
			// An escape sequence (an arrow key): end the search and let
			// the whole sequence act.
			e.queue = append([]byte{b}, e.queue...)
		}
	case name == "abort" || b == 0x07:
		s.abort(e)
	case name == "reverse-search-history" || name == "forward-search-history":
		s.forward = name == "forward-search-history"
		if len(s.query) == 0 {
			s.query = append(s.query, e.searchString...)
		}
		s.find(e, true)
	case name == "backward-delete-char":
		if len(s.steps) == 0 {
			e.ding()
			return
		}
		last := s.steps[len(s.steps)-1]
		s.steps = s.steps[:len(s.steps)-1]
		_, n := utf8.DecodeLastRune(s.query)
		s.query = s.query[:len(s.query)-n]
		s.goTo(e, last)
	case name == "self-insert" || (b >= 0x20 && b != 0x7f && name == ""):
		s.add(e, []byte{b})
	default:
		// Any other key ends the search and does what it always does.
		e.search = nil
		e.searchString = s.query
		e.queue = append([]byte{b}, e.queue...)
	}
	if e.search == nil && !s.failed {
		e.searchString = s.query
	}
}

func contains(set []byte, b byte) bool {
	for _, c := range set {
		if c == b {
			return true
		}
	}
	return false
}

// add appends ch to the query and searches again from the current match.
func (s *isearch) add(e *Engine, ch []byte) {
	if len(ch) == 0 {
		return
	}
	s.steps = append(s.steps, s.spot)
	s.query = append(s.query, ch...)
	s.find(e, false)
}

// find looks for the query from the current match; next moves past it.
func (s *isearch) find(e *Engine, next bool) {
	if e.hist == nil && len(s.query) > 0 {
		s.failed = true
		e.ding()
		return
	}
	q := string(s.query)
	pos, off := s.spot.pos, s.spot.off
	// First the rest of the line shown (the entry found, or the line
	// being typed), then the entries beyond it.
	line := e.historyText(pos)
	if pos == e.histPos {
		line = e.buf.text
	}
	if !s.forward {
		end := min(off+len(q), len(line))
		if next {
			end = min(off+len(q)-1, len(line))
		}
		if end >= 0 {
			if k := bytes.LastIndex(line[:max(end, 0)], []byte(q)); k >= 0 {
				s.goTo(e, searchSpot{pos: pos, off: k})
				return
			}
		}
		if i, k := e.hist.Find(history.Search{Pattern: q}, min(pos, e.hist.Len())-1); i >= 0 {
			s.goTo(e, searchSpot{pos: i, off: k})
			return
		}
	} else {
		start := off
		if next {
			start = off + 1
		}
		if start <= len(line) {
			if k := bytes.Index(line[start:], []byte(q)); k >= 0 {
				s.goTo(e, searchSpot{pos: pos, off: start + k})
				return
			}
		}
		if pos+1 < e.hist.Len() {
			if i, k := e.hist.Find(history.Search{Pattern: q, Forward: true}, pos+1); i >= 0 {
				s.goTo(e, searchSpot{pos: i, off: k})
				return
			}
		}
	}
	s.failed = true
	s.spot.failed = true
	e.ding()
}

// goTo shows the match spot.
func (s *isearch) goTo(e *Engine, spot searchSpot) {
	s.spot = spot
	s.failed = spot.failed
	if spot.pos != e.histPos {
		e.historyGo(spot.pos)
	}
	e.buf.point = min(spot.off, len(e.buf.text))
}

// abort ends the search and puts back the line as it was.
func (s *isearch) abort(e *Engine) {
	e.search = nil
	e.historyGo(s.origPos)
	e.buf.text = append(e.buf.text[:0], s.origText...)
	e.buf.point = s.origPoint
	e.ding()
}

// runSearch is the non-incremental search for s's query (or the last
// one when it is empty).
func (e *Engine) runSearch(forward bool, s *isearch) {
	q := e.searchString
	if len(q) == 0 || e.hist == nil {
		e.ding()
		return
	}
	from := e.histPos - 1
	if forward {
		from = e.histPos + 1
	}
	if from < 0 || from >= e.hist.Len() {
		e.ding()
		return
	}
	i, _ := e.hist.Find(history.Search{Pattern: string(q), Forward: forward}, from)
	if i < 0 {
		if s != nil {
			e.historyGo(s.origPos)
			e.buf.text = append(e.buf.text[:0], s.origText...)
			e.buf.point = s.origPoint
		}
		e.ding()
		return
	}
	e.historyGo(i)
}

func (e *Engine) searchAgain(forward bool) { e.runSearch(forward, nil) }
