package shell

import (
	"os"
	"runtime"
	"sync"
	"weak"

	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/lineedit"
)

// integration is what the shell keeps for the bash integrations: the line
// editor the prompt and read -e share, the bind -x commands, and the work
// edit-and-execute-command and fc leave for later.
type integration struct {
	mu sync.Mutex
	// editor is the shell's line editor, with the files it reads and
	// draws on; nil until the prompt or read -e first needs one.
	editor  *lineedit.Editor
	edIn    *os.File
	edOut   *os.File
	reading bool // a read -e is reading with editor
	// running says a bind -x command runs, so that a read -e it runs
	// cannot use the editor that is reading the line.
	running bool
	// unixCmds are the bind -x commands of each keymap (bindx.go).
	unixCmds map[*inputrc.Keymap]map[string]*unixCommand
	// editCmd is the fc command that edit-and-execute-command left for
	// the prompt to run instead of the line (edit_execute.go).
	editCmd string
	// editKeep says the line goes into the history before editCmd runs.
	editKeep bool
	// fcEdits are the files fc -e is editing, by token (fc.go).
	fcEdits map[string]fcEdit
	// noHostComplete is shopt -u hostcomplete.
	noHostComplete bool
	// upvar keeps what makes _upvars work (integrations_upvars.go).
	upvar *upvarState
}

// integrations holds each Shell's integration state, keyed weakly so that
// a Shell no longer used takes its state with it.
var integrations sync.Map // weak.Pointer[Shell] -> *integration

// engineShells finds the shell whose editor an engine belongs to, for the
// commands registered once for every shell (see edit_execute.go).
var engineShells sync.Map // *lineedit.Engine -> weak.Pointer[Shell]

// integ returns the shell's integration state.
func (s *Shell) integ() *integration {
	key := weak.Make(s)
	if v, ok := integrations.Load(key); ok {
		return v.(*integration)
	}
	v, loaded := integrations.LoadOrStore(key, &integration{})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Shell]) { integrations.Delete(k) }, key)
	}
	return v.(*integration)
}

// lineEditor returns the shell's line editor over the terminal in and out,
// creating it on first use with the shell's readline configuration and
// history, so that the prompt and read -e share keymaps, the kill ring
// and the history as they do in bash. An editor over other files is made
// anew (and kept).
func (s *Shell) lineEditor(in, out *os.File) *lineedit.Editor {
	st := s.integ()
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.editor != nil && sameFile(st.edIn, in) && sameFile(st.edOut, out) {
		return st.editor
	}
	cfg := s.readlineConfig(s.varGetter())
	ed := lineedit.NewEditorWith(cfg, s.historyList(), in, out)
	st.editor, st.edIn, st.edOut = ed, in, out
	engineShells.Store(ed.Engine(), weak.Make(s))
	s.histMu.Lock()
	s.historyLocked().modified = ed.Engine().HistoryModified
	s.histMu.Unlock()
	registerShellCommands(cfg)
	return ed
}

// sameFile reports whether two open files are the same file.
func sameFile(a, b *os.File) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a == b {
		return true
	}
	ai, err1 := a.Stat()
	bi, err2 := b.Stat()
	return err1 == nil && err2 == nil && os.SameFile(ai, bi)
}

// shellOfEngine returns the shell an engine edits lines for, or nil.
func shellOfEngine(e *lineedit.Engine) *Shell {
	v, ok := engineShells.Load(e)
	if !ok {
		return nil
	}
	return v.(weak.Pointer[Shell]).Value()
}

// registerOnce guards registerShellCommands.
var registerOnce sync.Once

// registerShellCommands gives behaviour to the bindable commands the
// shell implements, once for the process; each finds its shell from the
// engine that runs it.
func registerShellCommands(cfg *inputrc.Config) {
	registerOnce.Do(func() {
		registerEditAndExecute(cfg)
		registerShellExpandLine(cfg)
		registerViComplete()
	})
}
