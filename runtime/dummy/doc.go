// Package dummy provides drop-ins for packages threading and thread that
// run everything inline, in the calling goroutine: Python's
// dummy_threading and dummy_thread (_dummy_thread), for deterministic tests
// and for embedding where only one goroutine may run the code.
//
// Every type has the method set of its threading counterpart and satisfies
// the same interfaces (threading.Locker, Notifier, Flag, Rendezvous,
// Runner, Canceler); [Module] is the whole package as a threading.Module.
// Errors are threading's (threading.ErrNotHeld and so on), so errors.Is
// works the same with either package.
//
// How the inline model answers questions that need a second goroutine:
//
//   - Thread.Start runs the target to completion before it returns, as
//     _dummy_thread.start_new_thread does; inside it, CurrentThread is that
//     Thread. Timer.Start calls its function at once, without waiting for
//     the interval, unless cancelled before Start.
//   - A wait that could only end by another thread's action (acquiring a
//     held lock, waiting on a Condition, an unset Event or a Barrier that
//     is not full) cannot succeed. With a timeout (or a context with a
//     deadline) it fails at once, as if the time had passed, without
//     sleeping. Without one it would hang for ever, so it returns
//     [ErrDeadlock] where the method returns an error and panics with
//     ErrDeadlock where it returns only a bool.
//
// The package keeps one stack of running dummy threads for the process:
// use it from one goroutine at a time. It is not safe for concurrent use,
// which is the point.
//
// Python's _dummy_thread pretends a blocking acquire of a held lock
// succeeds and sleeps through timeouts; this package reports the deadlock
// and does not sleep, which suits tests better.
package dummy
