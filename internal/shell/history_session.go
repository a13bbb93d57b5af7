package shell

import (
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/expand"

	"github.com/goshell/gosh/history"
)

// defaultHistSize is what an interactive shell gives HISTSIZE and
// HISTFILESIZE when they are unset, as bash does.
const defaultHistSize = "500"

// varGetter returns a getenv over the shell's variables, with unsetMarker
// for a variable that is not set.
func (s *Shell) varGetter() func(string) string {
	return func(name string) string {
		v, ok := s.runner.Vars[name]
		if !ok {
			// Vars only gets the environment once a command has run.
			v = s.runner.Env.Get(name)
		}
		if !v.IsSet() {
			return unsetMarker
		}
		return v.String()
	}
}

// beginHistory is what an interactive shell does with history before the
// first command, after the rc file: HISTSIZE and HISTFILESIZE get their
// defaults, and the history file starts loading. It loads in the
// background, so that the first prompt does not wait for a big file: the
// list is filled in when it is first used (see historyState.joinLocked),
// at the latest when the line editor starts reading the first line, after
// the prompt is on the screen.
func (s *Shell) beginHistory() {
	for _, name := range []string{"HISTSIZE", "HISTFILESIZE"} {
		if _, ok := lookupVar(s.varGetter(), name); !ok {
			s.runner.Vars[name] = expand.Variable{Set: true, Kind: expand.String, Str: defaultHistSize}
		}
	}
	getenv := s.varGetter()
	s.histMu.Lock()
	defer s.histMu.Unlock()
	h := s.historyLocked()
	h.joinLocked()
	h.unsaved = 0
	h.session = true
	file := histFile(getenv)
	if file == "" {
		return
	}
	loaded := history.New()
	configureHistory(loaded, getenv)
	loaded.WriteTimestamps = h.list.WriteTimestamps
	h.loading = make(chan *history.List, 1)
	go func() {
		// What the file holds is all live data: a garbage collection
		// during the load would find nothing to free, and it would slow
		// down the start-up running beside it. The collection runs once
		// the list is handed over, to size the heap for it.
		gc := debug.SetGCPercent(-1)
		loaded.ReadFile(file) // a missing or unreadable file is an empty history
		h.loading <- loaded
		debug.SetGCPercent(gc)
		runtime.GC()
	}()
}

// joinHistory puts the history file's entries in the list if they are
// still loading, and reports whether it did.
func (s *Shell) joinHistory() bool {
	s.histMu.Lock()
	defer s.histMu.Unlock()
	return s.historyLocked().joinLocked()
}

// historyList returns the history list without waiting for the file, for
// the line editor, which joins it before reading input.
func (s *Shell) historyList() *history.List {
	s.histMu.Lock()
	defer s.histMu.Unlock()
	return s.historyLocked().list
}

// rememberCommand saves a command the user typed in the history, as
// HISTCONTROL and HISTIGNORE allow. A command of several lines is saved as
// one entry, on one line where it can be (see historyText). flushHistory appends it to the history file once it has run.
func (s *Shell) rememberCommand(text string) {
	text = historyText(text)
	if strings.TrimSpace(text) == "" {
		return
	}
	getenv := s.varGetter()
	h := s.shellHistory(getenv)
	control, _ := lookupVar(getenv, "HISTCONTROL")
	ignore, _ := lookupVar(getenv, "HISTIGNORE")
	p, _ := history.ParsePolicy(control, ignore) // a bad pattern is left out
	s.histMu.Lock()
	defer s.histMu.Unlock()
	h.lineAdded = p.Add(h.list, text)
	if !h.lineAdded {
		return
	}
	h.unsaved = min(h.unsaved+1, h.list.Len())
}

// flushHistory appends the commands not yet in the history file to it,
// after each command, so that the file is right however the shell ends
// and other sessions can read what this one ran (history -n). It runs
// after the command rather than before so that history -s and -p, which
// take their own line out of the list, keep it out of the file too.
func (s *Shell) flushHistory() {
	getenv := s.varGetter()
	s.histMu.Lock()
	defer s.histMu.Unlock()
	h := s.historyLocked()
	if h.unsaved == 0 || h.loading != nil {
		return
	}
	if file := histFile(getenv); file != "" && h.list.AppendFile(file, h.unsaved) == nil {
		h.unsaved = 0
	}
	h.lineAdded = false
}

// endHistory is what an interactive shell does with history as it exits:
// the commands of this session are appended to the history file (never
// rewriting what other sessions appended), and the file is cut to
// HISTFILESIZE lines.
func (s *Shell) endHistory() {
	getenv := s.varGetter()
	h := s.shellHistory(getenv)
	s.histMu.Lock()
	defer s.histMu.Unlock()
	file := histFile(getenv)
	if file == "" {
		return
	}
	if h.unsaved > 0 {
		if h.list.AppendFile(file, h.unsaved) != nil {
			return
		}
		h.unsaved = 0
	}
	if v, ok := lookupVar(getenv, "HISTFILESIZE"); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 {
			h.list.TruncateFile(file, n)
		}
	}
}
