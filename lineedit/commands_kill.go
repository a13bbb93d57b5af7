package lineedit

// Killing and yanking: the kill ring commands of GNU Readline 8.2.

// killRingCommands registers the kill ring commands (see useRegistry).
func killRingCommands() {
	register("kill-line", func(e *Engine, n int, _ byte) {
		if n < 0 {
			e.kill(e.buf.lineStart(e.buf.point), true)
			return
		}
		e.kill(e.buf.lineEnd(e.buf.point), false)
	})
	register("backward-kill-line", func(e *Engine, n int, _ byte) {
		if n < 0 {
			e.kill(e.buf.lineEnd(e.buf.point), false)
			return
		}
		e.kill(e.buf.lineStart(e.buf.point), true)
	})
	register("unix-line-discard", func(e *Engine, _ int, _ byte) { e.kill(e.buf.lineStart(e.buf.point), true) })
	register("kill-whole-line", func(e *Engine, _ int, _ byte) {
		e.buf.point = e.buf.lineStart(e.buf.point)
		e.kill(e.buf.lineEnd(e.buf.point), false)
	})
	register("kill-word", func(e *Engine, n int, _ byte) { e.killWords(n) })
	register("backward-kill-word", func(e *Engine, n int, _ byte) { e.killWords(-n) })
	register("unix-word-rubout", func(e *Engine, n int, _ byte) {
		p := e.buf.point
		for i := 0; i < max(n, 1); i++ {
			p = e.buf.backwardBlankWord(p, false)
		}
		e.kill(p, true)
	})
	register("unix-filename-rubout", func(e *Engine, n int, _ byte) {
		p := e.buf.point
		for i := 0; i < max(n, 1); i++ {
			p = e.buf.backwardBlankWord(p, true)
		}
		e.kill(p, true)
	})
	register("kill-region", func(e *Engine, _ int, _ byte) {
		if e.buf.mark < 0 {
			e.ding()
			return
		}
		e.kill(min(e.buf.mark, len(e.buf.text)), e.buf.mark < e.buf.point)
		e.buf.mark = e.buf.point
	})
	register("copy-region-as-kill", func(e *Engine, _ int, _ byte) {
		if e.buf.mark < 0 {
			e.ding()
			return
		}
		from, to := min(e.buf.mark, e.buf.point), max(e.buf.mark, e.buf.point)
		e.kills.add(e.buf.text[from:min(to, len(e.buf.text))], e.lastWasKill(), false)
	})
	register("copy-backward-word", func(e *Engine, n int, _ byte) {
		p := e.buf.point
		for i := 0; i < max(n, 1); i++ {
			p = e.buf.backwardWord(p)
		}
		e.kills.add(e.buf.text[p:e.buf.point], e.lastWasKill(), true)
	})
	register("copy-forward-word", func(e *Engine, n int, _ byte) {
		p := e.buf.point
		for i := 0; i < max(n, 1); i++ {
			p = e.buf.forwardWord(p)
		}
		e.kills.add(e.buf.text[e.buf.point:p], e.lastWasKill(), false)
	})
	register("yank", func(e *Engine, n int, _ byte) {
		t := e.kills.top()
		if t == nil {
			e.ding()
			return
		}
		e.buf.mark = e.buf.point
		e.insertBytes(t, 1)
	})
	register("yank-pop", func(e *Engine, _ int, _ byte) {
		if !e.lastWas("yank", "yank-pop") || e.kills.top() == nil {
			e.ding()
			return
		}
		old := e.kills.top()
		start := e.buf.point - len(old)
		if start < 0 || string(e.buf.text[start:e.buf.point]) != string(old) {
			e.ding()
			return
		}
		e.undo.begin()
		e.deleteRange(start, e.buf.point)
		e.kills.rotate()
		e.insertBytes(e.kills.top(), 1)
		e.undo.end()
	})
}

// killCommands are the commands whose kills join the previous kill.
var killCommands = []string{
	"kill-line", "backward-kill-line", "unix-line-discard", "kill-whole-line", "kill-word",
	"backward-kill-word", "unix-word-rubout", "unix-filename-rubout", "kill-region",
	"copy-region-as-kill", "copy-backward-word", "copy-forward-word",
}

// lastWasKill reports whether a kill joins the previous one: after a
// kill, except in vi mode, where readline never joins kills.
func (e *Engine) lastWasKill() bool { return !e.viMode() && e.lastWas(killCommands...) }

// kill deletes from the point to p and saves the text in the kill ring,
// joining the previous kill when the last command killed too.
func (e *Engine) kill(p int, backward bool) {
	if p == e.buf.point {
		return
	}
	from, to := min(p, e.buf.point), max(p, e.buf.point)
	gone := e.deleteRange(from, to)
	e.buf.point = from
	e.kills.add(gone, e.lastWasKill(), backward)
}

func (e *Engine) killWords(n int) {
	p := e.buf.point
	for ; n > 0; n-- {
		p = e.buf.forwardWord(p)
	}
	for ; n < 0; n++ {
		p = e.buf.backwardWord(p)
	}
	e.kill(p, p < e.buf.point)
}
