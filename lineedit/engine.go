package lineedit

import (
	"unicode/utf8"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/inputrc"
)

// Status says where the editing of a line stands after some input.
type Status int

// The states of an Engine.
const (
	Editing     Status = iota // more input is needed
	Accepted                  // accept-line: the line is done
	EOF                       // end of input on an empty line (C-d)
	Interrupted               // C-c (reported by the terminal driver)
)

// An Engine is the pure editing state machine: it takes the bytes the
// user types and keeps the line, the cursor, the kill ring, the undo list,
// the numeric argument and the search state. It does no I/O; Frame says
// what should be on the screen. Key bindings come from an inputrc.Config
// and commands from the registry of named commands (see Register).
type Engine struct {
	// blink is where blink-matching-paren shows the cursor, plus 1; 0
	// when it is at the point.
	blink int

	cfg  *inputrc.Config
	hist *history.List

	buf    buffer
	undo   undoList
	kills  *killRing
	prompt string
	status Status

	// Key dispatch: the keymap of the editing mode, the keymap a prefix
	// typed so far leads to, and bytes waiting to be dispatched (the rest
	// of a macro, or a key given back after a failed prefix).
	keymap  *inputrc.Keymap
	pendMap *inputrc.Keymap
	queue   []byte
	partial []byte // the first bytes of a multibyte character

	// The numeric argument being typed, and the one in force; argMode
	// while plain digits still extend it.
	arg     argState
	argMode bool
	// explicit says the running command was given an argument
	// (rl_explicit_arg).
	explicit bool

	// What ran last, for commands that behave differently when repeated
	// (kills merge, yank-pop, yank-last-arg).
	last, this *inputrc.Function

	// History position: histPos == hist.Len() is the new line; hs keeps
	// the edits of history entries and the saved line
	// (history_edits.go).
	histPos int
	hs      histState

	search    *isearch
	overwrite bool
	quoted    bool // the next byte is inserted as it is (quoted-insert)
	// readChar, when set, receives the next character typed instead of
	// the keymap (character-search).
	readChar func(ch []byte)
	skipCSI  bool            // skip-csi-sequence is discarding a sequence
	vi       viState         // vi mode (vi.go)
	runMap   *inputrc.Keymap // the keymap the running command was found in
	// EOFChar ends input when typed on an empty line (the terminal's
	// VEOF, C-d by default).
	EOFChar  byte
	macro    macroState
	bell     bool // a bell was rung since the last call to Bell
	lastArgs yankArgState
	// searchString is the last string searched for; histSearch the state
	// of history-search-* while they repeat.
	searchString []byte
	histSearch   histSearchState
	// nextStart is the history number of the entry operate-and-get-next
	// puts on the next line; -1 for none.
	nextStart int
	// effects asks the editor for what the engine cannot do itself.
	effects Effects
	// Completer proposes completions for the completion commands; nil
	// makes TAB insert a tab.
	Completer completion.Completer
	// Hinter, Highlighter and Validator are the extension points of
	// extend.go, each off when nil. Continuation starts each line of the
	// text after the first (PS2), HintStyle is the hint's SGR style (""
	// is faint), RightPrompt is shown at the right of the text's first
	// row (see Frame).
	Hinter       Hinter
	Highlighter  Highlighter
	Validator    Validator
	Continuation string
	HintStyle    string
	RightPrompt  string
	// Width is the terminal's width in columns, for laying out lists.
	Width int
	// Height is the terminal's height in rows: page-completions stops a
	// completion list with --More-- after Height-1 rows.
	Height int
	// Getenv looks up LS_COLORS for colored-stats and
	// colored-completion-prefix (a shell passes its own variables); nil
	// means os.Getenv.
	Getenv func(string) string
	// DisplayMatches, when set, shows a list of completions instead of
	// the engine (Python's completion display matches hook).
	DisplayMatches func(substitution string, matches []string, longest int)
	// CompletionMenu, when set, shows candidates with descriptions in a
	// menu under the line (complete_described.go).
	CompletionMenu *MenuStyle
	complType      byte
	// confirm, when set, takes the next byte typed: the answer to a
	// y-or-n question or to the --More-- pager of a completion list.
	confirm func(b byte)
	menu    *menuState
	compl   complState

	// pasting is set between the start and the end of a bracketed paste,
	// whose text collects in paste.
	pasting bool
	paste   []byte
	// region is the active region (region.go).
	region activeRegion

	// snap hands out the line to Frame without copying it each time;
	// modeStr is the last mode string shown (show-mode-in-prompt).
	snap    textSnap
	modeStr string
	qbuf    []byte // the array of queue, reused from one Feed to the next
}

