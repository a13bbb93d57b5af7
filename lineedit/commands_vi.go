package lineedit

import (
	"bytes"
	"unicode/utf8"

	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/inputrc"
)

// The vi-mode commands of GNU Readline 8.2 (vi_mode.c), under readline's
// names, and the vi-mode behaviour of the commands readline shares
// between the modes.

// viCommands registers the vi-mode commands, and fills viOverrides (see
// useRegistry).
func viCommands() {
	// Entering and leaving insert mode.
	register("vi-editing-mode", func(e *Engine, _ int, key byte) {
		e.overwrite = false
		e.cfg.Vars.EditingMode = inputrc.ViMode
		e.cfg.SetKeymapFromEditingMode()
		e.keymap = e.viInsertMap()
		e.viStartInserting(key, 1, 1)
	})
	register("vi-movement-mode", func(e *Engine, _ int, _ byte) { e.viMovementMode() })
	register("vi-insertion-mode", func(e *Engine, n int, key byte) { e.viStartInserting(key, 1, sign(n)) })
	register("vi-insert-beg", func(e *Engine, n int, key byte) {
		e.buf.point = 0
		e.viStartInserting(key, 1, sign(n))
	})
	register("vi-append-mode", func(e *Engine, n int, key byte) {
		e.buf.advance()
		e.viStartInserting(key, 1, sign(n))
	})
	register("vi-append-eol", func(e *Engine, n int, key byte) {
		e.buf.point = len(e.buf.text)
		e.viStartInserting(key, 1, sign(n))
	})
	register("vi-eof-maybe", func(e *Engine, _ int, _ byte) { e.status = Accepted })

	// The count.
	registerArg("vi-arg-digit", func(e *Engine, n int, key byte) {
		if key == '0' && !e.arg.set {
			e.buf.point = 0
			return
		}
		digitArgument(e, n, key)
	})

	// Motions.
	register("vi-next-word", viNextWord)
	register("vi-prev-word", viPrevWord)
	register("vi-end-word", viEndWord)
	register("vi-forward-word", func(e *Engine, n int, _ byte) { e.viFword(n) })
	register("vi-fWord", func(e *Engine, n int, _ byte) { e.viFWord(n) })
	register("vi-backward-word", func(e *Engine, n int, _ byte) { e.viBword(n) })
	register("vi-backward-bigword", func(e *Engine, n int, _ byte) { e.viBWord(n) })
	register("vi-eword", func(e *Engine, n int, _ byte) { e.viEword(n) })
	register("vi-eWord", func(e *Engine, n int, _ byte) { e.viEWord(n) })
	register("vi-first-print", func(e *Engine, _ int, _ byte) { e.viBackToIndent() })
	register("vi-back-to-indent", func(e *Engine, _ int, _ byte) { e.viBackToIndent() })
	register("vi-column", func(e *Engine, n int, _ byte) { e.viColumn(n) })
	register("vi-match", func(e *Engine, _ int, _ byte) { e.viMatch() })
	register("vi-char-search", viCharSearch)
	register("vi-set-mark", func(e *Engine, _ int, _ byte) {
		e.readChar = func(ch []byte) {
			if len(ch) != 1 || ch[0] < 'a' || ch[0] > 'z' {
				e.ding()
				return
			}
			e.vi.marks[ch[0]-'a'] = e.buf.point
		}
	})
	register("vi-goto-mark", func(e *Engine, _ int, _ byte) {
		e.readChar = func(ch []byte) {
			switch {
			case len(ch) == 1 && ch[0] == '`':
				if e.buf.mark >= 0 {
					e.buf.point = clamp(e.buf.mark, 0, len(e.buf.text))
				}
			case len(ch) != 1 || ch[0] < 'a' || ch[0] > 'z' || e.vi.marks[ch[0]-'a'] < 0:
				e.ding()
			default:
				e.buf.point = clamp(e.vi.marks[ch[0]-'a'], 0, len(e.buf.text))
			}
		}
	})

	// Operators and changes.
	register("vi-delete-to", viOperator('d'))
	register("vi-change-to", viOperator('c'))
	register("vi-yank-to", viOperator('y'))
	register("vi-subst", func(e *Engine, n int, key byte) {
		if e.vi.redoing {
			e.viStartOperator('c', n, 'c')
			return
		}
		// s is cl and S is cc.
		m := e.newViMotion('c', n, 'c')
		motion := byte('l')
		if key == 'S' {
			motion = 'c'
		}
		e.viMotionKey(m, []byte{motion})
	})
	register("vi-delete", viDelete)
	register("vi-rubout", viRubout)
	register("vi-change-case", viChangeCase)
	register("vi-change-char", viChangeChar)
	register("vi-unix-word-rubout", viUnixWordRubout)
	register("vi-put", viPut)
	register("vi-yank-pop", func(e *Engine, _ int, _ byte) {
		if !e.lastWas("vi-yank-pop", "vi-put") || len(e.kills.entries) == 0 {
			e.ding()
			return
		}
		t := e.kills.top()
		n := e.buf.point - len(t)
		if n < 0 || string(e.buf.text[n:e.buf.point]) != string(t) {
			e.ding()
			return
		}
		e.deleteRange(n, e.buf.point)
		e.buf.point = n
		e.kills.rotate()
		viPut(e, 1, 'p')
	})
	register("vi-yank-arg", viYankArg)
	register("vi-replace", viReplace)
	register("vi-overstrike", viOverstrike)
	register("vi-overstrike-delete", viOverstrikeDelete)
	register(viOverstrikePaste.Name, func(e *Engine, _ int, _ byte) {
		// The pasted text, up to ESC [ 201 ~, overstrikes byte by byte.
		var text []byte
		var next func(ch []byte)
		next = func(ch []byte) {
			text = append(text, ch...)
			if !bytes.HasSuffix(text, pasteEnd) {
				e.readChar = next
				return
			}
			text = text[:len(text)-len(pasteEnd)]
			text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
			text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
			for _, b := range text {
				viOverstrike(e, 1, b)
			}
		}
		e.readChar = next
	})
	register("vi-undo", func(e *Engine, n int, _ byte) {
		for n > 0 {
			if !e.viDoUndo() {
				e.ding()
				return
			}
			n--
		}
	})
	register("vi-redo", viRedo)
	register("vi-complete", viComplete)
	register("vi-tilde-expand", func(e *Engine, n int, key byte) {
		if c, ok := lookupCommand("tilde-expand"); ok {
			c.fn(e, 0, key)
		}
		e.viStartInserting(key, 1, sign(n))
	})

	// History.
	register("vi-fetch-history", func(e *Engine, n int, _ byte) {
		before := e.histPos
		e.fetchHistory(n)
		e.viHistorySetPoint(before)
	})
	register("vi-search", func(e *Engine, _ int, key byte) {
		switch key {
		case '?':
			e.viStartSearch(1, '?')
		case '/':
			e.viStartSearch(-1, '/')
		default:
			e.ding()
		}
	})
	register("vi-search-again", func(e *Engine, _ int, key byte) {
		switch key {
		case 'n':
			e.viSearchAgain(-1, e.viCommandMode())
		case 'N':
			e.viSearchAgain(1, e.viCommandMode())
		}
	})

	// Readline's shared commands, as vi mode changes them.
	viOverrides["forward-char"] = command{fn: func(e *Engine, n int, _ byte) { e.viForwardChar(n) }}
	viOverrides["forward-byte"] = command{fn: func(e *Engine, n int, _ byte) {
		lend := len(e.buf.text)
		if lend > 0 && e.viCommandMode() {
			lend--
		}
		p := e.buf.point + n
		if p > lend {
			p = lend
			e.ding()
		}
		e.buf.point = clamp(p, 0, len(e.buf.text))
	}}
	viOverrides["backward-char"] = command{fn: func(e *Engine, n int, _ byte) { e.viBackwardChar(n) }}
	viOverrides["revert-line"] = command{fn: func(e *Engine, _ int, _ byte) {
		if len(e.undo.steps) == 0 {
			e.ding()
			return
		}
		for len(e.undo.steps) > 0 {
			e.viDoUndo()
		}
		e.buf.point, e.buf.mark = 0, 0
	}}
	for _, name := range []string{"previous-history", "next-history", "beginning-of-history"} {
		name := name
		viOverrides[name] = command{fn: func(e *Engine, n int, key byte) {
			c, _ := lookupCommand(name)
			before := e.histPos
			c.fn(e, n, key)
			e.viHistorySetPoint(before)
		}}
	}
}

