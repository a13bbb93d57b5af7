package threading

import "time"

// Std is this package as a [Module]: real threads.
var Std Module = std{}

type std struct{}

func (std) NewLock() Locker                      { return new(Lock) }
func (std) NewRLock() Locker                     { return new(RLock) }
func (std) NewCondition(l Locker) Notifier       { return NewCondition(l) }
func (std) NewSemaphore(value int) Locker        { return NewSemaphore(value) }
func (std) NewBoundedSemaphore(value int) Locker { return NewBoundedSemaphore(value) }
func (std) NewEvent() Flag                       { return new(Event) }
func (std) NewBarrier(parties int, action func() error, timeout time.Duration) Rendezvous {
	return NewBarrier(parties, action, timeout)
}
func (std) NewThread(target func(), opts ...Option) Runner { return NewThread(target, opts...) }
func (std) NewTimer(interval time.Duration, fn func(), opts ...Option) Canceler {
	return NewTimer(interval, fn, opts...)
}
func (std) CurrentThread() Runner { return CurrentThread() }
func (std) MainThread() Runner    { return MainThread() }
func (std) ActiveCount() int      { return ActiveCount() }
func (std) GetIdent() uint64      { return GetIdent() }
