package multiprocessing

import (
	"errors"
	"os"
	"slices"
	"sort"
	"testing"
	"time"
)

var (
	tIncr = Register("test.incr", func(v *Value[int], n int) {
		for range n {
			v.Update(func(x int) int { return x + 1 })
		}
	})
	tRawIncr = Register("test.rawincr", func(v *RawValue[int64], l *Lock, n int) {
		for range n {
			l.Acquire(Forever)
			v.Set(v.Get() + 1)
			l.Release()
		}
	})
	tHoldAndDie = Register("test.holdanddie", func(l *Lock, ready *Event, kill bool) {
		l.Acquire(Forever)
		ready.Set()
		if kill {
			time.Sleep(time.Minute) // the test kills us
		}
		os.Exit(0)
	})
	tWaitEvent = Register("test.waitevent", func(e *Event, done *Event) {
		if e.Wait(10 * time.Second) {
			done.Set()
		}
	})
	tBarrier = Register("test.barrier", func(b *Barrier, q *Queue[int]) error {
		i, err := b.Wait(10 * time.Second)
		if err != nil {
			return err
		}
		return q.Put(i, Forever)
	})
	tCond = Register("test.cond", func(c *Condition, v *RawValue[int32], out *SimpleQueue[string]) {
		c.Acquire(Forever)
		ok, _ := c.WaitFor(func() bool { return v.Get() == 1 }, 10*time.Second)
		c.Release()
		if ok {
			out.Put("woken")
		} else {
			out.Put("timed out")
		}
	})
	tDouble = Register("test.double", func(a *Array[float64]) {
		a.GetLock().Acquire(Forever)
		defer a.GetLock().Release()
		s := a.GetObj().Slice()
		for i := range s {
			s[i] *= 2
		}
	})
	tWorker = Register("test.qworker", func(in *JoinableQueue[int], out *Queue[int]) {
		for {
			x, err := in.Get(Forever)
			if err != nil || x < 0 {
				in.TaskDone()
				return
			}
			out.Put(x*x, Forever)
			in.TaskDone()
		}
	})
	tSimplePut = Register("test.simpleput", func(q *SimpleQueue[string], s string) error { return q.Put(s) })
)

