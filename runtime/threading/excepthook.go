package threading

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
)

// ExceptHookArgs describes a panic in a Thread's target.
//
// Python: threading.ExceptHookArgs (exc_type, exc_value, exc_traceback,
// thread)
type ExceptHookArgs struct {
	// Value is what the target panicked with. Python: exc_value.
	Value any
	// Stack is the panicking goroutine's stack. Python: exc_traceback.
	Stack []byte
	// Thread is the thread that panicked: a *Thread, or a *dummy.Thread
	// for package dummy's inline threads, which report here too. Python:
	// thread.
	Thread Runner
}

var hook atomic.Pointer[func(ExceptHookArgs)]

// ExceptHook returns the function called with each panic in a Thread: the
// one last given to [SetExceptHook], or [DefaultExceptHook].
//
// Python: threading.excepthook
func ExceptHook() func(ExceptHookArgs) {
	if h := hook.Load(); h != nil {
		return *h
	}
	return DefaultExceptHook
}

// SetExceptHook makes h the function called with each panic in a Thread,
// on that thread's goroutine after the panic has been recovered, and
// returns the previous one. nil restores [DefaultExceptHook]. The Thread
// ends after the hook returns; the process goes on, unless the hook is
// [FatalExceptHook] or ends it itself.
//
// Python: threading.excepthook = h
func SetExceptHook(h func(ExceptHookArgs)) (previous func(ExceptHookArgs)) {
	previous = ExceptHook()
	if h == nil {
		hook.Store(nil)
	} else {
		hook.Store(&h)
	}
	return previous
}

// DefaultExceptHook writes the panic and its stack to standard error, as
// Python prints "Exception in thread NAME:" and the traceback.
//
// Python: threading.__excepthook__
func DefaultExceptHook(a ExceptHookArgs) { writeReport(os.Stderr, a) }

// FatalExceptHook reports the panic as DefaultExceptHook does and then
// ends the process with status 2, as an unrecovered panic would. Use it
// to make panics in Threads fatal:
//
//	threading.SetExceptHook(threading.FatalExceptHook)
func FatalExceptHook(a ExceptHookArgs) {
	writeReport(os.Stderr, a)
	os.Exit(2)
}

func writeReport(w io.Writer, a ExceptHookArgs) {
	name := "<unknown>"
	if a.Thread != nil {
		name = a.Thread.Name()
	}
	fmt.Fprintf(w, "Exception in thread %s:\npanic: %v\n\n%s", name, a.Value, a.Stack)
}
