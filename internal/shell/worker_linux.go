package shell

import "syscall"

// jobProcAttr puts an external command of a parallel job in a process
// group of its own, and has it killed if the worker dies.
func jobProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
