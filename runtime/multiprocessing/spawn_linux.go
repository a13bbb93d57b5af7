package multiprocessing

import (
	"syscall"
)

// sysProcAttr makes a daemonic child receive SIGKILL when its parent dies
// (prctl PR_SET_PDEATHSIG, set between fork and exec).
func sysProcAttr(daemon bool) *syscall.SysProcAttr {
	if daemon {
		return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	}
	return nil
}

// startDaemonWatchdog is not needed on Linux: the kernel delivers the
// parent-death signal. The child still checks that its parent did not die
// before the signal was armed.
func startDaemonWatchdog(parentPid int) {
	if !parentAlive(parentPid) {
		exitNow(1)
	}
}
