package lineedit

import (
	"github.com/goshell/gosh/inputrc"
)

// vi mode: the state GNU Readline 8.2 keeps in vi_mode.c, and the hooks
// through which the engine's dispatch reaches it. The commands are in
// commands_vi.go, the motions and operators in vi_motion.go, the
// history search in vi_search.go.

// Mode is the editing mode an Engine is in, as show-mode-in-prompt
// tells them apart.
type Mode int

// The editing modes.
const (
	ModeEmacs     Mode = iota // editing-mode emacs
	ModeViInsert              // vi insert mode (and vi replace mode, R)
	ModeViCommand             // vi command (movement) mode
)

// String returns the mode's name as inputrc spells the keymap.
func (m Mode) String() string {
	switch m {
	case ModeViInsert:
		return "vi-insert"
	case ModeViCommand:
		return "vi-command"
	}
	return "emacs"
}

// Mode returns the current editing mode. In vi replace mode (R) it is
// ModeViInsert, as readline shows vi-ins-mode-string then; ViReplacing
// tells the two apart.
func (e *Engine) Mode() Mode {
	if e.cfg.Vars.EditingMode != inputrc.ViMode {
		return ModeEmacs
	}
	if e.keymap == e.viCommandMap() {
		return ModeViCommand
	}
	return ModeViInsert
}

// ViReplacing reports whether vi replace mode (the R command) is on:
// typed characters overstrike the line.
func (e *Engine) ViReplacing() bool {
	return e.vi.replaceMap != nil && e.keymap == e.vi.replaceMap
}

// Character-search directions, as readline's FTO, BTO, FFIND, BFIND.
const (
	csFTo   = 1
	csBTo   = -1
	csFFind = 2
	csBFind = -2
)

// viState is what readline's vi mode remembers, on the line and across
// lines (the command to redo, the text last inserted, the last character
// searched for).
type viState struct {
	// lastCommand is the key of the last text-modifying command, for
	// redo (.); lastRepeat and lastSign its count.
	lastCommand byte
	lastRepeat  int
	lastSign    int
	lastMotion  byte
	redoing     bool
	// doingInsert is set by the commands (c, s, R) whose inserted text
	// belongs to them for redo.
	doingInsert bool
	insertBuf   []byte
	// lastKeyBeforeInsert is the key that entered insert mode.
	lastKeyBeforeInsert byte
	replaceCount        int
	replaceMap          *inputrc.Keymap
	// groups counts the undo groups vi mode opened and has yet to close
	// (readline's _rl_undo_group_level, for vi's groups).
	groups int
	// cmdOnce is set once the line has been in command mode (undo
	// before that is not possible, as POSIX asks of U).
	cmdOnce bool
	marks   [26]int

	// Character search: the character and the direction of the last
	// f, F, t or T.
	searchChar    []byte
	csDir, csOrig int
	replacement   []byte // the last r replacement

	// cur is the command running: its key, count and whether it was
	// found in the vi command keymap.
	cur viCmd

	search    *viSearch
	searchStr []byte // the last vi search string
	searchPos int    // where the last search matched (noninc_history_pos)
	hasSearch bool
}

// viCmd is the command being run, for redo and the end-of-command check.
type viCmd struct {
	key      byte
	count    int // the absolute count
	sign     int
	fromMove bool // dispatched from the vi command keymap
}

// vi_textmod: the keys of readline's redoable commands.
const viTextMod = "_*\\AaIiCcDdPpYyRrSsXx~"

func isTextMod(c byte) bool {
	for i := 0; i < len(viTextMod); i++ {
		if viTextMod[i] == c {
			return true
		}
	}
	return false
}

func (e *Engine) viMode() bool { return e.cfg.Vars.EditingMode == inputrc.ViMode }

func (e *Engine) viCommandMap() *inputrc.Keymap { return e.cfg.KeymapByName("vi-command") }
func (e *Engine) viInsertMap() *inputrc.Keymap  { return e.cfg.KeymapByName("vi-insert") }

