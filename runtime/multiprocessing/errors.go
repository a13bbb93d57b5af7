package multiprocessing

import (
	"errors"
	"fmt"
)

// Errors returned by the package. They mirror Python's exceptions of the
// same role: ErrTimeout is multiprocessing.TimeoutError, ErrEmpty and ErrFull
// are queue.Empty and queue.Full.
var (
	// ErrClosed is returned by operations on a closed connection, listener,
	// queue or pool.
	ErrClosed = errors.New("multiprocessing: use of closed object")
	// ErrTimeout is returned when a wait with a timeout expires.
	// Python: multiprocessing.TimeoutError.
	ErrTimeout = errors.New("multiprocessing: timed out")
	// ErrEmpty is returned by a non-blocking or timed Get on an empty queue.
	// Python: queue.Empty.
	ErrEmpty = errors.New("multiprocessing: queue is empty")
	// ErrFull is returned by a non-blocking or timed Put on a full queue.
	// Python: queue.Full.
	ErrFull = errors.New("multiprocessing: queue is full")
	// ErrBadMessageLength is returned when a peer announces a message longer
	// than the connection's limit; the connection is closed before anything
	// is allocated. Python raises OSError("bad message length").
	ErrBadMessageLength = errors.New("multiprocessing: bad message length")
	// ErrNotReadable and ErrNotWritable are returned when a one-way
	// connection is used the wrong way.
	ErrNotReadable = errors.New("multiprocessing: connection is write-only")
	// ErrNotWritable: see ErrNotReadable.
	ErrNotWritable = errors.New("multiprocessing: connection is read-only")
)

// AuthenticationError reports a failed authentication-key handshake.
// Python: multiprocessing.AuthenticationError.
type AuthenticationError struct {
	Msg string
}

func (e *AuthenticationError) Error() string { return "multiprocessing: authentication: " + e.Msg }

// BufferTooShortError is returned by RecvBytesInto when the message does not
// fit; Message holds the complete message. Python: multiprocessing.BufferTooShort.
type BufferTooShortError struct {
	Message []byte
}

func (e *BufferTooShortError) Error() string {
	return fmt.Sprintf("multiprocessing: buffer too short for a %d-byte message", len(e.Message))
}

// ProcessError reports misuse of a Process, such as starting it twice.
// Python: multiprocessing.ProcessError (and the ValueError/AssertionError
// Python raises for the same mistakes).
type ProcessError struct {
	Msg string
}

func (e *ProcessError) Error() string { return "multiprocessing: " + e.Msg }

// RemoteError is a failure that happened in another process: a pool task
// that returned an error or panicked, or a manager method that failed.
// Python re-raises the remote exception with a RemoteTraceback attached;
// here the message, the function and the worker's stack travel as text.
type RemoteError struct {
	Func    string // the registered name of the function that failed
	Message string // the error's message (or the panic value)
	Stack   string // the worker's goroutine stack where it failed, if known
	Pid     int    // the process the failure happened in
}

func (e *RemoteError) Error() string {
	if e.Func == "" {
		return e.Message
	}
	return fmt.Sprintf("%s: %s", e.Func, e.Message)
}

// WorkerLostError is the error of a pool task whose worker process died
// (crashed, was killed, or exited) while running it.
type WorkerLostError struct {
	Pid      int
	ExitCode int // negative: killed by that signal, as Process.ExitCode
}

func (e *WorkerLostError) Error() string {
	if e.ExitCode < 0 {
		return fmt.Sprintf("multiprocessing: pool worker %d was killed by signal %d while running this task", e.Pid, -e.ExitCode)
	}
	return fmt.Sprintf("multiprocessing: pool worker %d exited with code %d while running this task", e.Pid, e.ExitCode)
}
