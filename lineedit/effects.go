package lineedit

import (
	"os"
	"os/user"
	"strings"

	"github.com/goshell/gosh/inputrc"
)

// Effects are what commands ask of the editor around the engine: things
// that touch the screen or the world beyond the line.
type Effects struct {
	ClearScreen  bool   // clear-screen: clear and redraw at the top
	ClearDisplay bool   // clear-display: also clear the scrollback
	Redraw       bool   // redraw-current-line
	Output       string // text to print above the line (dump-functions, ...)
	ReReadInit   bool   // re-read-init-file
	// ExternalEdit asks the editor to edit the line in an external
	// program and accept what it leaves (edit-and-execute-command,
	// vi-edit-and-execute-command, v in vi command mode); see
	// ExternalEdit.
	ExternalEdit *ExternalEdit
}

// TakeEffects returns and forgets the effects asked for since the last
// call.
func (e *Engine) TakeEffects() Effects {
	f := e.effects
	e.effects = Effects{}
	return f
}

func macroText(keys []byte) string { return inputrc.UntranslateMacro(keys, false) }

// effectCommands registers the commands whose effect the program carries
// out (clearing the screen, dumps) and the editing mode switches (see
// useRegistry).
func effectCommands() {
	register("clear-screen", func(e *Engine, _ int, _ byte) { e.effects.ClearScreen = true })
	register("clear-display", func(e *Engine, _ int, _ byte) {
		e.effects.ClearScreen, e.effects.ClearDisplay = true, true
	})
	register("redraw-current-line", func(e *Engine, _ int, _ byte) { e.effects.Redraw = true })
	register("re-read-init-file", func(e *Engine, _ int, _ byte) { e.effects.ReReadInit = true })
	register("dump-functions", func(e *Engine, _ int, _ byte) {
		var b strings.Builder
		e.cfg.DumpFunctions(&b, nil, e.explicit)
		e.effects.Output += b.String()
	})
	register("dump-variables", func(e *Engine, _ int, _ byte) {
		var b strings.Builder
		e.cfg.DumpVariables(&b, e.explicit)
		e.effects.Output += b.String()
	})
	register("dump-macros", func(e *Engine, _ int, _ byte) {
		var b strings.Builder
		e.cfg.DumpMacros(&b, nil, e.explicit)
		e.effects.Output += b.String()
	})
	register("emacs-editing-mode", func(e *Engine, _ int, _ byte) {
		e.cfg.Vars.EditingMode = inputrc.EmacsMode
		e.cfg.SetKeymapFromEditingMode()
		e.keymap = e.cfg.Keymap()
	})
	register("tilde-expand", func(e *Engine, _ int, _ byte) { e.tildeExpand() })
}

// expandTilde replaces a leading ~ or ~user with the home directory.
func expandTilde(word string) string {
	if !strings.HasPrefix(word, "~") {
		return word
	}
	name, rest, _ := strings.Cut(word[1:], "/")
	var home string
	if name == "" {
		home, _ = os.UserHomeDir()
	} else if u, err := user.Lookup(name); err == nil {
		home = u.HomeDir
	}
	if home == "" {
		return word
	}
	if rest == "" && !strings.Contains(word, "/") {
		return home
	}
	return home + "/" + rest
}
