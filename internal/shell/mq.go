package shell

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/runtime/multiprocessing"
)

func init() {
	registerDefault("mq", (*Shell).mqBuiltin)
	registerHelp("mq", helpTopic{
		synopsis: "mq serve [--addr ADDR] [--authkey-file FILE] [--fg] | mq put NAME VALUE... | mq get [-t SECS] NAME | mq len NAME | mq stop",
		short:    "Share named work queues between shells and programs.",
		long: `mq serve starts a queue server in the background (in the foreground
with --fg); put appends VALUEs to the queue NAME, get takes the first
(waiting for one, at most SECS seconds with -t; exit status 1 when none
came), len prints how many are waiting, stop ends the server.  Queues
are made on first use.

ADDR is unix:PATH (the default: $XDG_RUNTIME_DIR/gosh/mq.sock, else
~/.gosh/mq.sock) or tcp:HOST:PORT (tcp:PORT listens on the loopback
interface).  A TCP server needs an authentication key: the contents of
FILE, less a final newline.  Clients take --addr and --authkey-file
too, or $GOSH_MQ_ADDR and $GOSH_MQ_AUTHKEY_FILE.

The server speaks Python's multiprocessing.connection protocol (length-
prefixed messages, HMAC challenge-response when it has a key), one JSON
object per message, so Python programs can share the queues:

  from multiprocessing.connection import Client
  c = Client("/run/user/1000/gosh/mq.sock", "AF_UNIX", authkey=None)
  c.send_bytes(b'{"op": "put", "queue": "jobs", "values": ["a", "b"]}')
  c.recv_bytes()   # b'{"ok":true,"len":2}'

Requests: {"op": "put", "queue": Q, "values": [S, ...]},
{"op": "get", "queue": Q, "timeout": SECS or null}, {"op": "len",
"queue": Q}, {"op": "stop"}.  Replies: {"ok": true, "value": S},
{"ok": true, "len": N}, or {"ok": false, "error": MESSAGE} ("empty"
when get timed out).

Exit Status:
0 on success, 1 when get found nothing or the server failed, 2 for a
usage error.`,
	})
}

const mqUsage = "mq: usage: mq serve [--addr ADDR] [--authkey-file FILE] [--fg] | mq [--addr ADDR] [--authkey-file FILE] put NAME VALUE... | get [-t SECS] NAME | len NAME | stop"

// mqServeTarget is the background process of mq serve.
var mqServeTarget = multiprocessing.Register("gosh.mq.serve", mqServeProcess)

// mqRequest is a request to the queue server, one JSON object a message.
type mqRequest struct {
	Op      string   `json:"op"`
	Queue   string   `json:"queue,omitempty"`
	Values  []string `json:"values,omitempty"`
	Timeout *float64 `json:"timeout,omitempty"`
}

// mqReply is the server's answer.
type mqReply struct {
	OK    bool    `json:"ok"`
	Value *string `json:"value,omitempty"`
	Len   *int    `json:"len,omitempty"`
	Error string  `json:"error,omitempty"`
}

// mqAddr is where a server listens: a multiprocessing address and family.
type mqAddr struct {
	addr, family string
	text         string // as the user wrote it
}

// parseMQAddr reads unix:PATH or tcp:HOST:PORT (tcp:PORT: loopback).
func parseMQAddr(s, dir string) (mqAddr, error) {
	switch {
	case strings.HasPrefix(s, "unix:"):
		p := s[len("unix:"):]
		if p == "" {
			return mqAddr{}, errors.New("unix: needs a path")
		}
		if !filepath.IsAbs(p) && dir != "" {
			p = filepath.Join(dir, p)
		}
		return mqAddr{addr: p, family: multiprocessing.AFUnix, text: "unix:" + p}, nil
	case strings.HasPrefix(s, "tcp:"):
		hp := s[len("tcp:"):]
		if _, err := strconv.Atoi(hp); err == nil {
			hp = "127.0.0.1:" + hp
		}
		host, port, err := net.SplitHostPort(hp)
		if err != nil {
			return mqAddr{}, fmt.Errorf("%s: want tcp:HOST:PORT", s)
		}
		if host == "" {
			host = "127.0.0.1"
		}
		hp = net.JoinHostPort(host, port)
		return mqAddr{addr: hp, family: multiprocessing.AFInet, text: "tcp:" + hp}, nil
	}
	return mqAddr{}, fmt.Errorf("%s: want unix:PATH or tcp:HOST:PORT", s)
}

