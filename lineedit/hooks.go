package lineedit

import (
	"unicode/utf8"

	"github.com/goshell/gosh/inputrc"
)

// Hooks for programs that bind keys to their own code while a line is
// read, as bash does for bind -x and edit-and-execute-command: they read
// and replace the line, the point and the mark, accept the line, and run
// something with the terminal given back.

// RegisterHidden adds a command that key bindings can run but that no
// function map lists: bind -p, bind -l and init files do not see it, as
// with a function readline binds without rl_add_defun. The returned
// Function is what to bind keys to (inputrc.Config.BindFunction). A
// command registered earlier under the same name is replaced.
func RegisterHidden(name string, fn Command) *inputrc.Function {
	useRegistry()
	registryMu.Lock()
	registry[name] = command{fn: fn}
	registryMu.Unlock()
	return &inputrc.Function{Name: name}
}

// RegisteredCommand returns the command registered under name (a readline
// name or one added by Register or RegisterHidden), or nil. A program
// that replaces a command with Register can keep the old one to fall back
// on.
func RegisteredCommand(name string) Command {
	c, ok := lookupCommand(name)
	if !ok {
		return nil
	}
	return c.fn
}

// Mark returns the mark's byte offset in the line, or -1 when no mark is
// set. Like readline's rl_mark it is 0 at the start of a line and does
// not move when text is inserted or deleted before it; it is clamped to
// the line's end.
func (e *Engine) Mark() int { return min(e.buf.mark, len(e.buf.text)) }

// Explicit reports whether the running command was given a numeric
// argument (rl_explicit_arg); the argument is the command's count.
func (e *Engine) Explicit() bool { return e.explicit }

// SetLine replaces the line with line, as one step to undo when it
// changes, and puts the point and the mark at the given byte offsets. An
// offset is moved into the line and back to the start of a character; a
// negative mark unsets it.
func (e *Engine) SetLine(line string, point, mark int) {
	if line != string(e.buf.text) {
		e.replaceLine([]byte(line))
	}
	e.buf.point = e.charStart(point)
	if mark < 0 {
		e.buf.mark = -1
	} else {
		e.buf.mark = e.charStart(mark)
	}
}

// charStart clamps a byte offset to the line and backs it up to the start
// of a UTF-8 character.
func (e *Engine) charStart(off int) int {
	off = min(max(off, 0), len(e.buf.text))
	for off > 0 && off < len(e.buf.text) && !utf8.RuneStart(e.buf.text[off]) {
		off--
	}
	return off
}

// AcceptLine ends the editing of the line as accept-line does, with the
// line as it is.
func (e *Engine) AcceptLine() { e.status = Accepted }

// RunOutside runs fn while ReadLine is reading a line, the way bash runs
// a bind -x command: the prompt and the line are erased from the screen,
// the terminal gets back the modes it had before ReadLine (so that what fn
// runs reads and writes as usual), then it is raw again and the prompt
// and the line are drawn anew from the start of the row the cursor is on,
// below what fn wrote. Outside ReadLine, or when the input is not a
// terminal, fn simply runs.
func (ed *Editor) RunOutside(fn func()) error {
	r := ed.renderer
	if r == nil || ed.term == nil || !ed.term.IsTerminal() {
		fn()
		return nil
	}
	// An empty frame leaves the cursor where the prompt started, with
	// the rows of the old frame cleared.
	if err := r.Render(Frame{}); err != nil {
		return err
	}
	paste := ed.Config.Vars.Get("enable-bracketed-paste")
	ed.term.SetBracketedPaste(false)
	if err := ed.term.Restore(); err != nil {
		return err
	}
	fn()
	if err := ed.term.EnterRaw(); err != nil {
		return err
	}
	ed.term.SetBracketedPaste(paste)
	r.Invalidate()
	return nil
}
