// Package poll waits for I/O readiness on file descriptors. It is gosh's
// version of Python's select module ("select" is a Go keyword, so the
// package has another name).
//
// It offers the same four levels as Python:
//
//   - [Select], over lists of descriptors (Python: select.select);
//   - [Poll], a poll(2) object (Python: select.poll);
//   - [Epoll] on Linux (Python: select.epoll), level or edge triggered,
//     one-shot and exclusive;
//   - [Kqueue] and [Kevent] on macOS and the BSDs (Python: select.kqueue,
//     select.kevent);
//
// and a portable [Poller] that picks the best of them for the platform
// (Python: selectors.DefaultSelector), which a program such as a line
// editor uses to wait for terminal input with a timeout and to be woken
// from another goroutine.
//
// # Differences from Python
//
// Errors are returned, not raised. Timeouts are [time.Duration] values: a
// negative timeout (such as [Forever]) waits without limit, where Python
// takes None, or a negative number of milliseconds for poll objects and of
// seconds for the others. A zero timeout polls without waiting. Timeouts
// are rounded up to the granularity of the system call (a millisecond for
// poll(2) and epoll_wait(2)), so a wait never ends early.
//
// A wait interrupted by a signal (EINTR) is retried with the time that
// remains, as Python does since PEP 475. Go programs see such interruptions
// often: the runtime preempts goroutines with signals.
//
// Descriptors are plain ints. For an [os.File] or a [net.Conn], get the
// descriptor with Fd or SyscallConn; note that Go's own runtime already
// polls such files, so this package is for descriptors that a program
// manages itself (a terminal in raw mode, pipes to child processes, and
// so on).
//
// On Windows the package is empty: Python's select on Windows only accepts
// sockets, which Go's net package already covers.
package poll
