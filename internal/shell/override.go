package shell

import (
	"context"

	"mvdan.cc/sh/v3/interp"
)

// builtinPrefix marks a command that the call handler has redirected to a
// gosh built-in. It holds a NUL byte, so no command a user types can
// start with it.
const builtinPrefix = "\x00gosh-builtin"

// unimplementedByInterp are the names mvdan.cc/sh/v3/interp reserves as
// built-ins but answers with "unsupported builtin"; gosh built-ins may take
// them over. The built-ins the interpreter does implement always come
// first.
var unimplementedByInterp = map[string]bool{"bind": true, "history": true}

// overrideCalls is the interp.CallHandler that lets gosh built-ins take
// over names the interpreter knows but does not implement (such as bind,
// which it answers with "unsupported builtin"). It renames such a call so
// that the interpreter passes it to the exec handlers, where
// builtinMiddleware runs the gosh built-in with the original arguments.
func (s *Shell) overrideCalls(ctx context.Context, args []string) ([]string, error) {
	if len(args) == 0 || !unimplementedByInterp[args[0]] || !interp.IsBuiltin(args[0]) {
		return args, nil
	}
	if _, ok := s.lookupBuiltin(args[0]); !ok {
		return args, nil
	}
	return append([]string{builtinPrefix}, args...), nil
}