// viHistorySetPoint puts the point at the start of a history line brought
// in while in command mode (_rl_history_set_point, rl_replace_from_history).
func (e *Engine) viHistorySetPoint(before int) {
	if e.histPos != before && e.histPos < e.histLen() && e.keymap != e.viInsertMap() && !e.ViReplacing() {
		e.buf.point = 0
	}
}

// viPut is p and P: the last kill after (p) or before (P) the cursor,
// count times; the cursor ends on the last character put.
func viPut(e *Engine, count int, key byte) {
	b := &e.buf
	if !isUpperKey(key) && b.point+1 <= len(b.text) {
		b.point = b.nextGrapheme(b.point)
	}
	for ; count > 0; count-- {
		t := e.kills.top()
		if t == nil {
			e.ding()
			return
		}
		b.mark = b.point
		e.viInsertText(append([]byte(nil), t...))
	}
	e.viBackwardChar(1)
}

// viYankArg is _: the last argument of the previous history line, or the
// count-th one, inserted after a space, in insert mode.
func viYankArg(e *Engine, count int, key byte) {
	n := -1
	if e.explicit {
		n = count - 1
	}
	i := e.histPos - 1
	if i < 0 || i >= e.histLen() {
		e.ding()
		return
	}
	words := history.Tokenize(e.hist.Line(i))
	if n < 0 {
		n = len(words) - 1
	}
	if n < 0 || n >= len(words) || words[n] == "" {
		e.ding()
		return
	}
	arg := []byte(words[n])
	e.viBeginGroup()
	e.buf.mark = e.buf.point
	if e.viCommandMode() {
		e.buf.advance()
		e.viStartInserting(key, 1, sign(count))
		e.viInsertText([]byte(" "))
	}
	e.viInsertText(arg)
	e.viEndGroup()
}

