package lineedit

import (
	"sort"
	"strings"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/inputrc"
)

// The completion commands of GNU Readline 8.2: complete (TAB),
// possible-completions (M-?), insert-completions (M-*) and
// delete-char-or-list, following rl_complete_internal. Menu completion is
// in complete_menu.go, the list shown below the line in
// complete_display.go.

// completeCommands registers the completion commands (see useRegistry).
func completeCommands() {
	register("complete", func(e *Engine, n int, key byte) {
		if e.cfg.Vars.Get("disable-completion") || e.Completer == nil {
			// Readline inserts the key that was typed instead.
			e.insertText(strings.Repeat(string([]byte{key}), max(n, 1)))
			return
		}
		switch {
		case e.lastWas("complete") && !e.compl.changed:
			e.completeInternal('?')
		case e.cfg.Vars.Get("show-all-if-ambiguous"):
			e.completeInternal('!')
		case e.cfg.Vars.Get("show-all-if-unmodified"):
			e.completeInternal('@')
		default:
			e.completeInternal('\t')
		}
	})
	register("possible-completions", func(e *Engine, _ int, _ byte) { e.completeInternal('?') })
	register("insert-completions", func(e *Engine, _ int, _ byte) { e.completeInternal('*') })
	register("delete-char-or-list", func(e *Engine, n int, _ byte) {
		if len(e.buf.text) == 0 || e.buf.point < len(e.buf.text) {
			e.deleteChars(n)
			return
		}
		e.completeInternal('?')
	})
}

// complState is what readline keeps between completion commands.
type complState struct {
	changed bool // the last completion changed the line (completion_changed_buffer)
	failed  bool // the last completion found nothing (last_completion_failed)
	colors  lsColorsCache
	// described is the list the described menu shows, and describedText
	// the line when it was listed (complete_described.go).
	described     *matchSet
	describedText string
}

// matchSet is the outcome of asking the completer: the word completed
// (text[start:end]), the candidates sorted (unless the completer said
// NoSort) and without duplicates, and the text their common prefix
// replaces the word with (readline's matches[0]).
type matchSet struct {
	start, end int
	text       string
	cands      []completion.Candidate
	lcd        string
}

// single reports whether there is only one candidate.
func (m *matchSet) single() bool { return len(m.cands) == 1 }

// nontrivial reports whether the common prefix adds to the word.
func (m *matchSet) nontrivial() bool { return m.lcd != m.text }

// gatherMatches asks the completer for the word at the point. With no
// candidate it rings the bell and returns nil.
func (e *Engine) gatherMatches() *matchSet {
	e.compl.described = nil
	if e.Completer == nil {
		e.ding()
		return nil
	}
	r := e.Completer.Complete(string(e.buf.text), e.buf.point)
	if len(r.Candidates) == 0 || r.Start < 0 || r.End > len(e.buf.text) || r.Start > r.End {
		e.ding()
		e.compl.changed = false
		e.compl.failed = true
		return nil
	}
	cands := append([]completion.Candidate(nil), r.Candidates...)
	if !r.NoSort {
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].Text < cands[j].Text })
	}
	// Readline's remove_duplicate_matches: with the matches unsorted
	// (rl_sort_completion_matches off) only adjacent duplicates go.
	uniq := cands[:1]
	for _, c := range cands[1:] {
		if c.Text != uniq[len(uniq)-1].Text {
			uniq = append(uniq, c)
		}
	}
	m := &matchSet{start: r.Start, end: r.End, text: string(e.buf.text[r.Start:r.End]), cands: uniq}
	e.expandTildeMatches(m)
	m.lcd = commonPrefix(uniq, m.text, e.cfg.Vars.Get("completion-ignore-case"))
	if m.lcd != "" {
		e.compl.failed = false
	}
	return m
}

