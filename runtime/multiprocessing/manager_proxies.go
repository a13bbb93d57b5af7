package multiprocessing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// encodeOne encodes v as a self-contained message of the default codec.
func encodeOne(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := DefaultCodec().NewEncoder(&b).Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decodeOne decodes a self-contained encoding of the default codec into v.
func decodeOne(b []byte, v any) error {
	return DefaultCodec().NewDecoder(&msgReader{b: b}).Decode(v)
}

// DictProxy is a proxy for a dict held by a manager. Keys travel as JSON
// (so equal keys match in every process), values with the default codec.
// Python: SyncManager.dict() (DictProxy).
type DictProxy[K comparable, V any] struct{ Proxy }

// ManagerDict creates a shared dict on m's server.
func ManagerDict[K comparable, V any](m *Manager) (*DictProxy[K, V], error) {
	p, err := m.Create("dict")
	if err != nil {
		return nil, err
	}
	return &DictProxy[K, V]{*p}, nil
}

func dictKey[K any](k K) (string, error) {
	b, err := json.Marshal(k)
	return string(b), err
}

// Get returns the value for k and whether it is present. Python: d.get(k).
func (d *DictProxy[K, V]) Get(k K) (V, bool, error) {
	var v V
	key, err := dictKey(k)
	if err != nil {
		return v, false, err
	}
	var b []byte
	var ok bool
	if err := d.Call("Get", []any{key}, &b, &ok); err != nil || !ok {
		return v, false, err
	}
	return v, true, decodeOne(b, &v)
}

// Set sets d[k] = v.
func (d *DictProxy[K, V]) Set(k K, v V) error {
	key, err := dictKey(k)
	if err != nil {
		return err
	}
	b, err := encodeOne(&v)
	if err != nil {
		return err
	}
	return d.Call("Set", []any{key, b})
}

// Delete removes k and reports whether it was there. Python: del d[k].
func (d *DictProxy[K, V]) Delete(k K) (bool, error) {
	key, err := dictKey(k)
	if err != nil {
		return false, err
	}
	var ok bool
	err = d.Call("Delete", []any{key}, &ok)
	return ok, err
}

// Len returns the number of keys. Python: len(d).
func (d *DictProxy[K, V]) Len() (int, error) {
	var n int
	err := d.Call("Len", nil, &n)
	return n, err
}

// Keys returns the keys in insertion order. Python: d.keys().
func (d *DictProxy[K, V]) Keys() ([]K, error) {
	var raw []string
	if err := d.Call("Keys", nil, &raw); err != nil {
		return nil, err
	}
	out := make([]K, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal([]byte(r), &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Items returns a copy of the dict. Python: dict(d).
func (d *DictProxy[K, V]) Items() (map[K]V, error) {
	var keys []string
	var vals [][]byte
	if err := d.Call("Keys", nil, &keys); err != nil {
		return nil, err
	}
	if err := d.Call("Values", nil, &vals); err != nil {
		return nil, err
	}
	out := make(map[K]V, len(keys))
	for i := range min(len(keys), len(vals)) {
		var k K
		var v V
		if err := json.Unmarshal([]byte(keys[i]), &k); err != nil {
			return nil, err
		}
		if err := decodeOne(vals[i], &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// ListProxy is a proxy for a list held by a manager.
// Python: SyncManager.list() (ListProxy).
type ListProxy[T any] struct{ Proxy }

// ManagerList creates a shared list on m's server.
func ManagerList[T any](m *Manager) (*ListProxy[T], error) {
	p, err := m.Create("list")
	if err != nil {
		return nil, err
	}
	return &ListProxy[T]{*p}, nil
}

// Append appends v. Python: l.append(v).
func (l *ListProxy[T]) Append(v T) error {
	b, err := encodeOne(&v)
	if err != nil {
		return err
	}
	return l.Call("Append", []any{b})
}

// Get returns l[i]; negative i counts from the end.
func (l *ListProxy[T]) Get(i int) (T, error) {
	var v T
	var b []byte
	if err := l.Call("Get", []any{i}, &b); err != nil {
		return v, err
	}
	return v, decodeOne(b, &v)
}

// Set sets l[i] = v.
func (l *ListProxy[T]) Set(i int, v T) error {
	b, err := encodeOne(&v)
	if err != nil {
		return err
	}
	return l.Call("Set", []any{i, b})
}

// Pop removes and returns l[i]. Python: l.pop(i).
func (l *ListProxy[T]) Pop(i int) (T, error) {
	var v T
	var b []byte
	if err := l.Call("Pop", []any{i}, &b); err != nil {
		return v, err
	}
	return v, decodeOne(b, &v)
}

// Len returns the length. Python: len(l).
func (l *ListProxy[T]) Len() (int, error) {
	var n int
	err := l.Call("Len", nil, &n)
	return n, err
}

// Values returns a copy of the list. Python: list(l).
func (l *ListProxy[T]) Values() ([]T, error) {
	var raw [][]byte
	if err := l.Call("All", nil, &raw); err != nil {
		return nil, err
	}
	out := make([]T, len(raw))
	for i, b := range raw {
		if err := decodeOne(b, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// QueueProxy is a proxy for a queue held by a manager.
// Python: SyncManager.Queue().
type QueueProxy[T any] struct{ Proxy }

// ManagerQueue creates a shared queue of at most maxsize items (no limit
// if maxsize <= 0) on m's server.
func ManagerQueue[T any](m *Manager, maxsize int) (*QueueProxy[T], error) {
	p, err := m.Create("Queue", maxsize)
	if err != nil {
		return nil, err
	}
	return &QueueProxy[T]{*p}, nil
}

// Put adds v, waiting up to timeout for room; ErrFull if none came.
func (q *QueueProxy[T]) Put(v T, timeout time.Duration) error {
	b, err := encodeOne(&v)
	if err != nil {
		return err
	}
	return remoteSentinel(q.Call("Put", []any{b, int64(timeout)}), ErrFull)
}

// Get removes the next item, waiting up to timeout; ErrEmpty if none came.
func (q *QueueProxy[T]) Get(timeout time.Duration) (T, error) {
	var v T
	var b []byte
	if err := q.Call("Get", []any{int64(timeout)}, &b); err != nil {
		return v, remoteSentinel(err, ErrEmpty)
	}
	return v, decodeOne(b, &v)
}

// Qsize returns the number of items.
func (q *QueueProxy[T]) Qsize() (int, error) {
	var n int
	err := q.Call("Qsize", nil, &n)
	return n, err
}

// remoteSentinel maps a remote error carrying sentinel's message back to
// sentinel.
func remoteSentinel(err, sentinel error) error {
	if re, ok := err.(*RemoteError); ok && re.Message == sentinel.Error() {
		return sentinel
	}
	return err
}

// ValueProxy is a proxy for a value held by a manager.
// Python: SyncManager.Value().
type ValueProxy[T any] struct{ Proxy }

// ManagerValue creates a shared value on m's server.
func ManagerValue[T any](m *Manager, v T) (*ValueProxy[T], error) {
	b, err := encodeOne(&v)
	if err != nil {
		return nil, err
	}
	p, err := m.Create("Value", b)
	if err != nil {
		return nil, err
	}
	return &ValueProxy[T]{*p}, nil
}

// Get returns the value. Python: v.value.
func (p *ValueProxy[T]) Get() (T, error) {
	var v T
	var b []byte
	if err := p.Call("Get", nil, &b); err != nil {
		return v, err
	}
	return v, decodeOne(b, &v)
}

// Set sets the value. Python: v.value = x.
func (p *ValueProxy[T]) Set(v T) error {
	b, err := encodeOne(&v)
	if err != nil {
		return err
	}
	return p.Call("Set", []any{b})
}

// NamespaceProxy is a proxy for a namespace (named attributes) held by a
// manager. Python: SyncManager.Namespace().
type NamespaceProxy struct{ Proxy }

// Namespace creates a shared namespace on the server.
func (m *Manager) Namespace() (*NamespaceProxy, error) {
	p, err := m.Create("Namespace")
	if err != nil {
		return nil, err
	}
	return &NamespaceProxy{*p}, nil
}

// Get decodes attribute name into ptr; it fails if there is none.
// Python: ns.name.
func (n *NamespaceProxy) Get(name string, ptr any) error {
	var b []byte
	var ok bool
	if err := n.Call("Get", []any{name}, &b, &ok); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("multiprocessing: namespace has no attribute %q", name)
	}
	return decodeOne(b, ptr)
}

// Set sets attribute name. Python: ns.name = v.
func (n *NamespaceProxy) Set(name string, v any) error {
	b, err := encodeOne(v)
	if err != nil {
		return err
	}
	return n.Call("Set", []any{name, b})
}

// Delete removes attribute name. Python: del ns.name.
func (n *NamespaceProxy) Delete(name string) error { return n.Call("Delete", []any{name}) }

// Names returns the attribute names.
func (n *NamespaceProxy) Names() ([]string, error) {
	var names []string
	err := n.Call("Keys", nil, &names)
	return names, err
}

// LockProxy is a proxy for a lock held by a manager; any client may release
// it. Python: SyncManager.Lock().
type LockProxy struct{ Proxy }

// Lock creates a shared lock on the server.
func (m *Manager) Lock() (*LockProxy, error) {
	p, err := m.Create("Lock")
	if err != nil {
		return nil, err
	}
	return &LockProxy{*p}, nil
}

// Acquire takes the lock, waiting up to timeout, and reports success.
func (l *LockProxy) Acquire(timeout time.Duration) (bool, error) {
	var ok bool
	err := l.Call("Acquire", []any{int64(timeout)}, &ok)
	return ok, err
}

// Release releases the lock.
func (l *LockProxy) Release() error { return l.Call("Release", nil) }

// EventProxy is a proxy for an event held by a manager.
// Python: SyncManager.Event().
type EventProxy struct{ Proxy }

// Event creates a shared event on the server.
func (m *Manager) Event() (*EventProxy, error) {
	p, err := m.Create("Event")
	if err != nil {
		return nil, err
	}
	return &EventProxy{*p}, nil
}

// Set sets the flag.
func (e *EventProxy) Set() error { return e.Call("Set", nil) }

// Clear clears the flag.
func (e *EventProxy) Clear() error { return e.Call("Clear", nil) }

// IsSet reports whether the flag is set.
func (e *EventProxy) IsSet() (bool, error) {
	var ok bool
	err := e.Call("IsSet", nil, &ok)
	return ok, err
}

// Wait waits up to timeout for the flag and reports whether it is set.
func (e *EventProxy) Wait(timeout time.Duration) (bool, error) {
	var ok bool
	err := e.Call("Wait", []any{int64(timeout)}, &ok)
	return ok, err
}
