package threading

import (
	"sync"
	"testing"
)

// The types satisfy the interfaces package dummy's types satisfy too.
var (
	_ Locker     = (*Lock)(nil)
	_ Locker     = (*RLock)(nil)
	_ Locker     = (*Semaphore)(nil)
	_ Locker     = (*BoundedSemaphore)(nil)
	_ Notifier   = (*Condition)(nil)
	_ Flag       = (*Event)(nil)
	_ Rendezvous = (*Barrier)(nil)
	_ Runner     = (*Thread)(nil)
	_ Canceler   = (*Timer)(nil)

	_ sync.Locker = (*Lock)(nil)
	_ sync.Locker = (*RLock)(nil)
	_ sync.Locker = (*Condition)(nil)
	_ sync.Locker = (*Semaphore)(nil)
	_ sync.Locker = (*BoundedSemaphore)(nil)
)

// TestStdModule builds every primitive through Std and uses it once, as
// code written against Module would.
func TestStdModule(t *testing.T) {
	m := Std
	for _, l := range []Locker{m.NewLock(), m.NewRLock(), m.NewSemaphore(1), m.NewBoundedSemaphore(1)} {
		if !l.Acquire(true, -1) || l.Release() != nil {
			t.Errorf("%T: acquire/release failed", l)
		}
	}
	c := m.NewCondition(nil)
	c.Acquire(true, -1)
	if ok, err := c.Wait(0); ok || err != nil {
		t.Errorf("Condition.Wait(0) = %v, %v", ok, err)
	}
	c.Release()
	e := m.NewEvent()
	e.Set()
	if !e.Wait(-1) {
		t.Error("Event not set")
	}
	if i, err := m.NewBarrier(1, nil, -1).Wait(-1); i != 0 || err != nil {
		t.Errorf("Barrier(1).Wait = %d, %v", i, err)
	}
	ran := false
	th := m.NewThread(func() { ran = true })
	th.Start()
	th.Join(-1)
	tm := m.NewTimer(0, func() {})
	tm.Start()
	tm.Join(-1)
	if !ran || th.IsAlive() || tm.IsAlive() {
		t.Error("thread or timer did not run to the end")
	}
	if m.MainThread().Ident() != 1 || m.CurrentThread().Ident() != m.GetIdent() || m.ActiveCount() < 1 {
		t.Error("module functions disagree")
	}
}
