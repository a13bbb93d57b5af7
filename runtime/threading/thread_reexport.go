package threading

import (
	"time"

	"github.com/goshell/gosh/runtime/thread"
)

// Lock is a primitive lock, package thread's. See [thread.Lock].
//
// Python: threading.Lock
type Lock = thread.Lock

// RLock is a re-entrant lock owned by the thread that acquired it. See
// [thread.RLock].
//
// Python: threading.RLock
type RLock = thread.RLock

// Local holds one value of type T per thread. See [thread.Local].
//
// Python: threading.local
type Local[T any] = thread.Local[T]

// TimeoutMax is the longest timeout the waits accept.
//
// Python: threading.TIMEOUT_MAX
const TimeoutMax time.Duration = thread.TimeoutMax

// NewLock returns a new unlocked Lock (the zero Lock is one too).
//
// Python: threading.Lock()
func NewLock() *Lock { return new(Lock) }

// NewRLock returns a new unlocked RLock (the zero RLock is one too).
//
// Python: threading.RLock()
func NewRLock() *RLock { return new(RLock) }

// GetIdent returns the calling thread's ident. See [thread.GetIdent].
//
// Python: threading.get_ident
func GetIdent() uint64 { return thread.GetIdent() }

// GetNativeID returns the id of the OS thread running the caller. See
// [thread.GetNativeID].
//
// Python: threading.get_native_id
func GetNativeID() int { return thread.GetNativeID() }

// StackSize returns the recorded stack size. See [thread.StackSize].
//
// Python: threading.stack_size()
func StackSize() int { return thread.StackSize() }

// SetStackSize records a stack size and returns the previous one. See
// [thread.SetStackSize].
//
// Python: threading.stack_size(size)
func SetStackSize(size int) (int, error) { return thread.SetStackSize(size) }
