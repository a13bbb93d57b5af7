package shell

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
	worker.mu.Lock()
	worker.sh, worker.null = sh, null
	worker.groups = map[int]bool{}
	worker.mu.Unlock()
	return nil
}

// workerRun runs one job in a subshell of the worker's shell.
func workerRun(j parJob) (parResult, error) {
	worker.mu.Lock()
	sh, null := worker.sh, worker.null
	worker.mu.Unlock()
	if sh == nil {
		return parResult{}, errors.New("parallel: worker not initialised")
	}
	var out, errb bytes.Buffer
	res := parResult{Start: time.Now().UnixNano()}
	file, err := syntax.NewParser().Parse(strings.NewReader(j.Cmd), "")
	if err != nil {
		fmt.Fprintf(&errb, "gosh: parallel: %v\n", err)
		res.Status = 2
		res.Stderr = errb.Bytes()
		return res, nil
	}
	ctx := context.Background()
	if j.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Duration(j.Timeout))
		defer cancel()
	}
	r := sh.runner.Subshell()
	if err := interp.StdIO(null, &out, &errb)(r); err != nil {
		return parResult{}, err
	}
	err = r.Run(ctx, file)
	res.Dur = time.Now().UnixNano() - res.Start
	res.Status = ExitCode(err)
	if j.Timeout > 0 && ctx.Err() != nil {
		res.Status, res.TimedOut = -1, true
	}
	res.Stdout, res.Stderr = out.Bytes(), errb.Bytes()
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
		keep := vr.IsSet() && vr.Exported && vr.Kind == expand.String
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

// WorkerMain is the entry hook of gosh's worker processes: the program
// calls it first thing in main. In a process started by
// runtime/multiprocessing for a built-in (the workers of parallel, the
// holders of sem, the server of mq) it runs what that process was started
// for and exits; otherwise it returns at once. It is
// multiprocessing.Main.
func WorkerMain() { multiprocessing.Main() }
