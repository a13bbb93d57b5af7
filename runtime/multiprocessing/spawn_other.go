//go:build !linux

package multiprocessing

import (
	"syscall"
	"time"
)

func sysProcAttr(daemon bool) *syscall.SysProcAttr { return nil }

// startDaemonWatchdog makes a daemonic child exit when its parent dies:
// without PR_SET_PDEATHSIG, it watches for being re-parented.
func startDaemonWatchdog(parentPid int) {
	go func() {
		for parentAlive(parentPid) {
			time.Sleep(100 * time.Millisecond)
		}
		exitNow(1)
	}()
}
