package multiprocessing

import (
	"fmt"
	"unsafe"
)

// Scalar is a fixed-size value that can live in shared memory (Python's
// ctypes typecodes: 'b', 'i', 'l', 'd', ...).
type Scalar interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 | ~bool
}

// RawArray is an array in shared memory with no lock: children that
// inherit it see and change the same elements. Python:
// multiprocessing.sharedctypes.RawArray.
type RawArray[T Scalar] struct {
	seg *segment
	s   []T
}

// NewRawArray returns a zeroed shared array of n elements.
func NewRawArray[T Scalar](n int) (*RawArray[T], error) {
	if n < 0 {
		return nil, fmt.Errorf("multiprocessing: negative array length")
	}
	var zero T
	seg, err := newSegment("array", n*int(unsafe.Sizeof(zero)))
	if err != nil {
		return nil, err
	}
	a := &RawArray[T]{seg: seg}
	a.view(n)
	return a, nil
}

// NewRawArrayFrom returns a shared array holding a copy of values.
func NewRawArrayFrom[T Scalar](values []T) (*RawArray[T], error) {
	a, err := NewRawArray[T](len(values))
	if err == nil {
		copy(a.s, values)
	}
	return a, err
}

func (a *RawArray[T]) view(n int) {
	if n == 0 {
		a.s = []T{}
		return
	}
	a.s = unsafe.Slice((*T)(unsafe.Pointer(&a.seg.mem[0])), n)
}

// Len returns the number of elements.
func (a *RawArray[T]) Len() int { return len(a.s) }

// Get returns element i.
func (a *RawArray[T]) Get(i int) T { return a.s[i] }

// Set sets element i.
func (a *RawArray[T]) Set(i int, v T) { a.s[i] = v }

// Slice returns the shared elements themselves: writes through it are seen
// by every process. The memory is unmapped once the array is unreachable,
// so keep the array alive while using the slice. Python: the array's buffer.
func (a *RawArray[T]) Slice() []T { return a.s }

// Copy returns a new shared array with the same elements.
// Python: sharedctypes.copy(obj).
func (a *RawArray[T]) Copy() (*RawArray[T], error) { return NewRawArrayFrom(a.s) }

func (a *RawArray[T]) shareState() ([]byte, []int, error) {
	return []byte(fmt.Sprint(len(a.s))), []int{a.seg.fd}, nil
}

func (a *RawArray[T]) attachState(state []byte, fds []int) error {
	if len(fds) != 1 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited array")
	}
	var n int
	fmt.Sscan(string(state), &n)
	seg, err := attachSegment(fds[0])
	if err != nil {
		return err
	}
	var zero T
	if n*int(unsafe.Sizeof(zero)) > len(seg.mem) {
		return fmt.Errorf("multiprocessing: inherited array too short")
	}
	a.seg = seg
	a.view(n)
	return nil
}

// RawValue is a single value in shared memory with no lock.
// Python: multiprocessing.sharedctypes.RawValue.
type RawValue[T Scalar] struct {
	a RawArray[T]
}

// NewRawValue returns a shared value set to v.
func NewRawValue[T Scalar](v T) (*RawValue[T], error) {
	a, err := NewRawArrayFrom([]T{v})
	if err != nil {
		return nil, err
	}
	return &RawValue[T]{a: *a}, nil
}

// Get returns the value. Python: value.
func (v *RawValue[T]) Get() T { return v.a.s[0] }

// Set sets the value.
func (v *RawValue[T]) Set(x T) { v.a.s[0] = x }

// Pointer returns the address of the shared value.
func (v *RawValue[T]) Pointer() *T { return &v.a.s[0] }

// Copy returns a new shared value with the same value.
func (v *RawValue[T]) Copy() (*RawValue[T], error) { return NewRawValue(v.Get()) }

func (v *RawValue[T]) shareState() ([]byte, []int, error) { return v.a.shareState() }

func (v *RawValue[T]) attachState(state []byte, fds []int) error {
	return v.a.attachState(state, fds)
}

// Array is a RawArray with a lock: Get and Set take it; hold GetLock around
// compound updates. Python: multiprocessing.Array.
type Array[T Scalar] struct {
	raw  *RawArray[T]
	lock *RLock
}