// defaultMQAddr is the server's default address, a socket in the user's
// runtime directory.
func defaultMQAddr(hc interp.HandlerContext) (mqAddr, error) {
	var dir string
	if d := hc.Env.Get("XDG_RUNTIME_DIR").String(); filepath.IsAbs(d) {
		dir = filepath.Join(d, "gosh")
	} else {
		home := hc.Env.Get("HOME").String()
		if home == "" {
			return mqAddr{}, errors.New("no $HOME for the default address")
		}
		dir = filepath.Join(home, ".gosh")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return mqAddr{}, err
	}
	p := filepath.Join(dir, "mq.sock")
	return mqAddr{addr: p, family: multiprocessing.AFUnix, text: "unix:" + p}, nil
}

// readAuthKey reads a key file: its contents less a final newline.
func readAuthKey(name, dir string) ([]byte, error) {
	if !filepath.IsAbs(name) && dir != "" {
		name = filepath.Join(dir, name)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	b = []byte(strings.TrimSuffix(string(b), "\n"))
	if len(b) == 0 {
		return nil, fmt.Errorf("%s: empty key", name)
	}
	return b, nil
}

// mqBuiltin is mq: serve, put, get, len, stop.
func (s *Shell) mqBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		stderr := stderrOf(ctx)
		usage := func(format string, a ...any) error {
			fmt.Fprintf(stderr, "gosh: mq: "+format+"\n%s\n", append(a, mqUsage)...)
			return interp.ExitStatus(2)
		}
		addrText := hc.Env.Get("GOSH_MQ_ADDR").String()
		keyFile := hc.Env.Get("GOSH_MQ_AUTHKEY_FILE").String()
		fg := false
		timeout := -1.0
		var words []string
		for i := 1; i < len(args); i++ {
			a := args[i]
			name, val, has := strings.Cut(a, "=")
			value := func() (string, error) {
				if has {
					return val, nil
				}
				if i+1 >= len(args) {
					return "", fmt.Errorf("%s: option requires an argument", name)
				}
				i++
				return args[i], nil
			}
			var err error
			switch {
			case len(words) >= 2 && words[0] == "put":
				words = append(words, a) // values may start with "-"
			case a == "--":
				words = append(words, args[i+1:]...)
				i = len(args)
			case name == "--addr":
				addrText, err = value()
			case name == "--authkey-file":
				keyFile, err = value()
			case a == "--fg":
				fg = true
			case name == "-t" || name == "--timeout" || (strings.HasPrefix(a, "-t") && len(a) > 2):
				var v string
				if strings.HasPrefix(a, "-t") && len(a) > 2 {
					v = a[2:]
				} else {
					v, err = value()
				}
				if err == nil {
					timeout, err = strconv.ParseFloat(v, 64)
					if err != nil || timeout < 0 {
						err = fmt.Errorf("-t: %s: invalid number of seconds", v)
					}
				}
			case strings.HasPrefix(a, "-") && a != "-":
				return usage("%s: invalid option", a)
			default:
				words = append(words, a)
			}
			if err != nil {
				return usage("%v", err)
			}
		}
		if len(words) == 0 {
			return usage("no command")
		}
		var addr mqAddr
		var err error
		if addrText != "" {
			addr, err = parseMQAddr(addrText, hc.Dir)
		} else {
			addr, err = defaultMQAddr(hc)
		}
		if err != nil {
			return usage("%v", err)
		}
		var key []byte
		if keyFile != "" {
			if key, err = readAuthKey(keyFile, hc.Dir); err != nil {
				fmt.Fprintf(stderr, "gosh: mq: %s\n", causeText(err))
				return interp.ExitStatus(2)
			}
		}
		cmd, rest := words[0], words[1:]
		want := map[string]int{"serve": 0, "stop": 0, "get": 1, "len": 1}
		if n, ok := want[cmd]; ok && len(rest) != n {
			return usage("%s: wrong number of arguments", cmd)
		}
		switch cmd {
		case "serve":
			if addr.family == multiprocessing.AFInet && key == nil {
				fmt.Fprintf(stderr, "gosh: mq: serve: a TCP server needs --authkey-file\n")
				return interp.ExitStatus(2)
			}
			return mqServe(ctx, addr, key, fg, stdoutOf(ctx), stderr)
		case "put":
			if len(rest) < 2 {
				return usage("put: wrong number of arguments")
			}
			_, err = mqCall(ctx, addr, key, mqRequest{Op: "put", Queue: rest[0], Values: rest[1:]})
		case "get":
			req := mqRequest{Op: "get", Queue: rest[0]}
			if timeout >= 0 {
				req.Timeout = &timeout
			}
			var rep mqReply
			rep, err = mqCall(ctx, addr, key, req)
			if err == nil && rep.Value != nil {
				fmt.Fprintln(stdoutOf(ctx), *rep.Value)
			}
			if err == errMQEmpty {
				return interp.ExitStatus(1)
			}
		case "len":
			var rep mqReply
			rep, err = mqCall(ctx, addr, key, mqRequest{Op: "len", Queue: rest[0]})
			if err == nil && rep.Len != nil {
				fmt.Fprintln(stdoutOf(ctx), *rep.Len)
			}
		case "stop":
			_, err = mqCall(ctx, addr, key, mqRequest{Op: "stop"})
		default:
			return usage("%s: unknown command", cmd)
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(stderr, "gosh: mq: %s: %v\n", cmd, err)
			return interp.ExitStatus(1)
		}
		return nil
	}
}

