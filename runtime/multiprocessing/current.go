package multiprocessing

import (
	"crypto/rand"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

var (
	currentOnce sync.Once
	current     *Process
	parent      *Process
	childSeq    atomic.Int64

	childrenMu sync.Mutex
	children   = map[*Process]struct{}{}
)

// CurrentProcess returns the Process object of this process: "MainProcess"
// in the program as started, the child's own name in a child.
// Python: multiprocessing.current_process().
func CurrentProcess() *Process {
	currentOnce.Do(func() {
		if current == nil {
			key := make([]byte, 32)
			rand.Read(key)
			current = &Process{Name: "MainProcess", kind: kindCurrent, pid: os.Getpid(), authkey: key}
		}
	})
	return current
}

// ParentProcess returns the Process object of the parent in a child started
// by this package, or nil in the main process. Its IsAlive and Join work;
// it cannot be started, signalled or closed. Python: parent_process().
func ParentProcess() *Process { return parent }

// ActiveChildren returns the children started by this process that are
// still running. Python: multiprocessing.active_children().
func ActiveChildren() []*Process {
	childrenMu.Lock()
	defer childrenMu.Unlock()
	out := make([]*Process, 0, len(children))
	for p := range children {
		out = append(out, p)
	}
	return out
}

// CPUCount returns the number of CPUs this process may run on.
// Python: multiprocessing.cpu_count().
func CPUCount() int { return runtime.NumCPU() }

func addChild(p *Process) {
	childrenMu.Lock()
	children[p] = struct{}{}
	childrenMu.Unlock()
}

func removeChild(p *Process) {
	childrenMu.Lock()
	delete(children, p)
	childrenMu.Unlock()
}

func nextChildNumber() int { return int(childSeq.Add(1)) }

// processName is Python's default name for a process of this identity.
func processName(id []int) string {
	parts := make([]string, len(id))
	for i, n := range id {
		parts[i] = fmt.Sprint(n)
	}
	return "Process-" + strings.Join(parts, ":")
}

func currentPid() int { return os.Getpid() }

// parentAlive reports whether pid is still this process's parent: an
// orphan is re-parented, so a changed parent id means the parent died.
func parentAlive(pid int) bool {
	if syscall.Getppid() != pid {
		return false
	}
	return syscall.Kill(pid, 0) == nil
}