// viCommandMode is readline's VI_COMMAND_MODE().
func (e *Engine) viCommandMode() bool {
	return e.viMode() && e.keymap == e.viCommandMap()
}

// viReset starts a line in vi mode: insert mode, no marks, as
// _rl_vi_initialize_line and readline_internal_setup do.
func (e *Engine) viReset() {
	for i := range e.vi.marks {
		e.vi.marks[i] = -1
	}
	e.vi.cmdOnce = false
	e.vi.groups = 0
	e.vi.search = nil
	if e.vi.lastCommand == 0 {
		e.viResetLast()
	}
	if e.viMode() {
		e.keymap = e.viInsertMap()
		e.vi.lastKeyBeforeInsert = 'i'
	}
}

func (e *Engine) viResetLast() {
	e.vi.lastCommand = 'i'
	e.vi.lastRepeat = 1
	e.vi.lastSign = 1
	e.vi.lastMotion = 0
}

func (e *Engine) viSetLast(key byte, repeat, sign int) {
	e.vi.lastCommand = key
	e.vi.lastRepeat = repeat
	e.vi.lastSign = sign
}

// viBeforeCommand notes the command about to run (engine.run).
func (e *Engine) viBeforeCommand(key byte, count int) {
	if !e.viMode() {
		return
	}
	sign := 1
	if count < 0 {
		sign, count = -1, -count
	}
	e.vi.cur = viCmd{key: key, count: count, sign: sign, fromMove: e.runMap == e.viCommandMap()}
}

// viCommandDone runs when a command has finished, including the input
// it read after its key: the redo bookkeeping of _rl_dispatch_subseq,
// the cursor check of _rl_internal_char_cleanup, and rl_newline's part.
func (e *Engine) viCommandDone() {
	if !e.viMode() || e.readChar != nil || e.vi.search != nil {
		return
	}
	cmdMap := e.viCommandMap()
	c := e.vi.cur
	e.vi.cur = viCmd{}
	if e.keymap == cmdMap && c.fromMove && c.key != 0 && isTextMod(c.key) {
		e.viSetLast(c.key, c.count, c.sign)
	}
	if e.status == Accepted {
		e.viDoneInserting()
		if !isTextMod(e.vi.lastCommand) {
			e.viResetLast()
		}
		return
	}
	if e.keymap == cmdMap {
		e.viCheck()
	}
}

// viCheck moves the cursor back onto the last character when it is past
// it (rl_vi_check).
func (e *Engine) viCheck() {
	if e.buf.point > 0 && e.buf.point >= len(e.buf.text) {
		e.buf.point = e.buf.prevGrapheme(len(e.buf.text))
	}
}

// Undo groups as vi mode uses them: begin and end are recorded even when
// nothing happened between them, as readline records them.
func (e *Engine) viBeginGroup() {
	e.undo.steps = append(e.undo.steps, undoStep{kind: undoBegin})
	e.vi.groups++
}

func (e *Engine) viEndGroup() {
	e.undo.steps = append(e.undo.steps, undoStep{kind: undoEnd})
	if e.vi.groups > 0 {
		e.vi.groups--
	}
}

// viInsertText inserts s at the point as rl_insert_text does: a
// one-byte insertion joins the previous one.
func (e *Engine) viInsertText(s []byte) {
	if len(s) == 0 {
		return
	}
	e.undo.noteInsert(e.buf.point, s, len(s) == 1)
	e.buf.insert(s)
}

