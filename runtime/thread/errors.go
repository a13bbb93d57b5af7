package thread

import "errors"

// Errors reported where Python raises RuntimeError or ValueError.
var (
	// ErrNotHeld is returned when releasing a lock that is not locked.
	// Python: RuntimeError("release unlocked lock") from Lock.release and
	// RuntimeError("cannot release un-acquired lock") from RLock.release.
	ErrNotHeld = errors.New("thread: release of unlocked lock")

	// ErrNotOwner is returned when a thread releases an RLock another
	// thread holds. Python: RuntimeError("cannot release un-acquired lock").
	ErrNotOwner = errors.New("thread: release of lock held by another thread")

	// ErrStackSize is returned by SetStackSize for a size that is neither
	// 0 nor at least MinStackSize. Python: ValueError("size not valid").
	ErrStackSize = errors.New("thread: stack size not valid")
)
