package shell

import (
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
// defaults, and the history file is read.
func (s *Shell) beginHistory() {
	for _, name := range []string{"HISTSIZE", "HISTFILESIZE"} {
		if _, ok := lookupVar(s.varGetter(), name); !ok {
			s.runner.Vars[name] = expand.Variable{Set: true, Kind: expand.String, Str: defaultHistSize}
		}
	}
	getenv := s.varGetter()
	h := s.shellHistory(getenv)
	s.histMu.Lock()
	defer s.histMu.Unlock()
	if file := histFile(getenv); file != "" {
		h.list.ReadFile(file) // a missing or unreadable file is an empty history
		configureHistory(h.list, getenv)
	}
	h.unsaved = 0
}

// rememberCommand saves a command the user typed in the history, as
// HISTCONTROL and HISTIGNORE allow. A command of several lines is saved
// as one entry.
func (s *Shell) rememberCommand(text string) {
	text = strings.TrimRight(text, "\n")
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
	if h.lineAdded {
		h.unsaved = min(h.unsaved+1, h.list.Len())
	}
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
