package threading

import (
	"errors"

	"github.com/goshell/gosh/runtime/thread"
)

// Errors of the lock types, shared with package thread so that errors.Is
// matches whichever package returned them.
var (
	// ErrNotHeld: release of an unlocked lock, or a Condition used
	// without holding its lock. Python: RuntimeError.
	ErrNotHeld = thread.ErrNotHeld
	// ErrNotOwner: release of an RLock held by another thread. Python:
	// RuntimeError.
	ErrNotOwner = thread.ErrNotOwner
)

// Errors of Thread, Semaphore and Barrier.
var (
	// ErrAlreadyStarted: Start called twice, or SetDaemon after Start.
	// Python: RuntimeError("threads can only be started once").
	ErrAlreadyStarted = errors.New("threading: thread already started")
	// ErrNotStarted: Join before Start. Python: RuntimeError("cannot join
	// thread before it is started").
	ErrNotStarted = errors.New("threading: thread not started")
	// ErrJoinCurrent: a thread joining itself. Python:
	// RuntimeError("cannot join current thread").
	ErrJoinCurrent = errors.New("threading: cannot join current thread")
	// ErrDummyThread: Join of a dummy thread (a goroutine this package did
	// not start), whose end cannot be observed. Python: AssertionError
	// ("cannot join a dummy thread").
	ErrDummyThread = errors.New("threading: cannot join a dummy thread")
	// ErrTimeout: a Join whose timeout passed while the thread still ran.
	// Python returns None and leaves the caller to check is_alive().
	ErrTimeout = errors.New("threading: timed out")
	// ErrTooManyReleases: a BoundedSemaphore released above its initial
	// value. Python: ValueError("Semaphore released too many times").
	ErrTooManyReleases = errors.New("threading: semaphore released too many times")
	// ErrReleaseCount: ReleaseN with n < 1. Python: ValueError("n must be
	// one or more").
	ErrReleaseCount = errors.New("threading: release count must be one or more")
	// ErrBrokenBarrier: a Barrier that was aborted, reset, timed out or
	// whose action failed. Python: threading.BrokenBarrierError.
	ErrBrokenBarrier = errors.New("threading: broken barrier")
)
