package lineedit

import (
	"bytes"
	"unicode/utf8"
)

// isearch is the state of an incremental history search (C-r, C-s) or of
// a non-incremental one reading its string (M-p, M-n). The incremental
// search follows readline's isearch.c: it keeps the lines searched (the
// history and the line being typed), the line it is in (sline, at
// history position pos) and the offset it is at (index), and only puts
// the line found in place when the search ends.
type isearch struct {
	forward bool
	nonInc  bool
	failed  bool
	query   []byte
	partial []byte

	// The line, history position and point before the search, for C-g.
	origPos   int
	origText  []byte
	origPoint int

	lines     [][]byte // the history, then the line being typed
	pos       int      // the position of sline in lines
	sline     []byte
	index     int // where in sline the search is (sline_index)
	lastFound int // the position of the last line found
	prevFound []byte
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
	s := &isearch{
		forward: forward, nonInc: nonInc,
		origPos: e.histPos, origText: append([]byte(nil), e.buf.text...), origPoint: e.buf.point,
		pos: e.histPos, lastFound: e.histPos,
		sline: append([]byte(nil), e.buf.text...), index: e.buf.point,
	}
	if !nonInc {
		n := e.histLen()
		s.lines = make([][]byte, n+1)
		for i := range s.lines {
			s.lines[i] = e.historyText(i)
		}
		s.lines[e.histPos] = s.sline
	}
	e.search = s
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
			if s.nonInc {
				s.query = append(s.query, ch...)
			} else {
				s.add(e, ch)
			}
		}
		return
	}
	entry := e.keymap.Entry(int(b))
	name := ""
	if entry.Func != nil {
		name = entry.Func.Name
	}
	if s.nonInc {
		s.nonIncKey(e, b, name)
		return
	}
	if name == "do-lowercase-version" && b >= 'A' && b <= 'Z' {
		if low := e.keymap.Entry(int(b + 'a' - 'A')); low.Func != nil {
			name = low.Func.Name
		}
	}
	terminators := e.cfg.Vars.IsearchTerminators
	if terminators == nil {
		terminators = []byte{0x1b, '\n'}
	}
	switch {
	case name == "reverse-search-history" || name == "forward-search-history":
		if (name == "forward-search-history") != s.forward {
			// The other direction: turn around.
			s.forward = !s.forward
		} else if !s.again(e) {
			return
		}
	case name == "backward-delete-char":
		if len(s.query) == 0 {
			e.ding()
		} else {
			_, n := utf8.DecodeLastRune(s.query)
			s.query = s.query[:len(s.query)-n]
		}
		if len(s.query) == 0 {
			e.ding()
		}
	case b == 0x07 || name == "abort":
		s.abort(e)
		return
	case b == 0x17 || name == "unix-word-rubout":
		if !s.yankWord(e) {
			e.ding()
		}
	case b == 0x19 || name == "yank":
		if at := e.buf.point + len(s.query); at < len(e.buf.text) {
			s.query = append(s.query, e.buf.text[at:]...)
		} else {
			e.ding()
		}
	case contains(terminators, b):
		if b == 0x1b && len(e.queue) > 0 {
			// An escape sequence (an arrow key): end the search and let
			// the whole sequence act.
			e.queue = append([]byte{b}, e.queue...)
		}
		s.finish(e)
		return
	case b < 0x20 || b == 0x7f:
		// Any other control key ends the search and does what it
		// always does.
		s.finish(e)
		e.queue = append([]byte{b}, e.queue...)
		return
	default:
		s.query = append(s.query, b)
	}
	s.find(e)
}

// again is C-r (or C-s) repeated: look further on for the same string,
// or, at the start of a search, for the string of the last one. It
// reports whether to search.
func (s *isearch) again(e *Engine) bool {
	switch {
	case len(s.query) == 0:
		if len(e.histSearch.lastIsearch) == 0 {
			return false
		}
		s.query = append(s.query, e.histSearch.lastIsearch...)
		return true
	case !s.forward && s.index >= 0:
		s.index--
	case s.index != len(s.sline):
		s.index++
	default:
		e.ding()
	}
	return true
}

// yankWord is C-w: add the word after the match to the string.
func (s *isearch) yankWord(e *Engine) bool {
	at := e.buf.point + len(s.query)
	if at >= len(e.buf.text) || !isWordRune(e.buf.runeAt(at)) {
		return false
	}
	end := e.buf.nextGrapheme(at)
	for end < len(e.buf.text) && isWordRune(e.buf.runeAt(end)) {
		end = e.buf.nextGrapheme(end)
	}
	s.query = append(s.query, e.buf.text[at:end]...)
	return true
}

func contains(set []byte, b byte) bool {
	return bytes.IndexByte(set, b) >= 0
}

// add appends ch to the string and searches again.
func (s *isearch) add(e *Engine, ch []byte) {
	if len(ch) == 0 {
		return
	}
	s.query = append(s.query, ch...)
	s.find(e)
}

// find looks for the string from where the search is, through the rest
// of the line it is in, then line after line in its direction, passing
// over copies of the line found last and lines shorter than the string.
// When found, the line shows it with the cursor on the match; when not,
// the bell rings and the line stays as it was.
func (s *isearch) find(e *Engine) {
	dir := 1
	if !s.forward {
		dir = -1
	}
	q := s.query
	found := false
	s.failed = false
	for {
		if len(q) == 0 {
			s.failed = true
			break
		}
		limit := len(s.sline) - len(q) + 1
		for (!s.forward && s.index >= 0) || (s.forward && s.index < limit) {
			if s.index >= 0 && bytes.HasPrefix(s.sline[s.index:], q) {
				found = true
				break
			}
			s.index += dir
			if s.index < 0 {
				s.index = 0
				break
			}
		}
		if found {
			break
		}
		for {
			s.pos += dir
			if s.pos < 0 || s.pos >= len(s.lines) {
				s.failed = true
				break
			}
			s.sline = s.lines[s.pos]
			if !(s.prevFound != nil && bytes.Equal(s.prevFound, s.sline)) && len(q) <= len(s.sline) {
				break
			}
		}
		if s.failed {
			s.index = max(s.index, 0)
			break
		}
		s.index = 0
		if !s.forward {
			s.index = len(s.sline) - len(q)
		}
	}
	if s.failed {
		e.ding()
		s.pos = s.lastFound
		return
	}
	s.prevFound = s.lines[s.pos]
	e.buf.text = append(e.buf.text[:0], s.lines[s.pos]...)
	e.buf.point = min(s.index, len(e.buf.text))
	s.lastFound = s.pos
}

// finish ends the search where it is: the line found becomes the line,
// moving in the history to it, with the point at the match.
func (s *isearch) finish(e *Engine) {
	e.search = nil
	e.histSearch.lastIsearch = append([]byte(nil), s.query...)
	e.buf.text = append(e.buf.text[:0], s.origText...)
	if s.lastFound != s.origPos {
		e.historyGo(s.lastFound)
	}
	point := s.index
	if point < 0 {
		point = len(e.buf.text)
		if s.lastFound == s.origPos {
			point = s.origPoint
		}
	}
	e.buf.point = clamp(point, 0, len(e.buf.text))
}

// abort ends the search and puts back the line as it was.
func (s *isearch) abort(e *Engine) {
	e.search = nil
	e.historyGo(s.origPos)
	e.buf.text = append(e.buf.text[:0], s.origText...)
	e.buf.point = s.origPoint
	e.ding()
}
