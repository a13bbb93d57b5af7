package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/history"
)

func init() { registerDefault("history", (*Shell).historyBuiltin) }

// historyState is the shell's command history: the list, and what bash
// remembers about it between commands.
type historyState struct {
	list *history.List
	// unsaved counts the entries at the end of the list added in this
	// session and not yet appended to the file (bash's
	// history_lines_this_session).
	unsaved int
	// lineAdded says the entry at the end is the command line now
	// running, which history -s and -p take out first, as bash does.
	lineAdded bool
	// expander keeps what history expansion remembers between lines.
	expander *history.Expander
	// session says the shell is interactive and saves each command to
	// the history file as it goes.
	session bool
	// loading delivers the history file's entries, read in the
	// background at start-up (see beginHistory); nil once they are in list.
	loading chan *history.List
	// modified reports whether the line editor changed entry i (an
	// edited history line it keeps), which history marks with a * as
	// bash does; nil without an editor.
	modified func(i int) bool
}

// shellHistory returns the shell's history list, set up from HISTSIZE,
// HISTTIMEFORMAT and the rest on first use, with the history file's
// entries in it.
func (s *Shell) shellHistory(getenv func(string) string) *historyState {
	s.histMu.Lock()
	defer s.histMu.Unlock()
	h := s.historyLocked()
	h.joinLocked()
	configureHistory(h.list, getenv)
	return h
}

// historyLocked returns the history state, creating it; the file may
// still be loading.
func (s *Shell) historyLocked() *historyState {
	if s.hist == nil {
		s.hist = &historyState{list: history.New()}
	}
	return s.hist
}

// joinLocked waits for the history file being read at start-up and puts
// its entries in the list. It reports whether it did.
func (h *historyState) joinLocked() bool {
	if h.loading == nil {
		return false
	}
	loaded := <-h.loading
	h.loading = nil
	// Nothing touches the list before the file is in: every use joins.
	*h.list = *loaded
	return true
}

// configureHistory applies the shell variables that shape the list; bash
// applies them whenever they change, gosh whenever history is used.
func configureHistory(l *history.List, getenv func(string) string) {
	_, timestamps := lookupVar(getenv, "HISTTIMEFORMAT")
	l.WriteTimestamps = timestamps
	if timestamps {
		l.CommentChar = '#'
	}
	max := -1
	if v, ok := lookupVar(getenv, "HISTSIZE"); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			max = n // negative: unlimited
		}
	}
	if max != l.Max() {
		l.SetMax(max)
	}
}

// lookupVar tells a set-but-empty variable from an unset one, which
// getenv alone cannot: the unset marker is a NUL byte.
func lookupVar(getenv func(string) string, name string) (string, bool) {
	v := getenv(name)
	if v == unsetMarker {
		return "", false
	}
	return v, true
}

const unsetMarker = "\x00unset"

// histFile returns the file history options without a file name use:
// $HISTFILE, or ~/.gosh_history when it is unset.
func histFile(getenv func(string) string) string {
	if f, ok := lookupVar(getenv, "HISTFILE"); ok {
		return f
	}
	home, _ := lookupVar(getenv, "HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	return filepath.Join(home, ".gosh_history")
}

const historyUsage = "history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]"

// historyBuiltin returns the history built-in: bash's, over the shell's
// history list.
func (s *Shell) historyBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		stdout, stderr := stdoutOf(ctx), stderrOf(ctx)
		getenv := func(name string) string {
			v := hc.Env.Get(name)
			if !v.IsSet() {
				return unsetMarker
			}
			return v.String()
		}
		h := s.shellHistory(getenv)
		s.histMu.Lock()
		defer s.histMu.Unlock()
		status, err := runHistory(h, args[1:], getenv, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "gosh: history: %v\n", err)
			if errors.Is(err, errHistoryUsage) {
				fmt.Fprintln(stderr, historyUsage)
			}
		}
		if status != 0 {
			return interp.ExitStatus(status)
		}
		return nil
	}
}

var errHistoryUsage = errors.New("usage")

type usageError string

func (e usageError) Error() string { return string(e) }
func (e usageError) Is(t error) bool {
	return t == errHistoryUsage
}

