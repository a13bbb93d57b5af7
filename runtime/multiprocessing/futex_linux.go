package multiprocessing

import (
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Shared (not process-private) futex operations: the word lives in memory
// mapped by several processes.
const (
	futexWait = 0
	futexWake = 1
)

// futexWaitOn sleeps while *w == val, up to timeout (negative: no limit).
// It may return early; callers re-check their condition.
func futexWaitOn(w *atomic.Uint32, val uint32, timeout time.Duration) {
	var ts *unix.Timespec
	if timeout >= 0 {
		t := unix.NsecToTimespec(int64(timeout))
		ts = &t
	}
	unix.Syscall6(unix.SYS_FUTEX, uintptr(unsafe.Pointer(w)), futexWait, uintptr(val), uintptr(unsafe.Pointer(ts)), 0, 0)
}

// futexWakeOn wakes up to n sleepers on w.
func futexWakeOn(w *atomic.Uint32, n int) {
	unix.Syscall6(unix.SYS_FUTEX, uintptr(unsafe.Pointer(w)), futexWake, uintptr(n), 0, 0, 0)
}