// errMQEmpty is get's reply when no value came in time.
var errMQEmpty = errors.New("empty")

// mqCall sends one request and returns the reply; a reply with ok false
// is an error. The call ends when ctx does.
func mqCall(ctx context.Context, addr mqAddr, key []byte, req mqRequest) (mqReply, error) {
	c, err := multiprocessing.Client(addr.addr, addr.family, key)
	if err != nil {
		var ae *multiprocessing.AuthenticationError
		if errors.As(err, &ae) {
			return mqReply{}, fmt.Errorf("%s: authentication failed", addr.text)
		}
		return mqReply{}, fmt.Errorf("no server at %s (mq serve starts one)", addr.text)
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	b, _ := json.Marshal(req)
	if err := c.SendBytes(b); err != nil {
		return mqReply{}, err
	}
	msg, err := c.RecvBytes(0)
	if err != nil {
		return mqReply{}, fmt.Errorf("the server at %s went away", addr.text)
	}
	var rep mqReply
	if err := json.Unmarshal(msg, &rep); err != nil {
		return mqReply{}, fmt.Errorf("bad reply: %v", err)
	}
	if !rep.OK {
		if rep.Error == "empty" {
			return rep, errMQEmpty
		}
		return rep, errors.New(rep.Error)
	}
	return rep, nil
}

// mqServe starts a server: in this process with fg (until stop or ctx
// ends), else in a process of its own, once it listens.
func mqServe(ctx context.Context, addr mqAddr, key []byte, fg bool, stdout, stderr io.Writer) error {
	if _, err := mqCall(ctx, addr, key, mqRequest{Op: "ping"}); err == nil {
		fmt.Fprintf(stderr, "gosh: mq: serve: a server is already running at %s\n", addr.text)
		return interp.ExitStatus(1)
	}
	if fg {
		srv, err := newMQServer(addr, key)
		if err != nil {
			fmt.Fprintf(stderr, "gosh: mq: serve: %v\n", err)
			return interp.ExitStatus(1)
		}
		stop := context.AfterFunc(ctx, srv.close)
		defer stop()
		srv.serve()
		return ctx.Err()
	}
	if multiprocessing.CurrentProcess().Daemon {
		fmt.Fprintf(stderr, "gosh: mq: serve: cannot start a server here (a parallel job): use --fg\n")
		return interp.ExitStatus(1)
	}
	mine, theirs, err := multiprocessing.Pipe(true)
	if err != nil {
		fmt.Fprintf(stderr, "gosh: mq: serve: %v\n", err)
		return interp.ExitStatus(1)
	}
	defer mine.Close()
	p := multiprocessing.NewProcess(mqServeTarget, addr.addr, addr.family, addr.text, key, theirs)
	p.Name = "mq"
	err = p.Start()
	theirs.Close()
	if err != nil {
		fmt.Fprintf(stderr, "gosh: mq: serve: %v\n", err)
		return interp.ExitStatus(1)
	}
	var status string
	if err := mine.Recv(&status); err != nil {
		fmt.Fprintf(stderr, "gosh: mq: serve: the server did not start\n")
		return interp.ExitStatus(1)
	}
	if msg, ok := strings.CutPrefix(status, "error: "); ok {
		fmt.Fprintf(stderr, "gosh: mq: serve: %s\n", msg)
		return interp.ExitStatus(1)
	}
	fmt.Fprintln(stdout, status)
	return nil
}

// mqServeProcess is the server's process: away from the terminal (a
// session of its own, standard streams on /dev/null), it listens, says
// where on ready, and serves until stopped.
func mqServeProcess(address, family, text string, key []byte, ready *multiprocessing.Conn) error {
	unix.Setsid() //nolint:errcheck // already a leader: keep going
	if null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0); err == nil {
		for fd := 0; fd <= 2; fd++ {
			unix.Dup2(int(null.Fd()), fd) //nolint:errcheck
		}
		null.Close()
	}
	srv, err := newMQServer(mqAddr{addr: address, family: family, text: text}, key)
	if err != nil {
		ready.Send("error: " + err.Error()) //nolint:errcheck
		return err
	}
	ready.Send(srv.addr.text) //nolint:errcheck
	ready.Close()
	srv.serve()
	return nil
}