// viDoUndo undoes one step or group as rl_do_undo does; it reports
// whether there was anything to undo.
func (e *Engine) viDoUndo() bool {
	u := &e.undo
	if len(u.steps) == 0 {
		return false
	}
	waiting := 0
	for {
		if len(u.steps) == 0 {
			break
		}
		s := u.steps[len(u.steps)-1]
		u.steps = u.steps[:len(u.steps)-1]
		b := &e.buf
		switch s.kind {
		case undoDelete:
			at := min(s.start, len(b.text))
			b.point = at
			b.insertAt(at, s.text)
			b.point = at + len(s.text)
		case undoInsert:
			from := min(s.start, len(b.text))
			to := min(s.start+len(s.text), len(b.text))
			b.remove(from, to)
			b.point = from
		case undoEnd:
			waiting++
		case undoBegin:
			if waiting > 0 {
				waiting--
			} else {
				e.ding()
			}
		}
		if waiting == 0 {
			break
		}
	}
	if e.buf.mark > len(e.buf.text) {
		e.buf.mark = len(e.buf.text)
	}
	return true
}

// viStartInserting is rl_vi_start_inserting: remember the command for
// redo, open an undo group for the text typed, go to insert mode.
func (e *Engine) viStartInserting(key byte, repeat, sign int) {
	e.viSetLast(key, repeat, sign)
	e.viBeginGroup()
	e.viInsertionMode(key)
}

// viInsertionMode switches to the vi insert keymap.
func (e *Engine) viInsertionMode(key byte) {
	e.keymap = e.viInsertMap()
	e.vi.lastKeyBeforeInsert = key
}

// viMovementMode is ESC in insert mode: back one character, to command
// mode, and end the insertion for redo and undo.
func (e *Engine) viMovementMode() {
	if e.buf.point > 0 {
		e.buf.point = e.buf.prevGrapheme(e.buf.point)
	}
	e.keymap = e.viCommandMap()
	e.viDoneInserting()
	if !e.vi.cmdOnce {
		e.undo.clear()
	}
	e.vi.cmdOnce = true
}

// viDoneInserting is _rl_vi_done_inserting: it closes the undo groups of
// the insertion and keeps the inserted text for redo.
func (e *Engine) viDoneInserting() {
	steps := func() []undoStep { return e.undo.steps }
	if e.vi.doingInsert {
		e.viEndGroup()
		e.vi.doingInsert = false
		if e.vi.lastKeyBeforeInsert == 'R' {
			e.viSaveReplace()
		} else if s := steps(); len(s) >= 2 {
			e.viSaveInsert(&s[len(s)-2])
		} else {
			e.viSaveInsert(nil)
		}
		if e.vi.groups > 0 {
			e.viEndGroup()
		}
	} else {
		switch k := e.vi.lastKeyBeforeInsert; {
		case len(steps()) > 0 && (k == 'i' || k == 'a' || k == 'I' || k == 'A'):
			s := steps()
			e.viSaveInsert(&s[len(s)-1])
		case k == 'C':
			e.viEndGroup()
		}
	}
	for e.vi.groups > 0 {
		e.viEndGroup()
	}
}

// viSaveInsert keeps the text of an insertion step for redo, read from
// the line where the step says it is, as _rl_vi_save_insert does.
func (e *Engine) viSaveInsert(s *undoStep) {
	e.vi.insertBuf = e.vi.insertBuf[:0]
	if s == nil || s.kind != undoInsert {
		return
	}
	from := min(s.start, len(e.buf.text))
	to := min(s.start+len(s.text), len(e.buf.text))
	e.vi.insertBuf = append(e.vi.insertBuf, e.buf.text[from:to]...)
}

// viSaveReplace keeps the text typed in replace mode: as many bytes as
// characters were replaced, up to the one under the cursor, as
// _rl_vi_save_replace takes them (it counts bytes where it should count
// characters, so a multibyte character makes it take too little).
func (e *Engine) viSaveReplace() {
	e.vi.insertBuf = e.vi.insertBuf[:0]
	s := e.undo.steps
	if len(s) == 0 || s[len(s)-1].kind != undoEnd || e.vi.replaceCount <= 0 {
		return
	}
	end := e.buf.point
	start := end - e.vi.replaceCount + 1
	n := e.vi.replaceCount
	if start < 0 {
		n, start = end+1, 0
	}
	stop := min(start+n, len(e.buf.text))
	e.vi.insertBuf = append(e.vi.insertBuf, e.buf.text[start:stop]...)
}

