package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/runtime/poll"
)

func init() {
	registerDefault("poll", (*Shell).pollBuiltin)
	registerHelp("poll", helpTopic{
		synopsis: "poll [-a] [-t SECONDS] [-r|-w] TARGET...",
		short:    "Wait until FIFOs, sockets, terminals or descriptors are ready.",
		long: `Wait until one of the TARGETs is ready for reading (-r, the default)
or writing (-w), and print the ready ones, one a line, in the order they
became ready (those ready at the same time in the order given).  With
-a, wait until all are ready.  A TARGET is a descriptor number (0, 1
and 2 are the command's standard input, output and error; others are
the shell process's own), or the path of a FIFO, a Unix socket or a
terminal.

A FIFO polled for reading is ready when it has data.  poll keeps it open
(for reading and writing) until the shell exits, so that the data is
still there for "read < FIFO"; a reader then sees no end of file while
the shell lives.  A FIFO polled for writing is ready once a reader has
it open.  A socket is
connected to: ready for writing once connected, for reading when the
other end sends something or closes.  Regular files and directories are
always ready, so they are refused.

It waits with the platform's best mechanism (epoll, kqueue, poll), from
runtime/poll.

Options:
  -t SECONDS  give up after SECONDS (a decimal number)
  -r          wait for reading (default)
  -w          wait for writing
  -a          wait for all the targets

Exit Status:
0 if a target is ready, 1 on timeout, 2 for a bad target or option.`,
	})
}

const pollUsage = "poll: usage: poll [-a] [-t SECONDS] [-r|-w] TARGET..."

// pollFIFOs holds the FIFOs poll opened for reading, by path, kept open
// for reading and writing for as long as the process lives: the kernel
// drops what is in a FIFO when the last process that has it open closes
// it, and a reader's open waits for a writer. So the data that made a
// FIFO ready is still there for "read < FIFO" after poll returns.
var pollFIFOs struct {
	sync.Mutex
	m map[string]int
}

// pollTarget is one target of poll, open.
type pollTarget struct {
	name  string
	fd    int
	close func()
	ready bool
}

// pollBuiltin is poll [-a] [-t SECONDS] [-r|-w] TARGET...
func (s *Shell) pollBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		stderr := stderrOf(ctx)
		usage := func(format string, a ...any) error {
			fmt.Fprintf(stderr, "gosh: poll: "+format+"\n%s\n", append(a, pollUsage)...)
			return interp.ExitStatus(2)
		}
		timeout := poll.Forever
		events := poll.In
		all := false
		args = args[1:]
	opts:
		for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "-" {
			a := args[0]
			args = args[1:]
			if a == "--" {
				break
			}
			for k := 1; k < len(a); k++ {
				switch a[k] {
				case 'r':
					events = poll.In
				case 'w':
					events = poll.Out
				case 'a':
					all = true
				case 't':
					v := a[k+1:]
					if v == "" {
						if len(args) == 0 {
							return usage("-t: option requires an argument")
						}
						v, args = args[0], args[1:]
					}
					f, err := strconv.ParseFloat(v, 64)
					if err != nil || f < 0 || f > 1e9 {
						return usage("-t: %s: invalid number of seconds", v)
					}
					timeout = time.Duration(f * float64(time.Second))
					continue opts
				default:
					return usage("-%c: invalid option", a[k])
				}
			}
		}
		if len(args) == 0 {
			return usage("no target")
		}
		var deadline time.Time
		if timeout >= 0 {
			deadline = time.Now().Add(timeout)
		}
		var targets []*pollTarget
		defer func() {
			for _, t := range targets {
				if t.close != nil {
					t.close()
				}
			}
		}()
		for _, name := range args {
			t, err := openPollTarget(ctx, name, events, deadline)
			if err == errPollTimeout {
				return interp.ExitStatus(1)
			}
			if err != nil {
				fmt.Fprintf(stderr, "gosh: poll: %s: %v\n", name, err)
				return interp.ExitStatus(2)
			}
			targets = append(targets, t)
		}
		return pollWait(ctx, targets, events, all, deadline, stdoutOf(ctx), stderr)
	}
}

// errPollTimeout is the time running out while a target is opened.
var errPollTimeout = errors.New("timed out")

