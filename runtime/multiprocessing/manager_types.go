package multiprocessing

import (
	"fmt"
	"sync"
	"time"
)

// The shared objects a manager server holds for its built-in proxies.
// Values are kept as the clients' encodings: the server never needs
// their types.

// builtinManagedTypes registers the built-in types, on first use of the
// registry rather than at every start of the program.
func builtinManagedTypes() { builtinTypesOnce.Do(registerBuiltinManagedTypes) }

var builtinTypesOnce sync.Once

func registerBuiltinManagedTypes() {
	registerManagedType("dict", func() *mgrDict { return &mgrDict{m: map[string][]byte{}} })
	registerManagedType("list", func() *mgrList { return &mgrList{} })
	registerManagedType("Queue", func(maxsize int) *mgrQueue { return newMgrQueue(maxsize) })
	registerManagedType("Value", func(v []byte) *mgrValue { return &mgrValue{v: v} })
	registerManagedType("Namespace", func() *mgrDict { return &mgrDict{m: map[string][]byte{}} })
	registerManagedType("Lock", func() *mgrLock { return &mgrLock{ch: make(chan struct{}, 1)} })
	registerManagedType("Event", func() *mgrEvent { return &mgrEvent{ch: make(chan struct{})} })
}

// mgrDict is a dict (keys are JSON encodings) and a Namespace.
type mgrDict struct {
	mu    sync.Mutex
	m     map[string][]byte
	order []string
}

func (d *mgrDict) Get(k string) ([]byte, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	v, ok := d.m[k]
	return v, ok
}

func (d *mgrDict) Set(k string, v []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.m[k]; !ok {
		d.order = append(d.order, k)
	}
	d.m[k] = v
}

func (d *mgrDict) Delete(k string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.m[k]; !ok {
		return false
	}
	delete(d.m, k)
	for i, o := range d.order {
		if o == k {
			d.order = append(d.order[:i], d.order[i+1:]...)
			break
		}
	}
	return true
}

func (d *mgrDict) Len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.m)
}

// Keys returns the keys in insertion order, as Python's dict does.
func (d *mgrDict) Keys() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string{}, d.order...)
}

func (d *mgrDict) Values() [][]byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([][]byte, len(d.order))
	for i, k := range d.order {
		out[i] = d.m[k]
	}
	return out
}

func (d *mgrDict) Clear() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.m, d.order = map[string][]byte{}, nil
}

// mgrList is a list.
type mgrList struct {
	mu sync.Mutex
	v  [][]byte
}

func (l *mgrList) index(i int) (int, error) {
	if i < 0 {
		i += len(l.v)
	}
	if i < 0 || i >= len(l.v) {
		return 0, fmt.Errorf("list index out of range")
	}
	return i, nil
}

func (l *mgrList) Append(v []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.v = append(l.v, v)
}

func (l *mgrList) Extend(vs [][]byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.v = append(l.v, vs...)
}

func (l *mgrList) Get(i int) ([]byte, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	i, err := l.index(i)
	if err != nil {
		return nil, err
	}
	return l.v[i], nil
}

func (l *mgrList) Set(i int, v []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	i, err := l.index(i)
	if err != nil {
		return err
	}
	l.v[i] = v
	return nil
}

func (l *mgrList) Pop(i int) ([]byte, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.v) == 0 {
		return nil, fmt.Errorf("pop from empty list")
	}
	i, err := l.index(i)
	if err != nil {
		return nil, err
	}
	v := l.v[i]
	l.v = append(l.v[:i], l.v[i+1:]...)
	return v, nil
}

func (l *mgrList) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.v)
}

func (l *mgrList) All() [][]byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([][]byte{}, l.v...)
}

// mgrQueue is a queue.Queue.
type mgrQueue struct {
	mu      sync.Mutex
	items   [][]byte
	maxsize int
	changed chan struct{} // closed and replaced on every change
}

func newMgrQueue(maxsize int) *mgrQueue {
	return &mgrQueue{maxsize: maxsize, changed: make(chan struct{})}
}

// waitFor waits until ready() holds (checked under mu), up to timeout ns.
func (q *mgrQueue) waitFor(ready func() bool, timeout int64) bool {
	deadline := time.Now().Add(time.Duration(timeout))
	q.mu.Lock()
	for !ready() {
		ch := q.changed
		q.mu.Unlock()
		if timeout == 0 {
			q.mu.Lock()
			return ready()
		}
		if timeout < 0 {
			<-ch
		} else {
			left := time.Until(deadline)
			if left <= 0 {
				q.mu.Lock()
				return ready()
			}
			t := time.NewTimer(left)
			select {
			case <-ch:
			case <-t.C:
			}
			t.Stop()
		}
		q.mu.Lock()
	}
	return true
}

func (q *mgrQueue) signal() {
	close(q.changed)
	q.changed = make(chan struct{})
}

func (q *mgrQueue) Put(v []byte, timeout int64) error {
	ok := q.waitFor(func() bool { return q.maxsize <= 0 || len(q.items) < q.maxsize }, timeout)
	defer q.mu.Unlock()
	if !ok {
		return ErrFull
	}
	q.items = append(q.items, v)
	q.signal()
	return nil
}

func (q *mgrQueue) Get(timeout int64) ([]byte, error) {
	ok := q.waitFor(func() bool { return len(q.items) > 0 }, timeout)
	defer q.mu.Unlock()
	if !ok {
		return nil, ErrEmpty
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.signal()
	return v, nil
}

func (q *mgrQueue) Qsize() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

// mgrValue is a Value.
type mgrValue struct {
	mu sync.Mutex
	v  []byte
}

func (v *mgrValue) Get() []byte {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.v
}

func (v *mgrValue) Set(b []byte) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.v = b
}

// mgrLock is a Lock any client may release.
type mgrLock struct {
	ch chan struct{}
}

func (l *mgrLock) Acquire(timeout int64) bool { return sendToken(l.ch, time.Duration(timeout)) }

func (l *mgrLock) Release() error {
	select {
	case <-l.ch:
		return nil
	default:
		return fmt.Errorf("release unlocked lock")
	}
}

// mgrEvent is an Event.
type mgrEvent struct {
	mu sync.Mutex
	ch chan struct{} // closed while set
	on bool
}

func (e *mgrEvent) Set() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.on {
		e.on = true
		close(e.ch)
	}
}

func (e *mgrEvent) Clear() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.on {
		e.on = false
		e.ch = make(chan struct{})
	}
}

func (e *mgrEvent) IsSet() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.on
}

func (e *mgrEvent) Wait(timeout int64) bool {
	e.mu.Lock()
	ch := e.ch
	e.mu.Unlock()
	return waitChan(ch, time.Duration(timeout))
}
