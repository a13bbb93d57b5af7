package dummy

import (
	"sync"

	"github.com/goshell/gosh/runtime/threading"
)

// Every dummy type satisfies the interface its threading counterpart does,
// which is what makes the package a drop-in.
var (
	_ threading.Locker     = (*Lock)(nil)
	_ threading.Locker     = (*RLock)(nil)
	_ threading.Locker     = (*Semaphore)(nil)
	_ threading.Locker     = (*BoundedSemaphore)(nil)
	_ threading.Notifier   = (*Condition)(nil)
	_ threading.Flag       = (*Event)(nil)
	_ threading.Rendezvous = (*Barrier)(nil)
	_ threading.Runner     = (*Thread)(nil)
	_ threading.Canceler   = (*Timer)(nil)

	_ sync.Locker = (*Lock)(nil)
	_ sync.Locker = (*RLock)(nil)
	_ sync.Locker = (*Condition)(nil)
	_ sync.Locker = (*Semaphore)(nil)
	_ sync.Locker = (*BoundedSemaphore)(nil)
)
