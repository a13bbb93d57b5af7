package shell

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"golang.org/x/term"
	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/lineedit"
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
	read := s.lineReader()
	var (
		pending strings.Builder // the lines of an incomplete command
		last    error           // how the last command ended
	)
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		line, readErr := read(pending.Len() == 0)
		if errors.Is(readErr, lineedit.ErrInterrupt) {
			// C-c abandons the command being typed, as in bash.
			pending.Reset()
			last = interp.ExitStatus(130)
			continue
		}
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

// promptText returns the primary prompt, or the continuation prompt if
// primary is false.
func (s *Shell) promptText(primary bool) string {
	name, def := "PS1", DefaultPS1
	if !primary {
		name, def = "PS2", DefaultPS2
	}
	v, ok := s.runner.Vars[name]
	if !ok {
		// Vars only gets the environment once a command has run.
		v = s.runner.Env.Get(name)
	}
	if v.IsSet() {
		return v.String()
	}
	return def
}

// lineReader returns the function the interactive loop reads lines with:
// the line editor when standard input and standard error are terminals,
// else plain reading with the prompt written to standard error. A line
// comes back with its newline, except at the end of input.
func (s *Shell) lineReader() func(primary bool) (string, error) {
	in, _ := s.opts.Stdin.(*os.File)
	out, _ := s.opts.Stderr.(*os.File)
	if in != nil && out != nil && term.IsTerminal(int(in.Fd())) && term.IsTerminal(int(out.Fd())) {
		cfg := s.readlineConfig(s.varGetter())
		ed := lineedit.NewEditorWith(cfg, s.shellHistory(s.varGetter()).list, in, out)
		ed.AutoHistory = false // the shell saves lines as HISTCONTROL says
		ignoreInteractiveSignals()
		return func(primary bool) (string, error) {
			line, err := ed.ReadLine(s.promptText(primary))
			if err != nil {
				return "", err
			}
			return line + "\n", nil
		}
	}
	var src io.Reader = strings.NewReader("")
	if s.opts.Stdin != nil {
		src = s.opts.Stdin
	}
	br := bufio.NewReader(src)
	return func(primary bool) (string, error) {
		fmt.Fprint(s.stderr(), s.promptText(primary))
		return br.ReadString('\n')
	}
}

// ignoreInteractiveSignals keeps an interactive shell alive through the
// signals bash ignores at its prompt: SIGTERM and SIGQUIT, and SIGINT from
// a C-c aimed at the command in the foreground. They are caught and
// dropped rather than ignored, so that commands the shell starts get them
// with their default action.
func ignoreInteractiveSignals() {
	ch := make(chan os.Signal, 8)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGQUIT)
	go func() {
		for range ch {
		}
	}()
}
