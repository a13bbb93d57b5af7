package shell

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// jobProcAttr puts an external command of a parallel job in a process
// group of its own, and has it killed if the worker dies.
func jobProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// memFile returns a file in memory (memfd), for a job's output.
func memFile(name string) (*os.File, error) {
	fd, err := unix.MemfdCreate("gosh-parallel-"+name, unix.MFD_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("memfd_create", err)
	}
	return os.NewFile(uintptr(fd), name), nil
}
