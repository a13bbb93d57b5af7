package shell

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/history"
)

// fc, bash's fix-command built-in: it lists history entries, or edits
// them with an editor and runs the result, or runs one again with
// substitutions (-s). Running commands in the shell itself is what a gosh
// built-in cannot do from its exec handler, so fc is carried out by the
// call handler (see integrationCalls), which runs what fc decides to run
// by handing the interpreter an eval of it.

const fcUsage = "fc: usage: fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]"

// fcPostOption introduces the call fc -e leaves after the editor: it
// finishes the edit named by the token that follows.
const fcPostOption = "--gosh-fc-post="

// An fcEdit is a file of commands fc gave an editor.
type fcEdit struct{ file string }

// fcArgs are fc's parsed options.
type fcArgs struct {
	editor                      string
	hasEditor                   bool
	list, noNumbers, rev, rerun bool
	rest                        []string
}

// parseFcArgs parses fc's options as bash's internal_getopt does for
// "e:lnrs", stopping at a word that is a (negative) number.
func parseFcArgs(args []string) (*fcArgs, error) {
	o := &fcArgs{}
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' || isFcNumber(a) {
			break
		}
		for j := 1; j < len(a); j++ {
			switch c := a[j]; c {
			case 'l':
				o.list = true
			case 'n':
				o.noNumbers = true
			case 'r':
				o.rev = true
			case 's':
				o.rerun = true
			case 'e':
				val := a[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						return nil, fmt.Errorf("-e: option requires an argument")
					}
					i++
					val = args[i]
				}
				o.editor, o.hasEditor = val, true
				j = len(a)
			default:
				return nil, fmt.Errorf("-%c: invalid option", c)
			}
		}
	}
	o.rest = args[i:]
	if o.hasEditor && o.editor == "-" {
		o.rerun = true
	}
	return o, nil
}

// isFcNumber reports whether a word is a number, with an optional minus
// sign, as bash's fc_number checks.
func isFcNumber(s string) bool {
	_, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(s, "-")), 10, 64)
	return err == nil
}

// Special results of fcIndex, as bash's fc_gethnum returns them.
const (
	fcInvalid  = -1 << 20
	fcNotFound = -1<<20 - 1
)

// fcRange is the history list as fc sees it: the index of the last
// entry before the fc command line itself (bash's last_hist), and of the
// last entry (real_last).
type fcRange struct {
	list     *history.List
	last     int
	realLast int
}

// newFcRange looks at the list; added says the running command line is
// its last entry.
func newFcRange(l *history.List, added bool) fcRange {
	n := l.Len()
	last := n - 1
	if added {
		last--
	}
	return fcRange{list: l, last: last, realLast: max(n-1, 0)}
}

// index turns a history specification into an index of the list: a
// number (an absolute history number, or relative to the last entry when
// negative) or the start of a command line. first says it starts a
// range, listing that fc lists.
func (r fcRange) index(spec string, first, listing bool) int {
	if r.last < 0 {
		return -1
	}
	if spec == "" {
		return r.last
	}
	s, sign := spec, 1
	if strings.HasPrefix(s, "-") {
		s, sign = s[1:], -1
	}
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		n := atoiPrefix(s) * sign
		switch {
		case n < 0:
			return max(n+r.last+1, 0)
		case n == 0:
			if sign < 0 {
				if listing {
					return r.realLast
				}
				return fcInvalid
			}
			return r.last
		}
		n -= r.list.Base()
		if n < 0 || n >= r.last {
			if first {
				return 0
			}
			return r.last
		}
		return n
	}
	for j := r.last; j >= 0; j-- {
		if strings.HasPrefix(r.list.Line(j), spec) {
			return j
		}
	}
	return fcNotFound
}

