package multiprocessing

import (
	"os"
	"sync"
	"syscall"
	"time"
)

// Process is a child process running a registered function: this program
// started again (Python's "spawn" start method), which calls Main first
// thing, receives the function's name and arguments from its parent, runs
// it, and exits. Set Name and Daemon before Start. Python:
// multiprocessing.Process.
type Process struct {
	// Name is the process's name, "Process-N" (or "Process-M:N" in a
	// child) unless set. Python: name.
	Name string
	// Daemon makes the child die with its parent, also when the parent is
	// killed. A daemonic process may not start children. Python: daemon.
	Daemon bool

	target   Target
	args     []any
	identity []int
	kind     processKind
	pool     *workerConfig

	mu       sync.Mutex
	started  bool
	closed   bool
	pid      int
	proc     *os.Process
	ctrl     *Conn
	done     chan struct{}
	exitCode int
	authkey  []byte
}

// processKind says what a Process value stands for.
type processKind int

const (
	kindChild   processKind = iota // a child this process starts
	kindCurrent                    // this process (CurrentProcess)
	kindParent                     // this process's parent (ParentProcess)
)

// NewProcess returns a process that will run target with args. Arguments
// are encoded with the default codec (see SetDefaultCodec), except shared
// objects (Conn, Queue, Lock, Value,
// ...), which the child inherits. Python: Process(target=..., args=...).
func NewProcess(target Target, args ...any) *Process {
	cur := CurrentProcess()
	id := append(append([]int(nil), cur.identity...), nextChildNumber())
	return &Process{
		Name:     processName(id),
		target:   target,
		args:     args,
		identity: id,
		authkey:  cur.AuthKey(),
	}
}

// Start starts the child. Python: start().
func (p *Process) Start() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.kind != kindChild:
		return &ProcessError{Msg: "can only start a process object created by this process"}
	case p.closed:
		return &ProcessError{Msg: "process object is closed"}
	case p.started:
		return &ProcessError{Msg: "cannot start a process twice"}
	case CurrentProcess().Daemon:
		return &ProcessError{Msg: "daemonic processes are not allowed to have children"}
	}
	ctrl, pid, proc, err := spawn(p)
	if err != nil {
		return err
	}
	p.started, p.ctrl, p.pid, p.proc = true, ctrl, pid, proc
	p.done = make(chan struct{})
	addChild(p)
	go p.wait()
	return nil
}

// wait reaps the child and records its exit code.
func (p *Process) wait() {
	st, err := p.proc.Wait()
	code := 1
	if err == nil {
		ws := st.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			code = -int(ws.Signal())
		} else {
			code = ws.ExitStatus()
		}
	}
	p.mu.Lock()
	p.exitCode = code
	p.mu.Unlock()
	removeChild(p)
	close(p.done)
}

// Join waits until the process exits or the timeout expires (Forever: no
// limit) and reports whether it exited. Python: join([timeout]).
func (p *Process) Join(timeout time.Duration) bool {
	switch p.kind {
	case kindCurrent:
		return false
	case kindParent:
		return pollUntil(timeout, func() bool { return !p.IsAlive() })
	}
	p.mu.Lock()
	done := p.done
	p.mu.Unlock()
	if done == nil {
		return false
	}
	return waitChan(done, timeout)
}

// IsAlive reports whether the process is running. Python: is_alive().
func (p *Process) IsAlive() bool {
	switch p.kind {
	case kindCurrent:
		return true
	case kindParent:
		return parentAlive(p.pid)
	}
	p.mu.Lock()
	done := p.done
	p.mu.Unlock()
	if done == nil {
		return false
	}
	select {
	case <-done:
		return false
	default:
		return true
	}
}

// Pid returns the process id, or 0 before Start. Python: pid (ident).
func (p *Process) Pid() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.pid
}

// ExitCode returns the exit code once the process has exited (ok false
// before): 0 for success, 1 if the target returned an error or panicked, the
// code given to os.Exit, or -N if signal N killed it. Python: exitcode.
func (p *Process) ExitCode() (code int, ok bool) {
	p.mu.Lock()
	done := p.done
	p.mu.Unlock()
	if done == nil {
		return 0, false
	}
	select {
	case <-done:
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.exitCode, true
	default:
		return 0, false
	}
}

// Terminate sends SIGTERM. Python: terminate().
func (p *Process) Terminate() error { return p.signal(syscall.SIGTERM) }

// Kill sends SIGKILL. Python: kill().
func (p *Process) Kill() error { return p.signal(syscall.SIGKILL) }

func (p *Process) signal(sig syscall.Signal) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return &ProcessError{Msg: "process object is closed"}
	}
	if p.proc == nil {
		return nil
	}
	select {
	case <-p.done:
		return nil
	default:
	}
	err := p.proc.Signal(sig)
	if err == os.ErrProcessDone {
		return nil
	}
	return err
}

// Close releases the process object's resources; it fails while the
// process runs. Python: close().
func (p *Process) Close() error {
	if p.kind != kindChild {
		return nil
	}
	if p.IsAlive() {
		return &ProcessError{Msg: "cannot close a process while it is still running; join or terminate it first"}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ctrl != nil {
		p.ctrl.Close()
	}
	p.closed = true
	return nil
}

// Sentinel returns an object that Wait finds ready when the process has
// exited (nil before Start). Python: sentinel.
func (p *Process) Sentinel() Waitable {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ctrl == nil {
		return nil
	}
	return p.ctrl
}

// AuthKey returns the process's authentication key: random in the main
// process, inherited by children. Managers and pools use it by default.
// Python: authkey.
func (p *Process) AuthKey() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]byte(nil), p.authkey...)
}

// SetAuthKey sets the key children started later inherit.
func (p *Process) SetAuthKey(key []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.authkey = append([]byte(nil), key...)
}

// waitChan waits for ch to close, up to timeout.
func waitChan(ch <-chan struct{}, timeout time.Duration) bool {
	if timeout < 0 {
		<-ch
		return true
	}
	select {
	case <-ch:
		return true
	default:
	}
	if timeout == 0 {
		return false
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-ch:
		return true
	case <-t.C:
		return false
	}
}

// pollUntil checks cond every few milliseconds, up to timeout.
func pollUntil(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if timeout >= 0 && time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
	return true
}

// sendToken puts a token in ch, waiting up to timeout.
func sendToken(ch chan struct{}, timeout time.Duration) bool {
	select {
	case ch <- struct{}{}:
		return true
	default:
	}
	if timeout == 0 {
		return false
	}
	if timeout < 0 {
		ch <- struct{}{}
		return true
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case ch <- struct{}{}:
		return true
	case <-t.C:
		return false
	}
}
