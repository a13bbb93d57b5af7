package thread

import (
	"sync"
	"weak"
)

// Local holds one value of type T per thread. Each thread that calls
// [Local.Get] sees its own value, created on its first call by New (or the
// zero T if New is nil), and dropped when the thread ends (see [AtExit]).
// The zero value is ready to use; a Local must not be copied after first
// use.
//
// Python: threading.local, _thread._local. Python's attributes become the
// fields of T:
//
//	mydata = threading.local()      var mydata thread.Local[struct{ X int }]
//	mydata.x = 1                    mydata.Get().X = 1
type Local[T any] struct {
	// New, if set, makes a thread's first value. Python: a subclass's
	// __init__, which runs once in each thread.
	New func() T

	mu     sync.Mutex
	vals   map[uint64]*T
	hooked map[uint64]bool // threads whose end will drop their value
}

// Get returns a pointer to the calling thread's value. The pointer stays
// valid, and private to the thread, until the thread ends or calls
// [Local.Delete].
func (l *Local[T]) Get() *T {
	ident := GetIdent()
	l.mu.Lock()
	p, ok := l.vals[ident]
	l.mu.Unlock()
	if ok {
		return p
	}
	p = new(T)
	if l.New != nil {
		*p = l.New()
	}
	l.mu.Lock()
	if l.vals == nil {
		l.vals, l.hooked = map[uint64]*T{}, map[uint64]bool{}
	}
	l.vals[ident] = p
	hook := !l.hooked[ident]
	l.hooked[ident] = true
	l.mu.Unlock()
	if hook {
		// A weak pointer, so that a thread's registration does not keep
		// the Local alive.
		w := weak.Make(l)
		AtExit(func() {
			if l := w.Value(); l != nil {
				l.mu.Lock()
				delete(l.vals, ident)
				delete(l.hooked, ident)
				l.mu.Unlock()
			}
		})
	}
	return p
}

// Set replaces the calling thread's value.
func (l *Local[T]) Set(v T) { *l.Get() = v }

// Delete forgets the calling thread's value; the next Get makes a new one.
//
// Python: del on every attribute of a threading.local
func (l *Local[T]) Delete() {
	ident := GetIdent()
	l.mu.Lock()
	delete(l.vals, ident)
	l.mu.Unlock()
}

// Len returns the number of threads that hold a value.
func (l *Local[T]) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.vals)
}