// atoiPrefix is C's atoi on digits: the leading digits' value.
func atoiPrefix(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > math.MaxInt/10-1 {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// fcCall carries out an fc command for the call handler. It writes
// listings and messages itself and returns the command the interpreter
// runs in its place: the commands to run again, or one with fc's status.
func (s *Shell) fcCall(ctx context.Context, args []string) []string {
	hc := interp.HandlerCtx(ctx)
	stdout, stderr := hc.Stdout, hc.Stderr
	if stdout == nil {
		stdout = io.Discard
	}
	if stderr == nil {
		stderr = io.Discard
	}
	if len(args) > 1 && strings.HasPrefix(args[1], fcPostOption) {
		return s.fcPost(args[1][len(fcPostOption):], args[2:], stderr)
	}
	o, err := parseFcArgs(args[1:])
	if err != nil {
		fmt.Fprintf(stderr, "gosh: fc: %v\n%s\n", err, fcUsage)
		return statusCommand(2)
	}
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
	l := h.list
	if o.rerun {
		return s.fcRerun(h, o.rest, stderr)
	}
	if l.Len() == 0 {
		return statusCommand(0)
	}
	r := newFcRange(l, h.lineAdded)
	r.last = max(r.last, 0)
	var beg, end int
	switch rest := o.rest; {
	case len(rest) > 0:
		beg = r.index(rest[0], true, o.list)
		switch {
		case len(rest) > 1:
			end = r.index(rest[1], false, o.list)
		case beg == r.realLast && o.list:
			end = r.realLast
		case o.list:
			end = r.last
		default:
			end = beg
		}
	case o.list:
		end = r.last
		beg = max(end-16+1, 0)
	default:
		beg, end = r.last, r.last
	}
	if st, bad := fcRangeError(beg, end, stderr); bad {
		return statusCommand(st)
	}
	beg, end = max(beg, 0), max(end, 0)
	if !o.list && h.lineAdded {
		// The fc command that edits is not kept in the history.
		l.Remove(l.Len() - 1)
		h.unsaved = max(h.unsaved-1, 0)
		h.lineAdded = false
		last := l.Len() - 1
		end, beg = min(end, last), min(beg, last)
		if beg < 0 {
			return statusCommand(0)
		}
	}
	rev := o.rev
	if end < beg {
		beg, end, rev = end, beg, true
	}
	var b strings.Builder
	for k := beg; k <= end; k++ {
		i := k
		if rev {
			i = end - (k - beg)
		}
		if i >= l.Len() {
			continue
		}
		if o.list {
			if !o.noNumbers {
				fmt.Fprintf(&b, "%d", i+l.Base())
			}
			b.WriteString("\t ")
		}
		b.WriteString(l.Line(i))
		b.WriteByte('\n')
	}
	if o.list {
		io.WriteString(stdout, b.String()) //nolint:errcheck
		return statusCommand(0)
	}
	return s.fcEdit(b.String(), o, stderr)
}

// fcRangeError reports a bad range as bash does and returns its status.
func fcRangeError(beg, end int, stderr io.Writer) (int, bool) {
	switch {
	case beg == fcInvalid || end == fcInvalid:
		fmt.Fprintln(stderr, "gosh: fc: history specification out of range")
		return 1, true
	case beg == fcNotFound || end == fcNotFound:
		fmt.Fprintln(stderr, "gosh: fc: no command found")
		return 1, true
	}
	return 0, false
}

// fcRerun is fc -s [pat=rep ...] [command]: the command (the last one by
// default) with each pat replaced by rep everywhere, echoed, put in the
// history in place of the fc command, and run.
func (s *Shell) fcRerun(h *historyState, rest []string, stderr io.Writer) []string {
	type sub struct{ pat, rep string }
	var subs []sub
	for len(rest) > 0 && strings.Contains(rest[0], "=") {
		pat, rep, _ := strings.Cut(rest[0], "=")
		subs = append(subs, sub{pat, rep})
		rest = rest[1:]
	}
	spec := ""
	if len(rest) > 0 {
		spec = rest[0]
	}
	i := -1
	if h.list.Len() > 0 {
		i = newFcRange(h.list, h.lineAdded).index(spec, false, false)
	}
	if i < 0 || i >= h.list.Len() {
		fmt.Fprintln(stderr, "gosh: fc: no command found")
		return statusCommand(1)
	}
	cmd := h.list.Line(i)
	for _, sb := range subs {
		if sb.pat != "" {
			cmd = strings.ReplaceAll(cmd, sb.pat, sb.rep)
		}
	}
	fmt.Fprintln(stderr, cmd)
	s.fcReplaceHistory(h, cmd)
	return []string{"eval", cmd}
}

// fcReplaceHistory puts cmd in the history in place of the fc command
// line, if that is there, as bash's fc_replhist does.
func (s *Shell) fcReplaceHistory(h *historyState, cmd string) {
	cmd = strings.TrimSuffix(cmd, "\n")
	if cmd == "" {
		return
	}
	l := h.list
	if h.lineAdded && l.Len() > 0 {
		l.Remove(l.Len() - 1)
		h.unsaved = max(h.unsaved-1, 0)
	}
	if !h.session && !h.lineAdded {
		// Outside an interactive session bash keeps no history of its
		// own commands; the list stays as history -s left it.
		return
	}
	l.AddTime(historyText(cmd), time.Now())
	h.unsaved = min(h.unsaved+1, l.Len())
	h.lineAdded = true
}

// statusCommand returns a command that only ends with status n.
func statusCommand(n int) []string {
	switch n {
	case 0:
		return []string{"true"}
	case 1:
		return []string{"false"}
	}
	return []string{"eval", statusScript(n)}
}

// statusScript returns shell code that only ends with status n.
func statusScript(n int) string {
	switch n {
	case 0:
		return "true"
	case 1:
		return "false"
	}
	return "(exit " + strconv.Itoa(n) + ")"
}
