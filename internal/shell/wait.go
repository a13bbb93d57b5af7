package shell

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

func init() { registerDefault("wait", (*Shell).waitBuiltin) }

// waitBuiltin is bash's wait [-fn] [id ...] (-p: waitPCall), taken over from the
// interpreter so that it knows gosh's jobs: an id is a job spec (%1) or a
// process ID ($!). Without ids it waits for every running job, and for the
// background commands the interpreter runs itself (a "&" inside a loop or
// a function, whose "g1"-style ids it passes on to the interpreter).
// A C-c stops the wait with status 130.
func (s *Shell) waitBuiltin() Builtin {
	wait := s.waitCmd()
	return func(ctx context.Context, args []string) error {
		// A trapped signal ends the wait at once with status 128+signal,
		// as in bash; its action runs before the next command.
		wake := s.trapWake()
		if wake == nil {
			return wait(ctx, args)
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		trapped := make(chan struct{})
		go func() {
			select {
			case <-wake:
				close(trapped)
				cancel()
			case <-ctx.Done():
			}
		}()
		err := wait(ctx, args)
		select {
		case <-trapped:
			if sig := s.lastPendingSignal(); sig != 0 {
				return interp.ExitStatus(128 + int(sig))
			}
		default:
		}
		return err
	}
}

// waitCmd is wait without traps.
func (s *Shell) waitCmd() Builtin {
	return func(ctx context.Context, args []string) error {
		flags, rest, bad := parseFlags(args[1:], "fn")
		if bad != 0 {
			fmt.Fprintf(stderrOf(ctx), "gosh: wait: -%c: invalid option\nwait: usage: wait [-fn] [-p var] [id ...]\n", bad)
			return interp.ExitStatus(2)
		}
		jt := s.jobs
		if flags['n'] {
			return s.waitAny(ctx)
		}
		if len(rest) == 0 {
			if err := runInterpBuiltin(ctx, []string{"wait"}); err != nil {
				return err
			}
			jt.mu.Lock()
			for _, k := range jt.jobs {
				if k.state() == jobStopped {
					fmt.Fprintf(stderrOf(ctx), "gosh: wait: warning: job %d[%d] stopped\n", k.id, k.pgid)
				}
			}
			jt.mu.Unlock()
			for {
				jt.mu.Lock()
				var j *job
				for _, k := range jt.jobs {
					if k.state() != jobStopped {
						j = k
						break
					}
				}
				jt.mu.Unlock()
				if j == nil {
					return nil
				}
				if _, ok := jt.waitJob(ctx, j); !ok {
					return interp.ExitStatus(130)
				}
			}
		}
		status := 0
		for _, id := range rest {
			if strings.HasPrefix(id, "g") {
				if err := runInterpBuiltin(ctx, []string{"wait", id}); err != nil {
					return err
				}
				status = 0
				continue
			}
			jt.mu.Lock()
			var j *job
			var err error
			pid := -1
			if strings.HasPrefix(id, "%") {
				j, err = jt.findJobLocked(id, false)
			} else if n, aerr := strconv.Atoi(id); aerr == nil && n > 0 {
				pid = n
				j = jt.byPidLocked(n)
			} else {
				jt.mu.Unlock()
				fmt.Fprintf(stderrOf(ctx), "gosh: wait: `%s': not a pid or valid job spec\n", id)
				status = 2
				continue
			}
			jt.mu.Unlock()
			switch {
			case err != nil:
				fmt.Fprintf(stderrOf(ctx), "gosh: wait: %v\n", err)
				status = 127
				continue
			case j == nil:
				jt.mu.Lock()
				st, ok := jt.finished[pid]
				jt.mu.Unlock()
				if ok {
					status = st
					continue
				}
				fmt.Fprintf(stderrOf(ctx), "gosh: wait: pid %d is not a child of this shell\n", pid)
				status = 127
				continue
			}
			jt.mu.Lock()
			jt.waited = id
			jt.mu.Unlock()
			st, ok := s.waitFor(ctx, j, pid)
			if !ok {
				return interp.ExitStatus(130)
			}
			status = st
		}
		if status != 0 {
			return interp.ExitStatus(status)
		}
		return nil
	}
}

// waitFor waits for job j, or for its process pid when that is not the
// process $! gave for the job, and returns the status.
func (s *Shell) waitFor(ctx context.Context, j *job, pid int) (int, bool) {
	jt := s.jobs
	if pid <= 0 || pid == j.firstPid || pid == j.pgid {
		return jt.waitJob(ctx, j)
	}
	jt.mu.Lock()
	defer jt.mu.Unlock()
	for {
		for _, p := range j.procs {
			if p.pid == pid && p.state == procExited {
				return waitStatusCode(p.ws), true
			}
		}
		if j.state() == jobDone {
			return j.exitStatus(), true
		}
		if !jt.waitChange(ctx) {
			return 0, false
		}
	}
}

// waitAny is wait -n: it waits for the next job to end and returns its
// status, or 127 when no job runs.
func (s *Shell) waitAny(ctx context.Context) error {
	jt := s.jobs
	jt.mu.Lock()
	defer jt.mu.Unlock()
	for {
		running := false
		for _, j := range jt.jobs {
			switch j.state() {
			case jobDone:
				jt.removeLocked(j)
				jt.waited = j.spec()
				if st := j.exitStatus(); st != 0 {
					return interp.ExitStatus(st)
				}
				return nil
			case jobRunning:
				running = true
			}
		}
		if !running {
			return interp.ExitStatus(127)
		}
		if !jt.waitChange(ctx) {
			return interp.ExitStatus(130)
		}
	}
}

// waitPCall handles wait -p NAME (bash 5.1): it waits as wait does, then
// assigns NAME the process ID (or job spec) of the job whose status it
// returns. The variable is set through the interpreter: the command
// becomes an eval of the assignment and the status. handled is false for
// a wait without -p.
func (s *Shell) waitPCall(ctx context.Context, args []string) ([]string, bool) {
	var rest []string
	name := ""
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--" || len(a) < 2 || a[0] != '-' {
			rest = append(rest, args[i:]...)
			break
		}
		if strings.HasSuffix(a, "p") && i+1 < len(args) {
			name = args[i+1]
			if a != "-p" {
				rest = append(rest, strings.TrimSuffix(a, "p"))
			}
			i++
			continue
		}
		rest = append(rest, a)
	}
	if name == "" {
		return args, false
	}
	if !syntax.ValidName(name) {
		fmt.Fprintf(stderrOf(ctx), "gosh: wait: `%s': not a valid identifier\n", name)
		return statusCommand(1), true
	}
	wait, ok := s.lookupBuiltin("wait")
	if !ok {
		return args, false
	}
	s.jobs.mu.Lock()
	s.jobs.waited = ""
	s.jobs.mu.Unlock()
	status := ExitCode(wait(ctx, append([]string{"wait"}, rest...)))
	s.jobs.mu.Lock()
	id := s.jobs.waited
	s.jobs.mu.Unlock()
	code := "unset " + name + "\n"
	if id != "" {
		code = name + "=" + quoteWords([]string{id}) + "\n"
	}
	return []string{"eval", code + statusScript(status)}, true
}

// spec is how $! names the job: its first process's ID, or its job spec
// when it started none.
func (j *job) spec() string {
	if j.firstPid != 0 {
		return strconv.Itoa(j.firstPid)
	}
	return "%" + strconv.Itoa(j.id)
}
