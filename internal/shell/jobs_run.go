package shell

import (
	"context"
	"fmt"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

func litWord(s string) *syntax.Word {
	return &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{Value: s}}}
}

// runStatement runs one statement typed at the interactive shell. Its
// "&" statements, the whole of it included, start jobs of their own
// (background.go); the rest runs in the foreground. exited reports that
// the shell should exit (the statement ran exit).
func (s *Shell) runStatement(ctx context.Context, stmt *syntax.Stmt) (exited bool, err error) {
	s.adopt(stmt)
	return s.runForeground(ctx, stmt)
}

// runForeground runs stmt while the user waits. A C-c that reaches the
// shell (there is no job in the foreground, or the job was killed by it)
// stops the statement with status 130, as in bash.
func (s *Shell) runForeground(ctx context.Context, stmt *syntax.Stmt) (bool, error) {
	// The context is cancelled by a C-c only, not when the statement
	// ends: background commands the interpreter started in it (a "&" in
	// a loop) run on with it.
	ctx2, cancel := context.WithCancel(ctx)
	t := &task{cancel: cancel, text: pipelineText(stmt)}
	pop := s.jobs.pushForeground(t)
	err := s.runner.Run(withTask(ctx2, t), stmt)
	pop()
	jt := s.jobs
	jt.mu.Lock()
	interrupted, newline := t.interrupted, t.newline
	if jt.tc != nil {
		jt.tc.reclaim()
	}
	jt.mu.Unlock()
	if interrupted && ctx.Err() == nil {
		if !newline && jt.tc != nil {
			// The terminal echoed ^C; bash goes to a new line.
			fmt.Fprintln(s.stderr())
		}
		s.setStatus(ctx, 130)
		return false, interp.ExitStatus(130)
	}
	return s.runner.Exited(), err
}

// pipelineText returns how jobs shows a foreground statement that is a
// pipeline of simple commands, or "" for anything else: a job of such a
// statement is then shown by the commands of its processes.
func pipelineText(stmt *syntax.Stmt) string {
	var simple func(c syntax.Command) bool
	simple = func(c syntax.Command) bool {
		switch c := c.(type) {
		case *syntax.CallExpr:
			return true
		case *syntax.BinaryCmd:
			return (c.Op == syntax.Pipe || c.Op == syntax.PipeAll) && simple(c.X.Cmd) && simple(c.Y.Cmd)
		}
		return false
	}
	if !simple(stmt.Cmd) {
		return ""
	}
	return stmtText(stmt)
}

// stmtText prints a statement on one line, as jobs shows it.
func stmtText(stmt *syntax.Stmt) string {
	var b strings.Builder
	syntax.NewPrinter(syntax.SingleLine(true)).Print(&b, stmt) //nolint:errcheck // a Builder does not fail
	return strings.TrimSpace(b.String())
}
