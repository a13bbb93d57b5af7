package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/runtime/multiprocessing"
)

func init() {
	registerDefault("sem", (*Shell).semBuiltin)
	registerHelp("sem", helpTopic{
		synopsis: "sem [-j N] [--id NAME] [--fg] command [arg ...] or sem [--id NAME] --wait",
		short:    "Run a command under a counting semaphore shared between processes.",
		long: `Run COMMAND once one of N slots of the semaphore NAME is free, as GNU
sem does: scripts and shells that use the same NAME share the limit.
sem waits for a slot, then starts COMMAND in the background and returns
(with --fg, runs it and returns its status).  The slot is free again
when COMMAND ends, or when the process holding it dies.

The slots are files under $XDG_RUNTIME_DIR/gosh/sem/NAME (else
~/.gosh/sem/NAME) locked with flock(2): the kernel drops the lock of a
process that dies, so a killed holder never keeps its slot.  COMMAND
runs in a gosh process of its own holding the lock, with the shell's
functions, exported variables and working directory.

Options:
  -j N       N slots (default 1: a mutex); N% of the CPUs, +N, -N as parallel
  --id NAME  the semaphore's name (default: the terminal of the output,
             else "default")
  --fg       run COMMAND in the foreground and return its status
  --wait     wait until every slot of NAME is free (all commands done)

Exit Status:
0 (the status of COMMAND with --fg), 2 for a usage error.`,
	})
}

const semUsage = "sem: usage: sem [-j N] [--id NAME] [--fg] command [arg ...] or sem [--id NAME] --wait"

// semHolderTarget runs sem's command in the background, in a process
// that holds the slot's lock.
var semHolderTarget = multiprocessing.Register("gosh.sem.holder", semHolder)

// semBuiltin is GNU sem: sem [-j N] [--id NAME] [--fg] [--wait] command.
func (s *Shell) semBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		stderr := stderrOf(ctx)
		usage := func(format string, a ...any) error {
			fmt.Fprintf(stderr, "gosh: sem: "+format+"\n%s\n", append(a, semUsage)...)
			return interp.ExitStatus(2)
		}
		jobs, id, fg, wait := 1, "", false, false
		args = args[1:]
		for len(args) > 0 && strings.HasPrefix(args[0], "-") {
			a := args[0]
			args = args[1:]
			name, val, has := strings.Cut(a, "=")
			value := func() (string, bool) {
				if has {
					return val, true
				}
				if len(args) == 0 {
					return "", false
				}
				v := args[0]
				args = args[1:]
				return v, true
			}
			switch {
			case a == "--":
			case a == "--fg":
				fg = true
			case a == "--wait":
				wait = true
			case a == "--will-cite":
			case name == "--id", name == "--semaphorename":
				v, ok := value()
				if !ok || v == "" {
					return usage("%s: option requires an argument", name)
				}
				id = v
			case name == "--jobs", a == "-j", strings.HasPrefix(a, "-j") && !strings.HasPrefix(a, "--"):
				var v string
				var ok bool
				if strings.HasPrefix(a, "-j") && len(a) > 2 {
					v, ok = a[2:], true
				} else {
					v, ok = value()
				}
				if !ok {
					return usage("-j: option requires an argument")
				}
				n, err := parseJobs(v, multiprocessing.CPUCount())
				if err != nil || n < 1 {
					return usage("-j: %s: invalid number of slots", v)
				}
				jobs = n
			default:
				return usage("%s: invalid option", a)
			}
			if a == "--" {
				break
			}
		}
		if id == "" {
			id = defaultSemID(hc)
		}
		dir, err := semDir(hc, id)
		if err != nil {
			fmt.Fprintf(stderr, "gosh: sem: %v\n", err)
			return interp.ExitStatus(1)
		}
		if wait {
			if len(args) > 0 {
				return usage("--wait takes no command")
			}
			return semWaitAll(ctx, dir)
		}
		if len(args) == 0 {
			return usage("no command")
		}
		slot, err := semAcquire(ctx, dir, jobs)
		if err != nil {
			return err
		}
		defer slot.Close()
		setup := s.setupOf(hc)
		// As in GNU sem, the words are joined into a shell command.
		src := strings.Join(args, " ")
		if fg {
			// The shell holds the slot while the command runs in it.
			stdin, _ := hc.Stdin.(*os.File)
			return statusErr(runApart(ctx, setup, src, stdin, stdoutOf(ctx), stderr, false))
		}
		if err := startSemHolder(slot, setup, src, hc); err != nil {
			fmt.Fprintf(stderr, "gosh: sem: %v\n", err)
			return interp.ExitStatus(1)
		}
		return nil
	}
}

