package lineedit

import (
	"errors"
	"os"
	"strings"
	"time"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/inputrc"
)

// ErrInterrupt is returned by ReadLine when the user types the interrupt
// character (C-c): the line is abandoned, as in bash.
var ErrInterrupt = errors.New("lineedit: interrupted")

// An Editor reads lines from a terminal the way GNU Readline's readline()
// does: an Engine edits, a Term owns the terminal while a line is read,
// and a Renderer keeps the screen right.
type Editor struct {
	// Config holds the key bindings and variables (from ~/.inputrc).
	Config *inputrc.Config
	// History is the list the history commands move through; accepted
	// lines are added to it when AutoHistory is on.
	History     *history.List
	AutoHistory bool
	// Completer proposes completions for TAB; nil inserts a tab.
	Completer completion.Completer
	// StartupHook runs at the start of each ReadLine, before the prompt
	// is shown (rl_startup_hook; Python's set_startup_hook).
	StartupHook func()
	// PreInputHook runs after the prompt is shown and before input is
	// read (rl_pre_input_hook; Python's set_pre_input_hook).
	PreInputHook func()
	// Hinter, Highlighter and Validator are the extension points beyond
	// readline (see Hinter, Highlighter, Validator), each off when nil;
	// Continuation is the prompt of each line of multi-line input after
	// the first (PS2); HintStyle the SGR style of the hint, "" for faint.
	// They are given to the Engine at the start of each ReadLine.
	Hinter       Hinter
	Highlighter  Highlighter
	Validator    Validator
	Continuation string
	HintStyle    string

	renderer *Renderer // while ReadLine runs
	// async holds what Session.Write writes while a line is edited.
	async asyncOutput

	in, out *os.File
	term    *Term
	engine  *Engine
}

// NewEditor returns an editor reading from standard input and drawing on
// standard error, as bash does, with readline's defaults and the user's
// init file read from the environment (INPUTRC, ~/.inputrc or
// /etc/inputrc).
func NewEditor() *Editor {
	cfg := inputrc.New(inputrc.OptionsFromEnv("other"))
	cfg.Init()
	return NewEditorWith(cfg, history.New(), os.Stdin, os.Stderr)
}

// NewEditorWith returns an editor over the given configuration, history
// and files.
func NewEditorWith(cfg *inputrc.Config, hist *history.List, in, out *os.File) *Editor {
	ed := &Editor{Config: cfg, History: hist, AutoHistory: true, in: in, out: out}
	ed.async.w = out
	return ed
}

// Engine returns the editing engine, for hooks and completers that look
// at or change the line while it is edited.
func (ed *Editor) Engine() *Engine {
	if ed.engine == nil {
		ed.engine = New(ed.Config, ed.History)
	}
	return ed.engine
}

func (ed *Editor) openTerm() error {
	if ed.term != nil {
		return nil
	}
	t, err := OpenTerm(ed.in, ed.out)
	if err != nil {
		return err
	}
	ed.term = t
	return nil
}

// ReadLine shows the prompt, lets the user edit a line, and returns it
// without the newline. It returns io.EOF at the end of input (C-d on an
// empty line) and ErrInterrupt on C-c. Input is read only while ReadLine
// runs; what was typed ahead after the line is kept for the next call.
// When the input is not a terminal, lines are read plainly.
func (ed *Editor) ReadLine(prompt string) (string, error) {
	return ed.ReadLineWith(prompt, ReadOptions{Delim: -1})
}

// lastFrame returns the line as it stays on the screen once it is done:
// the cursor at its end, without the hint, the right prompt or the list
// below.
func lastFrame(e *Engine) Frame {
	f := e.Frame()
	f.Cursor, f.Hint, f.Below, f.Right = len(f.Text), "", nil, ""
	return f
}

// showAsync shows the complete lines Session.Write queued above the line
// being edited, and the line again under them.
func (ed *Editor) showAsync(r *Renderer, e *Engine) error {
	if e.confirm != nil {
		return nil // a question waits for its answer on the screen
	}
	if text := ed.async.takeLines(); len(text) > 0 {
		return showAbove(r, ed.term, text, e.Frame())
	}
	return nil
}

// horizontalScroll tells whether the line scrolls sideways on one row:
// horizontal-scroll-mode is on, or the terminal is one row high, where
// readline turns it on by itself.
func (ed *Editor) horizontalScroll(rows int) bool {
	return ed.Config.Vars.Get("horizontal-scroll-mode") || rows == 1
}

// Redisplay draws the line as it is now, for hooks and completers that
// changed it while ReadLine runs (rl_redisplay; Python's redisplay).
func (ed *Editor) Redisplay() {
	if ed.renderer != nil && ed.engine != nil {
		ed.renderer.Render(ed.engine.Frame())
	}
}

// applyEffects does what the commands asked of the screen.
func (ed *Editor) applyEffects(e *Engine, r *Renderer) error {
	fx := e.TakeEffects()
	if fx.ExternalEdit != nil {
		// vi_edit.go: the editor runs with the terminal restored.
		if err := ed.runExternalEdit(e, r, fx.ExternalEdit); err != nil {
			return err
		}
	}
	if fx.ReReadInit {
		if f := ed.Config.LastFile(); f != "" {
			ed.Config.ReadFile(f)
		}
	}
	if fx.ClearScreen {
		if fx.ClearDisplay {
			ed.term.Write([]byte("\x1b[3J"))
		}
		if err := r.ClearScreen(); err != nil {
			return err
		}
	}
	if fx.Output != "" {
		// Print below the line, then draw the line again after it, as
		// readline does for completion lists and dump-functions.
		r.Finish()
		out := strings.ReplaceAll(fx.Output, "\n", "\r\n")
		if _, err := ed.term.Write([]byte(out)); err != nil {
			return err
		}
		if !strings.HasSuffix(fx.Output, "\n") {
			// A question waits on this line (y or n).
			r.Invalidate()
			return nil
		}
	}
	if fx.Redraw {
		r.Invalidate()
	}
	return nil
}

// bell rings as bell-style says (see ringBell): none, audible (BEL), or
// visible (the terminal's flash capability, else BEL, as readline).
func (ed *Editor) bell() {
	flash := ""
	if ed.Config.Vars.Bell == inputrc.BellVisible {
		flash = terminalFlash(ed.term.name)
	}
	ringBell(ed.term, ed.Config.Vars.Bell, flash, time.Sleep)
}

// stripPromptMarkers removes readline's \001 and \002 markers, which a
// plain (non-terminal) prompt shows as they are otherwise.
func stripPromptMarkers(p string) string {
	return strings.NewReplacer("\x01", "", "\x02", "").Replace(p)
}
