package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"github.com/goshell/gosh/lineedit"
)

// bash's read built-in with the options the interpreter's own read lacks:
// -e (the line editor), -i, -n, -N, -t, -d and -u. The interpreter's read
// (-r -s -a -p) keeps the plain cases. A gosh built-in cannot assign the
// shell's variables, so the call handler (integrationCalls) reads the
// input itself and hands the interpreter an eval of the assignments.

const readUsage = "read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]"

// readOpts are read's parsed options.
type readOpts struct {
	raw, silent, edit      bool
	array, prompt, initial string
	hasArray               bool
	delim                  byte
	nchars                 int  // -n or -N: at most (or, with exact, exactly) so many characters; -1 for no limit
	exact                  bool // -N
	timeout                time.Duration
	hasTimeout             bool
	fd                     int
	names                  []string
	// extended says an option the interpreter's read lacks was given.
	extended bool
}

// readError is a message for standard error and a status.
type readError struct {
	msg    string
	status int
}

func (e *readError) Error() string { return e.msg }

// parseReadArgs parses read's options as bash does ("ersa:d:i:n:N:p:t:u:").
func parseReadArgs(args []string) (*readOpts, error) {
	o := &readOpts{delim: '\n', nchars: -1}
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' {
			break
		}
		for j := 1; j < len(a); j++ {
			c := a[j]
			switch c {
			case 'e':
				o.edit, o.extended = true, true
				continue
			case 'r':
				o.raw = true
				continue
			case 's':
				// The interpreter's read turns echo off only after it
				// has printed -p's prompt (to standard output): what is
				// typed as soon as the prompt shows is echoed.
				o.silent, o.extended = true, true
				continue
			case 'a', 'd', 'i', 'n', 'N', 'p', 't', 'u':
			default:
				return nil, &readError{fmt.Sprintf("read: -%c: invalid option\n%s", c, readUsage), 2}
			}
			val := a[j+1:]
			if val == "" {
				if i+1 >= len(args) {
					return nil, &readError{fmt.Sprintf("read: -%c: option requires an argument\n%s", c, readUsage), 2}
				}
				i++
				val = args[i]
			}
			j = len(a)
			if err := o.set(c, val); err != nil {
				return nil, err
			}
		}
	}
	o.names = args[i:]
	for _, n := range o.names {
		if !syntax.ValidName(n) {
			return nil, &readError{fmt.Sprintf("read: `%s': not a valid identifier", n), 1}
		}
	}
	return o, nil
}

// set records an option that takes an argument.
func (o *readOpts) set(c byte, val string) error {
	switch c {
	case 'a':
		o.array, o.hasArray = val, true
	case 'p':
		// bash prints the prompt to standard error, and only when the
		// input is a terminal; the interpreter prints it to standard
		// output.
		o.prompt, o.extended = val, true
	case 'd':
		o.delim, o.extended = 0, true
		if val != "" {
			o.delim = val[0]
		}
	case 'i':
		o.initial, o.extended = val, true
	case 'n', 'N':
		n, err := strconv.Atoi(strings.TrimSpace(val))
		if err != nil || n < 0 {
			return &readError{fmt.Sprintf("read: %s: invalid number", val), 1}
		}
		o.nchars, o.exact, o.extended = n, c == 'N', true
	case 't':
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || f < 0 || strings.ContainsAny(val, "eExXpP") {
			return &readError{fmt.Sprintf("read: %s: invalid timeout specification", val), 1}
		}
		o.timeout, o.hasTimeout, o.extended = time.Duration(f*float64(time.Second)), true, true
	case 'u':
		n, err := strconv.Atoi(strings.TrimSpace(val))
		if err != nil || n < 0 {
			return &readError{fmt.Sprintf("read: %s: invalid file descriptor specification", val), 1}
		}
		o.fd, o.extended = n, true
	}
	return nil
}

// readCall carries out a read command that needs bash's options, for the
// call handler; handled is false for a read the interpreter does itself.
func (s *Shell) readCall(ctx context.Context, args []string) (out []string, handled bool) {
	hc := interp.HandlerCtx(ctx)
	stderr := hc.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	o, err := parseReadArgs(args[1:])
	if err != nil {
		re := err.(*readError)
		fmt.Fprintf(stderr, "gosh: %s\n", re.msg)
		return statusCommand(re.status), true
	}
	if !o.extended {
		return args, false
	}
	if o.hasTimeout && o.timeout == 0 {
		// -t 0 only says whether there is input to read.
		f, ok := hc.Stdin.(*os.File)
		if o.fd == 0 && ok && waitReadable(f, 0) {
			return statusCommand(0), true
		}
		return statusCommand(1), true
	}
	in, err := readInput(hc, o.fd)
	if err != nil {
		fmt.Fprintf(stderr, "gosh: read: %v\n", err)
		return statusCommand(1), true
	}
	if c, ok := in.(io.Closer); ok && o.fd > 2 {
		defer c.Close()
	}
	var text string
	var status int
	f, isFile := in.(*os.File)
	tty := isFile && term.IsTerminal(int(f.Fd()))
	switch {
	case o.edit && tty && o.nchars != 0:
		// -n 0 and -N 0 read nothing, with or without the editor.
		text, status = s.readEdited(hc, f, o)
	default:
		text, status = readPlain(ctx, in, o, tty, stderr)
	}
	return []string{"eval", readAssignments(hc, o, text, status)}, true
}