// mqServer holds the queues and serves clients.
type mqServer struct {
	addr mqAddr
	l    *multiprocessing.Listener

	mu           sync.Mutex
	queues       map[string]*mqQueue
	done         chan struct{}
	once         sync.Once
	listenerOnce sync.Once
}

// mqQueue is one named queue: values, and a channel closed and replaced
// whenever one is added.
type mqQueue struct {
	items []string
	added chan struct{}
}

// newMQServer listens on addr, replacing a stale socket file.
func newMQServer(addr mqAddr, key []byte) (*mqServer, error) {
	if addr.family == multiprocessing.AFUnix {
		if err := os.MkdirAll(filepath.Dir(addr.addr), 0o700); err != nil {
			return nil, err
		}
		if st, err := os.Lstat(addr.addr); err == nil && st.Mode()&os.ModeSocket != 0 {
			// Nothing answered on it (mqServe asked): left by a server
			// that died.
			os.Remove(addr.addr)
		}
	}
	l, err := multiprocessing.NewListener(addr.addr, addr.family, 16, key)
	if err != nil {
		return nil, err
	}
	if addr.family == multiprocessing.AFUnix {
		os.Chmod(addr.addr, 0o600) //nolint:errcheck
	} else {
		addr.text = "tcp:" + l.Address()
	}
	return &mqServer{addr: addr, l: l, queues: map[string]*mqQueue{}, done: make(chan struct{})}, nil
}

