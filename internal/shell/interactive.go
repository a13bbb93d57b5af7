package shell

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

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
// each command it prints the notices of jobs that ended or stopped, runs
// $PROMPT_COMMAND and writes $PS1 (or [DefaultPS1]) to standard error;
// before each continuation line, $PS2 (or [DefaultPS2]). The prompts are
// expanded as bash expands them (see decodePrompt and expandPrompt).
// History expansion (!!, !$, ^old^new) applies to each line, and the
// expanded line is echoed as bash does. A command of several lines (the
// parser asks for more, or a line ends in a backslash) is one history
// entry, appended to the history file once it has run.
//
// When standard input and error are a terminal, lines are read with the
// line editor, and the shell does job control (see jobs.go): each
// pipeline runs in a process group of its own that has the terminal while
// it runs in the foreground.
//
// A syntax error is reported and the shell goes on with the next line.
// RunInteractive returns at end of input (unless $IGNOREEOF says to go
// on) or on "exit", after writing "exit" to standard error as bash does,
// or when ctx is done. It returns an error as described for
// [Shell.RunReader] for the last command.
//
// Unless [Options.Stdin] is an *os.File, commands run with no standard
// input of their own, as the shell reads the rest of it.
func (s *Shell) RunInteractive(ctx context.Context) error {
	s.installExtraOptions() // shopt gosh_* (editor_extras.go), for the rc file too
	if exited, err := s.start(ctx, false); exited {
		return err
	}
	s.beginHistory()
	read := s.lineReader()
	var (
		pending strings.Builder // the lines of an incomplete command
		last    error           // how the last command ended
		eofs    int             // end-of-input seen in a row, for IGNOREEOF
	)
	for {
		if ctx.Err() != nil {
			s.jobs.end()
			return ctx.Err()
		}
		primary := pending.Len() == 0
		if primary {
			s.beforePrompt(ctx, ExitCode(last))
		}
		s.beforeRead(pending.String(), ExitCode(last)) // editor_extras.go
		line, readErr := read(s.prompt(ctx, primary, ExitCode(last)))
		s.afterRead(line, readErr)
		if errors.Is(readErr, lineedit.ErrInterrupt) {
			// C-c abandons the command being typed, as in bash.
			pending.Reset()
			last = interp.ExitStatus(130)
			continue
		}
		eof := readErr != nil
		if eof && pending.Len() == 0 && line == "" {
			if errors.Is(readErr, io.EOF) && s.ignoreEOF(&eofs) {
				continue
			}
			if s.refuseExit() {
				continue
			}
			return s.endInteractive(readErr, last)
		}
		eofs = 0
		line, run := s.expandLine(line)
		if !run {
			pending.Reset()
			if eof {
				return s.endInteractive(readErr, last)
			}
			continue
		}
		pending.WriteString(line)
		f, err := parse(strings.NewReader(pending.String()), "")
		if se, ok := errors.AsType[*SyntaxError](err); ok && se.Incomplete && !eof {
			continue // read the rest of the command
		}
		if err == nil && !eof && continued(pending.String()) {
			continue // the line ended in a backslash
		}
		s.rememberCommand(pending.String())
		pending.Reset()
		s.cmdNum++
		if err != nil {
			s.Report(err)
			last = interp.ExitStatus(2)
		} else {
			for _, stmt := range f.Stmts {
				if isExitCommand(stmt) && s.refuseExit() {
					continue
				}
				s.exitWarned = false
				exited, err := s.runStatement(ctx, stmt)
				last = err
				if exited {
					s.flushHistory()
					return s.endInteractive(io.EOF, last)
				}
			}
		}
		s.flushHistory()
		if eof {
			return s.endInteractive(readErr, last)
		}
	}
}

// endInteractive ends RunInteractive: it saves the history, ends job
// control, says "exit" on standard error, and returns readErr if reading
// failed, or last.
func (s *Shell) endInteractive(readErr, last error) error {
	s.endHistory()
	s.jobs.end()
	// A directory listing being stored for the next shells is finished
	// (a few milliseconds at most), not lost.
	shellDirCache.Flush()
	fmt.Fprintln(s.stderr(), "exit")
	if !errors.Is(readErr, io.EOF) {
		return readErr
	}
	return last
}

// lineReader returns the function the interactive loop reads lines with:
// the line editor when standard input and standard error are terminals,
// else plain reading with the prompt written to standard error. A line
// comes back with its newline, except at the end of input. On a terminal
// it also starts job control and the shell's signal handling.
func (s *Shell) lineReader() func(prompt string) (string, error) {
	in, _ := s.opts.Stdin.(*os.File)
	out, _ := s.opts.Stderr.(*os.File)
	if in != nil && out != nil && term.IsTerminal(int(in.Fd())) && term.IsTerminal(int(out.Fd())) {
		s.jobs.tc = startJobControl(in, out)
		s.catchSignals()
		ed := s.lineEditor(in, out) // shared with read -e (integrations.go)
		ed.AutoHistory = false      // the shell saves lines as HISTCONTROL says
		// The completer, describing command names for gosh_menu (menu.go).
		ed.Completer = s.describingCompleter(s.editorCompleter(ed.Engine().CompletionType))
		s.setupEditorExtras(ed) // hints, highlighting, status (editor_extras.go)
		var prompt string
		ed.PreInputHook = func() {
			// The history file has been loading since start-up, while
			// the first prompt was drawn; the keys need it from here on.
			if s.joinHistory() {
				ed.Engine().Reset(prompt)
			}
		}
		return func(p string) (string, error) {
			prompt = p
			s.prefetchDir() // the first TAB finds the listing (complete_editor.go)
			line, err := ed.ReadLine(p)
			if err != nil {
				return "", err
			}
			line = s.afterReadLine(line) // edit-and-execute-command (edit_execute.go)
			return line + "\n", nil
		}
	}
	var src io.Reader = strings.NewReader("")
	if s.opts.Stdin != nil {
		src = s.opts.Stdin
	}
	br := bufio.NewReader(src)
	return func(p string) (string, error) {
		fmt.Fprint(s.stderr(), strings.NewReplacer("\x01", "", "\x02", "").Replace(p))
		return br.ReadString('\n')
	}
}