func TestValueAndLockAcrossProcesses(t *testing.T) {
	v, err := NewValue(0, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := NewRawValue[int64](0)
	l, _ := NewLock()
	var ps []*Process
	for range 2 {
		ps = append(ps, NewProcess(tIncr, v, 300), NewProcess(tRawIncr, raw, l, 300))
	}
	for _, p := range ps {
		if err := p.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for range 300 {
		v.Update(func(x int) int { return x + 1 })
	}
	for _, p := range ps {
		p.Join(Forever)
	}
	if v.Get() != 900 || raw.Get() != 600 {
		t.Fatalf("counters %d and %d, want 900 and 600", v.Get(), raw.Get())
	}
}

func TestLockHolderDeath(t *testing.T) {
	for _, kill := range []bool{false, true} {
		l, _ := NewLock()
		ready, _ := NewEvent()
		p := NewProcess(tHoldAndDie, l, ready, kill)
		if err := p.Start(); err != nil {
			t.Fatal(err)
		}
		if !ready.Wait(10 * time.Second) {
			t.Fatal("child never took the lock")
		}
		if kill {
			if l.Acquire(50 * time.Millisecond) {
				t.Fatal("acquired a lock another process holds")
			}
			p.Kill()
		}
		if !l.Acquire(10 * time.Second) {
			t.Fatalf("kill=%v: lock still held after its holder died", kill)
		}
		l.Release()
		p.Join(Forever)
	}
}

func TestLockInProcess(t *testing.T) {
	l, _ := NewLock()
	if err := l.Release(); !errors.Is(err, ErrReleasedTooMany) {
		t.Fatalf("release of unheld lock: %v", err)
	}
	if !l.Acquire(0) || l.Acquire(0) || l.Acquire(20*time.Millisecond) {
		t.Fatal("lock is not exclusive within a process")
	}
	done := make(chan bool)
	go func() { done <- l.Acquire(5 * time.Second) }()
	time.Sleep(10 * time.Millisecond)
	l.Release() // another goroutine may release, as in Python
	if !<-done {
		t.Fatal("waiter did not get the lock")
	}
	r, _ := NewRLock()
	if !r.Acquire(0) || !r.Acquire(0) {
		t.Fatal("rlock not reentrant")
	}
	go func() { done <- r.Acquire(0) }()
	if <-done {
		t.Fatal("rlock taken by another goroutine")
	}
	r.Release()
	r.Release()
	if err := r.Release(); err == nil {
		t.Fatal("released an unheld rlock")
	}
}

func TestSemaphores(t *testing.T) {
	s, _ := NewSemaphore(2)
	if !s.Acquire(0) || !s.Acquire(0) || s.Acquire(0) || s.Acquire(20*time.Millisecond) {
		t.Fatal("semaphore counts wrong")
	}
	s.Release()
	s.Release()
	s.Release()
	if s.Value() != 3 {
		t.Fatalf("value %d, want 3", s.Value())
	}
	b, _ := NewBoundedSemaphore(1)
	if err := b.Release(); !errors.Is(err, ErrReleasedTooMany) {
		t.Fatalf("bounded over-release: %v", err)
	}
	b.Acquire(Forever)
	go func() { time.Sleep(10 * time.Millisecond); b.Release() }()
	if !b.Acquire(5 * time.Second) {
		t.Fatal("not woken by release")
	}
}

func TestEventConditionBarrierAcrossProcesses(t *testing.T) {
	e, _ := NewEvent()
	done, _ := NewEvent()
	p := NewProcess(tWaitEvent, e, done)
	p.Start()
	if e.IsSet() || done.Wait(30*time.Millisecond) {
		t.Fatal("event set too early")
	}
	e.Set()
	if !done.Wait(10 * time.Second) {
		t.Fatal("child did not see the event")
	}
	p.Join(Forever)
	e.Clear()
	if e.IsSet() {
		t.Fatal("clear did not clear")
	}

	c, _ := NewCondition(nil)
	v, _ := NewRawValue[int32](0)
	out, _ := NewSimpleQueue[string]()
	p = NewProcess(tCond, c, v, out)
	p.Start()
	time.Sleep(50 * time.Millisecond)
	c.Acquire(Forever)
	v.Set(1)
	c.NotifyAll()
	c.Release()
	if s, err := out.Get(); err != nil || s != "woken" {
		t.Fatalf("condition: %q, %v", s, err)
	}
	p.Join(Forever)

	b, _ := NewBarrier(3)
	q, _ := NewQueue[int](0)
	ps := []*Process{NewProcess(tBarrier, b, q), NewProcess(tBarrier, b, q)}
	for _, p := range ps {
		p.Start()
	}
	i, err := b.Wait(10 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	idx := []int{i}
	for range 2 {
		j, err := q.Get(10 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		idx = append(idx, j)
	}
	sort.Ints(idx)
	if !slices.Equal(idx, []int{0, 1, 2}) {
		t.Fatalf("barrier indexes %v", idx)
	}
	for _, p := range ps {
		p.Join(Forever)
	}
	b2, _ := NewBarrier(2)
	if _, err := b2.Wait(20 * time.Millisecond); !errors.Is(err, ErrBrokenBarrier) || !b2.Broken() {
		t.Fatalf("timed-out barrier: %v", err)
	}
	b2.Reset()
	if b2.Broken() {
		t.Fatal("reset did not mend")
	}
}

func TestArrayAcrossProcesses(t *testing.T) {
	a, err := NewArray([]float64{1, 2, 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	run(t, tDouble, a)
	if got := a.Values(); !slices.Equal(got, []float64{2, 4, 6}) {
		t.Fatalf("array %v", got)
	}
	c, _ := a.GetObj().Copy()
	c.Set(0, 100)
	if a.Get(0) != 2 || c.Get(0) != 100 || c.Len() != 3 {
		t.Fatal("copy shares memory")
	}
	raw, _ := NewRawValue[uint8](7)
	sv, _ := SynchronizedValue(raw, nil)
	sv.Set(9)
	if raw.Get() != 9 {
		t.Fatal("synchronized value not over the raw one")
	}
}

func TestQueues(t *testing.T) {
	q, _ := NewQueue[string](2)
	if !q.Empty() || q.Full() {
		t.Fatal("new queue not empty")
	}
	if _, err := q.Get(0); err != ErrEmpty {
		t.Fatalf("get on empty: %v", err)
	}
	if _, err := q.Get(20 * time.Millisecond); err != ErrEmpty {
		t.Fatalf("timed get on empty: %v", err)
	}
	q.Put("a", Forever)
	q.Put("b", Forever)
	if err := q.Put("c", 0); err != ErrFull {
		t.Fatalf("put on full: %v", err)
	}
	if q.Qsize() != 2 || !q.Full() {
		t.Fatalf("qsize %d", q.Qsize())
	}
	for _, want := range []string{"a", "b"} {
		if got, err := q.Get(5 * time.Second); err != nil || got != want {
			t.Fatalf("got %q, %v; want %q", got, err, want)
		}
	}
	q.Close()
	q.JoinThread()
	if err := q.Put("x", 0); err == nil {
		t.Fatal("put after close")
	}

	in, _ := NewJoinableQueue[int](0)
	out, _ := NewQueue[int](0)
	ps := []*Process{NewProcess(tWorker, in, out), NewProcess(tWorker, in, out)}
	for _, p := range ps {
		p.Start()
	}
	for i := range 50 {
		in.Put(i, Forever)
	}
	in.Join()
	sum := 0
	for range 50 {
		v, err := out.Get(10 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	if sum != 40425 { // sum of squares 0..49
		t.Fatalf("sum %d", sum)
	}
	in.Put(-1, Forever)
	in.Put(-1, Forever)
	for _, p := range ps {
		p.Join(Forever)
	}
	if err := in.TaskDone(); err == nil {
		t.Fatal("extra TaskDone accepted")
	}

	sq, _ := NewSimpleQueue[string]()
	run(t, tSimplePut, sq, "from child")
	if sq.Empty() {
		t.Fatal("simple queue empty")
	}
	if s, err := sq.Get(); err != nil || s != "from child" {
		t.Fatalf("simple queue: %q, %v", s, err)
	}
	sq.Close()
}
