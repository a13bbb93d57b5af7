//go:build linux || freebsd

package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
)

// jobExec is the interp.ExecHandlers middleware that starts the external
// commands of the statements typed at an interactive shell as jobs: with
// job control, each pipeline in a process group of its own, given the
// terminal while it runs in the foreground; it waits for the process,
// noticing when it stops. Commands run outside such a statement (scripts,
// -c) go on to next, the interpreter's own handler.
func (s *Shell) jobExec(next interp.ExecHandlerFunc) interp.ExecHandlerFunc {
	return func(ctx context.Context, args []string) error {
		t := taskOf(ctx)
		if t == nil {
			return next(ctx, args)
		}
		return s.jobs.run(ctx, t, args, next, nil)
	}
}

// procExtra is what a process of a job gets beyond what the interpreter's
// handler context gives: a background command's standard input
// (/dev/null without job control, as in bash), files from descriptor 3 on
// and variables added to its environment (a background worker's, see
// subshell.go).
type procExtra struct {
	path  string // the program, when not looked up from args[0]
	stdin *os.File
	files []*os.File
	env   []string
}

// run starts args as a process of t's current job and waits for it; x,
// when not nil, adds to what the process gets.
func (jt *jobTable) run(ctx context.Context, t *task, args []string, next interp.ExecHandlerFunc, x *procExtra) error {
	hc := interp.HandlerCtx(ctx)
	var path string
	var err error
	if x != nil && x.path != "" {
		path = x.path
	} else {
		path, err = interp.LookPathDir(hc.Dir, hc.Env, args[0])
	}
	if err != nil {
		if !strings.Contains(args[0], "/") {
			return notFound(hc.Stderr, args[0])
		}
		fmt.Fprintln(hc.Stderr, err)
		return interp.ExitStatus(127)
	}
	cf, err := newChildFiles(hc)
	if err != nil {
		fmt.Fprintf(hc.Stderr, "gosh: %s: %v\n", args[0], err)
		return interp.ExitStatus(126)
	}
	env := execEnv(hc.Env)
	if x != nil {
		if x.stdin != nil {
			cf.fds[0] = x.stdin.Fd()
			cf.keep = append(cf.keep, x.stdin)
		}
		for _, f := range x.files {
			cf.add(f)
		}
		env = append(env, x.env...)
	}
	attr := &syscall.ProcAttr{Dir: hc.Dir, Env: env, Files: cf.fds, Sys: &syscall.SysProcAttr{}}

	jt.mu.Lock()
	j := t.job
	if j == nil || (!t.async && (j.live() == 0 || j.state() == jobStopped)) {
		j = &job{text: t.text, task: t, started: make(chan struct{})}
		t.job = j
	}
	newGroup := j.live() == 0
	if newGroup {
		// The previous group, if any, is gone: its statuses are no longer
		// wanted.
		j.procs = j.procs[:0]
	}
	if jt.tc != nil {
		attr.Sys.Setpgid = true
		if !newGroup {
			attr.Sys.Pgid = j.pgid
		}
		if !j.bg {
			// The child makes its group the terminal's foreground before
			// it runs the command, so it can read the terminal at once.
			attr.Sys.Foreground = true
			attr.Sys.Ctty = jt.tc.fd
		}
	}
	pid, err := forkExec(path, args, attr)
	if err != nil {
		jt.mu.Unlock()
		cf.abort()
		if errors.Is(err, syscall.ENOEXEC) {
			// A script without #!: the interpreter runs it with a new shell.
			return next(ctx, args)
		}
		fmt.Fprintf(hc.Stderr, "gosh: %s: %s\n", args[0], errText(err))
		if errors.Is(err, syscall.ENOENT) {
			return interp.ExitStatus(127)
		}
		return interp.ExitStatus(126)
	}
	p := &proc{pid: pid, args: args, pos: hc.Pos.Offset()}
	if newGroup {
		j.pgid = pid
	}
	j.procs = append(j.procs, p)
	if j.firstPid == 0 {
		j.firstPid = pid
	}
	if len(j.procs) == 1 && j.started != nil {
		select {
		case <-j.started:
		default:
			close(j.started)
		}
	}
	jt.broadcastLocked()
	jt.mu.Unlock()
	cf.started()

	stopped, err := jt.waitProc(t, j, p)
	if !stopped {
		// A stopped command may still write: the copies go on.
		cf.wait()
	}
	return err
}

