package shell

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// CommandSource is the [SyntaxError.Source] of scripts given as a string,
// as with "gosh -c".
const CommandSource = "-c"

// SyntaxError reports a script that could not be parsed.
type SyntaxError struct {
	// Source names the script: a file path, [CommandSource] for a command
	// string, or whatever name was given to [Shell.RunReader].
	Source string
	// Line and Col locate the error, counting from 1.
	Line, Col uint
	// Msg describes the error, without its position.
	Msg string
	// Incomplete reports whether the script ended in the middle of a
	// statement, so that more input could make it valid.
	Incomplete bool

	err error // the parser's error
}

// Error formats e as "SOURCE:LINE:COL: MSG", or "-c: LINE:COL: MSG" for a
// command string, or "LINE:COL: MSG" when Source is empty.
func (e *SyntaxError) Error() string {
	pos := fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	switch e.Source {
	case "":
		return pos
	case CommandSource:
		return e.Source + ": " + pos
	default:
		return e.Source + ":" + pos
	}
}

// Unwrap returns the parser's error, a syntax.ParseError or a
// syntax.LangError.
func (e *SyntaxError) Unwrap() error { return e.err }

// newSyntaxError converts an error from the syntax package into a
// *SyntaxError for source. Other errors, such as read errors, are returned
// unchanged.
func newSyntaxError(source string, err error) error {
	var pos syntax.Pos
	var msg string
	if pe, ok := errors.AsType[syntax.ParseError](err); ok {
		pos, msg = pe.Pos, pe.Text
	} else if le, ok := errors.AsType[syntax.LangError](err); ok {
		le.Filename = ""
		pos = le.Pos
		msg = strings.TrimPrefix(le.Error(), le.Pos.String()+": ")
	} else {
		return err
	}
	return &SyntaxError{
		Source:     source,
		Line:       pos.Line(),
		Col:        pos.Col(),
		Msg:        msg,
		Incomplete: syntax.IsIncomplete(err),
		err:        err,
	}
}

// statusError is an error that ends the shell with a given exit status.
type statusError struct {
	status int
	err    error
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

// ExitCode returns the exit status that a gosh process ends with when a
// Run method returned err: 0 for nil, the status carried by an
// interp.ExitStatus, 2 for a *SyntaxError, 127 for a script file that does
// not exist, 126 for one that cannot be read, and 1 for anything else.
func ExitCode(err error) int {
	if err == nil {
		return 0
	}
	if es, ok := errors.AsType[interp.ExitStatus](err); ok {
		return int(es)
	}
	if se, ok := errors.AsType[*statusError](err); ok {
		return se.status
	}
	if _, ok := errors.AsType[*SyntaxError](err); ok {
		return 2
	}
	return 1
}

// Report writes a diagnostic for err to the shell's standard error as
// "gosh: MESSAGE", and returns the exit status that the process should end
// with (see [ExitCode]). Nothing is written when err is nil or only carries
// an exit status, as the failing command has already said why it failed.
func (s *Shell) Report(err error) int {
	if err == nil {
		return 0
	}
	if _, ok := errors.AsType[interp.ExitStatus](err); !ok {
		fmt.Fprintf(s.stderr(), "gosh: %v\n", err)
	}
	return ExitCode(err)
}

// openError wraps the error from opening or reading the script at path.
func openError(path string, err error) error {
	status := 126
	if errors.Is(err, fs.ErrNotExist) {
		status = 127
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		err = pe.Err
	}
	return &statusError{status: status, err: fmt.Errorf("%s: %w", path, err)}
}
