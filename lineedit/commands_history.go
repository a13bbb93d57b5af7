package lineedit

import (
	"strings"

	"github.com/goshell/gosh/history"
)

// Moving through the history: the history commands of GNU Readline 8.2
// other than the incremental search (search.go).

// historyCommands registers the commands that move through the history (see
// useRegistry).
func historyCommands() {
	register("previous-history", func(e *Engine, n int, _ byte) { e.historyMove(-n) })
	register("next-history", func(e *Engine, n int, _ byte) { e.historyMove(n) })
	register("beginning-of-history", func(e *Engine, _ int, _ byte) { e.historyPrevious(e.histPos + 1) })
	register("end-of-history", func(e *Engine, _ int, _ byte) { e.historyEnd() })
	register("history-search-backward", func(e *Engine, n int, _ byte) { e.historyPrefixSearch(-n, true) })
	register("history-search-forward", func(e *Engine, n int, _ byte) { e.historyPrefixSearch(n, true) })
	register("history-substring-search-backward", func(e *Engine, n int, _ byte) { e.historyPrefixSearch(-n, false) })
	register("history-substring-search-forward", func(e *Engine, n int, _ byte) { e.historyPrefixSearch(n, false) })
	register("fetch-history", func(e *Engine, n int, _ byte) { e.fetchHistory(n) })
	register("operate-and-get-next", func(e *Engine, n int, _ byte) {
		// Accept the line; the next one starts from the history entry
		// after it, or from the entry numbered by the argument.
		e.status = Accepted
		switch {
		case e.explicit:
			e.nextStart = n
		case e.hist != nil:
			e.nextStart = e.hist.Base() + e.histPos + 1
		}
	})
	register("yank-last-arg", yankLastArg)
	register("yank-nth-arg", func(e *Engine, n int, _ byte) {
		// The word of the entry before the line's, the first without
		// an argument.
		if !e.explicit {
			n = 1
		}
		e.insertHistoryArg(e.histPos-1, n, false)
	})
}

func (e *Engine) histLen() int {
	if e.hist == nil {
		return 0
	}
	return e.hist.Len()
}

// historyText returns the text of history position i: the entry's (as
// edited, once the line left it), or for histLen() the line saved when
// the line being typed was left, nil when none is.
func (e *Engine) historyText(i int) []byte {
	if i >= e.histLen() {
		if !e.hs.saved {
			return nil
		}
		return e.hs.savedText
	}
	return []byte(e.hist.Line(i))
}

// historyGo moves to history position i as readline's moves do, by
// going back or forward as many entries (histLen() is the line being
// typed).
func (e *Engine) historyGo(i int) {
	switch {
	case i < 0 || i > e.histLen():
		e.ding()
	case i < e.histPos:
		e.historyPrevious(e.histPos - i)
	case i > e.histPos:
		e.historyNext(i - e.histPos)
	}
}

// historyMove is next-history (n > 0) and previous-history (n < 0).
func (e *Engine) historyMove(n int) {
	switch {
	case n < 0:
		e.historyPrevious(-n)
	case n > 0:
		e.historyNext(n)
	}
}

// historyPrevious is rl_get_previous_history: the line being typed is
// saved when it is left, the changes to the line are kept in the entry
// left, and count entries back (or the first) becomes the line.
func (e *Engine) historyPrevious(count int) {
	if count <= 0 || e.histLen() == 0 {
		return
	}
	e.histNotePoint()
	had := e.hs.saved
	e.histMaybeSave()
	e.histMaybeReplace()
	if e.histPos == 0 {
		if !had {
			e.histFreeSaved()
		}
		e.ding()
		return
	}
	e.histLoad(max(e.histPos-count, 0))
	e.histSetPoint()
}

// historyNext is rl_get_next_history: the changes to the line are kept
// in the entry left, and count entries on becomes the line; past the
// last entry, the line saved when the history was entered comes back.
func (e *Engine) historyNext(count int) {
	if count <= 0 {
		return
	}
	e.histMaybeReplace()
	e.histNotePoint()
	if e.histPos+count >= e.histLen() {
		e.histPos = e.histLen()
		e.histUnsave()
		return
	}
	e.histLoad(e.histPos + count)
	e.histSetPoint()
}

// historyEnd is end-of-history (rl_end_of_history): back to the line
// being typed.
func (e *Engine) historyEnd() {
	e.histMaybeReplace()
	e.histPos = e.histLen()
	e.histUnsave()
}