// viReplaceKeymap returns the keymap of replace mode, built from the vi
// insert keymap as rl_vi_replace builds vi_replace_map: printing keys
// overstrike, control keys do what they do in insert mode.
func (e *Engine) viReplaceKeymap() *inputrc.Keymap {
	if e.vi.replaceMap != nil {
		return e.vi.replaceMap
	}
	fm := e.cfg.Funmap
	ins := e.viInsertMap()
	km := &inputrc.Keymap{}
	bind := func(k int, name string) { e.cfg.BindKey(km, byte(k), fm.Lookup(name)) }
	for k := 0; k < ' '; k++ {
		if en := ins.Entry(k); en.Kind == inputrc.KindFunc && en.Func != nil {
			e.cfg.BindKey(km, byte(k), en.Func)
		}
	}
	convert := e.cfg.Vars.Get("convert-meta")
	for k := int(' '); k < 0x100; k++ {
		if k >= 0x80 && convert {
			break
		}
		bind(k, "vi-overstrike")
	}
	bind(0x7f, "vi-overstrike-delete")
	bind(0x1b, "vi-movement-mode")
	bind('\r', "accept-line")
	bind('\n', "accept-line")
	name := func(k int) string {
		if en := ins.Entry(k); en.Kind == inputrc.KindFunc && en.Func != nil {
			return en.Func.Name
		}
		return ""
	}
	if name(0x08) == "backward-delete-char" {
		bind(0x08, "vi-overstrike-delete")
	}
	// C-u, C-w and C-y keep count of what they change (viOverride). A
	// bracketed paste overstrikes too; its prefix makes ESC wait for the
	// keyseq-timeout, as in readline.
	if e.cfg.Vars.Get("enable-bracketed-paste") {
		e.cfg.BindFunction(km, `\e[200~`, viOverstrikePaste)
	}
	e.vi.replaceMap = km
	return km
}

// viOverstrikePaste is what the start of a bracketed paste runs in
// replace mode: readline's rl_vi_overstrike_bracketed_paste, which has no
// bindable name.
var viOverstrikePaste = &inputrc.Function{Name: "vi-overstrike-bracketed-paste"}

// viOverride returns the vi-mode behaviour of a command readline shares
// between the modes but changes in vi mode.
func (e *Engine) viOverride(name string) (command, bool) {
	if !e.viMode() {
		return command{}, false
	}
	if e.ViReplacing() {
		switch name {
		case "unix-line-discard", "vi-unix-word-rubout", "yank":
			return command{fn: func(e *Engine, n int, key byte) {
				before := len(e.buf.text)
				c, _ := lookupCommand(name)
				c.fn(e, n, key)
				e.vi.replaceCount += len(e.buf.text) - before
			}}, true
		}
	}
	useRegistry()
	c, ok := viOverrides[name]
	return c, ok
}

// viOverrides are readline's commands that behave differently in vi
// mode (see the VI_MODE parts of text.c, misc.c, kill.c). viCommands
// fills it when the registry is built (useRegistry).
var viOverrides map[string]command

// SetEditingMode switches the editing mode at once, as the
// emacs-editing-mode and vi-editing-mode commands do; a program does it
// for bash's set -o emacs and set -o vi (setting the editing-mode
// variable of the Config is enough for the lines that follow). A switch to
// vi mode goes on in insert mode.
func (e *Engine) SetEditingMode(m inputrc.EditingMode) {
	e.cfg.Vars.EditingMode = m
	e.cfg.SetKeymapFromEditingMode()
	e.keymap = e.cfg.Keymap()
	if m == inputrc.ViMode {
		e.overwrite = false
		e.keymap = e.viInsertMap()
		e.vi.lastKeyBeforeInsert = 'i'
	}
}
