package shell

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// bgStartWait bounds how long "CMD &" waits for the job's first process to
// start, to print its process ID and set $! as bash does. A job that runs
// only built-ins for longer is listed without one.
const bgStartWait = 250 * time.Millisecond

func litWord(s string) *syntax.Word {
	return &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{Value: s}}}
}

// runStatement runs one statement typed at the interactive shell as a job:
// in the background if it ends with "&", else in the foreground. exited
// reports that the shell should exit (the statement ran exit).
func (s *Shell) runStatement(ctx context.Context, stmt *syntax.Stmt) (exited bool, err error) {
	if (stmt.Background || stmt.Disown) && !stmt.Coprocess {
		return false, s.runBackground(ctx, stmt)
	}
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
	s.rewriteBgPid(stmt)
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

// runBackground starts stmt (which ends with "&") as a background job: a
// copy of the interpreter runs it in a goroutine, its processes join the
// job, and "[N] PID" is printed once the first has started.
func (s *Shell) runBackground(ctx context.Context, stmt *syntax.Stmt) error {
	return s.startBackground(ctx, stmt, true)
}

// startBackground is runBackground; announce says whether to print
// "[N] PID" (an interactive shell does, a script does not).
func (s *Shell) startBackground(ctx context.Context, stmt *syntax.Stmt, announce bool) error {
	st := *stmt
	st.Background, st.Disown = false, false
	r := s.runner.Subshell()
	jt := s.jobs
	var null *os.File
	if jt.tc == nil {
		// Without job control, a background job reads /dev/null, as in
		// bash, so that it does not compete with the shell for input.
		if f, err := os.Open(os.DevNull); err == nil {
			null = f
			interp.StdIO(null, s.opts.Stdout, s.opts.Stderr)(r) //nolint:errcheck
		}
	}
	ctx2, cancel := context.WithCancel(ctx)
	t := &task{cancel: cancel, text: stmtText(&st), async: true}
	s.rewriteBgPid(&st)
	s.interpBgLatest = false // this job is the latest
	j := &job{text: t.text, task: t, bg: true, async: true, active: true, started: make(chan struct{}), disowned: stmt.Disown}
	t.job = j
	ended := make(chan struct{})

	jt.mu.Lock()
	jt.listLocked(j)
	jt.mu.Unlock()
	go func() {
		defer cancel()
		err := r.Run(withTask(ctx2, t), &st)
		if null != nil {
			null.Close()
		}
		jt.mu.Lock()
		j.active = false
		j.status = ExitCode(err)
		if t.interrupted {
			j.status = 130
		}
		jt.broadcastLocked()
		jt.mu.Unlock()
		close(ended)
	}()

	timer := time.NewTimer(bgStartWait)
	defer timer.Stop()
	select {
	case <-j.started:
	case <-ended:
	case <-timer.C:
	}
	jt.mu.Lock()
	pid, id := j.firstPid, j.id
	if pid != 0 {
		jt.lastBg = strconv.Itoa(pid)
	} else {
		jt.lastBg = "%" + strconv.Itoa(id)
	}
	jt.mu.Unlock()
	switch {
	case !announce:
	case pid != 0:
		fmt.Fprintf(s.stderr(), "[%d] %d\n", id, pid)
	default:
		fmt.Fprintf(s.stderr(), "[%d]\n", id)
	}
	return nil
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
