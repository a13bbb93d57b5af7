package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"mvdan.cc/sh/v3/interp"
)

// Builtin implements a gosh built-in command. args[0] is the command name
// and args[1:] its arguments, after expansion.
//
// The command's standard input, output and error, its environment and
// working directory come from interp.HandlerCtx(ctx). A built-in reports
// success by returning nil and a non-zero exit status by returning
// interp.ExitStatus(n). Any other error is written to standard error as
// "gosh: NAME: message" and the command's status is 1; the shell goes on.
type Builtin func(ctx context.Context, args []string) error

// defaultBuiltins holds constructors for the built-ins that every new Shell
// starts with, keyed by name. Files of this package add to it from their
// init functions through registerDefault, so that a new built-in lives in a
// file of its own. Like helpTopics, it is made with room for them.
var defaultBuiltins = make(map[string]func(*Shell) Builtin, 28)

// registerDefault makes every Shell created from now on start with the
// built-in that mk returns for it. It is meant to be called from init.
func registerDefault(name string, mk func(*Shell) Builtin) {
	if _, dup := defaultBuiltins[name]; dup {
		panic("shell: duplicate default built-in " + name)
	}
	defaultBuiltins[name] = mk
}

// addDefaultBuiltins registers the default built-ins on s.
func (s *Shell) addDefaultBuiltins() {
	for name, mk := range defaultBuiltins {
		s.RegisterBuiltin(name, mk(s))
	}
}

// RegisterBuiltin makes name run fn, replacing any built-in registered
// earlier under that name; a nil fn removes it. Built-ins are looked up
// after functions and the interpreter's own built-ins (see
// interp.IsBuiltin), which therefore cannot be overridden, and before
// programs on $PATH.
func (s *Shell) RegisterBuiltin(name string, fn Builtin) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if fn == nil {
		delete(s.builtins, name)
		return
	}
	s.builtins[name] = fn
}

// Builtins returns the sorted names of the registered gosh built-ins, not
// including the interpreter's own.
func (s *Shell) Builtins() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.builtins))
	for name := range s.builtins {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// lookupBuiltin returns the built-in registered under name, if any.
func (s *Shell) lookupBuiltin(name string) (Builtin, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	fn, ok := s.builtins[name]
	return fn, ok
}

// builtinMiddleware is the interp.ExecHandlers middleware that runs the
// registered built-ins and passes every other command on to next.
func (s *Shell) builtinMiddleware(next interp.ExecHandlerFunc) interp.ExecHandlerFunc {
	return func(ctx context.Context, args []string) error {
		if args[0] == builtinPrefix && len(args) > 1 {
			args = args[1:]
		}
		switch args[0] {
		case bgExecName, bgShellName:
			return s.runBgCall(ctx, args, next) // background.go
		case declareFName:
			return builtinResult(ctx, "declare", s.declareF(ctx, args[1:]))
		}
		fn, ok := s.lookupBuiltin(args[0])
		if !ok {
			return next(ctx, args)
		}
		return builtinResult(ctx, args[0], fn(ctx, args))
	}
}

// builtinResult turns what a built-in returned into what the interpreter
// expects from an exec handler.
func builtinResult(ctx context.Context, name string, err error) error {
	if err == nil {
		return nil
	}
	if d, ok := errors.AsType[delegated](err); ok {
		return d.err
	}
	if es, ok := errors.AsType[interp.ExitStatus](err); ok {
		if es == 0 {
			// The interpreter requires a nil error for status 0.
			return nil
		}
		return err
	}
	if ctx.Err() != nil {
		// Cancellation stops the whole shell, as for other commands.
		return err
	}
	fmt.Fprintf(stderrOf(ctx), "gosh: %s: %v\n", name, err)
	return interp.ExitStatus(1)
}

// stdoutOf returns the standard output of the command running in ctx.
func stdoutOf(ctx context.Context) io.Writer {
	if w := interp.HandlerCtx(ctx).Stdout; w != nil {
		return w
	}
	return io.Discard
}

// stderrOf returns the standard error of the command running in ctx.
func stderrOf(ctx context.Context) io.Writer {
	if w := interp.HandlerCtx(ctx).Stderr; w != nil {
		return w
	}
	return io.Discard
}

// delegated wraps what interp.HandlerContext.Builtin returned when a gosh
// built-in hands a command to one of the interpreter's: the interpreter
// reads the status (or "exit", "return") from it as it is.
type delegated struct{ err error }

func (d delegated) Error() string { return d.err.Error() }
func (d delegated) Unwrap() error { return d.err }

// runInterpBuiltin runs one of the interpreter's own built-ins for a gosh
// built-in that takes over its name.
func runInterpBuiltin(ctx context.Context, args []string) error {
	if err := interp.HandlerCtx(ctx).Builtin(ctx, args); err != nil {
		return delegated{err}
	}
	return nil
}
