package lineedit

import (
	"strings"

	"github.com/goshell/gosh/history"
)

// Moving through the history: the history commands of GNU Readline 8.2
// other than the incremental search (search.go).

func init() {
	register("previous-history", func(e *Engine, n int, _ byte) { e.historyMove(-n) })
	register("next-history", func(e *Engine, n int, _ byte) { e.historyMove(n) })
	register("beginning-of-history", func(e *Engine, _ int, _ byte) { e.historyGo(0) })
	register("end-of-history", func(e *Engine, _ int, _ byte) { e.historyGo(e.histLen()) })
	register("history-search-backward", func(e *Engine, n int, _ byte) { e.historyPrefixSearch(-n, true) })
	register("history-search-forward", func(e *Engine, n int, _ byte) { e.historyPrefixSearch(n, true) })
	register("history-substring-search-backward", func(e *Engine, n int, _ byte) { e.historyPrefixSearch(-n, false) })
	register("history-substring-search-forward", func(e *Engine, n int, _ byte) { e.historyPrefixSearch(n, false) })
	register("fetch-history", func(e *Engine, n int, _ byte) {
		if !e.explicit {
			e.historyGo(e.histLen())
			return
		}
		// The argument is a history number, as bash shows them.
		if e.hist == nil {
			e.ding()
			return
		}
		i := n - e.hist.Base()
		if n < 0 {
			i = e.hist.Len() + n
		}
		if i < 0 || i >= e.hist.Len() {
			e.ding()
			return
		}
		e.historyGo(i)
	})
	register("operate-and-get-next", func(e *Engine, _ int, _ byte) {
		// Accept the line and start the next one from the history entry
		// after it.
		e.status = Accepted
		if e.hist != nil && e.histPos < e.hist.Len() {
			e.nextStart = e.histPos + 1
		}
	})
	register("yank-last-arg", yankLastArg)
	register("yank-nth-arg", func(e *Engine, n int, _ byte) {
		if !e.explicit {
			n = 1
		}
		e.insertHistoryArg(e.histLen()-1, n)
	})
}

func (e *Engine) histLen() int {
	if e.hist == nil {
		return 0
	}
	return e.hist.Len()
}

// historyText returns the text of history position i, with the edits
// made to it on this line; histLen() is the line being typed.
func (e *Engine) historyText(i int) []byte {
	if t, ok := e.edited[i]; ok {
		return t
	}
	if i >= e.histLen() {
		return nil
	}
	return []byte(e.hist.Line(i))
}

// historyGo replaces the line with history position i, keeping the edits
// of the line left.
func (e *Engine) historyGo(i int) {
	if i < 0 || i > e.histLen() {
		e.ding()
		return
	}
	if i == e.histPos {
		return
	}
	if e.edited == nil {
		e.edited = map[int][]byte{}
	}
	e.edited[e.histPos] = append([]byte(nil), e.buf.text...)
	e.histPos = i
	text := e.historyText(i)
	e.buf.text = append(e.buf.text[:0], text...)
	e.buf.point = len(e.buf.text)
	e.buf.mark = -1
	e.undo.clear()
}

func (e *Engine) historyMove(n int) {
	target := e.histPos + n
	if target < 0 || target > e.histLen() {
		e.ding()
		target = clamp(target, 0, e.histLen())
	}
	keep := e.buf.point
	e.historyGo(target)
	if e.cfg.Vars.Get("history-preserve-point") {
		e.buf.point = min(keep, len(e.buf.text))
	}
}

// histSearchState is history-search-* and history-substring-search-*
// while they repeat: what they look for, from where, and the entry last
// found (readline's _rl_history_search_pos, _rl_history_search_len and
// prev_line_found).
type histSearchState struct {
	key       string
	pos       int
	prevFound string
	found     bool
	// nonincPos is where the last non-incremental search found its
	// entry (readline's noninc_history_pos).
	nonincPos int
	// lastIsearch is the string of the last incremental search, which
	// C-r at the start of the next one searches for again.
	lastIsearch []byte
}

// historyPrefixSearch is history-search-* (prefix) and
// history-substring-search-*: it looks for the text before the point in
// the entries beyond the one the last search found, and puts the entry
// found in the line without moving in the history (a later C-p goes on
// from where the line came from). An entry equal to the one found last
// is passed over.
func (e *Engine) historyPrefixSearch(n int, prefix bool) {
	if n == 0 {
		return
	}
	names := []string{"history-search-backward", "history-search-forward"}
	if !prefix {
		names = []string{"history-substring-search-backward", "history-substring-search-forward"}
	}
	hs := &e.histSearch
	if !e.lastWas(names...) {
		hs.key, hs.pos, hs.prevFound, hs.found = string(e.buf.text[:e.buf.point]), e.histPos, "", false
	}
	if hs.key == "" {
		e.historyMove(n)
		return
	}
	if e.hist == nil {
		e.ding()
		return
	}
	dir := sign(n)
	found, off := -1, -1
	for count := abs(n); count > 0; {
		from := hs.pos + dir
		if from < 0 || from >= e.hist.Len() {
			break
		}
		i, k := e.hist.Find(history.Search{Pattern: hs.key, Prefix: prefix, Forward: dir > 0}, from)
		if i < 0 {
			break
		}
		hs.pos, found, off = i, i, k
		if hs.found && e.hist.Line(i) == hs.prevFound {
			continue
		}
		hs.prevFound, hs.found = e.hist.Line(i), true
		count--
	}
	if found < 0 {
		e.ding()
		e.buf.point = min(len(hs.key), len(e.buf.text))
		return
	}
	e.replaceRange(0, len(e.buf.text), e.hist.Line(found))
	e.buf.point = off
	if prefix {
		e.buf.point = len(hs.key)
	}
}

// yankArgState remembers a run of yank-last-arg, which walks back through
// the history one entry per repetition.
type yankArgState struct {
	pos        int // the history entry the last argument came from
	start, end int // where the inserted text is
}

func yankLastArg(e *Engine, n int, _ byte) {
	if !e.lastWas("yank-last-arg") {
		e.lastArgs = yankArgState{pos: e.histLen()}
	} else {
		// Take back the previous insertion and go one entry further back.
		e.deleteRange(e.lastArgs.start, e.lastArgs.end)
		e.buf.point = e.lastArgs.start
	}
	e.lastArgs.pos--
	if e.explicit {
		e.insertHistoryArg(e.lastArgs.pos, n)
	} else {
		e.insertHistoryArg(e.lastArgs.pos, -1)
	}
}

// insertHistoryArg inserts word n of history entry i (-1: the last word),
// split into words as the shell would.
func (e *Engine) insertHistoryArg(i, n int) {
	if i < 0 || i >= e.histLen() {
		e.ding()
		return
	}
	words := history.Tokenize(e.hist.Line(i))
	if n < 0 {
		n = len(words) + n
	}
	if n < 0 || n >= len(words) {
		e.ding()
		return
	}
	w := words[n]
	e.lastArgs.start = e.buf.point
	e.insertBytes([]byte(strings.Clone(w)), 1)
	e.lastArgs.end = e.buf.point
}
