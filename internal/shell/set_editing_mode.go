package shell

import (
	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/lineedit"
)

// editingModeCall carries out set -o vi and set -o emacs, which choose the
// line editor's editing mode as bash's do (the interpreter knows neither
// option); the other arguments go on to the interpreter's set. It reports
// false when args hold neither.
func (s *Shell) editingModeCall(args []string) ([]string, bool) {
	rest := []string{args[0]}
	var mode inputrc.EditingMode
	found := false
	for i := 1; i < len(args); i++ {
		if args[i] == "-o" && i+1 < len(args) && (args[i+1] == "vi" || args[i+1] == "emacs") {
			mode, found = inputrc.EmacsMode, true
			if args[i+1] == "vi" {
				mode = inputrc.ViMode
			}
			i++
			continue
		}
		rest = append(rest, args[i])
	}
	if !found {
		return args, false
	}
	s.setEditingMode(mode)
	if len(rest) == 1 {
		return statusCommand(0), true
	}
	return rest, true
}

// setEditingMode switches the shell's readline configuration, and the
// editor if it exists, to mode: the next line starts in it.
func (s *Shell) setEditingMode(mode inputrc.EditingMode) {
	st := s.integ()
	st.mu.Lock()
	ed := st.editor
	st.mu.Unlock()
	if ed != nil {
		ed.Engine().SetEditingMode(mode)
		return
	}
	cfg := s.readlineConfig(s.varGetter())
	cfg.Vars.EditingMode = mode
	cfg.SetKeymapFromEditingMode()
}

// registerViComplete gives bash's vi-mode completion on *, = and \ in the
// command keymap, which bash binds without a bindable name: readline's
// vi-complete.
func registerViComplete() {
	if c := lineedit.RegisteredCommand("vi-complete"); c != nil {
		lineedit.RegisterHidden(viCompleteShell.Name, c)
	}
}
