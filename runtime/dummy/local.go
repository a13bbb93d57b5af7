package dummy

// Local holds one value per dummy thread; a thread's value is dropped when
// it finishes. The zero value is ready to use.
//
// Python: dummy_threading.local
type Local[T any] struct {
	// New, if set, makes a thread's first value.
	New  func() T
	vals map[uint64]*T
}

// Get returns the current dummy thread's value, making it on first use.
func (l *Local[T]) Get() *T {
	t := CurrentThread()
	if p, ok := l.vals[t.ident]; ok {
		return p
	}
	p := new(T)
	if l.New != nil {
		*p = l.New()
	}
	if l.vals == nil {
		l.vals = map[uint64]*T{}
	}
	l.vals[t.ident] = p
	ident := t.ident
	if t != mainThread {
		t.exits = append(t.exits, func() { delete(l.vals, ident) })
	}
	return p
}

// Set replaces the current dummy thread's value.
func (l *Local[T]) Set(v T) { *l.Get() = v }

// Delete forgets the current dummy thread's value.
func (l *Local[T]) Delete() { delete(l.vals, CurrentThread().ident) }

// Len returns the number of dummy threads that hold a value.
func (l *Local[T]) Len() int { return len(l.vals) }