// New returns an engine for cfg's keymaps and variables and the history
// list hist, which may be nil. The kill ring lives as long as the engine.
func New(cfg *inputrc.Config, hist *history.List) *Engine {
	e := &Engine{cfg: cfg, hist: hist, kills: &killRing{}, EOFChar: 0x04, nextStart: -1, Width: 80, Height: 24}
	e.Reset("")
	return e
}

// Reset starts a new line with the given prompt, keeping the kill ring
// and the history.
func (e *Engine) Reset(prompt string) {
	e.histLineStart() // the end of the last line, for the history
	e.prompt = prompt
	e.buf.text = e.buf.text[:0]
	e.buf.point = 0
	e.buf.mark = 0 // readline's rl_mark at the start of a line
	e.undo.clear()
	e.status = Editing
	e.pendMap = nil
	e.partial = e.partial[:0]
	e.arg = argState{}
	e.argMode = false
	e.last, e.this = nil, nil
	e.histPos = 0
	if e.hist != nil {
		e.histPos = e.hist.Len()
	}
	e.search = nil
	e.pasting = false
	e.region = activeRegion{}
	e.confirm = nil
	e.menu = nil
	e.historyStartAt() // operate-and-get-next
	e.quoted = false
	e.cfg.SetKeymapFromEditingMode()
	e.keymap = e.cfg.Keymap()
	e.viReset()
}

// CompletionType returns the kind of the completion being done, as
// readline's rl_completion_type ('\t', '?', '*', '!', '@', '%').
func (e *Engine) CompletionType() byte { return e.complType }

// Status returns where the line stands.
func (e *Engine) Status() Status {
	if e.status != Editing {
		e.histLineDone()
	}
	return e.status
}

// Line returns the text of the line.
func (e *Engine) Line() string { return e.buf.String() }

// Point returns the cursor's byte offset in the line.
func (e *Engine) Point() int { return e.buf.point }

// Bell reports whether a command rang the bell since the last call.
func (e *Engine) Bell() bool {
	b := e.bell
	e.bell = false
	return b
}

func (e *Engine) ding() { e.bell = true }

// Frame returns what the screen should show. Its Text shares memory with
// the engine (it never changes, like any string): when the line only grew
// at its end since the last call, as when typing, Frame copies and
// allocates nothing.
func (e *Engine) Frame() Frame {
	if e.vi.search != nil {
		return e.vi.search.frame(e)
	}
	if e.search != nil {
		return e.search.frame(e)
	}
	if e.argMode {
		// Readline shows the argument being typed in place of the prompt.
		return e.withRegion(e.decorate(Frame{Prompt: argPrompt(e.count()), Text: e.snap.view(e.buf.text), Cursor: e.buf.point}))
	}
	cursor := e.buf.point
	if e.blinking() {
		cursor = e.blink - 1
	}
	return e.withRegion(e.decorate(Frame{Prompt: e.prompt, Mode: e.frameMode(), Text: e.snap.view(e.buf.text), Cursor: cursor}))
}

// Feed gives the engine one chunk of typed bytes and returns the status.
// WantsTimeout then tells whether a keyseq-timeout should be waited for.
func (e *Engine) Feed(p []byte) Status {
	e.blink = 0
	if len(e.queue) == 0 {
		// Start again at the front of the queue's array: draining moves
		// the queue along it.
		e.queue = e.qbuf[:0]
	}
	e.queue = append(e.queue, p...)
	e.qbuf = e.queue[:0]
	e.drain()
	return e.status
}

