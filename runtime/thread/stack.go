package thread

import (
	"math"
	"sync/atomic"
	"time"
)

// TimeoutMax is the longest timeout the acquire and wait methods accept;
// any negative timeout also means "wait for ever".
//
// Python: _thread.TIMEOUT_MAX, threading.TIMEOUT_MAX
const TimeoutMax = time.Duration(math.MaxInt64)

// MinStackSize is the smallest non-zero size SetStackSize accepts, Python's
// minimum on Linux.
const MinStackSize = 32 << 10

var stackSize atomic.Int64

// StackSize returns the size last given to [SetStackSize], 0 meaning the
// platform default.
//
// Python: _thread.stack_size()
func StackSize() int { return int(stackSize.Load()) }

// SetStackSize records the stack size for threads created afterwards and
// returns the previous one. size must be 0 (the default) or at least
// [MinStackSize], else it returns [ErrStackSize].
//
// The size is only recorded: goroutines start with a small stack that the
// runtime grows and shrinks as needed, up to the limit set by
// runtime/debug.SetMaxStack (1 GB on 64-bit systems), so there is nothing
// to size in advance. Code that set a large stack in Python so that deep
// recursion would not crash needs nothing here.
//
// Python: _thread.stack_size(size)
func SetStackSize(size int) (int, error) {
	if size != 0 && size < MinStackSize {
		return StackSize(), ErrStackSize
	}
	return int(stackSize.Swap(int64(size))), nil
}
