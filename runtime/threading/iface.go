package threading

import (
	"context"
	"time"
)

// Locker is anything acquired and released like a lock: Lock, RLock,
// Semaphore, BoundedSemaphore and Condition here, and their counterparts
// in package dummy.
//
// Python: the acquire/release protocol that with uses
type Locker interface {
	// Acquire reports whether it acquired. A negative timeout waits for
	// ever; blocking false does not wait at all.
	Acquire(blocking bool, timeout time.Duration) bool
	// AcquireContext acquires or returns ctx's error.
	AcquireContext(ctx context.Context) error
	// Release returns an error (such as ErrNotHeld) instead of raising.
	Release() error
}

// Notifier is a condition variable: Condition here and in package dummy.
//
// Python: threading.Condition
type Notifier interface {
	Locker
	Wait(timeout time.Duration) (bool, error)
	WaitContext(ctx context.Context) error
	WaitFor(pred func() bool, timeout time.Duration) (bool, error)
	Notify(n int) error
	NotifyAll() error
}

// Flag is an event flag: Event here and in package dummy.
//
// Python: threading.Event
type Flag interface {
	IsSet() bool
	Set()
	Clear()
	Wait(timeout time.Duration) bool
	WaitContext(ctx context.Context) error
}

// Rendezvous is a barrier: Barrier here and in package dummy.
//
// Python: threading.Barrier
type Rendezvous interface {
	Wait(timeout time.Duration) (int, error)
	WaitContext(ctx context.Context) (int, error)
	Reset()
	Abort()
	Parties() int
	NWaiting() int
	Broken() bool
}

// Runner is a thread: Thread here and in package dummy.
//
// Python: threading.Thread
type Runner interface {
	Start() error
	Join(timeout time.Duration) error
	JoinContext(ctx context.Context) error
	IsAlive() bool
	Name() string
	SetName(name string)
	Ident() uint64
	NativeID() int
	IsDaemon() bool
	SetDaemon(daemon bool) error
}

// Canceler is a thread that runs a function after a delay unless
// cancelled: Timer here and in package dummy.
//
// Python: threading.Timer
type Canceler interface {
	Runner
	Cancel()
}

// Module is the threading module as a value, so that a program can pick
// real threads or package dummy's inline ones at run time, as Python code
// does with
//
//	try:
//	    import threading
//	except ImportError:
//	    import dummy_threading as threading
//
// [Std] is this package's Module; dummy.Module is the other.
type Module interface {
	NewLock() Locker
	NewRLock() Locker
	NewCondition(l Locker) Notifier
	NewSemaphore(value int) Locker
	NewBoundedSemaphore(value int) Locker
	NewEvent() Flag
	NewBarrier(parties int, action func() error, timeout time.Duration) Rendezvous
	NewThread(target func(), opts ...Option) Runner
	NewTimer(interval time.Duration, fn func(), opts ...Option) Canceler
	CurrentThread() Runner
	MainThread() Runner
	ActiveCount() int
	GetIdent() uint64
}
