package dummy

import (
	"context"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// Thread is a thread whose Start runs the target inline, to completion,
// before returning.
//
// Python: dummy_threading.Thread
type Thread struct {
	target   func()
	name     string
	daemon   bool
	ident    uint64
	started  bool
	finished bool
	exits    []func() // run when the thread finishes, latest first
}

// The threads running now, outermost (the main thread) first.
var (
	mainThread = &Thread{name: "MainThread", ident: 1, started: true}
	stack      = []*Thread{mainThread}
	lastIdent  = uint64(1)
	lastName   = 0
)

// NewThread returns a Thread that Start will run inline. It takes
// threading's Options; WithOSThread has no effect.
func NewThread(target func(), opts ...threading.Option) *Thread {
	c := threading.Config(opts...)
	t := &Thread{target: target, name: c.Name, daemon: CurrentThread().daemon}
	if t.name == "" {
		lastName++
		t.name = "Thread-" + strconv.Itoa(lastName)
	}
	if c.Daemon != nil {
		t.daemon = *c.Daemon
	}
	return t
}

// Start runs the target now and returns when it has finished. A panic in
// the target goes to threading.ExceptHook, as for a real Thread.
func (t *Thread) Start() error {
	if t.started {
		return threading.ErrAlreadyStarted
	}
	lastIdent++
	t.ident, t.started = lastIdent, true
	stack = append(stack, t)
	defer t.finish()
	defer func() {
		if v := recover(); v != nil {
			threading.ExceptHook()(threading.ExceptHookArgs{Value: v, Stack: debug.Stack(), Thread: t})
		}
	}()
	if t.target != nil {
		t.target()
	}
	return nil
}

func (t *Thread) finish() {
	stack = stack[:len(stack)-1]
	t.finished = true
	for i := len(t.exits) - 1; i >= 0; i-- {
		t.exits[i]()
	}
	t.exits = nil
}

// Join returns nil for a finished thread. Joining the current thread
// returns threading.ErrJoinCurrent; joining one that is running because it
// started the current one would never end, so it returns
// threading.ErrTimeout if timeout is not negative and [ErrDeadlock] if it
// is.
func (t *Thread) Join(timeout time.Duration) error {
	if err := t.joinable(); err != nil {
		return err
	}
	if t.IsAlive() {
		if timeout >= 0 {
			return threading.ErrTimeout
		}
		return ErrDeadlock
	}
	return nil
}

// JoinContext is Join with ctx in place of a timeout.
func (t *Thread) JoinContext(ctx context.Context) error {
	if err := t.joinable(); err != nil {
		return err
	}
	if t.IsAlive() {
		return noWait(ctx)
	}
	return nil
}

func (t *Thread) joinable() error {
	switch {
	case !t.started:
		return threading.ErrNotStarted
	case t == CurrentThread():
		return threading.ErrJoinCurrent
	}
	return nil
}

// IsAlive reports whether the thread is running: started and not
// finished, so on the stack of inline runs.
func (t *Thread) IsAlive() bool { return t.started && !t.finished }

// Name returns the thread's name.
func (t *Thread) Name() string { return t.name }

// SetName renames the thread.
func (t *Thread) SetName(name string) { t.name = name }

// Ident returns the thread's dummy ident, 0 before Start. Dummy idents are
// counted apart from package thread's.
func (t *Thread) Ident() uint64 { return t.ident }

// NativeID returns 0: a dummy thread has no OS thread of its own.
func (t *Thread) NativeID() int { return 0 }

// IsDaemon reports the daemon flag.
func (t *Thread) IsDaemon() bool { return t.daemon }

// SetDaemon sets the daemon flag, or returns threading.ErrAlreadyStarted.
func (t *Thread) SetDaemon(daemon bool) error {
	if t.started {
		return threading.ErrAlreadyStarted
	}
	t.daemon = daemon
	return nil
}

// String describes the thread as threading.Thread.String does.
func (t *Thread) String() string {
	status := "initial"
	if t.started {
		status = "started"
		if !t.IsAlive() {
			status = "stopped"
		}
	}
	if t.daemon {
		status += " daemon"
	}
	if t.ident != 0 {
		status += " " + strconv.FormatUint(t.ident, 10)
	}
	return "<Thread(" + t.name + ", " + status + ")>"
}

// CurrentThread returns the innermost running dummy thread, or the main
// one.
//
// Python: dummy_threading.current_thread
func CurrentThread() *Thread { return stack[len(stack)-1] }

// MainThread returns the dummy main thread, ident 1.
//
// Python: dummy_threading.main_thread
func MainThread() *Thread { return mainThread }

// Enumerate returns the running dummy threads, outermost first.
//
// Python: dummy_threading.enumerate
func Enumerate() []*Thread { return append([]*Thread(nil), stack...) }

// ActiveCount returns the number of running dummy threads.
//
// Python: dummy_threading.active_count
func ActiveCount() int { return len(stack) }

// Shutdown returns nil at once: every dummy thread has already finished.
//
// Python: dummy_threading._shutdown
func Shutdown(ctx context.Context) error { return nil }
