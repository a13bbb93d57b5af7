package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"github.com/goshell/gosh/runtime/multiprocessing"
)

// The jobs of parallel run in a pool of worker processes
// (runtime/multiprocessing): the gosh binary started again, which finds
// its way here through multiprocessing.Main, the hook cmd/gosh's main
// calls first thing (tests: TestMain). Each worker holds a Shell of its
// own, made once from the calling shell's exported variables, working
// directory and functions (parSetup, the pool's initializer arguments);
// each job then runs in a copy of that shell's interpreter (a subshell),
// so that a job of built-ins and functions costs no fork, and jobs do not
// see each other's variables.
//
// A worker runs one job at a time. The external commands of a job each
// get a process group of their own (and die with the worker: parent-death
// signal), so that a timeout, --halt now or C-c can kill everything the
// job started, grandchildren included, without killing the worker.

// parSetup is what every job of one parallel run shares.
type parSetup struct {
	Env   []string // the exported variables, "NAME=value"
	Dir   string   // the working directory
	Funcs string   // the calling shell's functions, as shell source
}

// parJob is one job for a worker.
type parJob struct {
	Cmd     string // the command, replacement strings expanded
	Timeout int64  // nanoseconds; 0 for none
}

// parResult is how a job went.
type parResult struct {
	Status   int    // exit status; -1 when killed for its timeout
	Stdout   []byte // all it wrote to standard output
	Stderr   []byte // and to standard error
	Start    int64  // Unix time in nanoseconds
	Dur      int64  // nanoseconds
	TimedOut bool
}

var (
	// parInitTarget sets a worker up (the pool's initializer).
	parInitTarget = multiprocessing.Register("gosh.parallel.init", workerInit)
	// parJobFunc runs one job in a worker.
	parJobFunc = multiprocessing.RegisterFunc("gosh.parallel.job", workerRun)
)

// worker is the state of this process when it is a pool worker.
var worker struct {
	mu     sync.Mutex
	sh     *Shell
	null   *os.File
	groups map[int]bool // process groups of the job running
	// out and errf capture a job's output: files in memory, handed to
	// its commands as they are (no pipe, no copying goroutine), emptied
	// before each job.
	out, errf *os.File
}

// workerInit is the pool initializer: it makes the worker's shell.
func workerInit(setup parSetup) error {
	workerSignals()
	null, err := os.Open(os.DevNull)
	if err != nil {
		return err
	}
	sh, err := New(Options{Env: setup.Env, Dir: setup.Dir, Stdin: null, Name: "parallel"})
	if err != nil {
		return err
	}
	if err := interp.ExecHandlers(workerExec)(sh.runner); err != nil {
		return err
	}
	if err := sh.RunString(context.Background(), setup.Funcs); err != nil && ExitCode(err) != 0 {
		return fmt.Errorf("defining functions: %v", err)
	}
	out, err := memFile("stdout")
	if err != nil {
		return err
	}
	errf, err := memFile("stderr")
	if err != nil {
		return err
	}
	worker.mu.Lock()
	worker.sh, worker.null = sh, null
	worker.out, worker.errf = out, errf
	worker.groups = map[int]bool{}
	worker.mu.Unlock()
	return nil
}

// rewind empties a capture file for the next job.
func rewind(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.Seek(0, io.SeekStart)
	return err
}