// openPollTarget opens a target for waiting: a descriptor number or a
// path. A FIFO to write to is ready only once a reader has it open, so
// it is opened when one has, or the deadline passes.
func openPollTarget(ctx context.Context, name string, events poll.Events, deadline time.Time) (*pollTarget, error) {
	hc := interp.HandlerCtx(ctx)
	if n, err := strconv.Atoi(name); err == nil && n >= 0 {
		var f any
		switch n {
		case 0:
			f = hc.Stdin
		case 1:
			f = hc.Stdout
		case 2:
			f = hc.Stderr
		}
		fd := n
		if f != nil {
			sc, ok := f.(syscall.Conn)
			if !ok {
				return nil, errors.New("not a file descriptor here (a pipe inside the shell)")
			}
			rc, err := sc.SyscallConn()
			if err != nil {
				return nil, err
			}
			rc.Control(func(d uintptr) { fd = int(d) }) //nolint:errcheck
		} else if n <= 2 {
			return nil, errors.New("not open")
		}
		d, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			return nil, errors.New("bad file descriptor")
		}
		var st unix.Stat_t
		if err := unix.Fstat(d, &st); err == nil && (st.Mode&unix.S_IFMT == unix.S_IFREG || st.Mode&unix.S_IFMT == unix.S_IFDIR) {
			unix.Close(d)
			return nil, errRegular
		}
		return &pollTarget{name: name, fd: d, close: func() { unix.Close(d) }}, nil
	}
	path := name
	if !strings.HasPrefix(path, "/") && hc.Dir != "" {
		path = hc.Dir + "/" + path
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, errors.New(causeText(err))
	}
	switch m := st.Mode(); {
	case m.IsRegular(), m.IsDir():
		return nil, errRegular
	case m&os.ModeNamedPipe != 0:
		return openPollFIFO(ctx, name, path, events, deadline)
	case m&os.ModeSocket != 0:
		fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return nil, err
		}
		if err := unix.Connect(fd, &unix.SockaddrUnix{Name: path}); err != nil {
			unix.Close(fd)
			return nil, fmt.Errorf("cannot connect: %v", causeText(err))
		}
		return &pollTarget{name: name, fd: fd, close: func() { unix.Close(fd) }}, nil
	case m&os.ModeCharDevice != 0:
		fd, err := unix.Open(path, unix.O_RDWR|unix.O_NOCTTY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
		if err != nil {
			fd, err = unix.Open(path, unix.O_RDONLY|unix.O_NOCTTY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
		}
		if err != nil {
			return nil, errors.New(causeText(err))
		}
		return &pollTarget{name: name, fd: fd, close: func() { unix.Close(fd) }}, nil
	}
	return nil, errors.New("not a FIFO, socket, terminal or descriptor")
}

// errRegular refuses what poll cannot wait for.
var errRegular = errors.New("a regular file or directory is always ready: poll waits for FIFOs, sockets, terminals and descriptors")

// openPollFIFO opens a FIFO without blocking: for reading at once (kept
// open in the shell, see pollFIFOs), for writing once a reader has it.
func openPollFIFO(ctx context.Context, name, path string, events poll.Events, deadline time.Time) (*pollTarget, error) {
	if events == poll.In {
		pollFIFOs.Lock()
		defer pollFIFOs.Unlock()
		if pollFIFOs.m == nil {
			pollFIFOs.m = map[string]int{}
		}
		fd, ok := pollFIFOs.m[path]
		if !ok {
			var err error
			// Read and write: the FIFO and what is in it stay while the
			// shell lives, and "read < FIFO" does not wait for a writer.
			fd, err = unix.Open(path, unix.O_RDWR|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
			if err != nil {
				return nil, errors.New(causeText(err))
			}
			pollFIFOs.m[path] = fd
		}
		d, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
		if err != nil {
			return nil, err
		}
		return &pollTarget{name: name, fd: d, close: func() { unix.Close(d) }}, nil
	}
	for {
		fd, err := unix.Open(path, unix.O_WRONLY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
		if err == nil {
			return &pollTarget{name: name, fd: fd, close: func() { unix.Close(fd) }}, nil
		}
		if err != unix.ENXIO {
			return nil, errors.New(causeText(err))
		}
		// No reader yet.
		if !deadline.IsZero() && time.Now().After(deadline) {
			return nil, errPollTimeout
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// pollWait waits for the targets and prints the ready ones.
func pollWait(ctx context.Context, targets []*pollTarget, events poll.Events, all bool, deadline time.Time, out, stderr io.Writer) error {
	p, err := pollerFor(targets, events)
	if err != nil {
		fmt.Fprintf(stderr, "gosh: poll: %v\n", err)
		return interp.ExitStatus(2)
	}
	defer p.Close()
	stop := context.AfterFunc(ctx, func() { p.Wake() }) //nolint:errcheck
	defer stop()
	left := len(targets)
	printed := 0
	for {
		wait := poll.Forever
		if !deadline.IsZero() {
			wait = max(0, time.Until(deadline))
		}
		ready, err := p.Wait(wait)
		if err != nil {
			fmt.Fprintf(stderr, "gosh: poll: %v\n", err)
			return interp.ExitStatus(2)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		fds := map[int]bool{}
		for _, r := range ready {
			fds[r.Fd] = true
			p.Remove(r.Fd) //nolint:errcheck // each is reported once
		}
		for _, t := range targets {
			if fds[t.fd] && !t.ready {
				t.ready = true
				left--
				printed++
				fmt.Fprintln(out, t.name)
			}
		}
		if (printed > 0 && !all) || left == 0 {
			return nil
		}
		if len(ready) == 0 && !deadline.IsZero() && !time.Now().Before(deadline) {
			return interp.ExitStatus(1)
		}
	}
}

// pollerFor returns a Poller watching the targets: the platform's best
// (epoll), unless it refuses one of them (epoll takes no device without a
// poll method, such as /dev/null), then poll(2), which takes any.
func pollerFor(targets []*pollTarget, events poll.Events) (*poll.Poller, error) {
	var lastErr error
	for _, b := range []poll.Backend{poll.BackendAuto, poll.BackendPoll} {
		p, err := poll.NewPollerBackend(b)
		if err != nil {
			lastErr = err
			continue
		}
		added := map[int]bool{}
		for _, t := range targets {
			if added[t.fd] {
				continue
			}
			if err = p.Add(t.fd, events); err != nil {
				err = fmt.Errorf("%s: %v", t.name, err)
				break
			}
			added[t.fd] = true
		}
		if err == nil {
			return p, nil
		}
		p.Close()
		lastErr = err
	}
	return nil, lastErr
}
