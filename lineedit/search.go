package lineedit

import (
	"bytes"
	"unicode/utf8"

	"github.com/goshell/gosh/history"
)

// isearch is the state of an incremental history search (C-r, C-s) or of
// a non-incremental one reading its string (M-p, M-n). The incremental
// search follows readline's isearch.c: it searches the history (with the
// edits made to entries, which the history list holds) and the line being
// typed, keeps the
// line it is in (sline, at history position pos) and the offset it is at
// (index), and only puts the line found in place when the search ends.
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

	pos       int // the position of sline: a history entry, or histLen() for the line being typed
	sline     []byte
	index     int // where in sline the search is (sline_index)
	lastFound int // the position of the last line found
	prevFound []byte
	// failQuery is the string the last search failed for, and failAt
	// where that search started: a longer string from there fails too,
	// and is not searched for.
	failQuery []byte
	failAt    searchState
	// escWait: ESC, a terminator, came with nothing after it. It ends the
	// search unless more input comes at once, which makes it the start
	// of a key sequence such as an arrow key (see Engine.WantsTimeout).
	escWait bool
	// region: the string was found and is shown as the active region
	// (region.go), from the point on for the string's length.
	region bool
	// pasteSeq holds the bytes of an escape sequence typed so far while
	// they may be the start of a bracketed paste (ESC [ 200 ~);
	// pasteText, when not nil, collects the text of the paste.
	pasteSeq  []byte
	pasteText []byte
}

// searchState is where an incremental search stands.
type searchState struct {
	pos, index int
	forward    bool
	sline      []byte
}

func (s *isearch) state() searchState {
	return searchState{pos: s.pos, index: s.index, forward: s.forward, sline: s.sline}
}

// failsAgain reports whether q is known to fail from where the search
// stands: it extends the string a search from there failed for. (Every
// place a longer string matches, the shorter one does.)
func (s *isearch) failsAgain(q []byte) bool {
	st := s.state()
	return s.failQuery != nil && bytes.HasPrefix(q, s.failQuery) && st.pos == s.failAt.pos &&
		st.index == s.failAt.index && st.forward == s.failAt.forward && bytes.Equal(st.sline, s.failAt.sline)
}

// isearchEscWaitMillis is how long ESC waits for more input during an
// incremental search: readline's 0.1 s (_rl_input_available).
const isearchEscWaitMillis = 100