// forkExec starts a process, retrying while the file is busy being written
// (ETXTBSY from a concurrent fork holding it open, go.dev/issue/22315), as
// the interpreter's own handler does.
func forkExec(path string, args []string, attr *syscall.ProcAttr) (int, error) {
	pid, err := syscall.ForkExec(path, args, attr)
	for delay := time.Millisecond; errors.Is(err, syscall.ETXTBSY) && delay < 300*time.Millisecond; delay *= 2 {
		time.Sleep(delay)
		pid, err = syscall.ForkExec(path, args, attr)
	}
	return pid, err
}

// waitProc waits for p of job j, run by t's exec handler. When a process
// of a foreground statement stops, the statement does not wait for it: it
// goes on with status 128+signal, as in bash, and the job waits in the
// table for fg or bg (see watch); stopped is then true.
func (jt *jobTable) waitProc(t *task, j *job, p *proc) (stopped bool, err error) {
	options := 0
	if jt.tc != nil {
		// Without job control, bash waits for a stopped command.
		options = syscall.WUNTRACED | syscall.WCONTINUED
	}
	for {
		var ws syscall.WaitStatus
		_, err := syscall.Wait4(p.pid, &ws, options, nil)
		if err == syscall.EINTR {
			continue
		}
		jt.mu.Lock()
		if err != nil {
			// Not our child any more: nothing to wait for.
			p.state = procExited
			jt.broadcastLocked()
			jt.mu.Unlock()
			return false, interp.ExitStatus(127)
		}
		switch {
		case ws.Continued():
			p.state = procRunning
			jt.broadcastLocked()
			jt.mu.Unlock()
			continue
		case ws.Stopped():
			p.state, p.ws = procStopped, ws
			if t.async {
				// The job waits for its process, stopped or not; the
				// user hears of it before the next prompt, or from fg.
				jt.broadcastLocked()
				jt.mu.Unlock()
				continue
			}
			if j.state() == jobStopped {
				jt.stoppedLocked(j)
			}
			jt.broadcastLocked()
			jt.mu.Unlock()
			go jt.watch(p)
			return true, interp.ExitStatus(128 + int(ws.StopSignal()))
		}
		p.state, p.ws = procExited, ws
		if !j.bg && j.live() == 0 {
			jt.foregroundEndedLocked(j)
		}
		jt.broadcastLocked()
		jt.mu.Unlock()
		return false, waitError(ws)
	}
}

// watch waits for a process that stopped in the foreground, now that no
// exec handler waits for it, until it ends.
func (jt *jobTable) watch(p *proc) {
	for {
		var ws syscall.WaitStatus
		_, err := syscall.Wait4(p.pid, &ws, syscall.WUNTRACED|syscall.WCONTINUED, nil)
		if err == syscall.EINTR {
			continue
		}
		jt.mu.Lock()
		switch {
		case err != nil:
			p.state = procExited
		case ws.Continued():
			p.state = procRunning
		case ws.Stopped():
			p.state, p.ws = procStopped, ws
		default:
			p.state, p.ws = procExited, ws
		}
		done := p.state == procExited
		jt.broadcastLocked()
		jt.mu.Unlock()
		if done {
			return
		}
	}
}

// waitError is what an exec handler returns for a process that ended so.
func waitError(ws syscall.WaitStatus) error {
	if code := waitStatusCode(ws); code != 0 {
		return interp.ExitStatus(code)
	}
	return nil
}

// foregroundEndedLocked is called when the last process of foreground job
// j has ended: the shell takes the terminal back, keeps the terminal modes
// the job set if it ended normally (stty) and puts back its own if it was
// killed, and says how it was killed, as bash does. A C-c that killed it
// stops the statement too.
func (jt *jobTable) foregroundEndedLocked(j *job) {
	last := j.last()
	signaled := last != nil && last.ws.Signaled()
	if jt.tc != nil {
		jt.tc.reclaim()
		if signaled {
			jt.tc.restoreModes()
		} else {
			jt.tc.saveModes()
		}
	}
	if !signaled {
		return
	}
	for _, p := range j.procs {
		if p.ws.Signaled() && p.ws.Signal() == syscall.SIGINT {
			if j.task != nil {
				j.task.interrupted = true
				j.task.cancel()
			}
			break
		}
	}
	switch sig := last.ws.Signal(); sig {
	case syscall.SIGINT:
		fmt.Fprintln(jt.errw)
		if j.task != nil {
			j.task.newline = true
		}
	case syscall.SIGPIPE:
	default:
		msg := signalText(sig)
		if last.ws.CoreDump() {
			msg += " (core dumped)"
		}
		fmt.Fprintln(jt.errw, msg)
	}
}