// defaultSemID is GNU sem's default name: the terminal of the output.
func defaultSemID(hc interp.HandlerContext) string {
	if f, ok := hc.Stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if name, err := os.Readlink(fmt.Sprintf("/proc/self/fd/%d", f.Fd())); err == nil {
			return "tty" + strings.ReplaceAll(name, "/", "_")
		}
	}
	return "default"
}

// semDir returns (and makes) the directory of a semaphore's slot files.
func semDir(hc interp.HandlerContext, id string) (string, error) {
	base := ""
	if d := hc.Env.Get("XDG_RUNTIME_DIR").String(); filepath.IsAbs(d) {
		base = filepath.Join(d, "gosh", "sem")
	} else {
		home := hc.Env.Get("HOME").String()
		if home == "" {
			var err error
			if home, err = os.UserHomeDir(); err != nil {
				return "", err
			}
		}
		base = filepath.Join(home, ".gosh", "sem")
	}
	// A name is one path element: "/" and a leading "." are escaped.
	name := strings.ReplaceAll(strings.ReplaceAll(id, "%", "%25"), "/", "%2F")
	if strings.HasPrefix(name, ".") {
		name = "%2E" + name[1:]
	}
	dir := filepath.Join(base, name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

// semAcquire takes one of n slots in dir: the first slot file it can
// lock, trying again every few milliseconds until one is free.
func semAcquire(ctx context.Context, dir string, n int) (*os.File, error) {
	delay := 5 * time.Millisecond
	for {
		for k := range n {
			f, err := os.OpenFile(filepath.Join(dir, "slot."+strconv.Itoa(k)), os.O_RDWR|os.O_CREATE, 0o600)
			if err != nil {
				return nil, err
			}
			if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err == nil {
				return f, nil
			}
			f.Close()
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(delay*2, 100*time.Millisecond)
	}
}

// semWaitAll waits until no slot file in dir is locked.
func semWaitAll(ctx context.Context, dir string) error {
	names, _ := filepath.Glob(filepath.Join(dir, "slot.*"))
	delay := 5 * time.Millisecond
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		for unix.Flock(int(f.Fd()), unix.LOCK_SH|unix.LOCK_NB) != nil {
			select {
			case <-ctx.Done():
				f.Close()
				return ctx.Err()
			case <-time.After(delay):
			}
			delay = min(delay*2, 100*time.Millisecond)
		}
		f.Close()
	}
	return nil
}

// startSemHolder starts the process that runs the command and holds the
// slot: it inherits the locked file (the same open file, so the same
// lock) and the command's standard input, output and error.
func startSemHolder(slot *os.File, setup parSetup, src string, hc interp.HandlerContext) error {
	if multiprocessing.CurrentProcess().Daemon {
		return errors.New("cannot start a background command here (a parallel job): use --fg")
	}
	var conns []*multiprocessing.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	share := func(f *os.File) error {
		d, err := unix.FcntlInt(f.Fd(), unix.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			return err
		}
		conns = append(conns, multiprocessing.NewConn(d, true, true))
		return nil
	}
	if err := share(slot); err != nil {
		return err
	}
	var copies []func()
	for i, std := range []any{hc.Stdin, hc.Stdout, hc.Stderr} {
		f, ok := std.(*os.File)
		if !ok {
			// Not a file (a test's buffer): through a pipe.
			r, w, err := os.Pipe()
			if err != nil {
				return err
			}
			if i == 0 {
				w.Close()
				f = r
			} else {
				f = w
				dst := std.(io.Writer)
				copies = append(copies, func() { io.Copy(dst, r); r.Close() }) //nolint:errcheck
			}
			defer f.Close()
		}
		if err := share(f); err != nil {
			return err
		}
	}
	p := multiprocessing.NewProcess(semHolderTarget, setup, src, conns[0], conns[1], conns[2], conns[3])
	p.Name = "sem"
	if err := p.Start(); err != nil {
		return err
	}
	for _, c := range copies {
		go c()
	}
	return nil
}

// semHolder is the background process of sem: it keeps the slot's lock
// (not passed on to the command's processes) while it runs the command.
func semHolder(setup parSetup, src string, lock, stdin, stdout, stderr *multiprocessing.Conn) error {
	unix.CloseOnExec(lock.Fileno())
	file := func(c *multiprocessing.Conn, name string) *os.File {
		d, err := unix.FcntlInt(uintptr(c.Fileno()), unix.F_DUPFD_CLOEXEC, 0)
		c.Close()
		if err != nil {
			return nil
		}
		return os.NewFile(uintptr(d), name)
	}
	in, out, errf := file(stdin, "stdin"), file(stdout, "stdout"), file(stderr, "stderr")
	if out == nil {
		out = os.Stdout
	}
	if errf == nil {
		errf = os.Stderr
	}
	workerSignals()
	code := runApart(context.Background(), setup, src, in, out, errf, true)
	runtime.KeepAlive(lock) // its descriptor holds the slot until now
	os.Exit(code)
	return nil
}