// NewArray returns a shared array holding a copy of values, guarded by
// lock (a new RLock if nil). Python: Array(typecode, values, lock=True).
func NewArray[T Scalar](values []T, lock *RLock) (*Array[T], error) {
	raw, err := NewRawArrayFrom(values)
	if err != nil {
		return nil, err
	}
	return SynchronizedArray(raw, lock)
}

// SynchronizedArray wraps a raw array with lock (a new RLock if nil).
// Python: sharedctypes.synchronized(obj, lock).
func SynchronizedArray[T Scalar](raw *RawArray[T], lock *RLock) (*Array[T], error) {
	if lock == nil {
		var err error
		if lock, err = NewRLock(); err != nil {
			return nil, err
		}
	}
	return &Array[T]{raw: raw, lock: lock}, nil
}

// GetLock returns the lock. Python: get_lock().
func (a *Array[T]) GetLock() *RLock { return a.lock }

// GetObj returns the raw array. Python: get_obj().
func (a *Array[T]) GetObj() *RawArray[T] { return a.raw }

// Len returns the number of elements.
func (a *Array[T]) Len() int { return a.raw.Len() }

// Get returns element i under the lock.
func (a *Array[T]) Get(i int) T {
	a.lock.Acquire(Forever)
	defer a.lock.Release()
	return a.raw.Get(i)
}

// Set sets element i under the lock.
func (a *Array[T]) Set(i int, v T) {
	a.lock.Acquire(Forever)
	defer a.lock.Release()
	a.raw.Set(i, v)
}

// Values returns a copy of the elements, taken under the lock.
func (a *Array[T]) Values() []T {
	a.lock.Acquire(Forever)
	defer a.lock.Release()
	return append([]T(nil), a.raw.s...)
}

func (a *Array[T]) shareState() ([]byte, []int, error) {
	state, fds, err := a.raw.shareState()
	if err != nil {
		return nil, nil, err
	}
	_, lfds, err := a.lock.shareState()
	return state, append(fds, lfds...), err
}

func (a *Array[T]) attachState(state []byte, fds []int) error {
	if len(fds) != 2 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited array")
	}
	a.raw, a.lock = new(RawArray[T]), new(RLock)
	if err := a.raw.attachState(state, fds[:1]); err != nil {
		closeFDs(fds[1:])
		return err
	}
	return a.lock.attachState(nil, fds[1:])
}

// Value is a RawValue with a lock. Python: multiprocessing.Value.
type Value[T Scalar] struct {
	arr Array[T]
}

// NewValue returns a shared value set to v, guarded by lock (a new RLock
// if nil). Python: Value(typecode, value, lock=True).
func NewValue[T Scalar](v T, lock *RLock) (*Value[T], error) {
	a, err := NewArray([]T{v}, lock)
	if err != nil {
		return nil, err
	}
	return &Value[T]{arr: *a}, nil
}

// SynchronizedValue wraps a raw value with lock (a new RLock if nil).
// Python: sharedctypes.synchronized(obj, lock).
func SynchronizedValue[T Scalar](raw *RawValue[T], lock *RLock) (*Value[T], error) {
	a, err := SynchronizedArray(&raw.a, lock)
	if err != nil {
		return nil, err
	}
	return &Value[T]{arr: *a}, nil
}

// Get returns the value under the lock. Python: value.
func (v *Value[T]) Get() T { return v.arr.Get(0) }

// Set sets the value under the lock.
func (v *Value[T]) Set(x T) { v.arr.Set(0, x) }

// Update applies f to the value while holding the lock, as
// `with v.get_lock(): v.value = f(v.value)` does, and returns the new value.
func (v *Value[T]) Update(f func(T) T) T {
	v.arr.lock.Acquire(Forever)
	defer v.arr.lock.Release()
	x := f(v.arr.raw.s[0])
	v.arr.raw.s[0] = x
	return x
}

// GetLock returns the lock. Python: get_lock().
func (v *Value[T]) GetLock() *RLock { return v.arr.lock }

func (v *Value[T]) shareState() ([]byte, []int, error) { return v.arr.shareState() }

func (v *Value[T]) attachState(state []byte, fds []int) error {
	return v.arr.attachState(state, fds)
}
