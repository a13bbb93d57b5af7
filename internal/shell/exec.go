package shell

import (
	"context"
	"fmt"
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
				fmt.Fprintf(stderrOf(ctx), "gosh: %s: command not found\n", args[0])
				return interp.ExitStatus(127)
			}
		}
		return next(ctx, args)
	}
}