// WantsTimeout reports whether the bytes typed so far are a prefix of a
// longer key sequence and also bound on their own, so that the
// keyseq-timeout should decide (an ESC in vi insert mode, say).
func (e *Engine) WantsTimeout() bool {
	if e.blinking() {
		return true // the cursor goes back when the blink is over
	}
	if e.search != nil && e.search.escWait {
		return true // ESC ends a search, or starts an arrow key
	}
	return e.pendMap != nil && !e.pendMap.Entry(inputrc.AnyOtherKey).Unbound()
}

// TimeoutMillis returns how long, in milliseconds, to wait for more input
// when WantsTimeout says so: keyseq-timeout, but readline's 0.1 s after an
// ESC in an incremental search.
func (e *Engine) TimeoutMillis() int {
	if e.blinking() {
		return parenBlinkMillis
	}
	if e.search != nil && e.search.escWait {
		return isearchEscWaitMillis
	}
	return e.cfg.Vars.KeyseqTimeout
}

// Timeout tells the engine that no more bytes came within the
// keyseq-timeout: a pending prefix runs what it is bound to on its own.
func (e *Engine) Timeout() Status {
	if e.blinking() {
		e.blink = 0
		return e.status
	}
	if s := e.search; s != nil && s.escWait {
		s.escWait = false
		s.finish(e)
		e.drain()
		return e.status
	}
	if e.pendMap == nil {
		return e.status
	}
	other := e.pendMap.Entry(inputrc.AnyOtherKey)
	e.pendMap = nil
	if !other.Unbound() {
		e.run(other, 0)
	}
	e.drain()
	return e.status
}

// drain dispatches queued bytes until they run out or the line is done.
func (e *Engine) drain() {
	for len(e.queue) > 0 && e.status == Editing {
		if e.pasteBytes() {
			if e.pasting {
				return // the rest of the paste is still to come
			}
			continue
		}
		b := e.queue[0]
		e.queue = e.queue[1:]
		e.macro.record(b)
		e.dispatch(b)
	}
	if e.status != Editing {
		e.histLineDone()
	}
	// Bytes left once the line is done belong to the next one
	// (Unconsumed).
}

// Unconsumed returns and forgets the bytes fed but not yet dispatched
// when the line was finished: typed ahead for the next line.
func (e *Engine) Unconsumed() []byte {
	q := append([]byte(nil), e.queue...)
	e.queue = nil
	return q
}

// dispatch handles one input byte.
func (e *Engine) dispatch(b byte) {
	if e.search != nil {
		e.search.key(e, b)
		return
	}
	if e.confirm != nil {
		f := e.confirm
		e.confirm = nil
		f(b) // which may ask again
		return
	}
	if e.quoted {
		e.quoted = false
		e.insertBytes([]byte{b}, max(e.count(), 1))
		e.arg = argState{}
		e.finishCommand()
		e.viCommandDone()
		return
	}
	if e.readChar != nil {
		e.partial = append(e.partial, b)
		if !utf8.FullRune(e.partial) && len(e.partial) < utf8.UTFMax {
			return
		}
		f, ch := e.readChar, e.partial
		e.readChar, e.partial = nil, nil
		f(ch)
		e.arg = argState{}
		e.viCommandDone()
		return
	}
	if e.pendMap == nil && e.argKey(b) {
		return
	}
	if e.skipCSI {
		// Parameter and intermediate bytes, then the final byte.
		if b < 0x40 || b > 0x7e {
			return
		}
		e.skipCSI = false
		return
	}
	if b == e.EOFChar && e.pendMap == nil && len(e.buf.text) == 0 && e.EOFChar != 0 {
		e.status = EOF
		return
	}
	m := e.pendMap
	if m == nil {
		m = e.keymap
	}
	c := int(b)
	if c >= 0x80 && e.cfg.Vars.Get("convert-meta") && len(e.partial) == 0 {
		// A meta character is ESC and the character without its 8th bit.
		e.queue = append([]byte{b & 0x7f}, e.queue...)
		c = 0x1b
	}
	entry := m.Entry(c)
	switch entry.Kind {
	case inputrc.KindKeymap:
		e.pendMap = entry.Map
		return
	case inputrc.KindFunc:
		if entry.Func == nil && e.pendMap != nil {
			// The prefix does not go on with this key: run what the
			// prefix alone is bound to, then the key on its own.
			other := e.pendMap.Entry(inputrc.AnyOtherKey)
			e.pendMap = nil
			if !other.Unbound() {
				e.run(other, 0)
				e.queue = append([]byte{byte(c)}, e.queue...)
				return
			}
			e.ding()
			return
		}
	}
	e.pendMap = nil
	e.runMap = m
	e.run(entry, byte(c))
}

