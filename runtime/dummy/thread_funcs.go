package dummy

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"syscall"

	"github.com/goshell/gosh/runtime/thread"
)

// StartNewThread runs fn inline as a new dummy thread and returns its
// ident once fn has returned. A panic in fn is reported on standard error
// and recovered.
//
// Python: _dummy_thread.start_new_thread
func StartNewThread(fn func()) uint64 {
	var t *Thread
	t = NewThread(func() {
		defer func() {
			if v := recover(); v != nil {
				fmt.Fprintf(panicOut, "panic in dummy thread %d started by StartNewThread (recovered): %v\n%s", t.ident, v, debug.Stack())
			}
		}()
		fn()
	})
	t.Start()
	return t.ident
}

var panicOut io.Writer = os.Stderr

// GetIdent returns the current dummy thread's ident.
//
// Python: _dummy_thread.get_ident
func GetIdent() uint64 { return CurrentThread().ident }

var (
	mainCtx    context.Context
	mainCancel context.CancelCauseFunc
	mainSeen   bool
)

func renewMain() {
	mainCtx, mainCancel = context.WithCancelCause(context.Background())
	mainSeen = false
}

// MainContext returns the context the next InterruptMain cancels, with the
// same rules as thread.MainContext.
func MainContext() context.Context {
	if mainCtx == nil || (mainSeen && mainCtx.Err() != nil) {
		renewMain()
	}
	mainSeen = true
	return mainCtx
}

// InterruptMain cancels the current MainContext with a
// *thread.KeyboardInterrupt cause (sig nil means SIGINT). Python's
// _dummy_thread raises KeyboardInterrupt when the thread function returns;
// here the inline caller sees the cancelled context.
//
// Python: _dummy_thread.interrupt_main
func InterruptMain(sig os.Signal) {
	if sig == nil {
		sig = syscall.SIGINT
	}
	if mainCtx == nil || (mainSeen && mainCtx.Err() != nil) {
		renewMain()
	}
	mainCancel(&thread.KeyboardInterrupt{Signal: sig})
}
