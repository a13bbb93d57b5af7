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

// The registry of named commands. The package's init functions list the
// built-in ones in builtinCommands; the map is built from the list on
// first use (useRegistry), so that a program that links the editor but
// does not edit (gosh -c) does not fill a map of some 200 entries at every
// start.
var (
	registryMu      sync.RWMutex
	registry        map[string]command
	registryOnce    sync.Once
	builtinCommands []namedCommand
)

type namedCommand struct {
	name string
	c    command
}

// register adds a built-in command under its GNU Readline name. It is
// called from init functions only.
func register(name string, fn Command) {
	builtinCommands = append(builtinCommands, namedCommand{name, command{fn: fn}})
}

// registerArg adds a built-in command that builds the numeric argument.
func registerArg(name string, fn Command) {
	builtinCommands = append(builtinCommands, namedCommand{name, command{fn: fn, isArg: true}})
}

// useRegistry builds the registry if it is not yet built; call it before
// taking registryMu.
func useRegistry() {
	registryOnce.Do(func() {
		registry = make(map[string]command, len(builtinCommands))
		for _, b := range builtinCommands {
			registry[b.name] = b.c // a later registration replaces an earlier one
		}
		builtinCommands = nil
	})
}

// Register adds a named command that key bindings can run, as readline's
// rl_add_defun. The name is also added to cfg's function map so that init
// files and bind can bind it. A command registered under a name readline
// already has replaces readline's behaviour.
func Register(cfg *inputrc.Config, name string, fn Command) *inputrc.Function {
	f := cfg.Funmap.Add(name)
	useRegistry()
	registryMu.Lock()
	registry[f.Name] = command{fn: fn}
	registryMu.Unlock()
	return f
}

func lookupCommand(name string) (command, bool) {
	useRegistry()
	registryMu.RLock()
	c, ok := registry[name]
	registryMu.RUnlock()
	return c, ok
}

// Commands returns the names of the commands that have behaviour, sorted.
func Commands() []string {
	useRegistry()
	registryMu.RLock()
	defer registryMu.RUnlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