// completeInternal is rl_complete_internal. what says what to do:
// '\t' insert the common prefix, '!' also list at once when ambiguous,
// '@' list when the prefix adds nothing, '*' insert all the candidates,
// '?' list them.
func (e *Engine) completeInternal(what byte) {
	e.complType = what
	wasFailed := e.compl.failed
	before := string(e.buf.text)
	m := e.gatherMatches()
	if m == nil {
		return
	}
	switch what {
	case '\t', '!', '@':
		switch {
		case what == '\t' || m.single():
			if m.lcd != "" {
				e.insertMatch(m, m.lcd)
			}
		case m.lcd != "" && len(m.lcd) >= len(m.text):
			e.insertMatch(m, m.lcd)
		}
		switch {
		case m.single():
			e.appendToMatch(m.cands[0], m.nontrivial())
		case what == '!' || what == '@' && !m.nontrivial():
			e.displayMatches(m)
		case what == '\t' && e.cfg.Vars.EditingMode != inputrc.ViMode:
			e.ding()
		}
	case '*':
		e.insertAllMatches(m)
	case '?':
		if wasFailed && m.single() && m.lcd != "" {
			e.insertMatch(m, m.lcd)
			e.appendToMatch(m.cands[0], m.nontrivial())
			break
		}
		e.displayMatches(m)
	}
	e.compl.changed = string(e.buf.text) != before
}

// insertMatch puts match in place of the word, from the word's start to
// the point, as readline's insert_match. With skip-completed-text the
// characters of match already after the point are moved over rather
// than inserted again.
func (e *Engine) insertMatch(m *matchSet, match string) {
	start, end := m.start, max(e.buf.point, m.start)
	if e.cfg.Vars.Get("skip-completed-text") {
		r := match
		for start < len(e.buf.text) && r != "" && e.buf.text[start] == r[0] {
			start++
			r = r[1:]
		}
		if start < end || r != "" {
			e.replaceRange(start, max(end, start), r)
		}
		e.buf.point = start + len(r)
		return
	}
	e.replaceRange(start, end, match)
}

// appendToMatch adds what follows a completed word, as readline's
// append_to_match: for a directory a slash (with mark-directories, and
// not before a slash already there), for a link to a directory nothing
// when the completion added to the word (unless
// mark-symlinked-directories), for anything else the candidate's suffix
// (a space by default) when the point is at the end of the line.
func (e *Engine) appendToMatch(c completion.Candidate, nontrivial bool) {
	suffix := c.Suffix
	switch suffix {
	case completion.NoSuffix:
		suffix = ""
	case "":
		suffix = " "
	}
	atEnd := e.buf.point == len(e.buf.text)
	if f := fileOf(c); f.name {
		follow := !nontrivial || e.cfg.Vars.Get("mark-symlinked-directories")
		switch {
		case f.mode.IsDir() || f.linkToDir && follow:
			if !e.cfg.Vars.Get("mark-directories") {
				return
			}
			if atEnd && e.buf.point > 0 && e.buf.text[e.buf.point-1] == '/' {
				return
			}
			if !atEnd && e.buf.text[e.buf.point] == '/' {
				return
			}
			e.insertText("/")
			return
		case f.linkToDir:
			return
		}
	}
	if atEnd && suffix != "" {
		e.insertText(suffix)
	}
}

// insertAllMatches is insert-completions: every candidate in place of
// the word, each followed by a space, as one undo step.
func (e *Engine) insertAllMatches(m *matchSet) {
	var b strings.Builder
	for _, c := range m.cands {
		b.WriteString(c.Text)
		b.WriteByte(' ')
	}
	e.replaceRange(m.start, max(e.buf.point, m.start), b.String())
}

// replaceRange replaces text[from:to] with s as one undo step and puts
// the point after it.
func (e *Engine) replaceRange(from, to int, s string) {
	e.undo.begin()
	e.deleteRange(from, to)
	e.buf.point = from
	if s != "" {
		e.undo.noteInsert(from, []byte(s), false)
		e.buf.insert([]byte(s))
	}
	e.undo.end()
}

// insertText inserts s at the point as readline's rl_insert_text: never
// over the text (overwrite mode does not apply), one undo step that a
// following one-character insertion may join.
func (e *Engine) insertText(s string) {
	if s == "" {
		return
	}
	e.undo.noteInsert(e.buf.point, []byte(s), len(s) == 1)
	e.buf.insert([]byte(s))
}
