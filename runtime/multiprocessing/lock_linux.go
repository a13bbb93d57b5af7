package multiprocessing

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// Lock is a mutual-exclusion lock shared between processes. Across
// processes it is an flock(2) lock on a memfd that each process opens anew
// (flock belongs to an open file description); inside a process a token
// channel orders goroutines. Python: multiprocessing.Lock.
//
// A process that dies holding the lock does not hang the others: the
// kernel drops its flock when the process's descriptors close, and the next
// waiter gets the lock. What the lock protected may be half-updated; check
// it. Unlike Python's, a Lock held by one process cannot be released by
// another.
type Lock struct {
	fd  int           // this process's own open file description
	tok chan struct{} // holds a token while a goroutine here holds the lock
}

// NewLock returns an unlocked Lock.
func NewLock() (*Lock, error) {
	fd, err := unix.MemfdCreate("gosh-mp-lock", unix.MFD_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("multiprocessing: memfd_create: %w", err)
	}
	return newLockFD(fd), nil
}

func newLockFD(fd int) *Lock {
	l := &Lock{fd: fd, tok: make(chan struct{}, 1)}
	runtime.AddCleanup(l, func(fd int) { unix.Close(fd) }, fd)
	return l
}

// Acquire takes the lock, waiting up to timeout (Forever: no limit; 0: not
// at all), and reports success. Python: acquire(block, timeout).
func (l *Lock) Acquire(timeout time.Duration) bool {
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	if !sendToken(l.tok, timeout) {
		return false
	}
	backoff := 20 * time.Microsecond
	for {
		err := unix.Flock(l.fd, unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case err == nil:
			return true
		case err == unix.EINTR:
			continue
		case err != unix.EWOULDBLOCK:
			<-l.tok
			return false
		}
		if timeout < 0 {
			for {
				err := unix.Flock(l.fd, unix.LOCK_EX)
				if err == nil {
					return true
				}
				if err != unix.EINTR {
					<-l.tok
					return false
				}
			}
		}
		if timeout == 0 || time.Now().After(deadline) {
			<-l.tok
			return false
		}
		time.Sleep(min(backoff, time.Until(deadline)))
		backoff = min(2*backoff, 2*time.Millisecond)
	}
}

// Release releases the lock; any goroutine of the holding process may.
// Python: release().
func (l *Lock) Release() error {
	if len(l.tok) == 0 {
		return ErrReleasedTooMany
	}
	// Unlock while still holding the token: the next goroutine here would
	// share this open file description, and so the flock.
	unix.Flock(l.fd, unix.LOCK_UN)
	select {
	case <-l.tok:
		return nil
	default:
		return ErrReleasedTooMany
	}
}

// Lock acquires the lock, for sync.Locker.
func (l *Lock) Lock() { l.Acquire(Forever) }

// Unlock releases the lock, for sync.Locker.
func (l *Lock) Unlock() { l.Release() }

func (l *Lock) shareState() ([]byte, []int, error) { return nil, []int{l.fd}, nil }

// attachState opens the inherited memfd again, through /proc, to get this
// process's own open file description (a shared one would share the flock).
func (l *Lock) attachState(_ []byte, fds []int) error {
	if len(fds) != 1 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited lock")
	}
	fd, err := unix.Open("/proc/self/fd/"+strconv.Itoa(fds[0]), unix.O_RDWR|unix.O_CLOEXEC, 0)
	unix.Close(fds[0])
	if err != nil {
		return fmt.Errorf("multiprocessing: reopen lock: %w", err)
	}
	*l = Lock{fd: fd, tok: make(chan struct{}, 1)}
	runtime.AddCleanup(l, func(fd int) { unix.Close(fd) }, fd)
	return nil
}

// RLock is a reentrant Lock: the goroutine holding it may acquire it again,
// and must release it as many times. Python: multiprocessing.RLock (owned by
// a thread there, by a goroutine here).
type RLock struct {
	l     *Lock
	mu    sync.Mutex
	owner int64
	count int
}

// NewRLock returns an unlocked RLock.
func NewRLock() (*RLock, error) {
	l, err := NewLock()
	if err != nil {
		return nil, err
	}
	return &RLock{l: l}, nil
}

// Acquire takes the lock or deepens this goroutine's hold on it.
func (r *RLock) Acquire(timeout time.Duration) bool {
	g := goid()
	r.mu.Lock()
	if r.owner == g {
		r.count++
		r.mu.Unlock()
		return true
	}
	r.mu.Unlock()
	if !r.l.Acquire(timeout) {
		return false
	}
	r.mu.Lock()
	r.owner, r.count = g, 1
	r.mu.Unlock()
	return true
}

// Release undoes one Acquire by this goroutine.
func (r *RLock) Release() error {
	g := goid()
	r.mu.Lock()
	if r.owner != g || r.count == 0 {
		r.mu.Unlock()
		return fmt.Errorf("multiprocessing: cannot release un-acquired lock")
	}
	r.count--
	last := r.count == 0
	if last {
		r.owner = 0
	}
	r.mu.Unlock()
	if last {
		return r.l.Release()
	}
	return nil
}

// Lock acquires, for sync.Locker.
func (r *RLock) Lock() { r.Acquire(Forever) }

// Unlock releases, for sync.Locker.
func (r *RLock) Unlock() { r.Release() }

// releaseAll releases every level held by this goroutine and returns the
// depth, for Condition.Wait.
func (r *RLock) releaseAll() (int, error) {
	r.mu.Lock()
	if r.owner != goid() {
		r.mu.Unlock()
		return 0, fmt.Errorf("multiprocessing: cannot wait on un-acquired lock")
	}
	n := r.count
	r.owner, r.count = 0, 0
	r.mu.Unlock()
	return n, r.l.Release()
}

// restore takes the lock back at depth n.
func (r *RLock) restore(n int) {
	r.l.Acquire(Forever)
	r.mu.Lock()
	r.owner, r.count = goid(), n
	r.mu.Unlock()
}

// isMine reports whether this goroutine holds the lock.
func (r *RLock) isMine() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.owner == goid() && r.count > 0
}

func (r *RLock) shareState() ([]byte, []int, error) { return r.l.shareState() }

func (r *RLock) attachState(state []byte, fds []int) error {
	r.l = new(Lock)
	return r.l.attachState(state, fds)
}

// goid returns the current goroutine's id, from its stack header. RLock
// needs an owner, and Go gives goroutines no other identity.
func goid() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	n, _ := strconv.ParseInt(string(b), 10, 64)
	return n
}
