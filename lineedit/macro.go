package lineedit

// macroState is the keyboard macro: the keys typed between
// start-kbd-macro (C-x () and end-kbd-macro (C-x )), replayed by
// call-last-kbd-macro (C-x e).
type macroState struct {
	recording bool
	keys      []byte
	last      []byte
}

func (m *macroState) record(b byte) {
	if m.recording {
		m.keys = append(m.keys, b)
	}
}

func (m *macroState) abort() { m.recording = false; m.keys = nil }

// macroCommands registers the keyboard macro commands (see useRegistry).
func macroCommands() {
	register("start-kbd-macro", func(e *Engine, _ int, _ byte) {
		if e.macro.recording {
			e.ding()
			return
		}
		e.macro.recording = true
		e.macro.keys = e.macro.keys[:0]
	})
	register("end-kbd-macro", func(e *Engine, _ int, _ byte) {
		if !e.macro.recording {
			e.ding()
			return
		}
		e.macro.recording = false
		// The keys that ended the macro (C-x )) are not part of it.
		keys := e.macro.keys
		if n := len(keys) - 2; n >= 0 {
			keys = keys[:n]
		}
		e.macro.last = append([]byte(nil), keys...)
	})
	register("call-last-kbd-macro", func(e *Engine, n int, _ byte) {
		if len(e.macro.last) == 0 {
			e.ding()
			return
		}
		var all []byte
		for i := 0; i < max(n, 1); i++ {
			all = append(all, e.macro.last...)
		}
		e.queue = append(all, e.queue...)
	})
	register("print-last-kbd-macro", func(e *Engine, _ int, _ byte) {
		e.effects.Output += macroText(e.macro.last) + "\n"
	})
}