// captured returns what a job wrote to a capture file.
func captured(f *os.File) ([]byte, error) {
	n, err := f.Seek(0, io.SeekCurrent)
	if err != nil || n == 0 {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.Size() > n {
		n = st.Size() // a child wrote past our offset (a file opened anew)
	}
	b := make([]byte, n)
	k, err := f.ReadAt(b, 0)
	if err == io.EOF {
		err = nil
	}
	return b[:k], err
}

// workerRun runs one job in a subshell of the worker's shell.
func workerRun(j parJob) (parResult, error) {
	worker.mu.Lock()
	sh, null, out, errf := worker.sh, worker.null, worker.out, worker.errf
	worker.mu.Unlock()
	if sh == nil {
		return parResult{}, errors.New("parallel: worker not initialised")
	}
	res := parResult{Start: time.Now().UnixNano()}
	file, err := syntax.NewParser().Parse(strings.NewReader(j.Cmd), "")
	if err != nil {
		res.Status = 2
		res.Stderr = []byte(fmt.Sprintf("gosh: parallel: %v\n", err))
		return res, nil
	}
	if err := rewind(out); err != nil {
		return parResult{}, err
	}
	if err := rewind(errf); err != nil {
		return parResult{}, err
	}
	ctx := context.Background()
	if j.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Duration(j.Timeout))
		defer cancel()
	}
	r := sh.runner.Subshell()
	if err := interp.StdIO(null, out, errf)(r); err != nil {
		return parResult{}, err
	}
	err = r.Run(ctx, file)
	res.Dur = time.Now().UnixNano() - res.Start
	res.Status = ExitCode(err)
	if j.Timeout > 0 && ctx.Err() != nil {
		res.Status, res.TimedOut = -1, true
	}
	if res.Stdout, err = captured(out); err != nil {
		return parResult{}, err
	}
	if res.Stderr, err = captured(errf); err != nil {
		return parResult{}, err
	}
	return res, nil
}

// workerExec is the exec handler of a worker's shell: it runs each
// external command of a job in a process group of its own, and kills
// that group when the job is cancelled (its timeout).
func workerExec(next interp.ExecHandlerFunc) interp.ExecHandlerFunc {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		path, err := interp.LookPathDir(hc.Dir, hc.Env, args[0])
		if err != nil {
			fmt.Fprintln(hc.Stderr, err)
			return interp.ExitStatus(127)
		}
		cmd := &exec.Cmd{Path: path, Args: args, Env: exportedEnv(hc.Env), Dir: hc.Dir,
			Stdin: hc.Stdin, Stdout: hc.Stdout, Stderr: hc.Stderr, SysProcAttr: jobProcAttr()}
		err = cmd.Start()
		for delay := time.Millisecond; errors.Is(err, syscall.ETXTBSY) && delay < 300*time.Millisecond; delay *= 2 {
			time.Sleep(delay)
			cmd = &exec.Cmd{Path: path, Args: args, Env: cmd.Env, Dir: hc.Dir,
				Stdin: hc.Stdin, Stdout: hc.Stdout, Stderr: hc.Stderr, SysProcAttr: jobProcAttr()}
			err = cmd.Start()
		}
		switch {
		case errors.Is(err, syscall.ENOEXEC):
			// A script without #!: the interpreter's handler runs it.
			return next(ctx, args)
		case errors.Is(err, syscall.ENOENT):
			fmt.Fprintf(hc.Stderr, "gosh: %s: %v\n", args[0], err)
			return interp.ExitStatus(127)
		case err != nil:
			fmt.Fprintf(hc.Stderr, "gosh: %s: %v\n", args[0], err)
			return interp.ExitStatus(126)
		}
		pgid := cmd.Process.Pid
		trackGroup(pgid, true)
		defer trackGroup(pgid, false)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-ctx.Done():
			killGroups([]int{pgid})
			err = <-done
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				return interp.ExitStatus(128 + int(ws.Signal()))
			}
			return interp.ExitStatus(ee.ExitCode())
		}
		if err != nil {
			fmt.Fprintf(hc.Stderr, "gosh: %s: %v\n", args[0], err)
			return interp.ExitStatus(1)
		}
		return nil
	}
}

