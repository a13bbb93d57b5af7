package shell

import (
	"context"
	"io"
	"os"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// parse parses a whole script read from r. source names the script in
// syntax errors.
func parse(r io.Reader, source string) (*syntax.File, error) {
	f, err := syntax.NewParser().Parse(r, "")
	if err != nil {
		return nil, newSyntaxError(source, err)
	}
	return f, nil
}

// RunString parses src as a whole and runs it, like "gosh -c src". $0 is
// [Options.Name] or [DefaultName]; syntax errors name the script
// [CommandSource]. See [Shell.RunReader] for what is returned.
func (s *Shell) RunString(ctx context.Context, src string) error {
	return s.runScript(ctx, strings.NewReader(src), CommandSource, s.name())
}

// RunFile parses the script at path as a whole and runs it, like
// "gosh path". $0 is [Options.Name] or else path. A file that cannot be
// read gives an error for which [ExitCode] is 127 (not found) or 126.
// See [Shell.RunReader] for what is returned.
func (s *Shell) RunFile(ctx context.Context, path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return openError(path, err)
	}
	name := s.opts.Name
	if name == "" {
		name = path
	}
	return s.runScript(ctx, strings.NewReader(string(src)), path, name)
}

// RunReader reads a whole script from r, parses it and runs it. $0 is
// [Options.Name] or [DefaultName]; syntax errors name the script source.
//
// Before the first command of a Shell runs, the rc file is sourced if the
// shell is interactive (see [Options.Interactive]); if it runs "exit", the
// script is not run.
//
// The error is nil when the script succeeded or ran "exit 0", an
// interp.ExitStatus holding the status of the last command or of "exit N"
// when that is not zero, a *SyntaxError when the script does not parse
// (nothing runs then), and another error if reading failed or the
// interpreter stopped on a fatal error. Use [ExitCode] or [Shell.Report]
// to turn it into a process exit status.
func (s *Shell) RunReader(ctx context.Context, r io.Reader, source string) error {
	return s.runScript(ctx, r, source, s.name())
}

// runScript parses the script read from r, labelled source in errors, and
// runs it with $0 set to name.
func (s *Shell) runScript(ctx context.Context, r io.Reader, source, name string) error {
	if exited, err := s.start(ctx, true); exited {
		return err
	}
	f, err := parse(r, source)
	if err != nil {
		return err
	}
	// The interpreter takes $0 from the name of the file it runs.
	f.Name = name
	s.adopt(f)
	err = s.runner.Run(ctx, f)
	s.runLateTraps(ctx, source)
	return err
}