// serve accepts clients until stop.
func (s *mqServer) serve() {
	for {
		c, err := s.l.Accept()
		if err != nil {
			select {
			case <-s.done:
				return
			default:
			}
			var ae *multiprocessing.AuthenticationError
			if errors.As(err, &ae) {
				continue
			}
			if errors.Is(err, multiprocessing.ErrClosed) {
				// Closed by stop: the stopping client still gets its
				// reply before the server goes.
				<-s.done
				return
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go s.client(c)
	}
}

// close stops the server.
func (s *mqServer) close() {
	s.once.Do(func() {
		s.closeListener()
		close(s.done)
	})
}

// closeListener stops accepting clients and removes a Unix socket's
// file; clients already connected are still answered.
func (s *mqServer) closeListener() {
	s.listenerOnce.Do(func() {
		s.l.Close()
		if s.addr.family == multiprocessing.AFUnix {
			os.Remove(s.addr.addr)
		}
	})
}

// client answers one client's requests.
func (s *mqServer) client(c *multiprocessing.Conn) {
	defer c.Close()
	stop := context.AfterFunc(s.doneCtx(), func() { c.Close() })
	defer stop()
	for {
		msg, err := c.RecvBytes(1 << 20)
		if err != nil {
			return
		}
		var req mqRequest
		var rep mqReply
		if err := json.Unmarshal(msg, &req); err != nil {
			rep = mqReply{Error: "bad request: " + err.Error()}
		} else {
			rep = s.handle(&req, func() bool {
				// A client waiting for nothing else has sent nothing
				// more: anything to read means it closed.
				ready, err := c.Poll(0)
				return err == nil && !ready
			})
		}
		if req.Op == "stop" {
			// Stop taking clients before the reply, so that a command
			// run after "mq stop" returns finds no server.
			s.closeListener()
		}
		b, _ := json.Marshal(rep)
		if c.SendBytes(b) != nil {
			if rep.Value != nil {
				s.unget(req.Queue, *rep.Value)
			}
			return
		}
		if req.Op == "stop" {
			s.close()
			return
		}
	}
}

// doneCtx returns a context that ends when the server stops.
func (s *mqServer) doneCtx() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-s.done
		cancel()
	}()
	return ctx
}

// queueLocked returns the queue name, made on first use; s.mu is held.
func (s *mqServer) queueLocked(name string) *mqQueue {
	q := s.queues[name]
	if q == nil {
		q = &mqQueue{added: make(chan struct{})}
		s.queues[name] = q
	}
	return q
}

// unget puts back a value whose client went away before it got it.
func (s *mqServer) unget(name, v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queueLocked(name)
	q.items = append([]string{v}, q.items...)
	close(q.added)
	q.added = make(chan struct{})
}

// handle answers a request. alive reports whether the client still
// waits, so that a get whose client went away takes no value.
func (s *mqServer) handle(req *mqRequest, alive func() bool) mqReply {
	ok := func() mqReply { return mqReply{OK: true} }
	switch req.Op {
	case "ping", "stop":
		return ok()
	case "put", "get", "len":
		if req.Queue == "" {
			return mqReply{Error: "no queue name"}
		}
	default:
		return mqReply{Error: fmt.Sprintf("unknown op %q", req.Op)}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queueLocked(req.Queue)
	switch req.Op {
	case "put":
		q.items = append(q.items, req.Values...)
		close(q.added)
		q.added = make(chan struct{})
		n := len(q.items)
		return mqReply{OK: true, Len: &n}
	case "len":
		n := len(q.items)
		return mqReply{OK: true, Len: &n}
	}
	// get: wait for a value, up to the timeout.
	var deadline <-chan time.Time
	if req.Timeout != nil {
		t := time.NewTimer(time.Duration(*req.Timeout * float64(time.Second)))
		defer t.Stop()
		deadline = t.C
	}
	check := time.NewTicker(250 * time.Millisecond)
	defer check.Stop()
	for len(q.items) == 0 {
		if req.Timeout != nil && *req.Timeout == 0 {
			return mqReply{Error: "empty"}
		}
		added := q.added
		s.mu.Unlock()
		select {
		case <-added:
			s.mu.Lock()
		case <-check.C:
			s.mu.Lock()
			if !alive() {
				return mqReply{Error: "client gone"}
			}
		case <-deadline:
			s.mu.Lock()
			if len(q.items) == 0 {
				return mqReply{Error: "empty"}
			}
		case <-s.done:
			s.mu.Lock()
			return mqReply{Error: "server stopped"}
		}
	}
	if !alive() {
		return mqReply{Error: "client gone"}
	}
	v := q.items[0]
	q.items = q.items[1:]
	return mqReply{OK: true, Value: &v}
}
