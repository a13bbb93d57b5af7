package shell

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/runtime/threading"
)

func init() {
	registerDefault("after", func(s *Shell) Builtin { return s.timerBuiltin("after") })
	registerDefault("every", func(s *Shell) Builtin { return s.timerBuiltin("every") })
	registerHelp("after", helpTopic{
		synopsis: "after DELAY command [arg ...]",
		short:    "Run a command after a delay, as a background job.",
		long: `Start a background job that waits DELAY, then runs COMMAND.  DELAY is
a number of seconds, or a number with the suffix s, m, h or d.  As in
sem, the words of COMMAND are joined into one shell command, which runs
with the shell's functions, exported variables and working directory.

The job is a process of its own (waiting on a runtime/threading Timer):
jobs lists it, kill %N cancels it (and the command, if it has started),
wait and fg wait for it; in an interactive shell $! is its process ID.

Exit Status:
0 once the job has started; 2 for a usage error.  The job's status is
the command's.`,
	})
	registerHelp("every", helpTopic{
		synopsis: "every INTERVAL command [arg ...]",
		short:    "Run a command at an interval, as a background job.",
		long: `Start a background job that runs COMMAND every INTERVAL, the first
time INTERVAL from now, until it is killed (kill %N).  INTERVAL is a
number of seconds, or a number with the suffix s, m, h or d; it is
measured from the start of one run to the next, and a run that takes
longer delays the next rather than overlapping it.  The words of
COMMAND are joined into one shell command, which runs with the shell's
functions, exported variables and working directory.

Exit Status:
0 once the job has started; 2 for a usage error.`,
	})
}

// envTimerJob marks the process of an after or every job (see
// WorkerMain); its spec comes on descriptor 3.
const envTimerJob = "GOSH_TIMER_JOB"

// timerSpec is what the process of an after or every job runs.
type timerSpec struct {
	Setup    parSetup
	Src      string
	Delay    time.Duration
	Interval time.Duration // 0 for after
}

// parseDelay reads a delay as sleep does: seconds, or a number with the
// suffix s, m, h or d.
func parseDelay(s string) (time.Duration, bool) {
	unit := time.Second
	switch {
	case strings.HasSuffix(s, "s"):
		s = s[:len(s)-1]
	case strings.HasSuffix(s, "m"):
		s, unit = s[:len(s)-1], time.Minute
	case strings.HasSuffix(s, "h"):
		s, unit = s[:len(s)-1], time.Hour
	case strings.HasSuffix(s, "d"):
		s, unit = s[:len(s)-1], 24*time.Hour
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f > 1e9 || s == "" {
		return 0, false
	}
	return time.Duration(f * float64(unit)), true
}

// timerBuiltin is after DELAY command, or every INTERVAL command.
func (s *Shell) timerBuiltin(name string) Builtin {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		stderr := stderrOf(ctx)
		usage := func(format string, a ...any) error {
			fmt.Fprintf(stderr, "gosh: %s: "+format+"\n%s: usage: %s %s command [arg ...]\n",
				append(append([]any{name}, a...), name, name, map[string]string{"after": "DELAY", "every": "INTERVAL"}[name])...)
			return interp.ExitStatus(2)
		}
		args = args[1:]
		if len(args) > 0 && args[0] == "--" {
			args = args[1:]
		}
		if len(args) < 2 {
			return usage("too few arguments")
		}
		d, ok := parseDelay(args[0])
		if !ok {
			return usage("%s: invalid time interval", args[0])
		}
		if name == "every" && d <= 0 {
			return usage("%s: the interval must be more than zero", args[0])
		}
		spec := timerSpec{Setup: s.setupOf(hc), Src: strings.Join(args[1:], " "), Delay: d}
		if name == "every" {
			spec.Interval = d
		}
		text := name + " " + strings.Join(args, " ")
		pid, err := startTimerProcess(spec, text, hc)
		if err != nil {
			fmt.Fprintf(stderr, "gosh: %s: %v\n", name, err)
			return interp.ExitStatus(1)
		}
		id := s.jobs.addProcessJob(text, pid)
		if s.opts.Interactive {
			fmt.Fprintf(stderr, "[%d] %d\n", id, pid)
		}
		return nil
	}
}

// startTimerProcess starts the gosh binary again as the process of a
// timer job, in a process group of its own, with the spec on descriptor
// 3, standard input /dev/null, and the command's output and error.
func startTimerProcess(spec timerSpec, text string, hc interp.HandlerContext) (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	specR, specW, err := os.Pipe()
	if err != nil {
		return 0, err
	}
	defer specR.Close()
	null, err := os.Open(os.DevNull)
	if err != nil {
		specW.Close()
		return 0, err
	}
	defer null.Close()
	files := []*os.File{null, nil, nil, specR}
	var copies []func()
	for i, w := range []io.Writer{hc.Stdout, hc.Stderr} {
		if f, ok := w.(*os.File); ok {
			files[i+1] = f
			continue
		}
		if w == nil {
			files[i+1] = null
			continue
		}
		// Not a file (a test's buffer): through a pipe.
		r, pw, err := os.Pipe()
		if err != nil {
			specW.Close()
			return 0, err
		}
		defer pw.Close()
		files[i+1] = pw
		dst := w
		copies = append(copies, func() { io.Copy(dst, r); r.Close() }) //nolint:errcheck
	}
	env := append(exportedEnv(hc.Env), envTimerJob+"=1")
	p, err := os.StartProcess(exe, []string{"gosh", "(" + text + ")"}, &os.ProcAttr{
		Dir: hc.Dir, Env: env, Files: files, Sys: &syscall.SysProcAttr{Setpgid: true},
	})
	if err != nil {
		specW.Close()
		return 0, err
	}
	for _, c := range copies {
		go c()
	}
	json.NewEncoder(specW).Encode(spec) //nolint:errcheck // a child that died is reported by the job
	specW.Close()
	pid := p.Pid
	p.Release() //nolint:errcheck // the job table reaps it
	return pid, nil
}

// runTimerJob is the life of a timer job's process: it waits on
// runtime/threading Timers and runs the command once (after) or at each
// interval (every). A signal that would end it ends its whole process
// group, the command with it.
func runTimerJob() int {
	os.Unsetenv(envTimerJob)
	f := os.NewFile(3, "spec")
	var spec timerSpec
	err := json.NewDecoder(f).Decode(&spec)
	f.Close()
	if err != nil {
		fmt.Fprintf(os.Stderr, "gosh: timer job: %v\n", err)
		return 2
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT)
	go func() {
		sig := (<-sigs).(syscall.Signal)
		signal.Reset()
		syscall.Kill(0, sig) //nolint:errcheck // the group: the command, and this process
		time.Sleep(time.Second)
		os.Exit(128 + int(sig))
	}()
	run := func() int {
		return runApart(context.Background(), spec.Setup, spec.Src, os.Stdin, os.Stdout, os.Stderr, false)
	}
	if spec.Interval <= 0 {
		code := 0
		t := threading.NewTimer(spec.Delay, func() { code = run() })
		if err := t.Start(); err != nil {
			return 1
		}
		t.Join(-1) //nolint:errcheck // started above
		return code
	}
	next := time.Now().Add(spec.Interval)
	for {
		t := threading.NewTimer(time.Until(next), func() { run() })
		if err := t.Start(); err != nil {
			return 1
		}
		t.Join(-1) //nolint:errcheck
		next = next.Add(spec.Interval)
		if now := time.Now(); next.Before(now) {
			next = now // a long run: the next starts at once, no catching up
		}
	}
}
