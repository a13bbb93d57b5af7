package lineedit

import (
	"strings"
	"unicode/utf8"

	"github.com/goshell/gosh/history"
)

// The editor's extension points beyond readline, each off until a program
// sets it (Options, Editor or Engine fields of the same names):
//
//   - a Hinter proposes text to show after the line, dimmed (fish's
//     autosuggestions); forward-char and end-of-line at the end of the
//     line accept all of it, forward-word its next word;
//   - a Highlighter colours the line as it is typed;
//   - a Validator says whether accept-line ends the input or, the input
//     being incomplete, inserts a newline to go on with the next line.
//
// Completion (completion.Completer) and the history (history.List) are
// the other two.

// A StyleSpan colours Text[Start:End] of a Frame with Style, an SGR
// escape sequence ("\x1b[1;32m"; several may follow each other). Styles
// are kept by the renderer as strings in a table, one entry for each
// distinct style.
type StyleSpan struct {
	Start, End int
	Style      string
}

// A Hinter proposes a hint for the line being edited: text shown after it,
// dimmed, that forward-char or end-of-line at the end of the line inserts.
// Hint is called with the line and the cursor's byte offset each time the
// line is drawn, and returns the text to show after the line, or "" for
// none.
type Hinter interface {
	Hint(line string, cursor int) string
}

// HinterFunc makes a function a Hinter.
type HinterFunc func(line string, cursor int) string

// Hint returns f(line, cursor).
func (f HinterFunc) Hint(line string, cursor int) string { return f(line, cursor) }

// A Highlighter colours the line as it is typed. Highlight is called with
// the line each time it is drawn and returns the spans to colour, in
// order and not overlapping; the renderer draws only the cells whose
// character or style changed.
type Highlighter interface {
	Highlight(line string) []StyleSpan
}

// HighlighterFunc makes a function a Highlighter.
type HighlighterFunc func(line string) []StyleSpan

// Highlight returns f(line).
func (f HighlighterFunc) Highlight(line string) []StyleSpan { return f(line) }

// A Validator tells whether the input is complete. accept-line asks it:
// when Validate returns false the input goes on on a new line (a newline
// is inserted at the end of the text and editing goes on, each line after
// the first starting with the Continuation prompt); when it returns true
// the line is accepted.
type Validator interface {
	Validate(line string) (complete bool)
}

// ValidatorFunc makes a function a Validator.
type ValidatorFunc func(line string) bool

// Validate returns f(line).
func (f ValidatorFunc) Validate(line string) bool { return f(line) }

// A HistoryHinter hints the rest of the most recent history entry that
// starts with the line, as fish's autosuggestions do, when the cursor is
// at the end of a line that is not blank.
type HistoryHinter struct {
	// History is the list searched, newest entry first.
	History *history.List
	// Prefer, when set, picks the entries to propose first: among the
	// entries that start with the line, the most recent one Prefer
	// accepts wins over more recent ones it does not (a shell proposes
	// the commands run in the current directory first). Only the
	// PreferLimit most recent matching entries are looked at for it.
	Prefer func(entry string) bool
	// PreferLimit bounds the matching entries Prefer is asked about; 0
	// means 256.
	PreferLimit int
	// IgnoreCase matches the line against entries without regard to
	// case; the hint is then the entry's rest as it is.
	IgnoreCase bool
}

// Hint returns the rest of the entry proposed for line, or "".
func (h *HistoryHinter) Hint(line string, cursor int) string {
	if h == nil || h.History == nil || cursor != len(line) || strings.TrimSpace(line) == "" {
		return ""
	}
	l := h.History
	limit := h.PreferLimit
	if limit <= 0 {
		limit = 256
	}
	// A long line (a paste) is looked for by its start, and the entries
	// that start so are compared whole: the history's search is made for
	// patterns the length of what people type.
	probe := line
	if len(probe) > hintProbe {
		probe = probe[:hintProbe]
		for len(probe) > 0 && !utf8.RuneStart(line[len(probe)]) {
			probe = probe[:len(probe)-1]
		}
	}
	s := history.Search{Pattern: probe, Prefix: true, IgnoreCase: h.IgnoreCase}
	first := ""
	for i, n := l.Len()-1, 0; i >= 0; i-- {
		i, _ = l.Find(s, i)
		if i < 0 {
			break
		}
		entry := l.Line(i)
		if len(entry) <= len(line) {
			continue
		}
		if len(probe) < len(line) {
			if rest := entry[len(probe):len(line)]; rest != line[len(probe):] &&
				!(h.IgnoreCase && strings.EqualFold(rest, line[len(probe):])) {
				continue
			}
		}
		if first == "" {
			first = entry
			if h.Prefer == nil {
				break
			}
		}
		if h.Prefer(entry) {
			return entry[len(line):]
		}
		if n++; n >= limit {
			break
		}
	}
	if first == "" {
		return ""
	}
	return first[len(line):]
}

