package lineedit

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Moving, changing text, and the numeric argument: the emacs-mode
// commands of GNU Readline 8.2 that act on the line alone.

// editCommands registers the commands that move and change the line (see
// useRegistry).
func editCommands() {
	register("forward-char", func(e *Engine, n int, _ byte) { e.moveChars(n) })
	register("backward-char", func(e *Engine, n int, _ byte) { e.moveChars(-n) })
	register("forward-byte", func(e *Engine, n int, _ byte) {
		e.buf.point = clamp(e.buf.point+n, 0, len(e.buf.text))
	})
	register("backward-byte", func(e *Engine, n int, _ byte) {
		e.buf.point = clamp(e.buf.point-n, 0, len(e.buf.text))
	})
	register("forward-word", func(e *Engine, n int, _ byte) { e.moveWords(n) })
	register("backward-word", func(e *Engine, n int, _ byte) { e.moveWords(-n) })
	register("beginning-of-line", func(e *Engine, _ int, _ byte) { e.buf.point = e.buf.lineStart(e.buf.point) })
	register("end-of-line", func(e *Engine, _ int, _ byte) { e.buf.point = e.buf.lineEnd(e.buf.point) })
	register("set-mark", func(e *Engine, _ int, _ byte) { e.buf.mark = e.buf.point })
	register("exchange-point-and-mark", func(e *Engine, _ int, _ byte) {
		// rl_exchange_point_and_mark: a mark past the end (the text
		// under it was deleted) is unset; an unset one rings the bell
		// and is set at the start.
		if e.buf.mark > len(e.buf.text) {
			e.buf.mark = -1
		}
		if e.buf.mark < 0 {
			e.ding()
			e.buf.mark = 0
			return
		}
		e.buf.point, e.buf.mark = e.buf.mark, e.buf.point
	})

	register("self-insert", selfInsert)
	register("tab-insert", func(e *Engine, n int, _ byte) { e.insertBytes([]byte{'\t'}, n) })
	register("quoted-insert", func(e *Engine, _ int, _ byte) { e.quoted = true })
	register("overwrite-mode", func(e *Engine, n int, _ byte) {
		if e.explicit {
			e.overwrite = n > 0
		} else {
			e.overwrite = !e.overwrite
		}
	})
	register("delete-char", deleteChar)
	register("backward-delete-char", func(e *Engine, n int, _ byte) { e.deleteChars(-n) })
	register("forward-backward-delete-char", func(e *Engine, n int, key byte) {
		if e.buf.point == len(e.buf.text) {
			e.deleteChars(-n)
		} else {
			e.deleteChars(n)
		}
	})
	register("delete-horizontal-space", func(e *Engine, _ int, _ byte) {
		from, to := e.buf.point, e.buf.point
		for from > 0 && (e.buf.text[from-1] == ' ' || e.buf.text[from-1] == '\t') {
			from--
		}
		for to < len(e.buf.text) && (e.buf.text[to] == ' ' || e.buf.text[to] == '\t') {
			to++
		}
		e.deleteRange(from, to)
		e.buf.point = from
	})
	register("transpose-chars", transposeChars)
	register("transpose-words", transposeWords)
	register("upcase-word", func(e *Engine, n int, _ byte) { e.caseWords(n, unicode.ToUpper, false) })
	register("downcase-word", func(e *Engine, n int, _ byte) { e.caseWords(n, unicode.ToLower, false) })
	register("capitalize-word", func(e *Engine, n int, _ byte) { e.caseWords(n, nil, true) })

	// The argument commands leave the argument in force for the next one.
	registerArg("digit-argument", digitArgument)
	registerArg("universal-argument", universalArgument)

	register("accept-line", func(e *Engine, _ int, _ byte) {
		if !e.continueInput() { // a Validator may want more (extend.go)
			e.status = Accepted
		}
	})
	register("abort", func(e *Engine, _ int, _ byte) {
		e.ding()
		e.arg = argState{}
		e.macro.abort()
	})
	register("undo", func(e *Engine, n int, _ byte) {
		for i := 0; i < max(n, 1); i++ {
			if !e.undo.undo(&e.buf) {
				e.ding()
				return
			}
		}
	})
	register("revert-line", func(e *Engine, _ int, _ byte) {
		for e.undo.undo(&e.buf) {
		}
	})
	register("insert-comment", insertComment)
	register("character-search", func(e *Engine, n int, _ byte) { e.charSearch(n) })
	register("character-search-backward", func(e *Engine, n int, _ byte) { e.charSearch(-n) })
	register("skip-csi-sequence", func(e *Engine, _ int, _ byte) { e.skipCSI = true })
	register("do-lowercase-version", func(e *Engine, _ int, key byte) {
		// Run what the lowercase key is bound to in the same keymap
		// (M-A runs M-a).
		if key >= 'A' && key <= 'Z' && e.runMap != nil {
			e.run(e.runMap.Entry(int(key+'a'-'A')), key+'a'-'A')
		}
	})
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// moveChars moves the point n grapheme clusters (backward if n < 0).
func (e *Engine) moveChars(n int) {
	for ; n > 0; n-- {
		if e.buf.point == len(e.buf.text) {
			e.ding()
			return
		}
		e.buf.point = e.buf.nextGrapheme(e.buf.point)
	}
	for ; n < 0; n++ {
		if e.buf.point == 0 {
			e.ding()
			return
		}
		e.buf.point = e.buf.prevGrapheme(e.buf.point)
	}
}

func (e *Engine) moveWords(n int) {
	for ; n > 0; n-- {
		e.buf.point = e.buf.forwardWord(e.buf.point)
	}
	for ; n < 0; n++ {
		e.buf.point = e.buf.backwardWord(e.buf.point)
	}
}

// selfInsert inserts the key typed, count times. The bytes of a
// multibyte character are collected until it is whole.
func selfInsert(e *Engine, n int, key byte) {
	if key >= utf8.RuneSelf || len(e.partial) > 0 {
		e.partial = append(e.partial, key)
		if !utf8.FullRune(e.partial) && len(e.partial) < utf8.UTFMax {
			return
		}
		ch := e.partial
		e.partial = nil
		e.insertBytes(ch, n)
		return
	}
	var one [1]byte
	one[0] = key
	e.insertBytes(one[:], n)
}

func deleteChar(e *Engine, n int, _ byte) { e.deleteChars(n) }

// deleteChars deletes n grapheme clusters forward, or -n backward.
func (e *Engine) deleteChars(n int) {
	p := e.buf.point
	q := p
	for i := 0; i < n; i++ {
		if q == len(e.buf.text) {
			break
		}
		q = e.buf.nextGrapheme(q)
	}
	for i := 0; i > n; i-- {
		if q == 0 {
			break
		}
		q = e.buf.prevGrapheme(q)
	}
	if p == q {
		e.ding()
		return
	}
	gone := e.deleteRange(p, q)
	if abs(n) > 1 {
		// Deleting with an argument kills, as readline does.
		e.kills.add(gone, false, false)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func transposeChars(e *Engine, n int, _ byte) {
	b := &e.buf
	if len(b.text) < 2 || b.point == 0 {
		e.ding()
		return
	}
	e.undo.begin()
	defer e.undo.end()
	if b.point == len(b.text) || b.text[b.point] == '\n' {
		b.point = b.prevGrapheme(b.point)
	}
	for ; n != 0; n -= sign(n) {
		if (n > 0 && b.point == len(b.text)) || (n < 0 && b.point == 0) {
			e.ding()
			return
		}
		prev := b.prevGrapheme(b.point)
		next := b.nextGrapheme(b.point)
		left := e.deleteRange(prev, b.point)
		b.point = prev + (next - (prev + len(left)))
		e.undo.noteInsert(b.point, left, false)
		b.insert(left)
		if n < 0 {
			b.point = b.prevGrapheme(b.prevGrapheme(b.point))
		}
	}
}

func sign(n int) int {
	if n < 0 {
		return -1
	}
	return 1
}

// transposeWords swaps the word before the point with the word after it
// and leaves the point after both.
func transposeWords(e *Engine, n int, _ byte) {
	b := &e.buf
	orig := b.point
	w2end := b.forwardWord(b.point)
	w2start := b.backwardWord(w2end)
	w1start := b.backwardWord(w2start)
	w1end := b.forwardWord(w1start)
	if w1start == w2start || w1end > w2start || w2start == w2end {
		b.point = orig
		e.ding()
		return
	}
	w1 := append([]byte(nil), b.text[w1start:w1end]...)
	w2 := append([]byte(nil), b.text[w2start:w2end]...)
	e.undo.begin()
	e.deleteRange(w2start, w2end)
	b.point = w2start
	e.undo.noteInsert(w2start, w1, false)
	b.insert(w1)
	e.deleteRange(w1start, w1end)
	b.point = w1start
	e.undo.noteInsert(w1start, w2, false)
	b.insert(w2)
	e.undo.end()
	b.point = w2end
}

// caseWords changes the case of n words from the point (backward with a
// negative argument, leaving the point where it was).
func (e *Engine) caseWords(n int, conv func(rune) rune, capitalize bool) {
	b := &e.buf
	start := b.point
	end := start
	if n >= 0 {
		for i := 0; i < n; i++ {
			end = b.forwardWord(end)
		}
	} else {
		for i := 0; i > n; i-- {
			start = b.backwardWord(start)
		}
	}
	if start == end {
		return
	}
	old := b.text[start:end]
	var out bytes.Buffer
	inWord := false
	for _, r := range string(old) {
		switch {
		case capitalize && isWordRune(r) && !inWord:
			r = unicode.ToUpper(r)
		case capitalize:
			r = unicode.ToLower(r)
		default:
			r = conv(r)
		}
		inWord = isWordRune(r)
		out.WriteRune(r)
	}
	keep := b.point
	e.undo.begin()
	e.deleteRange(start, end)
	b.point = start
	e.undo.noteInsert(start, out.Bytes(), false)
	b.insert(out.Bytes())
	e.undo.end()
	if n < 0 {
		b.point = keep
	}
}

// insertComment is insert-comment (M-#): without an argument, put
// comment-begin at the start of the line and accept it; with one, remove
// it if it is there, else add it.
func insertComment(e *Engine, _ int, _ byte) {
	c := []byte(e.cfg.Vars.CommentBegin)
	if e.explicit && bytes.HasPrefix(e.buf.text, c) {
		e.deleteRange(0, len(c))
	} else {
		e.buf.point = 0
		e.undo.noteInsert(0, c, false)
		e.buf.insert(c)
	}
	e.status = Accepted
}

// charSearch moves to the n-th occurrence of the next character typed.
func (e *Engine) charSearch(n int) {
	e.readChar = func(ch []byte) {
		p := e.buf.point
		for i := 0; i < abs(n); i++ {
			var k int
			if n > 0 {
				start := min(e.buf.nextGrapheme(p), len(e.buf.text))
				k = bytes.Index(e.buf.text[start:], ch)
				if k >= 0 {
					k += start
				}
			} else {
				k = bytes.LastIndex(e.buf.text[:p], ch)
			}
			if k < 0 {
				e.ding()
				return
			}
			p = k
		}
		e.buf.point = p
	}
}
