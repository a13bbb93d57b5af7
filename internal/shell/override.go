package shell

import (
	"context"
	"strings"

	"mvdan.cc/sh/v3/interp"
)

// builtinPrefix marks a command that the call handler has redirected to a
// gosh built-in. It holds a NUL byte, so no command a user types can
// start with it.
const builtinPrefix = "\x00gosh-builtin"

// takenOver are the names mvdan.cc/sh/v3/interp reserves as built-ins that
// gosh built-ins, when registered, take over: those the interpreter
// answers with "unsupported builtin" (bind, history, the job-control
// commands, the completion commands), and a few it does implement that
// gosh extends (wait knows gosh's jobs; help, type and command know gosh's
// built-ins; builtin runs them). The gosh built-ins hand what they do not
// handle back to the interpreter's (see runInterpBuiltin). The other
// built-ins the interpreter implements always come first.
var takenOver = map[string]bool{
	"bind": true, "history": true,
	"jobs": true, "fg": true, "bg": true, "disown": true, "kill": true, "wait": true,
	"suspend": true, "logout": true,
	"help": true, "type": true, "command": true, "builtin": true,
	"complete": true, "compgen": true, "compopt": true,
}

// overrideCalls is the interp.CallHandler that lets gosh built-ins take
// over the names in takenOver. It renames such a call so that the
// interpreter passes it to the exec handlers, where builtinMiddleware runs
// the gosh built-in with the original arguments. A function of the same
// name still comes first, as in bash.
func (s *Shell) overrideCalls(ctx context.Context, args []string) ([]string, error) {
	if s.bgMarked.Load() {
		if call, ok := bgCall(interp.HandlerCtx(ctx), args); ok {
			return call, nil // a background command (background.go)
		}
	}
	if call, ok := s.withTraps(args); ok {
		return call, nil // the actions of trapped signals first (traps.go)
	}
	if len(args) > 0 && args[0] == "trap" {
		if out, ok := s.trapCall(ctx, args); ok {
			return out, nil
		}
	}
	if len(args) > 0 && args[0] == "wait" {
		if out, ok := s.waitPCall(ctx, args); ok {
			return out, nil // wait.go
		}
	}
	if len(args) > 0 {
		if out, ok := s.integrationCalls(ctx, args); ok {
			return out, nil
		}
	}
	if len(args) == 1 && strings.HasPrefix(args[0], "%") && s.jobs.tc != nil {
		// A job spec alone brings the job to the foreground, as in bash.
		if _, ok := s.lookupBuiltin("fg"); ok {
			return []string{builtinPrefix, "fg", args[0]}, nil
		}
	}
	if len(args) == 0 || !takenOver[args[0]] || !interp.IsBuiltin(args[0]) {
		return args, nil
	}
	if _, ok := s.lookupBuiltin(args[0]); !ok {
		return args, nil
	}
	if t := taskOf(ctx); t == nil || !t.async {
		// Only the statement running at the prompt (or the script) uses the
		// shell's own interpreter, whose functions may be read here.
		if _, ok := s.runner.Funcs[args[0]]; ok {
			return args, nil
		}
	}
	return append([]string{builtinPrefix}, args...), nil
}
