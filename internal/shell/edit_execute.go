package shell

import (
	"strconv"

	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/lineedit"
)

// edit-and-execute-command (C-x C-e) and vi-edit-and-execute-command (v
// in vi command mode) as bash does them: the line is accepted and put in
// the history, and the shell runs fc -e "${VISUAL:-${EDITOR:-emacs}}" (vi
// for the vi command) in its place, so that the editor edits it and what
// it saves is echoed, put in the history and run. With a numeric
// argument, fc edits that history entry instead of the line.

// registerEditAndExecute gives the two commands the shell's behaviour
// for the engines of a shell's editor; other engines keep readline's.
func registerEditAndExecute(cfg *inputrc.Config) {
	for _, c := range []struct{ name, editor string }{
		{"edit-and-execute-command", "emacs"},
		{"vi-edit-and-execute-command", "vi"},
	} {
		prev := lineedit.RegisteredCommand(c.name)
		editor := c.editor
		lineedit.Register(cfg, c.name, func(e *lineedit.Engine, count int, key byte) {
			s := shellOfEngine(e)
			if s == nil || s.integ().isReading() {
				if prev != nil {
					prev(e, count, key)
				}
				return
			}
			cmd := `fc -e "${VISUAL:-${EDITOR:-` + editor + `}}"`
			keep := true
			if e.Explicit() {
				cmd += " " + strconv.Itoa(count)
				keep = false
			}
			st := s.integ()
			st.mu.Lock()
			st.editCmd, st.editKeep = cmd, keep
			st.mu.Unlock()
			e.AcceptLine()
		})
	}
}

// isReading reports whether read -e is reading a line.
func (st *integration) isReading() bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.reading
}

// afterReadLine is what the prompt does with a line the editor returned:
// when edit-and-execute-command accepted it, the line goes into the
// history and the fc command that edits it is returned to run instead.
func (s *Shell) afterReadLine(line string) string {
	st := s.integ()
	st.mu.Lock()
	cmd, keep := st.editCmd, st.editKeep
	st.editCmd = ""
	st.mu.Unlock()
	if cmd == "" {
		return line
	}
	if keep {
		s.rememberCommand(line)
	}
	return cmd
}