// searchCommands registers the incremental and non-incremental history
// search commands (see useRegistry).
func searchCommands() {
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
	if nonInc {
		e.histMaybeSave() // _rl_nsearch_init
	} else if e.histMaybeReplace(); e.histOnEntry() {
		// _rl_isearch_init: the history has the line's edits, and the
		// search's copy of the line it starts in is the entry's (which
		// is not the line when the line changed with no undo step).
		s.origText = []byte(e.hist.Line(e.histPos))
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
	f := Frame{Prompt: p + string(s.query) + "': ", Text: string(e.buf.text), Cursor: e.buf.point}
	if s.region {
		f = addRegion(f, e.buf.point, e.buf.point+len(s.query), e.regionStyle())
	}
	return f
}

// key handles a byte typed during the search.
func (s *isearch) key(e *Engine, b byte) {
	if s.takePaste(e, b) {
		return
	}
	if s.escWait {
		// Input came right after ESC: ESC starts a key sequence, which
		// ends the search and then acts (readline's rl_execute_next).
		s.escWait = false
		if !s.nonInc {
			// Which may be the start of a bracketed paste.
			s.pasteSeq = append(s.pasteSeq[:0], 0x1b)
			s.takePaste(e, b)
			return
		}
		e.queue = append([]byte{0x1b, b}, e.queue...)
		s.finish(e)
		return
	}
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
		if b == 0x1b {
			if len(e.queue) == 0 {
				// The terminal sends an arrow key one byte at a time:
				// wait a moment for the rest.
				s.escWait = true
				return
			}
			// The start of an escape sequence: a bracketed paste, or
			// another key (an arrow key), which ends the search and
			// then acts as a whole (see takePaste).
			s.pasteSeq = append(s.pasteSeq[:0], 0x1b)
			return
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
//
// The lines are the history entries, with the edits made to them on this
// line, and the line being typed; plain entries are searched in the
// history's arena in one sweep (history.List.Find), so that a search of a
// long history costs a scan of memory, not a look at each entry.
func (s *isearch) find(e *Engine) {
	q := s.query
	s.failed = false
	start := s.state()
	switch {
	case len(q) == 0:
		s.failed = true
	case s.failsAgain(q):
		s.failed = true
		s.failedScan(e, q)
	case s.inLine(q) >= 0:
		s.index = s.inLine(q)
	default:
		if pos, off := s.nextLine(e, q); pos >= 0 {
			s.pos, s.sline, s.index = pos, s.lineAt(e, pos), off
		} else {
			s.failed = true
			s.failedScan(e, q)
		}
	}
	// readline deactivates the mark when the search fails and activates
	// it when the string is found.
	s.region = !s.failed && e.regionEnabled()
	if s.failed {
		e.ding()
		s.pos = s.lastFound
		if len(q) > 0 {
			s.failQuery, s.failAt = append(s.failQuery[:0], q...), start
		}
		return
	}
	s.failQuery = nil
	// The line at the search's position: after a failed search that is
	// not always sline (readline's quirk, kept).
	line := s.lineAt(e, s.pos)
	s.prevFound = line
	e.buf.text = append(e.buf.text[:0], line...)
	e.buf.point = min(s.index, len(e.buf.text))
	s.lastFound = s.pos
}

// lineAt returns the text of line pos of the search.
func (s *isearch) lineAt(e *Engine, pos int) []byte {
	if pos == s.origPos || (pos == e.histLen() && !e.hs.saved) {
		// The line being typed is the saved line, if any, else the
		// line the search started in.
		return s.origText
	}
	return e.historyText(pos)
}

// inLine returns where q is in the line the search is in, from the
// search's index in its direction, or -1.
func (s *isearch) inLine(q []byte) int {
	if !s.forward {
		if s.index < 0 {
			return -1
		}
		return bytes.LastIndex(s.sline[:min(s.index+len(q), len(s.sline))], q)
	}
	from := max(s.index, 0)
	if from > len(s.sline) {
		return -1
	}
	if k := bytes.Index(s.sline[from:], q); k >= 0 {
		return from + k
	}
	return -1
}

// skips reports whether the search passes over line: a copy of the line
// found last.
func (s *isearch) skips(line []byte) bool {
	return s.prevFound != nil && bytes.Equal(s.prevFound, line)
}

// nextLine returns the nearest line beyond the search's one, in its
// direction, that holds q, and where: the last place in the line when
// searching backward, the first forward. It returns -1, -1 if none does.
func (s *isearch) nextLine(e *Engine, q []byte) (int, int) {
	n := e.histLen()
	dir := 1
	if !s.forward {
		dir = -1
	}
	// Copies of the line found last are passed over by the history
	// itself, in one search.
	hs := history.Search{Pattern: string(q), Forward: s.forward, Distinct: s.prevFound != nil, Previous: string(s.prevFound)}
	for pos := s.pos + dir; pos >= 0 && pos <= n; {
		// Plain entries up to the next line that is not one.
		sp := s.nextSpecial(e, pos, dir)
		if pos != sp && pos < n {
			i, off := e.hist.Find(hs, pos)
			if i >= 0 && (i-sp)*dir < 0 {
				if !s.skips(e.historyText(i)) {
					return i, off
				}
				pos = i + dir
				continue
			}
		}
		if sp < 0 || sp > n {
			return -1, -1
		}
		if line := s.lineAt(e, sp); !s.skips(line) {
			off := bytes.Index(line, q)
			if !s.forward {
				off = bytes.LastIndex(line, q)
			}
			if off >= 0 {
				return sp, off
			}
		}
		pos = sp + dir
	}
	return -1, -1
}

// nextSpecial returns the nearest line from pos on in direction dir whose
// text is not the history entry's: the line the search started in, or
// the line being typed (histLen()); -1 when there is none backward.
func (s *isearch) nextSpecial(e *Engine, pos, dir int) int {
	n := e.histLen()
	best := -1
	if dir > 0 {
		best = n
	}
	consider := func(p int) {
		if (p-pos)*dir >= 0 && (p-best)*dir < 0 {
			best = p
		}
	}
	consider(s.origPos)
	if dir > 0 {
		consider(n)
	}
	return best
}

// failedScan leaves the line and index as readline's scan, which goes
// through every line to the end of the history, leaves them when it finds
// nothing: the last line it came to, and the index it reached in the last
// line it searched.
func (s *isearch) failedScan(e *Engine, q []byte) {
	n := e.histLen()
	if !s.forward {
		if s.pos > 0 {
			s.sline = s.lineAt(e, 0)
		}
		s.index = 0
		return
	}
	index := max(s.index, len(s.sline)-len(q)+1)
	for p := n; p > s.pos; p-- {
		if line := s.lineAt(e, p); len(line) >= len(q) && !s.skips(line) {
			index = len(line) - len(q) + 1
			break
		}
	}
	if s.pos < n {
		s.sline = s.lineAt(e, n)
	}
	s.index = max(index, 0)
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
	if s.nonInc {
		// _rl_nsearch_abort: the saved line comes back, which is the
		// line being typed when the search started on a history entry.
		e.histUnsave()
	} else {
		e.buf.text = append(e.buf.text[:0], s.origText...)
	}
	e.buf.point = min(s.origPoint, len(e.buf.text))
	e.ding()
}

// pasteBeginSeq is what a terminal sends before pasted text.
var pasteBeginSeq = []byte("\x1b[200~")

// takePaste takes b when it is part of an escape sequence that may start
// a bracketed paste, or of the paste's text, and reports whether it took
// it. As readline's isearch does with bracketed-paste-begin (its case
// -7), the text pasted is added to the string, which is searched for; an
// empty paste does nothing. Another escape sequence (an arrow key, a Meta
// key) ends the search and then acts.
func (s *isearch) takePaste(e *Engine, b byte) bool {
	switch {
	case s.pasteText != nil:
		s.pasteText = append(s.pasteText, b)
		if bytes.HasSuffix(s.pasteText, pasteEnd) {
			text := s.pasteText[:len(s.pasteText)-len(pasteEnd)]
			s.pasteText = nil
			s.add(e, text)
		}
		return true
	case len(s.pasteSeq) > 0:
		seq := append(s.pasteSeq, b)
		switch {
		case !bytes.HasPrefix(pasteBeginSeq, seq):
			s.pasteSeq = nil
			e.queue = append(append([]byte(nil), seq...), e.queue...)
			s.finish(e)
		case len(seq) == len(pasteBeginSeq):
			s.pasteSeq = nil
			s.pasteText = []byte{}
		default:
			s.pasteSeq = seq
		}
		return true
	}
	return false
}