// run carries out a keymap entry reached by key.
func (e *Engine) run(entry inputrc.Entry, key byte) {
	switch entry.Kind {
	case inputrc.KindMacro:
		e.queue = append(append([]byte(nil), entry.Macro...), e.queue...)
	case inputrc.KindFunc:
		if entry.Func == nil {
			e.ding()
			return
		}
		e.this = entry.Func
		cmd, ok := lookupCommand(entry.Func.Name)
		if o, vi := e.viOverride(entry.Func.Name); vi {
			cmd, ok = o, true
		}
		if h, hint := e.hintCommand(entry.Func.Name); hint {
			cmd, ok = h, true // accept the hint (extend.go)
		}
		if !ok {
			e.ding()
			e.finishCommand()
			return
		}
		count := e.count()
		e.explicit = e.arg.set
		if !cmd.isArg {
			e.arg = argState{}
			e.argMode = false
		}
		if !cmd.isArg {
			e.viBeforeCommand(key, count)
		}
		cmd.fn(e, count, key)
		e.histAfterCommand()
		if !cmd.isArg {
			e.finishCommand()
			e.viCommandDone()
		}
	}
}

// finishCommand records the command that ran, for the next one.
func (e *Engine) finishCommand() {
	e.last = e.this
	e.this = nil
	e.deactivateRegion() // _rl_internal_char_cleanup
}

// lastWas reports whether the previous command was one of names.
func (e *Engine) lastWas(names ...string) bool {
	if e.last == nil {
		return false
	}
	for _, n := range names {
		if e.last.Name == n {
			return true
		}
	}
	return false
}

// insertBytes inserts text count times at the point (or over the text
// there in overwrite mode), as one undo step.
func (e *Engine) insertBytes(text []byte, count int) {
	if count <= 0 {
		return
	}
	ins := text
	if count > 1 {
		ins = make([]byte, 0, len(text)*count)
		for i := 0; i < count; i++ {
			ins = append(ins, text...)
		}
	}
	if e.overwrite {
		e.undo.begin()
		end := e.buf.point
		for n := utf8.RuneCount(ins); n > 0 && end < len(e.buf.text) && e.buf.text[end] != '\n'; n-- {
			end = e.buf.nextGrapheme(end)
		}
		if end > e.buf.point {
			e.undo.noteDelete(e.buf.point, e.buf.remove(e.buf.point, end))
		}
		e.undo.noteInsert(e.buf.point, ins, false)
		e.buf.insert(ins)
		e.undo.end()
		return
	}
	// Only one-byte insertions join, as in readline's rl_insert_text: a
	// multibyte character is an undo step of its own.
	e.undo.noteInsert(e.buf.point, ins, len(ins) == 1)
	e.buf.insert(ins)
}

// deleteRange removes text[from:to] as one undo step and returns it.
func (e *Engine) deleteRange(from, to int) []byte {
	if from > to {
		from, to = to, from
	}
	if from == to {
		return nil
	}
	gone := e.buf.remove(from, to)
	e.undo.noteDelete(from, gone)
	return gone
}

// replaceLine replaces the whole line, as one undo group.
func (e *Engine) replaceLine(text []byte) {
	e.undo.begin()
	if len(e.buf.text) > 0 {
		e.deleteRange(0, len(e.buf.text))
	}
	if len(text) > 0 {
		e.undo.noteInsert(0, text, false)
		e.buf.point = 0
		e.buf.insert(text)
	}
	e.undo.end()
	e.buf.point = len(e.buf.text)
}

// InsertText inserts text at the point, as a program (or Python's
// readline.insert_text) does.
func (e *Engine) InsertText(text string) {
	e.insertBytes([]byte(text), 1)
}
