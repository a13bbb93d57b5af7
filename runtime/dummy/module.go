package dummy

import (
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// Module is this package as a threading.Module: everything inline.
var Module threading.Module = module{}

type module struct{}

func (module) NewLock() threading.Locker                      { return new(Lock) }
func (module) NewRLock() threading.Locker                     { return new(RLock) }
func (module) NewSemaphore(value int) threading.Locker        { return NewSemaphore(value) }
func (module) NewBoundedSemaphore(value int) threading.Locker { return NewBoundedSemaphore(value) }
func (module) NewEvent() threading.Flag                       { return new(Event) }
func (module) NewCondition(l threading.Locker) threading.Notifier {
	return NewCondition(l)
}
func (module) NewBarrier(parties int, action func() error, timeout time.Duration) threading.Rendezvous {
	return NewBarrier(parties, action, timeout)
}
func (module) NewThread(target func(), opts ...threading.Option) threading.Runner {
	return NewThread(target, opts...)
}
func (module) NewTimer(interval time.Duration, fn func(), opts ...threading.Option) threading.Canceler {
	return NewTimer(interval, fn, opts...)
}
func (module) CurrentThread() threading.Runner { return CurrentThread() }
func (module) MainThread() threading.Runner    { return MainThread() }
func (module) ActiveCount() int                { return ActiveCount() }
func (module) GetIdent() uint64                { return GetIdent() }
