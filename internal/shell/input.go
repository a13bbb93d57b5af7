package shell

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"mvdan.cc/sh/v3/syntax"

	"github.com/goshell/gosh/history"
)

// expandLine applies history expansion to a line typed at the interactive
// shell, as bash does before parsing it: an expanded line is echoed on
// standard error; a failed expansion is reported and the line dropped; the
// :p modifier prints the expansion and saves it in the history without
// running it. run is false when the line is not to be run.
func (s *Shell) expandLine(line string) (out string, run bool) {
	text, nl := strings.CutSuffix(line, "\n")
	if !strings.ContainsAny(text, "!^") {
		return line, true
	}
	h := s.shellHistory(s.varGetter())
	s.histMu.Lock()
	if h.expander == nil {
		h.expander = history.BashExpander()
	}
	h.expander.Base = h.list.Base()
	exp, printOnly, err := h.expander.Expand(text, h.list)
	s.histMu.Unlock()
	if err != nil {
		fmt.Fprintf(s.stderr(), "gosh: %v\n", err)
		return "", false
	}
	if exp == text {
		return line, true
	}
	fmt.Fprintln(s.stderr(), exp)
	if printOnly {
		s.histMu.Lock()
		h.list.AddTime(exp, time.Now())
		h.unsaved = min(h.unsaved+1, h.list.Len())
		s.histMu.Unlock()
		return "", false
	}
	if nl {
		exp += "\n"
	}
	return exp, true
}

// continued reports whether src, which parsed as complete, ends in a
// backslash that continues its last line (not one in a comment), after
// which bash reads another line.
func continued(src string) bool {
	body := strings.TrimSuffix(src, "\n")
	n := 0
	for n < len(body) && body[len(body)-1-n] == '\\' {
		n++
	}
	if n%2 == 0 {
		return false
	}
	f, err := syntax.NewParser(syntax.KeepComments(true)).Parse(strings.NewReader(src), "")
	if err != nil {
		return false
	}
	off := uint(len(body) - 1)
	inComment := false
	syntax.Walk(f, func(node syntax.Node) bool {
		if c, ok := node.(*syntax.Comment); ok && c.Pos().Offset() <= off && off < c.End().Offset() {
			inComment = true
		}
		return !inComment
	})
	return !inComment
}

// isExitCommand reports whether stmt is a plain exit or logout, which a
// shell with stopped jobs refuses once.
func isExitCommand(stmt *syntax.Stmt) bool {
	call, ok := stmt.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 || stmt.Background {
		return false
	}
	name := call.Args[0].Lit()
	return name == "exit" || name == "logout"
}

// refuseExit is bash's check before an interactive shell exits: with
// stopped jobs, the first attempt only says so; a second one in a row
// exits (and the stopped jobs are sent SIGTERM and SIGCONT).
func (s *Shell) refuseExit() bool {
	if s.exitWarned || !s.jobs.stoppedJobs() {
		return false
	}
	s.exitWarned = true
	fmt.Fprintln(s.stderr(), "exit\nThere are stopped jobs.")
	return true
}

// ignoreEOF is bash's IGNOREEOF: set, the shell ignores that many
// end-of-inputs in a row (10 if the value is not a number) before it
// exits, each time saying how to leave.
func (s *Shell) ignoreEOF(eofs *int) bool {
	v, ok := lookupVar(s.varGetter(), "IGNOREEOF")
	if !ok {
		return false
	}
	limit := 10
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		limit = n
	}
	if *eofs >= limit {
		return false
	}
	*eofs++
	leave := "exit"
	if s.opts.Login {
		leave = "logout"
	}
	fmt.Fprintf(s.stderr(), "Use \"%s\" to leave the shell.\n", leave)
	return true
}
