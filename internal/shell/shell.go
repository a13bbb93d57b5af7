// Package shell is the core of gosh, a bash-like shell built on the
// mvdan.cc/sh/v3 parser and interpreter.
//
// A [Shell] wraps an [interp.Runner]: it parses scripts with the
// [syntax] package, runs them, sources the user's ~/.goshrc in interactive
// mode, and dispatches the gosh-specific built-ins registered with
// [Shell.RegisterBuiltin]. The command in cmd/gosh only parses flags and
// picks one of the Run methods.
package shell

import (
	"context"
	"fmt"
	"github.com/goshell/gosh/inputrc"
	"io"
	"os"
	"sync"
	"sync/atomic"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// Version is the version of gosh, as printed by "gosh --version".
const Version = "0.1.0-dev"

// DefaultName is the value of $0 when [Options.Name] is empty and the
// script does not come from a file.
const DefaultName = "gosh"

// Options configures a [Shell]. The zero value is a non-interactive shell
// with no standard input, discarded output, and the process environment.
type Options struct {
	// Interactive makes the shell behave like an interactive one: aliases
	// are expanded and, unless NoRC is set, the rc file (see
	// [Shell.RCPath]) is sourced before the first command runs.
	Interactive bool

	// NoRC disables sourcing the rc file in interactive mode.
	NoRC bool

	// Login makes the shell a login shell: it sources the profile (see
	// [Shell.ProfilePath]) before the rc file, and logout works.
	Login bool

	// NoProfile disables sourcing the profile in a login shell.
	NoProfile bool

	// Stdin is the shell's standard input. A nil Stdin means no input.
	// Readers other than an *os.File are copied into a pipe by the
	// interpreter, which may consume them entirely.
	Stdin io.Reader

	// Stdout is the shell's standard output. Nil discards output.
	Stdout io.Writer

	// Stderr is the shell's standard error, where gosh also writes its own
	// diagnostics. Nil discards them.
	Stderr io.Writer

	// Env is the initial environment as "KEY=value" pairs. A nil Env
	// means the current process environment ([os.Environ]); use an empty
	// non-nil slice for an empty environment.
	Env []string

	// Dir is the initial working directory. Empty means the current
	// process directory.
	Dir string

	// Name is the value of $0. When empty, $0 is the script's path for
	// [Shell.RunFile] and [DefaultName] otherwise.
	Name string

	// Args are the positional parameters $1, $2, ...
	Args []string

	// vars, when not nil, are the variables to start with, in place of
	// Env (a background worker's, subshell.go).
	vars map[string]expand.Variable
}

// Shell is a gosh shell session. State such as variables, functions,
// aliases and the current directory persists across the Run calls of one
// Shell. A Shell is not safe for concurrent use, except that
// [Shell.RegisterBuiltin] and [Shell.Builtins] may be called at any time.
type Shell struct {
	opts   Options
	runner *interp.Runner

	mu       sync.RWMutex
	builtins map[string]Builtin

	started  bool  // stdio is set up and the rc file has been handled
	rcExited bool  // the rc file ran "exit"
	rcErr    error // what the rc file's exit returned

	// rlMu guards rl, the readline configuration, built on first use as
	// bash builds it (see readline.go).
	rlMu       sync.Mutex
	rl         *inputrc.Config
	rlReported int // how many of rl.Warnings have been printed

	// histMu guards hist, the command history (see history.go).
	histMu sync.Mutex
	hist   *historyState

	// jobs is the job table (see jobs.go).
	jobs *jobTable

	// exitWarned says the user was told "There are stopped jobs." and
	// the next exit goes through (see refuseExit).
	exitWarned bool
	// cmdNum counts the commands run from the prompt (\# in prompts).
	cmdNum int
	// bgMu guards bgStmts, the background statements adoptBackground
	// rewrote, and funcSrc, the text of function bodies it rewrote, by
	// body (background.go).
	bgMu    sync.Mutex
	bgStmts []*bgStmt
	funcSrc map[*syntax.Stmt]funcText
	// bgMarked says some command was marked with bgMarkVar, which the
	// call handler then looks for in every command's environment.
	bgMarked atomic.Bool
	// sub is what a background worker was started with (subshell.go),
	// nil in other shells.
	sub *subshellState
	// trapSt is the signal traps (traps.go), made on first use; sigCh is
	// where an interactive shell's own signals arrive (signals.go).
	trapOnce sync.Once
	trapSt   atomic.Pointer[trapState]
	sigCh    chan os.Signal
	// lastTypedDir is the directory part of a word, as typed, whose
	// directory was last read ahead for completion on this line
	// (complete_editor.go).
	lastTypedDir string
}

// New returns a Shell configured by opts. The rc file is not read until
// the first Run call.
func New(opts Options) (*Shell, error) {
	s := &Shell{opts: opts, builtins: make(map[string]Builtin, len(defaultBuiltins))}
	s.jobs = newJobTable(s.stderr())
	s.jobs.script = !opts.Interactive
	env := opts.Env
	if env == nil && opts.vars == nil {
		env = os.Environ()
	}
	var base expand.Environ = expand.ListEnviron(env...)
	if opts.vars != nil {
		base = varsEnviron(opts.vars)
	}
	runOpts := []interp.RunnerOption{
		interp.Env(shellEnviron{Environ: withBashVars(base), s: s}),
		interp.Interactive(opts.Interactive),
		interp.Params(append([]string{"--"}, opts.Args...)...),
		interp.ExecHandlers(s.builtinMiddleware, commandNotFound, s.jobExec),
		interp.CallHandler(s.overrideCalls),
		interp.OpenHandler(s.openSource),
		// Standard input is attached in start, so that RunInteractive
		// can read commands from it before the interpreter copies it.
		interp.StdIO(nil, opts.Stdout, opts.Stderr),
	}
	if opts.Dir != "" {
		runOpts = append(runOpts, interp.Dir(opts.Dir))
	}
	r, err := interp.New(runOpts...)
	if err != nil {
		return nil, fmt.Errorf("creating interpreter: %w", err)
	}
	s.runner = r
	s.addDefaultBuiltins()
	return s, nil
}

// stderr returns where the shell writes its diagnostics.
func (s *Shell) stderr() io.Writer {
	if s.opts.Stderr == nil {
		return io.Discard
	}
	return s.opts.Stderr
}

// name returns the value of $0 for a script that does not come from a file.
func (s *Shell) name() string {
	if s.opts.Name != "" {
		return s.opts.Name
	}
	return DefaultName
}

// start runs once, before the first command: it attaches standard input
// (unless the caller reads commands from it) and sources the start-up
// files (see sourceStartup). It reports whether one exited the shell.
func (s *Shell) start(ctx context.Context, attachStdin bool) (exited bool, err error) {
	if !s.started {
		s.started = true
		var in io.Reader
		if attachStdin {
			in = s.opts.Stdin
		} else if f, ok := s.opts.Stdin.(*os.File); ok {
			// A file can be shared: commands read from it directly.
			in = f
		}
		if in != nil {
			if err := interp.StdIO(in, s.opts.Stdout, s.opts.Stderr)(s.runner); err != nil {
				return false, fmt.Errorf("setting up standard input: %w", err)
			}
		}
		s.runner.Reset()
		restoreGC := pauseGC() // integrations_vars.go
		s.rcExited, s.rcErr = s.sourceStartup(ctx)
		restoreGC()
	}
	return s.rcExited, s.rcErr
}
