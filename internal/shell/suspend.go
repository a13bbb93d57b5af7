package shell

import (
	"context"
	"syscall"
)

func init() {
	registerDefault("suspend", (*Shell).suspendBuiltin)
	registerDefault("logout", (*Shell).logoutBuiltin)
}

// suspendBuiltin is bash's suspend [-f]: the shell stops (SIGSTOP) until
// continued; a login shell only with -f.
func (s *Shell) suspendBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		flags, _, bad := parseFlags(args[1:], "f")
		if bad != 0 {
			return builtinError(ctx, "suspend", 2, "-%c: invalid option", bad)
		}
		if s.opts.Login && !flags['f'] {
			return builtinError(ctx, "suspend", 1, "cannot suspend a login shell")
		}
		if s.jobs.tc == nil {
			return builtinError(ctx, "suspend", 1, "cannot suspend a shell without job control")
		}
		syscall.Kill(syscall.Getpid(), syscall.SIGSTOP) //nolint:errcheck
		// Continued: the shell that stopped us has given the terminal back.
		return nil
	}
}

// logoutBuiltin is bash's logout [n]: exit, in a login shell.
func (s *Shell) logoutBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		if !s.opts.Login {
			return builtinError(ctx, "logout", 1, "not login shell: use `exit'")
		}
		return runInterpBuiltin(ctx, append([]string{"exit"}, args[1:]...))
	}
}
