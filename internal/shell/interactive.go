package shell

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"mvdan.cc/sh/v3/interp"
)

// Default prompts, used when $PS1 or $PS2 are unset.
const (
	DefaultPS1 = "$ "
	DefaultPS2 = "> "
)

// RunInteractive reads commands from [Options.Stdin] line by line and runs
// each as soon as it is complete, like an interactive bash. Before reading
// each command it writes $PS1 (or [DefaultPS1]) to standard error, and
// $PS2 (or [DefaultPS2]) before each continuation line; the prompts are
// printed as they are, without expanding escapes.
//
// A syntax error is reported and the shell goes on with the next line.
// RunInteractive returns at end of input or on "exit", after writing
// "exit" to standard error as bash does, or when ctx is done. It returns an
// error as described for [Shell.RunReader] for the last command.
//
// Unless [Options.Stdin] is an *os.File, commands run with no standard
// input of their own, as the shell reads the rest of it.
func (s *Shell) RunInteractive(ctx context.Context) error {
	if exited, err := s.start(ctx, false); exited {
		return err
	}
	s.beginHistory()
	in := s.opts.Stdin
	if in == nil {
		in = strings.NewReader("")
	}
	br := bufio.NewReader(in)
	var (
		pending strings.Builder // the lines of an incomplete command
		last    error           // how the last command ended
	)
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		s.prompt(pending.Len() == 0)
		line, readErr := br.ReadString('\n')
		pending.WriteString(line)
		eof := readErr != nil
		if eof && pending.Len() == 0 {
			return s.endInteractive(readErr, last)
		}
		f, err := parse(strings.NewReader(pending.String()), "")
		if se, ok := errors.AsType[*SyntaxError](err); ok && se.Incomplete && !eof {
			continue // read the rest of the command
		}
		s.rememberCommand(pending.String())
		pending.Reset()
		if err != nil {
			s.Report(err)
			last = interp.ExitStatus(2)
		} else {
			for _, stmt := range f.Stmts {
				last = s.runner.Run(ctx, stmt)
				if s.runner.Exited() {
					return s.endInteractive(io.EOF, last)
				}
			}
		}
		if eof {
			return s.endInteractive(readErr, last)
		}
	}
}

// endInteractive ends RunInteractive: it says "exit" on standard error,
// and returns readErr if reading failed, or last.
func (s *Shell) endInteractive(readErr, last error) error {
	s.endHistory()
	fmt.Fprintln(s.stderr(), "exit")
	if !errors.Is(readErr, io.EOF) {
		return readErr
	}
	return last
}

// prompt writes the primary prompt, or the continuation prompt if primary
// is false, to standard error.
func (s *Shell) prompt(primary bool) {
	name, def := "PS1", DefaultPS1
	if !primary {
		name, def = "PS2", DefaultPS2
	}
	v, ok := s.runner.Vars[name]
	if !ok {
		// Vars only gets the environment once a command has run.
		v = s.runner.Env.Get(name)
	}
	p := def
	if v.IsSet() {
		p = v.String()
	}
	fmt.Fprint(s.stderr(), p)
}