// readInput returns what read -u fd reads: the command's standard input
// for 0, its output or error for 1 and 2. The interpreter opens no other
// descriptors (it refuses redirections such as 3<file), so a higher fd is
// one gosh was started with: it is read through a duplicate that shares
// its offset, for the caller to close. The descriptors the Go runtime
// opens for itself (epoll, eventfd, pidfd: anon_inode) are refused.
func readInput(hc interp.HandlerContext, fd int) (io.Reader, error) {
	var r any
	switch fd {
	case 0:
		r = hc.Stdin
	case 1:
		r = hc.Stdout
	case 2:
		r = hc.Stderr
	default:
		return inheritedFD(fd)
	}
	if rd, ok := r.(io.Reader); ok && rd != nil {
		return rd, nil
	}
	return nil, fmt.Errorf("%d: invalid file descriptor: Bad file descriptor", fd)
}

// readEdited reads a line with the shell's line editor, as bash's read -e
// does with readline: the prompt, -i's text to start with, file-name
// completion on TAB, and the keymaps, kill ring and history the prompt
// uses.
func (s *Shell) readEdited(hc interp.HandlerContext, in *os.File, o *readOpts) (string, int) {
	out, ok := hc.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(out.Fd())) {
		out = in
	}
	st := s.integ()
	st.mu.Lock()
	nested := st.running || st.reading
	st.mu.Unlock()
	var ed *lineedit.Editor
	if nested {
		// A bind -x command runs while the editor reads a line: read
		// with an editor of its own.
		ed = lineedit.NewEditorWith(s.readlineConfig(s.varGetter()), s.historyList(), in, out)
	} else {
		ed = s.lineEditor(in, out)
	}
	getenv := func(name string) (string, bool) {
		v := hc.Env.Get(name)
		return v.String(), v.IsSet()
	}
	files := s.fileCompleter(hc.Dir, getenv)
	files.Getenv = getenv
	savedCompleter := ed.Completer
	savedStartup, savedPreInput, savedAuto := ed.StartupHook, ed.PreInputHook, ed.AutoHistory
	// What the prompt adds for shell commands (hints from the history,
	// syntax colours, a check that the command is complete) is not for
	// what read reads.
	savedHinter, savedHighlighter, savedValidator := ed.Hinter, ed.Highlighter, ed.Validator
	ed.Hinter, ed.Highlighter, ed.Validator = nil, nil, nil
	ed.Completer = files
	ed.AutoHistory = false
	ed.PreInputHook = nil
	ed.StartupHook = func() {
		if o.initial != "" {
			ed.Engine().InsertText(o.initial)
		}
	}
	st.mu.Lock()
	st.reading = !nested
	st.mu.Unlock()
	line, err := readEditedLines(ed, o, time.Now())
	st.mu.Lock()
	if !nested {
		st.reading = false
	}
	st.mu.Unlock()
	ed.Completer = savedCompleter
	ed.Hinter, ed.Highlighter, ed.Validator = savedHinter, savedHighlighter, savedValidator
	ed.StartupHook, ed.PreInputHook, ed.AutoHistory = savedStartup, savedPreInput, savedAuto
	switch {
	case errors.Is(err, lineedit.ErrTimeout):
		// bash assigns nothing of the partial line the editor held.
		return "", readTimeoutStatus
	case errors.Is(err, lineedit.ErrInterrupt):
		return "", 130
	case err != nil:
		return "", 1
	}
	return line, 0
}

// editOptions are what read's options ask of the editor, as bash sets up
// readline for read -e: -n N accepts the line once it holds N bytes
// (rl_num_chars_to_read), -N N too, with C-m inserting itself; -d binds
// its delimiter to accept-line and C-m to self-insert; -t gives a
// deadline from start; -s draws the prompt but not the line.
func editOptions(o *readOpts, start time.Time) lineedit.ReadOptions {
	opts := lineedit.ReadOptions{Delim: -1, Silent: o.silent}
	if o.nchars > 0 {
		opts.MaxBytes = o.nchars
	}
	switch {
	case o.exact:
		opts.InsertReturn = true
	case o.delim != '\n':
		opts.Delim, opts.InsertReturn = int(o.delim), true
	}
	if o.hasTimeout {
		opts.Deadline = start.Add(o.timeout)
	}
	return opts
}

// inheritedFD returns a duplicate of the process's descriptor fd, which
// shares its file offset, as read -u reads it.
func inheritedFD(fd int) (io.Reader, error) {
	bad := fmt.Errorf("%d: invalid file descriptor: Bad file descriptor", fd)
	target, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(fd))
	if err != nil || strings.HasPrefix(target, "anon_inode:") {
		return nil, bad
	}
	d, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
	if err != nil {
		return nil, bad
	}
	return os.NewFile(uintptr(d), target), nil
}

// editDelimMinusOne is the byte bash's read -e -N adds after a line the
// editor returned short (C-j accepted it): its delimiter, -1 for -N,
// stored as a byte.
const editDelimMinusOne = "\xff"

// readEditedLines reads with ed as bash 5.2's read -e does: the editor's
// line, cut to -n's or -N's count of bytes (readline may take more, as
// when -i's text is already longer); with -N, a line accepted short has
// the byte 0xff added (bash adds its delimiter, -1) and the editor reads
// on, with the prompt again, until there are N bytes.
func readEditedLines(ed *lineedit.Editor, o *readOpts, start time.Time) (string, error) {
	opts := editOptions(o, start)
	var text string
	for {
		line, err := ed.ReadLineWith(o.prompt, opts)
		if err != nil {
			return "", err
		}
		text += line
		if !o.exact || o.nchars <= 0 || len(text) >= o.nchars {
			break
		}
		text += editDelimMinusOne
		if len(text) >= o.nchars {
			break
		}
		ed.StartupHook = nil // -i's text is for the first line only
	}
	if o.nchars > 0 && len(text) > o.nchars {
		text = text[:o.nchars]
	}
	return text, nil
}
