package thread

import (
	"context"
	"os"
	"sync"
	"syscall"
)

// KeyboardInterrupt is the cause (see [context.Cause]) of a main context
// cancelled by [InterruptMain].
//
// Python: KeyboardInterrupt, raised in the main thread by
// _thread.interrupt_main
type KeyboardInterrupt struct {
	// Signal is the signal InterruptMain simulated.
	Signal os.Signal
}

// Error names the simulated signal.
func (k *KeyboardInterrupt) Error() string {
	return "thread: main thread interrupted (" + k.Signal.String() + ")"
}

var mainCtx struct {
	sync.Mutex
	ctx    context.Context
	cancel context.CancelCauseFunc
	seen   bool // ctx has been returned by MainContext
}

// renew replaces the main context with a new one, not yet handed out.
func renew() {
	mainCtx.ctx, mainCtx.cancel = context.WithCancelCause(context.Background())
	mainCtx.seen = false
}

// MainContext returns the context that the next [InterruptMain] cancels.
// Go cannot raise an exception in another goroutine, so the main thread
// (or anything else that should stop on an interrupt) watches this context
// instead, and finds the [*KeyboardInterrupt] with [context.Cause].
//
// A cancelled context stays cancelled; once it has been returned, the next
// call returns a new one. So a loop that runs one command at a time takes a
// fresh MainContext for each, and an interrupt that arrives between two
// commands cancels the next one's context before it starts.
func MainContext() context.Context {
	mainCtx.Lock()
	defer mainCtx.Unlock()
	if mainCtx.ctx == nil || (mainCtx.seen && mainCtx.ctx.Err() != nil) {
		renew()
	}
	mainCtx.seen = true
	return mainCtx.ctx
}

// InterruptMain simulates the arrival of sig (nil means [syscall.SIGINT],
// Python's default) in the main thread by cancelling the current
// [MainContext] with a [*KeyboardInterrupt] cause. It does not deliver a
// real signal. Like signals, interrupts that arrive before anyone takes the
// cancelled context coalesce into the first.
//
// Python: _thread.interrupt_main(signum=signal.SIGINT)
func InterruptMain(sig os.Signal) {
	if sig == nil {
		sig = syscall.SIGINT
	}
	mainCtx.Lock()
	defer mainCtx.Unlock()
	if mainCtx.ctx == nil || (mainCtx.seen && mainCtx.ctx.Err() != nil) {
		renew()
	}
	mainCtx.cancel(&KeyboardInterrupt{Signal: sig})
}
