// Package threading is gosh's version of Python's threading module: Thread,
// Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Timer,
// Barrier, thread-local values, and the module functions (current_thread,
// enumerate, excepthook, ...), built on package thread as threading.py is
// built on _thread.
//
// A Thread runs its target in a goroutine. The Go way to write the Python
// idioms:
//
//   - errors instead of exceptions: releasing an unlocked lock returns
//     [ErrNotHeld], a broken barrier [ErrBrokenBarrier], and so on; a panic
//     in a Thread goes to the [ExceptHook] and ends only that Thread;
//   - time.Duration for Python's float seconds, with a negative duration
//     for Python's "no timeout" (-1 or None), and a context.Context
//     variant of every wait (AcquireContext, WaitContext, JoinContext);
//   - defer where Python has with, as in the example below.
//
// With a lock:
//
//	lock.Lock()         // with lock:
//	defer lock.Unlock() //     ...
//
// # Current thread
//
// Go has no goroutine ids. [CurrentThread] finds the caller through
// package thread's registry, keyed by the goroutine itself (see package
// thread): inside a Thread it returns that Thread; in the goroutine running
// main it returns [MainThread]; in any other goroutine it returns a dummy
// Thread made on first use, as Python does for threads it did not start.
// Lookups are cheap in Threads and the main goroutine, a few microseconds
// elsewhere.
//
// # Drop-ins
//
// The small interfaces [Locker], [Notifier], [Flag], [Rendezvous], [Runner]
// and [Canceler], and the [Module] that makes them, are satisfied both by
// this package's types and by package dummy's, which run everything
// inline in one goroutine (Python's dummy_threading). Code written against
// them takes either.
//
// Not provided: settrace and setprofile (Go has no per-thread trace
// hooks; use runtime/trace or pprof labels), and the thread group argument
// Python reserves.
package threading