// viReplace is R: replace mode, where typed characters overstrike.
func viReplace(e *Engine, n int, key byte) {
	e.vi.replaceCount = 0
	km := e.viReplaceKeymap()
	e.viStartInserting(key, 1, sign(n))
	e.vi.lastKeyBeforeInsert = 'R'
	e.keymap = km
}

// viOverstrike is a printing key in replace mode.
func viOverstrike(e *Engine, count int, key byte) {
	if key >= utf8.RuneSelf || len(e.partial) > 0 {
		e.partial = append(e.partial, key)
		if !utf8.FullRune(e.partial) && len(e.partial) < utf8.UTFMax {
			return
		}
	} else {
		e.partial = append(e.partial[:0], key)
	}
	ch := append([]byte(nil), e.partial...)
	e.partial = e.partial[:0]
	if !e.vi.doingInsert {
		e.vi.doingInsert = true
		e.viBeginGroup()
	}
	if count <= 0 {
		return
	}
	e.viBeginGroup()
	for i := 0; i < count; i++ {
		e.viInsertText(ch)
		if e.buf.point < len(e.buf.text) {
			next := e.buf.nextGrapheme(e.buf.point)
			e.deleteRange(e.buf.point, next)
		}
	}
	e.viEndGroup()
	e.vi.replaceCount += count
}

