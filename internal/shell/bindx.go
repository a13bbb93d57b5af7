package shell

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"weak"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/lineedit"
)

// bind -x: a key sequence runs a shell command, which sees the line in
// READLINE_LINE, the cursor in READLINE_POINT and the mark in
// READLINE_MARK (character indexes, as in bash 5.2), and changes the
// line by assigning them (bashline.c, bash_execute_unix_command).

// A unixCommand is one bind -x binding: the command, and the hidden
// editor function its key sequence is bound to.
type unixCommand struct {
	command string
	fn      *inputrc.Function
}

// unixCommandSeq numbers the editor functions of bind -x bindings.
var unixCommandSeq atomic.Int64

// parseUnixBinding splits bind -x's argument, "KEYSEQ": COMMAND, as bash's
// isolate_sequence does: the key sequence must be in double quotes; the
// command follows the colon, and may be in double or single quotes,
// which are removed. Both are kept as written (backslashes and all).
func parseUnixBinding(line string) (seq, cmd string, err error) {
	i, start, err := isolateSequence(line, 0, true)
	if err != nil {
		return "", "", err
	}
	seq = line[start:i]
	for i < len(line) && line[i] != ':' {
		i++
	}
	if i >= len(line) {
		return "", "", fmt.Errorf("%s: missing colon separator", line)
	}
	j, start, err := isolateSequence(line, i+1, false)
	if err != nil {
		return "", "", err
	}
	return seq, line[start:j], nil
}

// isolateSequence finds a possibly quoted string in line from index i:
// blanks are skipped, a leading quote (required when needQuote) is
// matched by the next unescaped one. It returns the index of the closing
// quote (or of the end) and where the string starts.
func isolateSequence(line string, i int, needQuote bool) (end, start int, err error) {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if needQuote && (i >= len(line) || line[i] != '"') {
		return 0, 0, fmt.Errorf("%s: first non-whitespace character is not `\"'", line)
	}
	var delim byte
	if i < len(line) && (line[i] == '"' || line[i] == '\'') {
		delim = line[i]
		i++
	}
	start = i
	for ; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if delim != 0 && line[i] == delim {
			break
		}
	}
	if delim != 0 && i >= len(line) {
		return 0, 0, fmt.Errorf("no closing `%c' in %s", delim, line)
	}
	return min(i, len(line)), start, nil
}

// bindUnixCommand binds the key sequence of a bind -x argument, in km, to
// run the command.
func (s *Shell) bindUnixCommand(cfg *inputrc.Config, km *inputrc.Keymap, arg string) error {
	seqText, cmd, err := parseUnixBinding(arg)
	if err != nil {
		return err
	}
	keys, _ := inputrc.TranslateKeyseq(seqText, cfg.Vars.Get("convert-meta"))
	if len(keys) == 0 {
		return fmt.Errorf("%s: cannot bind an empty key sequence", arg)
	}
	st := s.integ()
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.unixCmds == nil {
		st.unixCmds = map[*inputrc.Keymap]map[string]*unixCommand{}
	}
	cmds := st.unixCmds[km]
	if cmds == nil {
		cmds = map[string]*unixCommand{}
		st.unixCmds[km] = cmds
	}
	uc := cmds[string(keys)]
	if uc == nil {
		uc = &unixCommand{}
		name := fmt.Sprintf("gosh-execute-unix-command-%d", unixCommandSeq.Add(1))
		ws, key := weak.Make(s), string(keys)
		uc.fn = lineedit.RegisterHidden(name, func(e *lineedit.Engine, count int, _ byte) {
			if sh := ws.Value(); sh != nil {
				sh.runUnixCommand(e, km, key, count)
			}
		})
		cmds[string(keys)] = uc
	}
	uc.command = cmd
	cfg.BindFunction(km, seqText, uc.fn)
	return nil
}

// pruneUnixCommands forgets the bind -x commands whose key sequence is no
// longer bound to them (bind -r, or another binding of the keys), as bash
// does.
func (s *Shell) pruneUnixCommands(cfg *inputrc.Config) {
	st := s.integ()
	st.mu.Lock()
	defer st.mu.Unlock()
	for km, cmds := range st.unixCmds {
		for keys, uc := range cmds {
			if e, ok := cfg.Lookup(km, []byte(keys)); !ok || e.Kind != inputrc.KindFunc || e.Func != uc.fn {
				delete(cmds, keys)
			}
		}
	}
}

// printUnixCommands writes the bind -x commands of km as bind -X lists
// them: "KEYSEQ": "COMMAND", in key order, in the form they read back.
func (s *Shell) printUnixCommands(w io.Writer, km *inputrc.Keymap) error {
	st := s.integ()
	st.mu.Lock()
	keys := make([]string, 0, len(st.unixCmds[km]))
	for k := range st.unixCmds[km] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\"%s\": \"%s\"\n", inputrc.UntranslateMacro([]byte(k), false), inputrc.UntranslateMacro([]byte(st.unixCmds[km][k].command), false))
	}
	st.mu.Unlock()
	_, err := io.WriteString(w, b.String())
	return err
}

