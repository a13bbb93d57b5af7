package threading

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/goshell/gosh/runtime/thread"
)

// kind tells the threads this package starts from the two it only
// describes.
type kind uint8

const (
	kindNormal kind = iota // made by NewThread
	kindMain               // the goroutine that runs main
	kindDummy              // any other goroutine, described on first use
)

// Thread is a target function run in its own goroutine, with Python's
// thread attributes. Make one with [NewThread]; its zero value is not
// usable.
//
// Python: threading.Thread
type Thread struct {
	target   func()
	kind     kind
	osThread bool
	started  atomic.Bool
	ident    atomic.Uint64
	native   atomic.Int64
	running  chan struct{} // closed once registered (Python's _started)
	done     chan struct{} // closed once finished

	mu     sync.Mutex
	name   string
	daemon bool
}

var threadCount atomic.Int64

// NewThread returns a Thread that will call target when started. Python's
// args and kwargs become the closure's variables; a subclass's run method
// becomes target.
//
// Python: threading.Thread(target=..., name=..., daemon=...)
func NewThread(target func(), opts ...Option) *Thread {
	c := Config(opts...)
	t := &Thread{
		target:   target,
		kind:     kindNormal,
		osThread: c.OSThread,
		running:  make(chan struct{}),
		done:     make(chan struct{}),
		name:     c.Name,
	}
	if t.name == "" {
		t.name = "Thread-" + strconv.FormatInt(threadCount.Add(1), 10)
	}
	if c.Daemon != nil {
		t.daemon = *c.Daemon
	} else {
		t.daemon = inheritedDaemon()
	}
	return t
}

// Start runs the thread's target in a new goroutine and returns once the
// thread is registered (so it is in [Enumerate] and has its Ident). It
// returns [ErrAlreadyStarted] if called more than once.
//
// Python: threading.Thread.start
func (t *Thread) Start() error {
	if t.kind != kindNormal || !t.started.CompareAndSwap(false, true) {
		return ErrAlreadyStarted
	}
	thread.StartNewThread(t.bootstrap)
	<-t.running
	return nil
}

// bootstrap runs on the thread's goroutine. Python: Thread._bootstrap_inner
func (t *Thread) bootstrap() {
	if t.osThread {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		t.native.Store(int64(thread.GetNativeID()))
	}
	t.ident.Store(thread.GetIdent())
	addActive(t)
	close(t.running)
	defer func() {
		removeActive(t)
		close(t.done)
	}()
	defer func() {
		if v := recover(); v != nil {
			ExceptHook()(ExceptHookArgs{Value: v, Stack: debug.Stack(), Thread: t})
		}
	}()
	if t.target != nil {
		t.target()
	}
}

// Join waits until the thread ends, or for at most timeout if timeout is
// not negative. It returns [ErrTimeout] if the thread is still running
// then, [ErrNotStarted], [ErrJoinCurrent] or [ErrDummyThread].
//
// Python: threading.Thread.join(timeout=None)
func (t *Thread) Join(timeout time.Duration) error {
	if err := t.joinable(); err != nil {
		return err
	}
	if timeout < 0 {
		<-t.done
		return nil
	}
	select {
	case <-t.done:
		return nil
	default:
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-t.done:
		return nil
	case <-timer.C:
		return ErrTimeout
	}
}

// JoinContext waits until the thread ends or ctx is done, and returns nil,
// ctx's error, or one of Join's errors.
//
// Python: threading.Thread.join
func (t *Thread) JoinContext(ctx context.Context) error {
	if err := t.joinable(); err != nil {
		return err
	}
	select {
	case <-t.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (t *Thread) joinable() error {
	switch {
	case t.kind == kindDummy:
		return ErrDummyThread
	case !t.started.Load():
		return ErrNotStarted
	case t.ident.Load() == thread.GetIdent():
		return ErrJoinCurrent
	}
	return nil
}

// IsAlive reports whether the thread has started and not yet ended. The
// main thread and dummy threads are always alive.
//
// Python: threading.Thread.is_alive
func (t *Thread) IsAlive() bool {
	if !t.started.Load() {
		return false
	}
	select {
	case <-t.done:
		return false
	default:
		return true
	}
}

// Name returns the thread's name, which is only for people to read.
//
// Python: threading.Thread.name
func (t *Thread) Name() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.name
}

// SetName renames the thread.
//
// Python: threading.Thread.name = name
func (t *Thread) SetName(name string) {
	t.mu.Lock()
	t.name = name
	t.mu.Unlock()
}

// Ident returns the thread's ident (see [GetIdent]), or 0 before Start.
//
// Python: threading.Thread.ident (None before start)
func (t *Thread) Ident() uint64 { return t.ident.Load() }

// NativeID returns the id of the OS thread the thread runs on, or 0 if it
// was not started with [WithOSThread] (a goroutine has no fixed OS thread)
// or has not started.
//
// Python: threading.Thread.native_id
func (t *Thread) NativeID() int { return int(t.native.Load()) }

// IsDaemon reports whether the thread is a daemon, one that [Shutdown]
// does not wait for.
//
// Python: threading.Thread.daemon
func (t *Thread) IsDaemon() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.daemon
}

// SetDaemon sets the daemon flag; after Start it returns
// [ErrAlreadyStarted].
//
// Python: threading.Thread.daemon = daemon
func (t *Thread) SetDaemon(daemon bool) error {
	if t.started.Load() {
		return ErrAlreadyStarted
	}
	t.mu.Lock()
	t.daemon = daemon
	t.mu.Unlock()
	return nil
}

// String describes the thread as Python's repr does, for example
// "<Thread(Thread-1, started daemon 7)>".
//
// Python: threading.Thread.__repr__
func (t *Thread) String() string {
	status := "initial"
	if t.started.Load() {
		status = "started"
		if !t.IsAlive() {
			status = "stopped"
		}
	}
	if t.IsDaemon() {
		status += " daemon"
	}
	if id := t.Ident(); id != 0 {
		status += " " + strconv.FormatUint(id, 10)
	}
	kind := map[kind]string{kindNormal: "Thread", kindMain: "_MainThread", kindDummy: "_DummyThread"}[t.kind]
	return fmt.Sprintf("<%s(%s, %s)>", kind, t.Name(), status)
}
