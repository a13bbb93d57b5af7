package lineedit

// The rest of GNU Readline 8.2's bindable commands, not vi-specific,
// which the emacs-mode work left out: arrow-key-prefix,
// next-screen-line, previous-screen-line and tty-status.

// viOtherCommands registers arrow-key-prefix, next-screen-line,
// previous-screen-line and tty-status (see useRegistry).
func viOtherCommands() {
	// arrow-key-prefix reads the final key of an arrow key's sequence
	// (ESC [ or ESC O, then A, B, C, D) and moves as that key does.
	register("arrow-key-prefix", func(e *Engine, n int, _ byte) {
		e.readChar = func(ch []byte) {
			if len(ch) != 1 {
				e.ding()
				return
			}
			name := ""
			switch toUpperKey(ch[0]) {
			case 'A':
				name = "previous-history"
			case 'B':
				name = "next-history"
			case 'C':
				name = "forward-char"
			case 'D':
				name = "backward-char"
			default:
				e.ding()
				return
			}
			e.runNamed(name, n, ch[0])
		}
	})
	// next-screen-line and previous-screen-line move the cursor by the
	// width of the screen, in characters (readline's rl_forward_char and
	// rl_backward_char by _rl_screenwidth).
	register("next-screen-line", func(e *Engine, _ int, key byte) { e.runNamed("forward-char", max(e.Width, 1), key) })
	register("previous-screen-line", func(e *Engine, _ int, key byte) { e.runNamed("backward-char", max(e.Width, 1), key) })
	// tty-status asks the kernel for a status line (TIOCSTAT), which
	// Linux does not have: readline rings the bell there.
	register("tty-status", func(e *Engine, _ int, _ byte) { e.ding() })
}

// runNamed runs the command registered under name, in the form the
// editing mode gives it.
func (e *Engine) runNamed(name string, n int, key byte) {
	c, ok := lookupCommand(name)
	if o, vi := e.viOverride(name); vi {
		c, ok = o, true
	}
	if !ok {
		e.ding()
		return
	}
	c.fn(e, n, key)
}

// tildeExpand is readline's rl_tilde_expand: the word at or before the
// point, if it starts with ~, is replaced by its expansion, and the point
// goes after it. In vi command mode the point is on the word's first
// character.
func (e *Engine) tildeExpand() {
	b := &e.buf
	ws := func(p int) bool { return p >= 0 && p < len(b.text) && viWS(b.text[p]) }
	start := b.point - 1
	switch {
	case start >= 0 && b.at(start) != '~':
		for start >= 0 && !ws(start) {
			start--
		}
		start++
	case start < 0:
		start = 0
	}
	end := start
	for {
		end++
		if ws(end) || end >= len(b.text) {
			break
		}
	}
	if ws(end) || end >= len(b.text) {
		end--
	}
	if b.at(start) != '~' || end < start {
		return
	}
	word := string(b.text[start : end+1])
	expanded := expandTilde(word)
	e.undo.begin()
	e.deleteRange(start, end+1)
	b.point = start
	if expanded != "" {
		e.undo.noteInsert(start, []byte(expanded), false)
		b.insert([]byte(expanded))
	}
	e.undo.end()
}
