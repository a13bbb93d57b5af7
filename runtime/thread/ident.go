package thread

import (
	"sync"
	"sync/atomic"

	"github.com/goshell/gosh/runtime/thread/internal/goroutine"
)

// MainIdent is the ident of the main thread: the goroutine that runs the
// program's package initialisation and main function.
//
// Python: threading.main_thread().ident
const MainIdent uint64 = 1

// entry is what the registry knows about one goroutine. goid is 0 for a
// goroutine this package started (or the main one), which leaves the
// registry itself when it ends; for any other goroutine it is the traceback
// number seen when its ident was given, used to notice that the runtime has
// since handed the same descriptor to a new goroutine.
type entry struct {
	ident uint64
	goid  uint64
}

// registry maps goroutines (by descriptor address) to idents, and idents to
// the functions to run when they retire.
var registry struct {
	mu    sync.RWMutex
	byKey map[uintptr]entry
	exits map[uint64][]func()
}

var lastIdent atomic.Uint64

// init runs on the main goroutine, as all package initialisation does.
func init() {
	registry.byKey = map[uintptr]entry{goroutine.Key(): {ident: MainIdent}}
	registry.exits = map[uint64][]func(){}
	lastIdent.Store(MainIdent)
}

// newIdent returns an ident never returned before.
func newIdent() uint64 { return lastIdent.Add(1) }

// GetIdent returns the calling thread's ident: a non-zero number no other
// live thread has, never reused within the process. It is fast (a map read)
// for the main goroutine and goroutines started by [StartNewThread]; for
// other goroutines it costs a few microseconds (see the package comment).
//
// Python: _thread.get_ident, threading.get_ident
func GetIdent() uint64 {
	k := goroutine.Key()
	registry.mu.RLock()
	e, ok := registry.byKey[k]
	registry.mu.RUnlock()
	if ok && e.goid == 0 {
		return e.ident
	}
	return foreignIdent(k, e, ok)
}

// foreignIdent returns the ident of a goroutine this package did not start,
// giving it one on first use and retiring the ident of an earlier goroutine
// that had the same descriptor.
func foreignIdent(k uintptr, old entry, had bool) uint64 {
	id := goroutine.ID()
	if had && old.goid == id {
		return old.ident
	}
	e := entry{ident: newIdent(), goid: id}
	registry.mu.Lock()
	registry.byKey[k] = e
	registry.mu.Unlock()
	if had {
		retire(old.ident)
	}
	return e.ident
}

// enter registers the calling goroutine as the thread ident.
func enter(ident uint64) {
	k := goroutine.Key()
	registry.mu.Lock()
	old, had := registry.byKey[k]
	registry.byKey[k] = entry{ident: ident}
	registry.mu.Unlock()
	if had {
		retire(old.ident)
	}
}

// leave unregisters the calling goroutine, which is the thread ident, and
// runs its AtExit functions.
func leave(ident uint64) {
	k := goroutine.Key()
	registry.mu.Lock()
	if registry.byKey[k].ident == ident {
		delete(registry.byKey, k)
	}
	registry.mu.Unlock()
	retire(ident)
}

// retire runs and forgets the AtExit functions of ident, latest first.
func retire(ident uint64) {
	registry.mu.Lock()
	fs := registry.exits[ident]
	delete(registry.exits, ident)
	registry.mu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
}

// AtExit arranges for f to run when the calling thread ends, after any
// functions registered later. For a goroutine started by [StartNewThread]
// that is when its function returns (or panics, or calls
// runtime.Goexit), on that goroutine. For the main thread it is never. For
// any other goroutine it is when its ident is retired, which happens on
// whichever goroutine notices that the runtime has reused the old one's
// slot (see the package comment): late, but before the ident's owner could
// be confused with a new goroutine. [Local] uses it to drop a thread's
// values.
//
// Python has no public equivalent; threading.local does the same
// internally with weak references.
func AtExit(f func()) {
	ident := GetIdent()
	registry.mu.Lock()
	registry.exits[ident] = append(registry.exits[ident], f)
	registry.mu.Unlock()
}