// viOverstrikeDelete is DEL in replace mode: it takes back the last
// character replaced.
func viOverstrikeDelete(e *Engine, count int, _ byte) {
	for i := 0; i < count; i++ {
		if e.vi.replaceCount == 0 {
			e.ding()
			break
		}
		s := e.buf.point
		if e.viDoUndo() {
			e.vi.replaceCount--
		}
		if e.buf.point == s {
			e.viBackwardChar(1)
		}
	}
	if e.vi.replaceCount == 0 && e.vi.doingInsert {
		e.viEndGroup()
		e.viDoUndo()
		e.vi.doingInsert = false
	}
}

// viRedo is .: the last change again, with its count unless one is
// given.
func viRedo(e *Engine, count int, _ byte) {
	num, sgn := abs(count), sign(count)
	if !e.explicit {
		num, sgn = e.vi.lastRepeat, e.vi.lastSign
	}
	e.vi.redoing = true
	defer func() { e.vi.redoing = false }()
	buf := e.vi.insertBuf
	stuff := func() {
		e.viBeginGroup()
		for i := 0; i < count; i++ {
			e.viInsertText(append([]byte(nil), buf...))
		}
		e.viEndGroup()
		if e.buf.point > 0 {
			e.buf.point = e.buf.prevGrapheme(e.buf.point)
		}
	}
	switch last := e.vi.lastCommand; {
	case last == 'i' && len(buf) > 0:
		stuff()
	case last == 'R' && len(buf) > 0:
		e.viBeginGroup()
		for i := 0; i < count; i++ {
			e.viBeginGroup()
			// As many bytes as the text has (_rl_vi_replace_insert).
			end := min(e.buf.point+len(buf), len(e.buf.text))
			if end > e.buf.point {
				e.deleteRange(e.buf.point, end)
			}
			e.viInsertText(append([]byte(nil), buf...))
			e.viEndGroup()
		}
		e.viEndGroup()
		if e.buf.point > 0 {
			e.buf.point = e.buf.prevGrapheme(e.buf.point)
		}
	case last == 'I' && len(buf) > 0:
		e.buf.point = 0
		stuff()
	case last == 'a' && len(buf) > 0:
		e.buf.advance()
		stuff()
	case last == 'A' && len(buf) > 0:
		e.buf.point = len(e.buf.text)
		stuff()
	default:
		// Run the command's key again, as if typed with the count.
		entry := e.keymap.Entry(int(last))
		if entry.Kind != inputrc.KindFunc || entry.Func == nil {
			e.ding()
			return
		}
		cmd, ok := lookupCommand(entry.Func.Name)
		if o, vi := e.viOverride(entry.Func.Name); vi {
			cmd, ok = o, true
		}
		if !ok {
			e.ding()
			return
		}
		fromMove := e.keymap == e.viCommandMap()
		cmd.fn(e, num*sgn, last)
		if fromMove && e.keymap == e.viCommandMap() && isTextMod(last) {
			e.viSetLast(last, num, sgn)
		}
	}
}

// viComplete is *, = and \: complete the word under or before the cursor
// (insert all the completions, list them, or complete), then for * and \
// go on inserting.
func viComplete(e *Engine, n int, key byte) {
	b := &e.buf
	if b.point < len(b.text) && !viWS(b.at(b.point)) {
		if !viWS(b.at(b.point + 1)) {
			viEndWord(e, 1, 'E')
		}
		b.advance()
	}
	name := "complete"
	switch key {
	case '*':
		name = "insert-completions"
	case '=':
		name = "possible-completions"
	}
	if c, ok := lookupCommand(name); ok {
		c.fn(e, 1, key)
	}
	if key == '*' || key == '\\' {
		e.viStartInserting(key, 1, sign(n))
	}
}