// runUnixCommand runs the bind -x command bound to keys in km for the
// line e is editing: READLINE_LINE, READLINE_POINT, READLINE_MARK (and
// READLINE_ARGUMENT with a numeric argument) are set, the command runs
// in the shell with the line off the screen, and what it left in the
// variables becomes the line, the cursor and the mark.
func (s *Shell) runUnixCommand(e *lineedit.Engine, km *inputrc.Keymap, keys string, count int) {
	st := s.integ()
	st.mu.Lock()
	uc := st.unixCmds[km][keys]
	ed := st.editor
	busy := st.reading
	st.mu.Unlock()
	if uc == nil {
		return
	}
	line := e.Line()
	point := utf8.RuneCountInString(line[:e.Point()])
	mark := 0
	if m := e.Mark(); m >= 0 {
		mark = utf8.RuneCountInString(line[:m])
	}
	var pre strings.Builder
	fmt.Fprintf(&pre, "READLINE_LINE=%s\nREADLINE_POINT=%d\nREADLINE_MARK=%d\n", shellQuote(line), point, mark)
	if e.Explicit() {
		fmt.Fprintf(&pre, "READLINE_ARGUMENT=%d\n", count)
	}
	run := func() {
		st.mu.Lock()
		st.running = true
		st.mu.Unlock()
		defer func() {
			st.mu.Lock()
			st.running = false
			st.mu.Unlock()
		}()
		ctx := context.Background()
		r := s.runner
		if busy {
			// read -e in a running command: the interpreter is in the
			// middle of a statement, so the command runs in a copy.
			r = s.runner.Subshell()
		} else {
			defer s.keepStatus(ctx)()
		}
		s.runSnippet(ctx, r, pre.String(), false)
		s.runSnippet(ctx, r, uc.command, !busy)
		newLine, newPoint, newMark := line, -1, -1
		if v, ok := r.Vars["READLINE_LINE"]; ok && v.IsSet() {
			newLine = v.String()
		}
		if n, ok := legalNumber(r.Vars["READLINE_POINT"]); ok && n != point {
			newPoint = n
		}
		if n, ok := legalNumber(r.Vars["READLINE_MARK"]); ok && n != mark {
			newMark = n
		}
		s.runSnippet(ctx, r, "unset READLINE_LINE READLINE_POINT READLINE_MARK READLINE_ARGUMENT", false)
		p := e.Point()
		if newPoint >= 0 || newLine != line {
			if newPoint < 0 {
				newPoint = point
			}
			p = byteIndex(newLine, newPoint)
		}
		m := e.Mark()
		if newMark >= 0 {
			m = byteIndex(newLine, newMark)
		}
		e.SetLine(newLine, p, m)
	}
	if ed == nil {
		run()
		return
	}
	if err := ed.RunOutside(run); err != nil {
		fmt.Fprintf(s.stderr(), "gosh: %v\n", err)
	}
}

// runSnippet parses src and runs it in r. With foreground, each statement
// runs as a foreground job of the interactive shell (job control gives
// the terminal to the programs it starts); otherwise it runs as it is.
// A syntax error is reported.
func (s *Shell) runSnippet(ctx context.Context, r *interp.Runner, src string, foreground bool) {
	f, err := syntax.NewParser().Parse(strings.NewReader(src), "")
	if err != nil {
		s.Report(newSyntaxError("", err))
		return
	}
	for _, st := range f.Stmts {
		if foreground && r == s.runner {
			s.runForeground(ctx, st) //nolint:errcheck // the status stays in $?
		} else {
			r.Run(ctx, st) //nolint:errcheck
		}
		if r.Exited() {
			return
		}
	}
}

// legalNumber reads a variable as bash's legal_number reads a decimal
// integer: blanks around it are allowed, nothing else.
func legalNumber(v expand.Variable) (int, bool) {
	if !v.IsSet() {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v.String()), 10, 64)
	if err != nil {
		return 0, false
	}
	return int(min(max(n, -1<<31), 1<<31-1)), true
}

// byteIndex returns the byte offset of the n-th character of s, clamped
// to s.
func byteIndex(s string, n int) int {
	if n <= 0 {
		return 0
	}
	i := 0
	for j := range s {
		if i == n {
			return j
		}
		i++
	}
	return len(s)
}

// bindUnix returns what carries out bind's -x and -X options for o, in the
// keymap bind selected (-m), or nil when neither was given. A bad -x
// argument is reported and makes the status 1; bind goes on, as in bash.
func (s *Shell) bindUnix(o *bindOptions, stderr io.Writer) func(cfg *inputrc.Config, stdout io.Writer) int {
	if !o.flags['x'] && !o.flags['X'] {
		return nil
	}
	return func(cfg *inputrc.Config, stdout io.Writer) int {
		status := 0
		if o.flags['x'] {
			if err := s.bindUnixCommand(cfg, cfg.Keymap(), o.unixCmd); err != nil {
				fmt.Fprintf(stderr, "gosh: bind: %v\n", err)
				status = 1
			}
		}
		if o.flags['X'] {
			if err := s.printUnixCommands(stdout, cfg.Keymap()); err != nil {
				status = 1
			}
		}
		return status
	}
}
