package shell

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// RCFileName is the name of the rc file, in the user's home directory,
// that interactive shells source before their first command.
const RCFileName = ".goshrc"

// ProfileFileName is the name of the profile, in the user's home directory,
// that login shells source before the rc file.
const ProfileFileName = ".gosh_profile"

// RCPath returns the path of the rc file: [RCFileName] in $HOME, taken from
// [Options.Env], or from the user's home directory if HOME is not set
// there. It returns "" if there is no home directory. The file need not
// exist.
func (s *Shell) RCPath() string { return s.homeFile(RCFileName) }

// ProfilePath returns the path of the profile, [ProfileFileName] in the
// home directory as for [Shell.RCPath].
func (s *Shell) ProfilePath() string { return s.homeFile(ProfileFileName) }

func (s *Shell) homeFile(name string) string {
	env := s.opts.Env
	if env == nil {
		env = os.Environ()
	}
	home := expand.ListEnviron(env...).Get("HOME").String()
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, name)
}

// sourceStartup sources the start-up files as [Options] ask: the profile
// for a login shell, then the rc file for an interactive one. It reports
// whether one of them ran exit.
func (s *Shell) sourceStartup(ctx context.Context) (exited bool, err error) {
	if s.opts.Login && !s.opts.NoProfile {
		if exited, err := s.sourceFile(ctx, s.ProfilePath()); exited {
			return true, err
		}
	}
	if s.opts.Interactive && !s.opts.NoRC {
		return s.sourceFile(ctx, s.RCPath())
	}
	return false, nil
}

// sourceFile runs a start-up file, if it exists, in the shell's own
// context, as "source" would. Problems with the file are reported on
// standard error and do not stop the shell; only "exit" does, in which
// case sourceFile returns true and the error of the exit status.
func (s *Shell) sourceFile(ctx context.Context, path string) (exited bool, err error) {
	if path == "" {
		return false, nil
	}
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		s.Report(openError(path, err))
		return false, nil
	}
	// Like bash's "source", run each statement as soon as it is parsed, so
	// that a syntax error only stops the rest of the file. Running
	// statements rather than a whole file also keeps the interpreter from
	// treating the end of the rc file as the end of the shell (which would
	// run EXIT traps).
	src, _ = s.prepass(src, path) // integrations_source.go
	for stmt, err := range syntax.NewParser().StmtsSeq(bytes.NewReader(src)) {
		if err != nil {
			s.Report(newSyntaxError(path, err))
			break
		}
		err := s.runner.Run(ctx, stmt)
		if s.runner.Exited() {
			return true, err
		}
		if ctx.Err() != nil {
			return true, fmt.Errorf("%s: %w", path, ctx.Err())
		}
	}
	return false, nil
}