// runHistory carries out one history command; it returns the exit status
// and the error to report, if any.
func runHistory(h *historyState, args []string, getenv func(string) string, stdout io.Writer) (int, error) {
	l := h.list
	var flags = map[byte]bool{}
	deleteArg := ""
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' || isNumber(a) {
			break
		}
		for j := 1; j < len(a); j++ {
			switch c := a[j]; c {
			case 'c', 'a', 'n', 'r', 'w', 's', 'p':
				flags[c] = true
			case 'd':
				if j+1 < len(a) {
					deleteArg = a[j+1:]
				} else if i+1 < len(args) {
					i++
					deleteArg = args[i]
				} else {
					return 2, usageError("-d: option requires an argument")
				}
				flags['d'] = true
				j = len(a)
			default:
				return 2, usageError(fmt.Sprintf("-%c: invalid option", c))
			}
		}
	}
	rest := args[i:]

	if flags['c'] {
		l.Clear()
		h.unsaved = 0
	}
	if flags['d'] {
		if err := deleteHistory(l, deleteArg); err != nil {
			return 1, err
		}
		h.unsaved = min(h.unsaved, l.Len())
		return 0, nil
	}
	if (flags['s'] || flags['p']) && h.lineAdded && l.Len() > 0 {
		l.Remove(l.Len() - 1)
		h.unsaved = max(h.unsaved-1, 0)
		h.lineAdded = false
	}
	if flags['s'] {
		if len(rest) > 0 {
			l.AddTime(strings.Join(rest, " "), time.Now())
			h.unsaved = min(h.unsaved+1, l.Len())
		}
		return 0, nil
	}
	if flags['p'] {
		return expandHistory(h, rest, stdout)
	}
	if flags['a'] || flags['n'] || flags['r'] || flags['w'] {
		file := histFile(getenv)
		if len(rest) > 0 {
			file = rest[0]
		}
		var err error
		switch {
		case flags['a']:
			err = l.AppendFile(file, h.unsaved)
			if err == nil {
				h.unsaved = 0
			}
		case flags['w']:
			err = l.WriteFile(file)
		case flags['r']:
			err = h.readKeepingUnsaved(func() error { return l.ReadFile(file) })
		case flags['n']:
			err = h.readKeepingUnsaved(func() error { return l.ReadNew(file) })
		}
		if err != nil {
			return 1, nil // bash fails quietly here
		}
		return 0, nil
	}
	if flags['c'] {
		return 0, nil
	}
	if len(rest) > 1 {
		return 1, errors.New("too many arguments")
	}
	n := l.Len()
	if len(rest) == 1 {
		v, err := strconv.Atoi(rest[0])
		if err != nil {
			return 1, fmt.Errorf("%s: numeric argument required", rest[0])
		}
		n = min(max(v, 0), l.Len())
	}
	format, timestamps := lookupVar(getenv, "HISTTIMEFORMAT")
	var b strings.Builder
	for k := l.Len() - n; k < l.Len(); k++ {
		mark := byte(' ')
		if h.modified != nil && h.modified(k) {
			mark = '*'
		}
		fmt.Fprintf(&b, "%5d%c ", l.Base()+k, mark)
		if timestamps {
			t, ok := l.Time(k)
			if !ok {
				t = time.Now()
			}
			b.WriteString(strftime(format, t))
		}
		b.WriteString(l.Line(k))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(stdout, b.String())
	return 0, err
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// deleteHistory removes the entry numbered arg (counting from Base;
// negative numbers count back from the end, -1 the last), or a range
// START-END of them, as bash's history -d does.
func deleteHistory(l *history.List, arg string) error {
	bad := fmt.Errorf("%s: history position out of range", arg)
	pos := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, false
		}
		if n < 0 {
			n = l.Len() + n
		} else {
			n -= l.Base()
		}
		return n, n >= 0 && n < l.Len()
	}
	if dash := strings.IndexByte(arg[min(1, len(arg)):], '-'); dash >= 0 {
		dash += min(1, len(arg))
		from, ok1 := pos(arg[:dash])
		to, ok2 := pos(arg[dash+1:])
		if !ok1 {
			return fmt.Errorf("%s: history position out of range", arg[:dash])
		}
		if !ok2 {
			return fmt.Errorf("%s: history position out of range", arg[dash+1:])
		}
		if from > to {
			return bad
		}
		for k := to; k >= from; k-- {
			l.Remove(k)
		}
		return nil
	}
	k, ok := pos(arg)
	if !ok {
		return bad
	}
	l.Remove(k)
	return nil
}

// readKeepingUnsaved runs read, which appends entries from a file. In an
// interactive session, the entries not yet saved to the history file (the
// command running, at least) are taken out and put back after, so that
// they stay the last ones, which the session appends to the file once the
// command has run (see flushHistory).
func (h *historyState) readKeepingUnsaved(read func() error) error {
	if !h.session {
		return read()
	}
	type entry struct {
		line string
		t    time.Time
		ok   bool
	}
	l := h.list
	var kept []entry
	for n := min(h.unsaved, l.Len()); n > 0; n-- {
		i := l.Len() - n
		t, ok := l.Time(i)
		kept = append(kept, entry{l.Line(i), t, ok})
	}
	for range kept {
		l.Remove(l.Len() - 1)
	}
	err := read()
	for _, e := range kept {
		if e.ok {
			l.AddTime(e.line, e.t)
		} else {
			l.Add(e.line)
		}
	}
	return err
}
