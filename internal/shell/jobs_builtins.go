package shell

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"mvdan.cc/sh/v3/interp"
)

func init() {
	registerDefault("jobs", (*Shell).jobsBuiltin)
	registerDefault("fg", (*Shell).fgBuiltin)
	registerDefault("bg", (*Shell).bgBuiltin)
	registerDefault("disown", (*Shell).disownBuiltin)
}

// builtinError prints "gosh: NAME: MSG" on the command's standard error
// and returns status as the command's.
func builtinError(ctx context.Context, name string, status int, format string, args ...any) error {
	fmt.Fprintf(stderrOf(ctx), "gosh: %s: %s\n", name, fmt.Sprintf(format, args...))
	return interp.ExitStatus(status)
}

// parseFlags splits args into the single-letter flags it starts with (from
// allowed) and the rest, as bash's internal_getopt does.
func parseFlags(args []string, allowed string) (flags map[byte]bool, rest []string, bad byte) {
	flags = map[byte]bool{}
	for i, a := range args {
		if a == "--" {
			return flags, args[i+1:], 0
		}
		if len(a) < 2 || a[0] != '-' {
			return flags, args[i:], 0
		}
		for j := 1; j < len(a); j++ {
			if !strings.ContainsRune(allowed, rune(a[j])) {
				return flags, nil, a[j]
			}
			flags[a[j]] = true
		}
	}
	return flags, nil, 0
}

// jobsBuiltin is bash's jobs [-lnprs] [jobspec ...]: it lists the jobs,
// and the ended ones leave the table once listed.
func (s *Shell) jobsBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		flags, rest, bad := parseFlags(args[1:], "lnprs")
		if bad != 0 {
			fmt.Fprintf(stderrOf(ctx), "gosh: jobs: -%c: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n", bad)
			return interp.ExitStatus(2)
		}
		jt := s.jobs
		jt.mu.Lock()
		defer jt.mu.Unlock()
		list := jt.jobs
		status := 0
		if len(rest) > 0 {
			list = nil
			for _, spec := range rest {
				j, err := jt.findJobLocked(spec, false)
				if err != nil {
					fmt.Fprintf(stderrOf(ctx), "gosh: jobs: %v\n", err)
					status = 1
					continue
				}
				list = append(list, j)
			}
		}
		var b strings.Builder
		var done []*job
		for _, j := range list {
			st := j.state()
			switch {
			case st == jobDone && jt.script:
				// A shell that is not interactive forgets a job
				// once it has ended, saying nothing (bash).
				done = append(done, j)
				continue
			case flags['r'] && st != jobRunning, flags['s'] && st != jobStopped:
				continue
			case flags['n'] && j.notified == st && st != jobDone:
				continue
			}
			if flags['p'] {
				fmt.Fprintf(&b, "%d\n", j.pgid)
			} else {
				b.WriteString(jt.formatLocked(j, flags['l']))
			}
			j.notified = st
			if st == jobDone {
				done = append(done, j)
			}
		}
		for _, j := range done {
			jt.removeLocked(j)
		}
		fmt.Fprint(stdoutOf(ctx), b.String())
		if status != 0 {
			return interp.ExitStatus(status)
		}
		return nil
	}
}

// jobArg returns the job a fg, bg or disown argument names (the current
// job for none), reporting the error as bash does.
func (s *Shell) jobArg(ctx context.Context, name string, args []string) (*job, error) {
	spec := "%+"
	if len(args) > 0 {
		spec = args[0]
	}
	s.jobs.mu.Lock()
	j, err := s.jobs.findJobLocked(spec, true)
	s.jobs.mu.Unlock()
	if err != nil {
		return nil, builtinError(ctx, name, 1, "%v", err)
	}
	return j, nil
}

// fgBuiltin is bash's fg [jobspec]: it continues the job in the
// foreground and waits for it.
func (s *Shell) fgBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		if s.jobs.tc == nil {
			return builtinError(ctx, "fg", 1, "no job control")
		}
		_, rest, _ := parseFlags(args[1:], "")
		j, err := s.jobArg(ctx, "fg", rest)
		if err != nil {
			return err
		}
		if st := s.jobs.foreground(ctx, j, stdoutOf(ctx)); st != 0 {
			return interp.ExitStatus(st)
		}
		return nil
	}
}

// bgBuiltin is bash's bg [jobspec ...]: it continues stopped jobs in the
// background.
func (s *Shell) bgBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		if s.jobs.tc == nil {
			return builtinError(ctx, "bg", 1, "no job control")
		}
		_, rest, _ := parseFlags(args[1:], "")
		if len(rest) == 0 {
			rest = []string{"%+"}
		}
		status := 0
		for _, spec := range rest {
			j, err := s.jobArg(ctx, "bg", []string{spec})
			if err != nil {
				status = 1
				continue
			}
			s.jobs.mu.Lock()
			running := j.bg && j.state() == jobRunning
			s.jobs.mu.Unlock()
			if running {
				fmt.Fprintf(stderrOf(ctx), "gosh: bg: job %d already in background\n", j.id)
				continue
			}
			s.jobs.background(j, stdoutOf(ctx))
		}
		if status != 0 {
			return interp.ExitStatus(status)
		}
		return nil
	}
}

// disownBuiltin is bash's disown [-h] [-ar] [jobspec ...]: the jobs leave
// the table (they run on, and the shell no longer sends them SIGHUP), or
// with -h stay but get no SIGHUP.
func (s *Shell) disownBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		flags, rest, bad := parseFlags(args[1:], "ahr")
		if bad != 0 {
			fmt.Fprintf(stderrOf(ctx), "gosh: disown: -%c: invalid option\ndisown: usage: disown [-h] [-ar] [jobspec ... | pid ...]\n", bad)
			return interp.ExitStatus(2)
		}
		jt := s.jobs
		jt.mu.Lock()
		defer jt.mu.Unlock()
		var list []*job
		switch {
		case len(rest) > 0:
			for _, spec := range rest {
				j, err := jt.findJobLocked(spec, false)
				if err != nil {
					if pj := jt.byPidLocked(atoiOr(spec, -1)); pj != nil {
						j, err = pj, nil
					}
				}
				if err != nil {
					var nj errNoJob
					if errors.As(err, &nj) {
						fmt.Fprintf(stderrOf(ctx), "gosh: disown: %s: no such job\n", spec)
					} else {
						fmt.Fprintf(stderrOf(ctx), "gosh: disown: %v\n", err)
					}
					return interp.ExitStatus(1)
				}
				list = append(list, j)
			}
		case flags['a'] || flags['r']:
			list = append(list, jt.jobs...)
		default:
			cur, _ := jt.currentLocked()
			if cur == nil {
				fmt.Fprintln(stderrOf(ctx), "gosh: disown: current: no such job")
				return interp.ExitStatus(1)
			}
			list = []*job{cur}
		}
		for _, j := range list {
			if flags['r'] && j.state() != jobRunning {
				continue
			}
			if flags['h'] {
				j.noHUP = true
				continue
			}
			j.disowned = true
			jt.removeLocked(j)
		}
		return nil
	}
}