// fetchHistory is fetch-history and vi-fetch-history (rl_fetch_history):
// with an argument n, the entry numbered n as bash's history built-in
// numbers them; a negative n goes back -n entries from the line's. With
// no argument, or one out of range in emacs mode, the first entry (vi
// mode rings the bell for an argument out of range).
func (e *Engine) fetchHistory(n int) {
	if !e.explicit {
		e.historyPrevious(e.histPos + 1)
		return
	}
	base := 1
	if e.hist != nil {
		base = e.hist.Base()
	}
	nhist := base + e.histPos
	wanted := -n
	if n >= 0 {
		wanted = nhist - n
	}
	if wanted <= 0 || wanted >= nhist {
		if e.viMode() {
			e.ding()
		} else {
			e.historyPrevious(e.histPos + 1)
		}
		return
	}
	e.historyPrevious(wanted)
}

// historyStartAt starts the line from the entry operate-and-get-next
// asked for (set_saved_history).
func (e *Engine) historyStartAt() {
	n := e.nextStart
	e.nextStart = -1
	if n < 0 || e.hist == nil {
		return
	}
	if count := e.histPos - (n - e.hist.Base()); count > 0 {
		e.historyPrevious(count)
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
		// rl_history_search_reinit, which forgets the saved line.
		hs.key, hs.pos, hs.prevFound, hs.found = string(e.buf.text[:e.buf.point]), e.histPos, "", false
		e.histFreeSaved()
	}
	if hs.key == "" {
		e.historyMove(n)
		return
	}
	had := e.hs.saved
	e.histMaybeSave()
	dir := sign(n)
	found, off := -1, -1
	for count := abs(n); count > 0; {
		from := hs.pos + dir
		if from < 0 || from >= e.histLen() {
			break
		}
		i, k := e.hist.Find(history.Search{Pattern: hs.key, Prefix: prefix, Forward: dir > 0, Distinct: hs.found, Previous: hs.prevFound}, from)
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
		// The saved line comes back: the line as it was, unless a line
		// was saved before (the line being typed, when the search
		// started on a history entry).
		e.histUnsave()
		e.ding()
		e.buf.point = min(len(hs.key), len(e.buf.text))
		e.buf.mark = len(e.buf.text)
		return
	}
	// make_history_line_current: the line's undo list goes unless it is
	// the one just saved or the entry's; the saved line is forgotten.
	if had && !(e.hs.owner == e.histKey(found) && e.hs.shared == len(e.undo.steps)) {
		e.histFreeUndo()
	}
	e.replaceRange(0, len(e.buf.text), e.hist.Line(found))
	e.histDropSaved()
	e.buf.point = off
	if prefix {
		e.buf.point = len(hs.key)
	}
	e.buf.mark = len(e.buf.text)
}

// yankArgState remembers a run of yank-last-arg, which walks back through
// the history one entry per repetition (rl_yank_last_arg's statics).
type yankArgState struct {
	skip      int  // entries passed over before the previous one
	dir       int  // 1 back, -1 forward: a negative argument turns it
	explicit  bool // the first of the run had an argument: the word
	n         int  // that argument
	undoGroup bool // the last insertion is an undo group to take back
}

func yankLastArg(e *Engine, n int, _ byte) {
	a := &e.lastArgs
	if !e.lastWas("yank-last-arg") {
		*a = yankArgState{dir: 1, explicit: e.explicit, n: n}
	} else {
		// Take back the previous insertion and go one entry further.
		if a.undoGroup {
			e.undo.undo(&e.buf)
		}
		if n < 0 {
			a.dir = -a.dir
		}
		a.skip = max(a.skip+a.dir, 0)
	}
	a.undoGroup = e.insertHistoryArg(e.histPos-1-a.skip, a.n, !a.explicit)
}

// insertHistoryArg inserts word n of history entry i, or its last word,
// as rl_yank_nth_arg_internal does: as one undo group, the mark where it
// starts; the words are split as the shell would. A negative n counts
// from the end as history_arg_extract does: -1 is the word before the
// last. It reports whether it inserted anything.
func (e *Engine) insertHistoryArg(i, n int, last bool) bool {
	if i < 0 || i >= e.histLen() {
		e.ding()
		return false
	}
	words := history.Tokenize(e.hist.Line(i))
	if c := e.hist.CommentChar; c != 0 {
		// history_tokenize stops at a word that starts with
		// history_comment_char (the list's CommentChar).
		for k, w := range words {
			if w[0] == c {
				words = words[:k]
				break
			}
		}
	}
	switch {
	case last:
		n = len(words) - 1
	case n < 0:
		n = len(words) + n - 1
	}
	if n < 0 || n >= len(words) || words[n] == "" {
		e.ding()
		return false
	}
	e.undo.begin()
	e.buf.mark = e.buf.point
	e.insertText(strings.Clone(words[n]))
	e.undo.end()
	return true
}
