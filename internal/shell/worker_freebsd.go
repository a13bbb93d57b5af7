package shell

import (
	"os"
	"syscall"
)

// jobProcAttr puts an external command of a parallel job in a process
// group of its own, and has it killed if the worker dies.
func jobProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// memFile returns an unnamed file, for a job's output: a temporary file
// removed at once (golang.org/x/sys/unix has no memfd_create for FreeBSD).
func memFile(name string) (*os.File, error) {
	f, err := os.CreateTemp("", "gosh-parallel-"+name+"-")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
