package lineedit

import (
	"errors"
	"io"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/inputrc"
)

// Readline offers Python's readline module in Go, over an Editor: the
// same functions under Go names, documented side by side in
// docs/python-readline.md. The history functions come from
// history.Python, with Python's index conventions.
type Readline struct {
	*history.Python
	Editor *Editor

	py        completion.Python
	completer completion.PythonFunc
	display   func(substitution string, matches []string, longest int)
}

// NewReadline returns the module's state over a new Editor reading
// standard input, with the user's init file read (INPUTRC, ~/.inputrc or
// /etc/inputrc), as Python's readline does on import.
func NewReadline() *Readline {
	ed := NewEditor()
	r := &Readline{Python: history.NewPython(ed.History), Editor: ed}
	ed.AutoHistory = true
	return r
}

// Input reads a line with the editor, as Python's input() does once
// readline is imported: the line is added to the history when automatic
// history is on (SetAutoHistory). It returns io.EOF at end of input.
func (r *Readline) Input(prompt string) (string, error) {
	r.Editor.AutoHistory = r.AutoHistory()
	line, err := r.Editor.ReadLine(prompt)
	if errors.Is(err, io.EOF) {
		return "", io.EOF
	}
	return line, err
}

// ParseAndBind acts on one init-file line. Python: readline.parse_and_bind.
func (r *Readline) ParseAndBind(line string) { r.Editor.Config.ParseLine(line) }

// ReadInitFile reads an init file; an empty name reads the last one read.
// Python: readline.read_init_file.
func (r *Readline) ReadInitFile(name string) error {
	if name == "" {
		name = r.Editor.Config.LastFile()
	}
	if name == "" {
		name = r.Editor.Config.DefaultFile()
	}
	return r.Editor.Config.ReadFile(name)
}

// GetLineBuffer returns the line being edited. Python: readline.get_line_buffer.
func (r *Readline) GetLineBuffer() string { return r.Editor.Engine().Line() }

// InsertText inserts text at the cursor. Python: readline.insert_text.
func (r *Readline) InsertText(text string) { r.Editor.Engine().InsertText(text) }

// Redisplay draws the line again after InsertText. Python: readline.redisplay.
func (r *Readline) Redisplay() { r.Editor.Redisplay() }

// SetStartupHook sets (nil: removes) the function run before each prompt.
// Python: readline.set_startup_hook.
func (r *Readline) SetStartupHook(f func()) { r.Editor.StartupHook = f }

// SetPreInputHook sets the function run after the prompt is shown and
// before input is read. Python: readline.set_pre_input_hook.
func (r *Readline) SetPreInputHook(f func()) { r.Editor.PreInputHook = f }

// SetCompleter sets the completer in Python's shape (text, state); nil
// removes it. Python: readline.set_completer.
func (r *Readline) SetCompleter(f completion.PythonFunc) {
	r.completer = f
	if f == nil {
		r.Editor.Completer = nil
		return
	}
	r.py.Func = f
	r.Editor.Completer = &r.py
}

// GetCompleter returns the completer set. Python: readline.get_completer.
func (r *Readline) GetCompleter() completion.PythonFunc { return r.completer }

// GetCompletionType returns the kind of completion being done, as
// readline's rl_completion_type: '\t' (complete), '?' (list), '*'
// (insert all), '!' (list at once, show-all-if-ambiguous), '@'
// (show-all-if-unmodified), '%' (menu). Python: readline.get_completion_type.
func (r *Readline) GetCompletionType() byte { return r.Editor.Engine().CompletionType() }

// GetBegidx returns where the word being completed starts.
// Python: readline.get_begidx.
func (r *Readline) GetBegidx() int { return r.py.Begidx() }

// GetEndidx returns where the word being completed ends.
// Python: readline.get_endidx.
func (r *Readline) GetEndidx() int { return r.py.Endidx() }

// SetCompleterDelims sets the characters that end words for completion.
// Python: readline.set_completer_delims.
func (r *Readline) SetCompleterDelims(delims string) { r.py.Delims = delims }

// GetCompleterDelims returns them. Python: readline.get_completer_delims.
func (r *Readline) GetCompleterDelims() string {
	if r.py.Delims == "" {
		return completion.DefaultDelims
	}
	return r.py.Delims
}

// SetCompletionDisplayMatchesHook sets the function that shows the list
// of matches instead of the editor (nil: the editor lists them).
// Python: readline.set_completion_display_matches_hook.
func (r *Readline) SetCompletionDisplayMatchesHook(f func(substitution string, matches []string, longest int)) {
	r.display = f
	r.Editor.Engine().DisplayMatches = f
}

// Config returns the init-file state the functions above act on.
func (r *Readline) Config() *inputrc.Config { return r.Editor.Config }
