package threading

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/goshell/gosh/runtime/thread"
)

// active maps idents to the threads alive now. Python: threading._active
var active struct {
	sync.Mutex
	m map[uint64]*Thread
}

var mainThread = &Thread{
	kind:    kindMain,
	name:    "MainThread",
	running: make(chan struct{}),
	done:    make(chan struct{}),
}

var dummyCount atomic.Int64

func init() {
	mainThread.started.Store(true)
	mainThread.ident.Store(thread.MainIdent)
	close(mainThread.running)
	active.m = map[uint64]*Thread{thread.MainIdent: mainThread}
}

func addActive(t *Thread) {
	active.Lock()
	active.m[t.Ident()] = t
	active.Unlock()
}

func removeActive(t *Thread) {
	active.Lock()
	if active.m[t.Ident()] == t {
		delete(active.m, t.Ident())
	}
	active.Unlock()
}

func lookup(ident uint64) *Thread {
	active.Lock()
	defer active.Unlock()
	return active.m[ident]
}

// CurrentThread returns the Thread of the caller: the Thread whose target
// is running, [MainThread] in the goroutine that runs main, or else a dummy
// Thread ("Dummy-N", daemon, always alive, not joinable) made on the
// goroutine's first call and dropped once the runtime reuses the
// goroutine's slot (see package thread).
//
// Python: threading.current_thread
func CurrentThread() *Thread {
	ident := thread.GetIdent()
	if t := lookup(ident); t != nil {
		return t
	}
	t := &Thread{
		kind:    kindDummy,
		name:    "Dummy-" + strconv.FormatInt(dummyCount.Add(1), 10),
		daemon:  true,
		running: make(chan struct{}),
		done:    make(chan struct{}),
	}
	t.started.Store(true)
	t.ident.Store(ident)
	close(t.running)
	addActive(t)
	thread.AtExit(func() { removeActive(t) })
	return t
}

// inheritedDaemon is the daemon flag a new Thread takes: its creator's, if
// the creator is a Thread or the main thread. Python would also pass on a
// dummy thread's flag (always true), but plain goroutines are how Go code
// usually starts work, and making all their Threads daemons would let
// Shutdown skip them; they get false.
func inheritedDaemon() bool {
	if t := lookup(thread.GetIdent()); t != nil && t.kind != kindDummy {
		return t.IsDaemon()
	}
	return false
}

// MainThread returns the Thread of the goroutine that runs main. Its Ident
// is thread.MainIdent; Go ends the process when main returns, so it never
// stops being alive.
//
// Python: threading.main_thread
func MainThread() *Thread { return mainThread }

// Enumerate returns the threads alive now, in the order they were given
// idents: the main thread, started Threads that have not ended, and dummy
// threads.
//
// Python: threading.enumerate
func Enumerate() []*Thread {
	active.Lock()
	ts := make([]*Thread, 0, len(active.m))
	for _, t := range active.m {
		ts = append(ts, t)
	}
	active.Unlock()
	slices.SortFunc(ts, func(a, b *Thread) int {
		return cmp.Compare(a.Ident(), b.Ident())
	})
	return ts
}

// ActiveCount returns len(Enumerate()).
//
// Python: threading.active_count
func ActiveCount() int {
	active.Lock()
	defer active.Unlock()
	return len(active.m)
}

// Shutdown waits until every started non-daemon Thread has ended,
// including ones started while it waits, or until ctx is done. It does
// not wait for the thread that calls it. Python
// does this when the interpreter exits; a Go program that wants it calls
// Shutdown before main returns:
//
//	defer threading.Shutdown(context.Background())
//
// Python: threading._shutdown
func Shutdown(ctx context.Context) error {
	self := thread.GetIdent()
	for {
		var wait []*Thread
		for _, t := range Enumerate() {
			if t.kind == kindNormal && !t.IsDaemon() && t.Ident() != self {
				wait = append(wait, t)
			}
		}
		if len(wait) == 0 {
			return nil
		}
		for _, t := range wait {
			if err := t.JoinContext(ctx); err != nil {
				return err
			}
		}
	}
}
