package shell

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/interp"
)

func init() { registerDefault("kill", (*Shell).killBuiltin) }

const killUsage = "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]"

// Linux numbers its real-time signals from 34 for programs (glibc keeps 32
// and 33), and bash names them from both ends, as kill -l shows.
const (
	sigRTMin = 34
	sigRTMax = 64
)

// signalName returns a signal's name without "SIG", as kill -l shows it
// ("HUP", "RTMIN+3"), or "" for a number that is no signal.
func signalName(n int) string {
	switch {
	case n >= 1 && n < 32:
		return strings.TrimPrefix(unix.SignalName(syscall.Signal(n)), "SIG")
	case n == sigRTMin:
		return "RTMIN"
	case n == sigRTMax:
		return "RTMAX"
	case n > sigRTMin && n <= sigRTMin+15:
		return "RTMIN+" + strconv.Itoa(n-sigRTMin)
	case n > sigRTMin+15 && n < sigRTMax:
		return "RTMAX-" + strconv.Itoa(sigRTMax-n)
	}
	return ""
}

// parseSignal reads a signal as bash's decode_signal does: a number, or a
// name with or without "SIG", in any case.
func parseSignal(spec string) (syscall.Signal, bool) {
	if n, err := strconv.Atoi(spec); err == nil {
		if n == 0 || signalName(n) != "" {
			return syscall.Signal(n), true
		}
		return 0, false
	}
	name := strings.TrimPrefix(strings.ToUpper(spec), "SIG")
	for n := 1; n <= sigRTMax; n++ {
		if signalName(n) == name {
			return syscall.Signal(n), true
		}
	}
	return 0, false
}

// killBuiltin is bash's kill: kill [-s sigspec | -n signum | -sigspec]
// pid | jobspec ..., and kill -l [sigspec | status]. A job spec signals
// the job's process group; a stopped job sent SIGTERM or SIGHUP is also
// continued, so that it can die.
func (s *Shell) killBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		args = args[1:]
		stderr := stderrOf(ctx)
		if len(args) == 0 {
			fmt.Fprintln(stderr, killUsage)
			return interp.ExitStatus(2)
		}
		sig := syscall.SIGTERM
		switch a := args[0]; {
		case a == "-l" || a == "-L":
			return killList(ctx, args[1:])
		case a == "-s" || a == "-n":
			if len(args) < 2 {
				return builtinError(ctx, "kill", 2, "%s: option requires an argument", a)
			}
			n, ok := parseSignal(args[1])
			if !ok {
				return builtinError(ctx, "kill", 1, "%s: invalid signal specification", args[1])
			}
			sig, args = n, args[2:]
		case a == "--":
			args = args[1:]
		case len(a) > 1 && a[0] == '-':
			n, ok := parseSignal(a[1:])
			if !ok {
				return builtinError(ctx, "kill", 1, "%s: invalid signal specification", a[1:])
			}
			sig, args = n, args[1:]
		}
		if len(args) > 0 && args[0] == "--" {
			args = args[1:]
		}
		if len(args) == 0 {
			fmt.Fprintln(stderr, killUsage)
			return interp.ExitStatus(2)
		}
		status := 0
		jt := s.jobs
		for _, target := range args {
			if strings.HasPrefix(target, "%") {
				jt.mu.Lock()
				j, err := jt.findJobLocked(target, false)
				if err == nil {
					err = jt.signalLocked(j, sig)
					if err == nil && j.state() == jobStopped && (sig == syscall.SIGTERM || sig == syscall.SIGHUP) {
						jt.signalLocked(j, syscall.SIGCONT) //nolint:errcheck
					}
				}
				jt.mu.Unlock()
				if err != nil {
					if _, ok := err.(errNoJob); ok {
						fmt.Fprintf(stderr, "gosh: kill: %v\n", err)
					} else {
						fmt.Fprintf(stderr, "gosh: kill: (%d) - %s\n", j.pgid, errText(err))
					}
					status = 1
				}
				continue
			}
			pid, err := strconv.Atoi(target)
			if err != nil {
				fmt.Fprintf(stderr, "gosh: kill: %s: arguments must be process or job IDs\n", target)
				status = 1
				continue
			}
			if pid == os.Getpid() && s.trapSelf(sig) {
				continue // recorded for its trap at once (traps.go)
			}
			if err := syscall.Kill(pid, sig); err != nil {
				fmt.Fprintf(stderr, "gosh: kill: (%d) - %s\n", pid, errText(err))
				status = 1
			}
		}
		if status != 0 {
			return interp.ExitStatus(status)
		}
		return nil
	}
}

// killList is kill -l: every signal in bash's columns, or the name of each
// number (an exit status above 128 names its signal) and the number of
// each name.
func killList(ctx context.Context, args []string) error {
	stdout := stdoutOf(ctx)
	if len(args) == 0 {
		var b strings.Builder
		col := 0
		for n := 1; n <= sigRTMax; n++ {
			name := signalName(n)
			if name == "" {
				continue
			}
			fmt.Fprintf(&b, "%2d) SIG%s", n, name)
			col++
			if col%5 == 0 {
				b.WriteByte('\n')
			} else {
				b.WriteByte('\t')
			}
		}
		if col%5 != 0 {
			b.WriteByte('\n')
		}
		fmt.Fprint(stdout, b.String())
		return nil
	}
	status := 0
	for _, a := range args {
		if n, err := strconv.Atoi(a); err == nil {
			if n > 128 {
				n -= 128
			}
			if name := signalName(n); name != "" {
				fmt.Fprintln(stdout, name)
				continue
			}
		} else if sig, ok := parseSignal(a); ok {
			fmt.Fprintln(stdout, int(sig))
			continue
		}
		fmt.Fprintf(stderrOf(ctx), "gosh: kill: %s: invalid signal specification\n", a)
		status = 1
	}
	if status != 0 {
		return interp.ExitStatus(status)
	}
	return nil
}
