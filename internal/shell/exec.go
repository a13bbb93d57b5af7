package shell

import (
	"context"
	"fmt"
	"io"
	"strings"

	"mvdan.cc/sh/v3/interp"
)

// commandNotFound is an interp.ExecHandlers middleware that reports a
// command name that is not on $PATH the way bash does, as
// "gosh: NAME: command not found" with status 127. Paths (names with a
// slash) and found programs go on to next.
func commandNotFound(next interp.ExecHandlerFunc) interp.ExecHandlerFunc {
	return func(ctx context.Context, args []string) error {
		if !strings.Contains(args[0], "/") {
			hc := interp.HandlerCtx(ctx)
			if _, err := interp.LookPathDir(hc.Dir, hc.Env, args[0]); err != nil {
				return notFound(stderrOf(ctx), args[0])
			}
		}
		return next(ctx, args)
	}
}

// notFound reports a command name not found on $PATH as bash does, and
// returns its status.
func notFound(w io.Writer, name string) error {
	fmt.Fprintf(w, "gosh: %s: command not found\n", name)
	return interp.ExitStatus(127)
}
