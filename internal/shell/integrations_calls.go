package shell

import (
	"context"
)

// integrationCalls is the first step of the call handler: the commands
// gosh carries out before the interpreter sees them, because they must
// read or change the shell's own state (variables, the history, what
// runs next): read with bash's options (read.go), fc (fc.go), and the
// workarounds that let bash's integration scripts run (integrations_*.go).
// It returns the command the interpreter runs instead, and whether it
// took the call. "builtin NAME" and "command NAME" reach NAME's own
// handling; a function of the same name comes first, as in bash.
func (s *Shell) integrationCalls(ctx context.Context, args []string) ([]string, bool) {
	name := args[0]
	i := 0
	for (name == "builtin" || name == "command") && i+1 < len(args) {
		i++
		name = args[i]
	}
	switch name {
	case "read", "fc", "source", ".", "printf", "shopt", "set", "getopts", "cd":
	default:
		if i > 0 {
			return args, false
		}
		return s.upvarCall(ctx, args)
	}
	if i == 0 && s.isFunction(ctx, name) {
		return args, false
	}
	switch name {
	case "read":
		out, ok := s.readCall(ctx, args[i:])
		if !ok {
			return args, false
		}
		return out, true
	case "fc":
		return s.fcCall(ctx, args[i:]), true
	case "source", ".":
		return s.sourceCall(ctx, args[i:])
	case "printf":
		return s.printfCall(ctx, args[i:])
	case "shopt":
		return s.shoptCall(ctx, args[i:])
	case "set":
		if out, ok := s.editingModeCall(args[i:]); ok {
			return out, true
		}
		return setCall(args[i:])
	case "getopts":
		return s.getoptsCall(ctx, args[i:])
	case "cd":
		out, ok := cdCall(args[i:])
		return append(append([]string(nil), args[:i]...), out...), ok
	}
	return args, false
}

// isFunction reports whether name is a shell function, where the shell's
// own functions can be read (not from a background job's copy).
func (s *Shell) isFunction(ctx context.Context, name string) bool {
	if t := taskOf(ctx); t != nil && t.async {
		return false
	}
	_, ok := s.runner.Funcs[name]
	return ok
}