// exportedEnv returns the exported variables of env as "NAME=value".
func exportedEnv(env expand.Environ) []string {
	seen := map[string]int{}
	var list []string
	for name, vr := range env.Each {
		i, dup := seen[name]
		keep := vr.IsSet() && vr.Exported && vr.Kind == expand.String && !strings.HasPrefix(name, "\x00")
		switch {
		case dup && keep:
			list[i] = name + "=" + vr.String()
		case dup:
			list[i] = ""
		case keep:
			seen[name] = len(list)
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

// trackGroup adds or removes a process group of the running job.
func trackGroup(pgid int, add bool) {
	worker.mu.Lock()
	defer worker.mu.Unlock()
	if worker.groups == nil {
		worker.groups = map[int]bool{}
	}
	if add {
		worker.groups[pgid] = true
	} else {
		delete(worker.groups, pgid)
	}
}

// jobGroups returns the process groups of the running job.
func jobGroups() []int {
	worker.mu.Lock()
	defer worker.mu.Unlock()
	var out []int
	for g := range worker.groups {
		out = append(out, g)
	}
	return out
}

// killGrace is how long a job's processes have between SIGTERM and
// SIGKILL, GNU parallel's first wait.
const killGrace = 200 * time.Millisecond

// killGroups ends process groups as GNU parallel ends a job: SIGTERM, and
// SIGKILL for what is left after a short grace.
func killGroups(groups []int) {
	for _, g := range groups {
		syscall.Kill(-g, syscall.SIGTERM) //nolint:errcheck // gone already
		syscall.Kill(-g, syscall.SIGCONT) //nolint:errcheck
	}
	deadline := time.Now().Add(killGrace)
	for _, g := range groups {
		for syscall.Kill(-g, 0) == nil && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		syscall.Kill(-g, syscall.SIGKILL) //nolint:errcheck
	}
}

// workerSignals sets a worker's signals. The worker is in the process
// group of the shell that started it, so a C-c or C-z at the terminal
// reaches it: it passes SIGINT and SIGQUIT on to the job's process
// groups (as the terminal would, had they been in its foreground group)
// and leaves the rest to the parallel built-in, which ends the pool. A
// SIGTERM or SIGHUP (the pool being terminated) kills the job's processes
// and the worker. The signals are caught, not ignored, so that the
// commands of the jobs get their default actions.
func workerSignals() {
	ch := make(chan os.Signal, 8)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM, syscall.SIGHUP,
		syscall.SIGTSTP, syscall.SIGTTIN, syscall.SIGTTOU)
	go func() {
		for sig := range ch {
			s := sig.(syscall.Signal)
			switch s {
			case syscall.SIGINT, syscall.SIGQUIT:
				for _, g := range jobGroups() {
					syscall.Kill(-g, s) //nolint:errcheck
				}
			case syscall.SIGTERM, syscall.SIGHUP:
				killGroups(jobGroups())
				os.Exit(128 + int(s))
			}
		}
	}()
}

// WorkerMain is the entry hook of gosh's helper processes: the program
// calls it first thing in main. In a process started by
// runtime/multiprocessing for a built-in (the workers of parallel, the
// holders of sem, the server of mq: multiprocessing.Main), or as the
// process of an after or every job, it runs what that process was
// started for and exits; otherwise it returns at once.
func WorkerMain() {
	if os.Getenv(envTimerJob) != "" {
		os.Exit(runTimerJob())
	}
	if os.Getenv(envSubshell) != "" {
		os.Exit(runSubshell()) // subshell.go
	}
	multiprocessing.Main()
}

// setupOf returns what a command run apart from the shell (a job of
// parallel, a command of sem, after or every) takes from it: the
// exported variables of the command's environment, its directory, and
// the shell's functions.
func (s *Shell) setupOf(hc interp.HandlerContext) parSetup {
	return parSetup{Env: exportedEnv(hc.Env), Dir: hc.Dir, Funcs: s.funcsSource()}
}

// runApart runs the shell command src in a new shell made from setup,
// with the given standard input, output and error, and returns its exit
// status. With groups, its external commands run in process groups of
// their own that die with this process (as in a pool worker).
func runApart(ctx context.Context, setup parSetup, src string, stdin *os.File, stdout, stderr io.Writer, groups bool) int {
	sh, err := New(Options{Env: setup.Env, Dir: setup.Dir, Stdin: stdin, Stdout: stdout, Stderr: stderr})
	if err != nil {
		fmt.Fprintf(stderr, "gosh: %v\n", err)
		return 1
	}
	if groups {
		interp.ExecHandlers(workerExec)(sh.runner) //nolint:errcheck // never fails
	}
	if err := sh.RunString(ctx, setup.Funcs); ExitCode(err) != 0 {
		fmt.Fprintf(stderr, "gosh: defining functions: %v\n", err)
		return 1
	}
	return sh.Report(sh.RunString(ctx, src))
}
