// Package thread is gosh's version of Python's low-level _thread module
// (thread in Python 2): starting threads, primitive locks, thread
// identifiers, thread-local values, and interrupting the main thread.
//
// A "thread" here is a goroutine. Package threading builds Python's
// higher-level threading API on top of this one, as threading.py builds on
// _thread; package dummy offers drop-ins that run everything inline.
//
// # Thread identifiers
//
// Go deliberately has no goroutine ids, yet Python code asks "which thread
// am I?" all the time (get_ident, current_thread, RLock ownership,
// threading.local). This package answers with an internal registry keyed by
// the goroutine itself: by the address of the runtime's descriptor of the
// calling goroutine (its g), which a few instructions of assembly read on
// amd64 and arm64 (elsewhere the traceback number stands in).
//
//   - Every goroutine started by [StartNewThread] (and so every
//     threading.Thread) is registered under a new ident when it starts
//     and unregistered when its function returns. Looking the ident up is
//     a map read, about 10 ns.
//   - The goroutine that runs main (and package initialisation) is the main
//     thread, ident [MainIdent].
//   - Any other goroutine, started with a plain go statement, gets an ident
//     the first time it asks for one. Go cannot tell when such a goroutine
//     ends, and the runtime hands its descriptor to a later goroutine, so
//     the registry also keeps the goroutine's traceback number and checks
//     it on each lookup (a few microseconds: it formats a traceback). When
//     the number no longer matches, the old ident is retired, running its
//     [AtExit] functions, and the new goroutine gets a new ident. Python
//     does much the same for threads it did not start ("dummy threads").
//
// Idents are never reused within a process. [RLock] records its owner by
// the descriptor address alone, which is what keeps it as cheap as [Lock].
//
// # Locks
//
// [Lock] and [RLock] are Python's lock and re-entrant lock: acquire with a
// blocking flag and a timeout (or a context), release that reports an error
// instead of raising. An uncontended acquire and release costs about what
// a [sync.Mutex] pair does: one compare-and-swap each way, and a queue of
// waiting goroutines only when there is contention.
//
// # Python to Go
//
//	_thread.start_new_thread(f, args)   StartNewThread(func() { f(args...) })
//	_thread.allocate_lock() / LockType  AllocateLock() / Lock
//	_thread.RLock                       RLock
//	_thread.get_ident()                 GetIdent()
//	_thread.get_native_id()             GetNativeID()
//	_thread.stack_size([size])          StackSize() / SetStackSize(size)
//	_thread.interrupt_main(signum)      InterruptMain(sig), seen through MainContext()
//	_thread.TIMEOUT_MAX                 TimeoutMax
//	_thread._local                      Local[T]
//	_thread._count()                    Count()
//	_thread.error (RuntimeError)        ErrNotHeld, ErrNotOwner, ...
//	_thread.exit()                      runtime.Goexit()
package thread
