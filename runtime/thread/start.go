package thread

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

var running atomic.Int64

// StartNewThread starts fn in a new goroutine registered as a thread and
// returns its ident. A panic in fn is recovered and reported on standard
// error with its stack, and ends only that thread; runtime.Goexit ends it
// quietly, as _thread.exit does.
//
// Python: _thread.start_new_thread(function, args)
func StartNewThread(fn func()) uint64 {
	ident := newIdent()
	running.Add(1)
	go func() {
		enter(ident)
		defer func() {
			leave(ident)
			running.Add(-1)
		}()
		defer func() {
			if v := recover(); v != nil {
				reportPanic(ident, v, debug.Stack())
			}
		}()
		fn()
	}()
	return ident
}

// Count returns the number of threads started by [StartNewThread] (and so
// by threading.Thread) that have not yet ended.
//
// Python: _thread._count
func Count() int { return int(running.Load()) }

var panicOut = struct {
	sync.Mutex
	w io.Writer
}{w: os.Stderr}

// reportPanic is Python's "Exception ignored in thread started by" message.
func reportPanic(ident uint64, v any, stack []byte) {
	panicOut.Lock()
	defer panicOut.Unlock()
	fmt.Fprintf(panicOut.w, "panic in thread %d started by StartNewThread (recovered): %v\n%s", ident, v, stack)
}
