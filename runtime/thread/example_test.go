package thread_test

import (
	"context"
	"errors"
	"fmt"
	"syscall"

	"github.com/goshell/gosh/runtime/thread"
)

func ExampleStartNewThread() {
	done := make(chan uint64)
	ident := thread.StartNewThread(func() { done <- thread.GetIdent() })
	fmt.Println(<-done == ident)
	// Output: true
}

// A Lock used as Python's _thread lock: a non-blocking try, then a timed
// acquire from another thread.
func ExampleAllocateLock() {
	l := thread.AllocateLock()
	fmt.Println(l.Acquire(false, 0), l.Acquire(false, 0), l.Locked())
	fmt.Println(l.Release(), l.Release())
	// Output:
	// true false true
	// <nil> thread: release of unlocked lock
}

// InterruptMain cancels the main context with a KeyboardInterrupt cause,
// where Python raises KeyboardInterrupt in the main thread.
func ExampleInterruptMain() {
	ctx := thread.MainContext()
	thread.StartNewThread(func() { thread.InterruptMain(syscall.SIGINT) })
	<-ctx.Done()
	var ki *thread.KeyboardInterrupt
	fmt.Println(errors.As(context.Cause(ctx), &ki), ki.Signal)
	fmt.Println(thread.MainContext().Err()) // the next command starts afresh
	// Output:
	// true interrupt
	// <nil>
}

func ExampleLocal() {
	var counter thread.Local[int]
	*counter.Get() = 10
	done := make(chan int)
	thread.StartNewThread(func() {
		*counter.Get()++
		done <- *counter.Get()
	})
	fmt.Println(<-done, *counter.Get())
	// Output: 1 10
}
