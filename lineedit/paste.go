package lineedit

import "bytes"

// pasteEnd is what a terminal sends at the end of a bracketed paste.
var pasteEnd = []byte("\x1b[201~")

// pasteCommands registers bracketed-paste-begin (see useRegistry).
func pasteCommands() {
	// The terminal sends ESC [ 200 ~ before pasted text and ESC [ 201 ~
	// after it: everything between is inserted as it is, as one undo step,
	// newlines included.
	register("bracketed-paste-begin", func(e *Engine, _ int, _ byte) {
		e.pasting = true
		e.paste = e.paste[:0]
	})
}

// pasteBytes takes bytes while a bracketed paste is being received; it
// reports whether it took them.
func (e *Engine) pasteBytes() bool {
	if !e.pasting {
		return false
	}
	// Take everything up to the end marker in one step: a paste may be
	// megabytes long.
	if k := bytes.Index(e.queue, pasteEnd); k >= 0 {
		e.paste = append(e.paste, e.queue[:k]...)
		e.queue = e.queue[k+len(pasteEnd):]
		e.pasting = false
		text := e.paste // insertBytes copies it
		if bytes.IndexByte(text, '\r') >= 0 {
			text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
			text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
		}
		// A group, as readline makes it: typing after a paste starts a
		// new undo step rather than joining the pasted text.
		e.undo.begin()
		start := e.buf.point
		e.insertBytes(text, 1)
		e.undo.end()
		// rl_bracketed_paste_begin: the mark at the start of the text,
		// the point at its end, and the region between them active.
		e.buf.mark = start
		e.activateRegion(start, e.buf.point)
		e.paste = e.paste[:0]
		return true
	}
	// Keep all but a possible start of the end marker for later.
	keep := 0
	for n := min(len(pasteEnd)-1, len(e.queue)); n > 0; n-- {
		if bytes.HasSuffix(e.queue, pasteEnd[:n]) {
			keep = n
			break
		}
	}
	e.paste = append(e.paste, e.queue[:len(e.queue)-keep]...)
	e.queue = append(e.queue[:0], e.queue[len(e.queue)-keep:]...)
	return true
}