// hintProbe is how much of a long line HistoryHinter asks the history
// to find at the start of entries.
const hintProbe = 256

// decorate adds to f what the extension points give: the hint, the
// styles, the continuation prompt and the right prompt. With none set it
// returns f as it is, doing nothing else.
func (e *Engine) decorate(f Frame) Frame {
	if e.Hinter == nil && e.Highlighter == nil && e.Continuation == "" && e.RightPrompt == "" && e.HintStyle == "" &&
		e.compl.described == nil {
		return f
	}
	f.Hint = e.hint(f.Text, f.Cursor)
	f.HintStyle = e.HintStyle
	if e.Highlighter != nil && f.Text != "" && !e.regionCovers(len(f.Text)) {
		// (The active region's style replaces the highlighting under it:
		// over the whole text, as after a paste into an empty line, the
		// highlighter's work would not show.)
		f.Styles = e.Highlighter.Highlight(f.Text)
	}
	f.Continuation = e.Continuation
	f.Right = e.RightPrompt
	f.Below = e.describedBelow() // complete_described.go
	return f
}

// hint returns the Hinter's hint for text with the cursor at cursor: none
// unless the cursor is at the end of the text and the engine is editing
// (not asking a question, collecting a character, searching).
func (e *Engine) hint(text string, cursor int) string {
	if e.Hinter == nil || cursor != len(text) || e.status != Editing ||
		e.confirm != nil || e.readChar != nil || e.search != nil || e.vi.search != nil {
		return ""
	}
	return e.Hinter.Hint(text, cursor)
}

// The commands that accept the hint when the cursor is at the end of the
// line: forward-char and end-of-line all of it, forward-word its next
// word (fish's M-f).
var (
	acceptHintAll  = command{fn: func(e *Engine, _ int, _ byte) { e.acceptHint(false) }}
	acceptHintWord = command{fn: func(e *Engine, n int, _ byte) {
		for ; n > 0 && e.acceptHint(true); n-- {
		}
	}}
)

// hintCommand returns the command that accepts the hint in place of the
// command name, when name is one that does and there is a hint to accept.
func (e *Engine) hintCommand(name string) (command, bool) {
	if e.Hinter == nil || e.buf.point != len(e.buf.text) {
		return command{}, false
	}
	var c command
	switch name {
	case "forward-char", "end-of-line":
		c = acceptHintAll
	case "forward-word":
		c = acceptHintWord
	default:
		return command{}, false
	}
	if e.hint(e.buf.String(), len(e.buf.text)) == "" {
		return command{}, false
	}
	return c, true
}

// acceptHint inserts the hint, or its next word, at the end of the line;
// it reports whether there was a hint.
func (e *Engine) acceptHint(word bool) bool {
	h := e.hint(e.buf.String(), len(e.buf.text))
	if h == "" {
		return false
	}
	if word {
		b := buffer{text: []byte(h)}
		h = h[:b.forwardWord(0)]
	}
	e.buf.point = len(e.buf.text)
	e.insertBytes([]byte(h), 1)
	return true
}

// continueInput is what accept-line does first: when a Validator says the
// text is not complete, it inserts a newline at the end of the text and
// reports true, and the line is not accepted.
func (e *Engine) continueInput() bool {
	if e.Validator == nil || e.Validator.Validate(e.buf.String()) {
		return false
	}
	e.buf.point = len(e.buf.text)
	e.insertBytes([]byte{'\n'}, 1)
	return true
}
