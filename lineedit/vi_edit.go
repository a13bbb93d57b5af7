package lineedit

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// ExternalEdit is a request to edit the line in an external editor, as
// bash's edit-and-execute-command (C-x C-e) and
// vi-edit-and-execute-command (v in vi command mode) do: the editor
// named by $VISUAL, else $EDITOR, else Default runs on a temporary file
// holding the line, with the terminal in the modes it had before the
// editor took it; when it exits with status 0, what it left in the file
// (without the final newline) is the accepted line, and when it fails the
// line stays as it was.
//
// Editor.ReadLine carries the request out itself. A program that drives
// an Engine without an Editor finds the request in TakeEffects, runs the
// editor as it sees fit, and reports with FinishExternalEdit.
type ExternalEdit struct {
	Text    string // the line to edit
	Count   int    // the numeric argument, when Explicit: a history number for fc
	Default string // the editor when neither $VISUAL nor $EDITOR is set
	// Explicit says a numeric argument was given.
	Explicit bool
}

// Command returns the shell command that edits file: the editor, then
// the file name quoted for sh.
func (x *ExternalEdit) Command(getenv func(string) string, file string) string {
	editor := getenv("VISUAL")
	if editor == "" {
		editor = getenv("EDITOR")
	}
	if editor == "" {
		editor = x.Default
	}
	return editor + " '" + strings.ReplaceAll(file, "'", `'\''`) + "'"
}

// FinishExternalEdit ends an external edit: with ok, text (less one final
// newline) replaces the line and is accepted; otherwise the line is left
// as it was.
func (e *Engine) FinishExternalEdit(text string, ok bool) {
	if !ok {
		e.ding()
		return
	}
	text = strings.TrimSuffix(text, "\n")
	e.replaceLine([]byte(text))
	e.status = Accepted
	if e.viMode() {
		e.viCommandDone()
	}
}

// externalEditCommands registers the commands that edit the line in an
// editor (see useRegistry).
func externalEditCommands() {
	edit := func(def string) Command {
		return func(e *Engine, n int, _ byte) {
			e.effects.ExternalEdit = &ExternalEdit{Text: e.Line(), Count: n, Explicit: e.explicit, Default: def}
		}
	}
	// bash's names: the shell adds them to the function map, and
	// binds v in vi command mode and C-x C-e in emacs mode.
	register("vi-edit-and-execute-command", edit("vi"))
	register("edit-and-execute-command", edit("emacs"))
}

// runExternalEdit carries out an ExternalEdit for ReadLine: the editor
// runs on the terminal in its original modes, then the editing goes on.
func (ed *Editor) runExternalEdit(e *Engine, r *Renderer, x *ExternalEdit) error {
	f, err := os.CreateTemp("", "gosh-edit-*.sh")
	if err != nil {
		e.FinishExternalEdit("", false)
		return nil
	}
	name := f.Name()
	defer os.Remove(name)
	_, err = f.WriteString(x.Text + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		e.FinishExternalEdit("", false)
		return nil
	}
	r.Finish()
	paste := ed.Config.Vars.Get("enable-bracketed-paste")
	ed.term.SetBracketedPaste(false)
	if err := ed.term.Restore(); err != nil {
		return err
	}
	cmd := exec.Command("/bin/sh", "-c", x.Command(os.Getenv, name))
	cmd.Stdin, cmd.Stdout, cmd.Stderr = ed.in, ed.out, ed.out
	runErr := cmd.Run()
	if err := ed.term.EnterRaw(); err != nil {
		return err
	}
	ed.term.SetBracketedPaste(paste)
	r.Invalidate()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		ed.term.Write([]byte("gosh: " + strconv.Quote(cmd.String()) + ": " + runErr.Error() + "\r\n"))
	}
	text, err := os.ReadFile(name)
	e.FinishExternalEdit(string(bytes.TrimSuffix(text, []byte("\n"))), runErr == nil && err == nil)
	return nil
}
