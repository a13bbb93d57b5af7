// Package dummy is multiprocessing's API over goroutines, as Python's
// multiprocessing.dummy is over threads: code written against processes
// runs in one process, with nothing encoded. Its Pool is
// multiprocessing.NewThreadPool, so Map, Imap, StarMap, Apply and the rest
// take it unchanged.
package dummy

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	mp "github.com/goshell/gosh/runtime/multiprocessing"
)

// NewPool starts a pool of goroutine workers.
// Python: multiprocessing.dummy.Pool.
func NewPool(opts mp.PoolOptions) (*mp.Pool, error) { return mp.NewThreadPool(opts) }

// Pipe returns a connected pair of in-process connections.
// Python: multiprocessing.dummy.Pipe.
func Pipe(duplex bool) (*mp.Conn, *mp.Conn, error) { return mp.Pipe(duplex) }

var seq atomic.Int64

// Process runs a function on a goroutine with Process's surface: Start,
// Join, IsAlive, ExitCode. Python: multiprocessing.dummy.Process (a
// threading.Thread).
type Process struct {
	// Name is "Thread-N" unless set.
	Name string

	fn      func() error
	once    sync.Once
	started atomic.Bool
	done    chan struct{}
	code    int
}

var (
	activeMu sync.Mutex
	active   = map[*Process]struct{}{}
)

// NewProcess returns a process that will run fn.
func NewProcess(fn func() error) *Process {
	return &Process{Name: fmt.Sprintf("Thread-%d", seq.Add(1)), fn: fn, done: make(chan struct{})}
}

// Start starts fn on a goroutine; a second Start fails.
func (p *Process) Start() error {
	if !p.started.CompareAndSwap(false, true) {
		return fmt.Errorf("dummy: %s: cannot start a process twice", p.Name)
	}
	activeMu.Lock()
	active[p] = struct{}{}
	activeMu.Unlock()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				p.code = 1
			}
			activeMu.Lock()
			delete(active, p)
			activeMu.Unlock()
			close(p.done)
		}()
		if err := p.fn(); err != nil {
			p.code = 1
		}
	}()
	return nil
}

// Join waits up to timeout (negative: no limit) and reports whether fn
// returned.
func (p *Process) Join(timeout time.Duration) bool {
	if !p.started.Load() {
		return false
	}
	if timeout < 0 {
		<-p.done
		return true
	}
	select {
	case <-p.done:
		return true
	case <-time.After(timeout):
		return false
	}
}

// IsAlive reports whether fn is running.
func (p *Process) IsAlive() bool {
	if !p.started.Load() {
		return false
	}
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// ExitCode returns 0 if fn returned nil, 1 if it failed or panicked, once
// it has finished (ok false before).
func (p *Process) ExitCode() (code int, ok bool) {
	select {
	case <-p.done:
		return p.code, true
	default:
		return 0, false
	}
}

// ActiveChildren returns the processes still running.
// Python: multiprocessing.dummy.active_children().
func ActiveChildren() []*Process {
	activeMu.Lock()
	defer activeMu.Unlock()
	out := make([]*Process, 0, len(active))
	for p := range active {
		out = append(out, p)
	}
	return out
}
