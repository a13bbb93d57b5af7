package lineedit

import (
	"sort"
	"sync"

	"github.com/goshell/gosh/inputrc"
)

// A Command is a bindable editing command. count is the numeric argument
// (1 when none was given; it may be negative) and key the last byte of
// the key sequence that ran it.
type Command func(e *Engine, count int, key byte)

type command struct {
	fn Command
	// isArg marks the commands that build the numeric argument: the
	// argument stays in force for the command after them.
	isArg bool
}

var (
	registryMu sync.RWMutex
	registry   = map[string]command{}
)

// register adds a built-in command under its GNU Readline name.
func register(name string, fn Command) { registry[name] = command{fn: fn} }

// Register adds a named command that key bindings can run, as readline's
// rl_add_defun. The name is also added to cfg's function map so that init
// files and bind can bind it. A command registered under a name readline
// already has replaces readline's behaviour.
func Register(cfg *inputrc.Config, name string, fn Command) *inputrc.Function {
	f := cfg.Funmap.Add(name)
	registryMu.Lock()
	registry[f.Name] = command{fn: fn}
	registryMu.Unlock()
	return f
}

func lookupCommand(name string) (command, bool) {
	registryMu.RLock()
	c, ok := registry[name]
	registryMu.RUnlock()
	return c, ok
}

// Commands returns the names of the commands that have behaviour, sorted.
func Commands() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
