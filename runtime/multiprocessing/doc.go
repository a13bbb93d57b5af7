// Package multiprocessing is process-based parallelism with the surface of
// Python's multiprocessing module, done the Go way, and wire-compatible with
// Python's multiprocessing.connection.
//
// # Processes are this program, started again
//
// A child is the same binary run again (Python's "spawn" start method). It
// runs a function the program registered by name from package
// initialisation, so every process has it:
//
//	var work = multiprocessing.Register("work", func(c *multiprocessing.Conn, n int) error { ... })
//
//	func main() {
//		multiprocessing.Main() // first thing: in a child, runs the function and exits
//		parent, child, _ := multiprocessing.Pipe(true)
//		p := multiprocessing.NewProcess(work, child, 10)
//		p.Start()
//		...
//	}
//
// Main is Go's `if __name__ == '__main__':` guard; tests that start
// processes call it from TestMain. The parent sends the child its name,
// identity, authentication key, logging setup, the function's name and its
// arguments over descriptors 3 to 5; arguments are encoded with the default
// codec (JSON unless SetDefaultCodec picks another, such as package
// gobcodec's; the child makes its parent's default its own), except shared
// objects (Conn, Queue, SimpleQueue, JoinableQueue, Lock, RLock,
// Semaphore, Condition, Event, Barrier, Value, Array, RawValue, RawArray and
// manager proxies), whose descriptors the child inherits, as Python passes
// them "through inheritance". Daemonic children die with their parent, also
// when it is killed: PR_SET_PDEATHSIG on Linux (forked from a thread that
// never exits, since Linux ties the signal to the forking thread), a
// watchdog elsewhere.
//
// Timeouts are time.Durations: Forever (negative) waits without limit
// (Python's None), zero does not wait (Python's block=False).
//
// # Connections and the wire protocol
//
// Conn speaks Python's framing byte for byte: a message is a 4-byte
// big-endian signed length and the payload; -1 announces an 8-byte unsigned
// length for payloads over 2 GiB. SendBytes and RecvBytes interoperate with
// a Python Connection's send_bytes and recv_bytes; Send and Recv carry
// values with the connection's Codec (JSONCodec, which a Python peer reads
// with json.loads, unless SetDefaultCodec picks another; gobcodec.Codec
// carries any Go value gob can). A peer announcing more than the
// connection's limit (SetMaxMessageSize, DefaultMaxMessageSize) is refused
// before anything is allocated. Connections use blocking system calls, header and payload in
// one write, so a round trip costs what the kernel charges. A duplex Pipe
// is two pipes rather than Python's socket pair, which halves a round trip,
// with a socket pair beside them for payloads over 64 KiB, which a socket
// copies two to three times faster (the pipe announces each one, so order
// holds).
//
// Listener and Client run Python's HMAC challenge-response when given a
// key: they send "{sha256}" challenges as Python 3.12+ does, answer both
// those and Python 3.11's bare 20-byte challenges (with a bare HMAC-MD5),
// and accept both kinds of answers; digests compare in constant time. So a
// Python 3.11+ program and a Go program authenticate each other in either
// role, over AF_INET, AF_UNIX and Linux abstract sockets ("\x00name").
//
// # Pools
//
// NewPool starts worker processes; Map, MapAsync, Imap, ImapUnordered,
// StarMap, StarMapAsync, Apply and ApplyAsync submit work (package functions,
// since Go methods cannot have type parameters). Map and Imap take a Func
// made by RegisterFunc: a chunk of items goes as one []T and comes back as
// one []R, with no reflection per item, and slices of plain data (numbers,
// and arrays and structs of them) go as raw memory. Each worker has its own
// pair of pipes; the pool keeps a few chunks in flight per worker, sized
// from measured task times. A worker answers each task as soon as it is
// done, so if it dies the pool knows the task that killed it: that task
// fails with *WorkerLostError, the ones queued behind it move to other
// workers, and a new worker takes its place. A task's error returns as a
// *RemoteError with its message and, for a panic, the worker's stack.
// NewThreadPool (and package dummy) is the same pool over goroutines.
//
// # Shared state
//
// Value, Array, RawValue and RawArray live in memfd segments mapped
// MAP_SHARED. Semaphore, BoundedSemaphore, Condition, Event and Barrier
// keep their counters in shared memory and sleep on futexes. Lock (and the
// RLock built on it) is an flock on a memfd that each process opens anew:
// if a process dies holding it, the kernel releases it and the next waiter
// proceeds, instead of hanging; the data it guarded may be half-updated.
// Queue is a pipe with reader and writer locks, a semaphore for its bound
// and a feeder goroutine, as in Python; each message is encoded on its own,
// so any number of processes may share it. These are Linux-only (memfd,
// futex, /proc).
//
// Managers (NewManager, Manager.Start, Connect, Shutdown) hold dicts,
// lists, queues, values, namespaces, locks, events and registered types in
// a server process, reached through typed proxies over an authenticated
// connection; a remote manager listens on TCP, on loopback unless given an
// address.
//
// GetLogger and LogToStderr log as Python's multiprocessing does, each line
// tagged with the writing process's name: "[INFO/Process-1] ...".
package multiprocessing
