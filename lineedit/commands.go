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

// The registry of named commands. It is built on first use (useRegistry)
// rather than by init functions, so that a program that links the editor
// but does not edit (gosh -c) neither fills a map of some 200 entries nor
// touches the code that lists them at every start.
var (
	registryMu   sync.RWMutex
	registry     map[string]command
	registryOnce sync.Once
)

// register adds a built-in command under its GNU Readline name. It is
// called while useRegistry builds the registry only.
func register(name string, fn Command) {
	registry[name] = command{fn: fn}
}

// registerArg adds a built-in command that builds the numeric argument.
func registerArg(name string, fn Command) {
	registry[name] = command{fn: fn, isArg: true}
}

// useRegistry builds the registry and viOverrides if they are not yet
// built; call it before taking registryMu or reading viOverrides.
func useRegistry() {
	registryOnce.Do(func() {
		registry = make(map[string]command, 256)
		viOverrides = make(map[string]command)
		// In the order of their files, as the init functions that
		// registered them ran: a later registration of a name
		// replaces an earlier one.
		blinkCommands()
		editCommands()
		historyCommands()
		killRingCommands()
		viCommands()
		viOtherCommands()
		completeCommands()
		menuCommands()
		effectCommands()
		macroCommands()
		pasteCommands()
		searchCommands()
		externalEditCommands()
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