// stoppedLocked is called when foreground job j has stopped: it goes into
// the table as the current job, the shell takes the terminal back (keeping
// the job's terminal modes for fg), and the user is told, as bash does.
func (jt *jobTable) stoppedLocked(j *job) {
	if j.text == "" {
		j.text = procsText(j)
	}
	jt.listLocked(j)
	if jt.tc != nil {
		j.modes = jt.tc.jobModes()
		jt.tc.reclaim()
		jt.tc.restoreModes()
	}
	if t := j.task; t != nil && t.job == j && !t.async {
		t.job = nil
	}
	j.notified = jobStopped
	fmt.Fprint(jt.errw, "\n"+jt.formatLocked(j, false))
}

// procsText is a job's command when the statement is not a plain pipeline:
// the commands of its processes, in pipeline order.
func procsText(j *job) string {
	var parts []string
	for _, p := range sortedProcs(j) {
		parts = append(parts, strings.Join(p.args, " "))
	}
	return strings.Join(parts, " | ")
}

// childFiles are the standard input, output and error of a command: the
// interpreter's files as they are, and pipes for output that goes to a
// Go writer (as in command substitution), copied until the command and
// whatever it left behind close them.
type childFiles struct {
	fds     []uintptr
	keep    []*os.File // the files behind fds, kept alive until the start
	closeUp []*os.File // our copies of the pipes' write ends
	copies  chan error
	nCopies int
}

func newChildFiles(hc interp.HandlerContext) (*childFiles, error) {
	cf := &childFiles{copies: make(chan error, 2)}
	in, ok := hc.Stdin.(*os.File)
	if !ok || in == nil {
		f, err := os.Open(os.DevNull)
		if err != nil {
			return nil, err
		}
		cf.closeUp = append(cf.closeUp, f)
		in = f
	}
	cf.add(in)
	for _, w := range []io.Writer{hc.Stdout, hc.Stderr} {
		if f, ok := w.(*os.File); ok && f != nil {
			cf.add(f)
			continue
		}
		if w == nil || w == io.Discard {
			null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
			if err != nil {
				cf.abort()
				return nil, err
			}
			cf.add(null)
			cf.closeUp = append(cf.closeUp, null)
			continue
		}
		pr, pw, err := os.Pipe()
		if err != nil {
			cf.abort()
			return nil, err
		}
		cf.add(pw)
		cf.closeUp = append(cf.closeUp, pw)
		cf.nCopies++
		go func() {
			_, err := io.Copy(w, pr)
			pr.Close()
			cf.copies <- err
		}()
	}
	return cf, nil
}

func (cf *childFiles) add(f *os.File) {
	cf.fds = append(cf.fds, f.Fd())
	cf.keep = append(cf.keep, f)
}

// started closes the shell's copies of what only the child needs.
func (cf *childFiles) started() {
	for _, f := range cf.closeUp {
		f.Close()
	}
	cf.closeUp = nil
	cf.keep = nil
}

// abort undoes newChildFiles when the command did not start.
func (cf *childFiles) abort() {
	cf.started()
	cf.wait()
}

// wait waits until the output copied through pipes is all written.
func (cf *childFiles) wait() {
	for ; cf.nCopies > 0; cf.nCopies-- {
		<-cf.copies
	}
}

// execEnv returns the exported variables of env as "NAME=value", as the
// interpreter passes them to the programs it runs.
func execEnv(env expand.Environ) []string {
	// An environment can name a variable more than once (a prefix
	// assignment over an exported variable inside $(...) does): the
	// last value wins, as os/exec's dedup does for interp's own
	// exec handler; syscall.ForkExec passes duplicates through, and C
	// programs would then read the first.
	list := make([]string, 0, 64)
	at := make(map[string]int, 64)
	for name, vr := range env.Each {
		if strings.HasPrefix(name, "\x00") {
			continue // gosh's marks (background.go), never exported
		}
		if !vr.IsSet() {
			if i, ok := at[name]; ok {
				list[i] = ""
				delete(at, name)
			}
		}
		if vr.Exported && vr.Kind == expand.String {
			if i, ok := at[name]; ok {
				list[i] = ""
			}
			at[name] = len(list)
			list = append(list, name+"="+vr.String())
		}
	}
	out := list[:0]
	for _, kv := range list {
		if kv != "" {
			out = append(out, kv)
		}
	}
	return out
}
