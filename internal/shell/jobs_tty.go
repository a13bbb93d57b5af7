//go:build linux || freebsd

package shell

import (
	"fmt"
	"io"
	"os"
	"runtime"

	"golang.org/x/sys/unix"
)

// termControl is the terminal a job-control shell hands to its foreground
// jobs and takes back, as bash's jobs.c does with tcsetpgrp.
type termControl struct {
	fd        int           // the controlling terminal (the shell's standard input)
	shellPgid int           // the shell's own process group
	origPgid  int           // the group the shell started in, given back at exit
	modes     *unix.Termios // the shell's terminal modes, restored after a job stops or is killed
}

// startJobControl makes the shell the owner of its terminal, as bash's
// initialize_job_control does: it waits (stopped by SIGTTIN) until it is in
// the foreground, moves into a process group of its own and gives the
// terminal to that group. It returns nil, having said why on errw, when
// the terminal cannot be controlled.
func startJobControl(tty *os.File, errw io.Writer) *termControl {
	fd := int(tty.Fd())
	for {
		fg, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP)
		if err != nil {
			fmt.Fprintf(errw, "gosh: cannot set terminal process group (%d): %s\ngosh: no job control in this shell\n", -1, errText(err))
			return nil
		}
		if fg == unix.Getpgrp() {
			break
		}
		// In the background of another shell: stop until put in the
		// foreground (SIGTTIN still has its default action here).
		unix.Kill(-unix.Getpgrp(), unix.SIGTTIN) //nolint:errcheck
	}
	tc := &termControl{fd: fd, origPgid: unix.Getpgrp()}
	pid := unix.Getpid()
	if tc.origPgid != pid {
		if err := unix.Setpgid(0, pid); err != nil {
			fmt.Fprintf(errw, "gosh: cannot set process group: %s\ngosh: no job control in this shell\n", errText(err))
			return nil
		}
	}
	tc.shellPgid = pid
	if err := tc.setForeground(pid); err != nil {
		fmt.Fprintf(errw, "gosh: cannot set terminal process group (%d): %s\ngosh: no job control in this shell\n", pid, errText(err))
		unix.Setpgid(0, tc.origPgid) //nolint:errcheck
		return nil
	}
	tc.saveModes()
	return tc
}

// errText is an error's text as strerror gives it, capitalized.
func errText(err error) string {
	s := err.Error()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// stop gives the terminal back to the process group the shell started in,
// as bash's end_job_control does.
func (tc *termControl) stop() {
	if tc.origPgid != tc.shellPgid {
		tc.setForeground(tc.origPgid) //nolint:errcheck
		unix.Setpgid(0, tc.origPgid)  //nolint:errcheck
	}
}

// setForeground makes pgid the terminal's foreground process group. The
// shell may be in the background when it calls this, so SIGTTOU is blocked
// on the calling thread for the call: the kernel then lets it through
// instead of stopping the shell, as it does for bash, which ignores
// SIGTTOU. (Ignoring it process-wide would pass SIG_IGN on to every
// command the shell starts.)
func (tc *termControl) setForeground(pgid int) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	unblock, err := blockTTOU()
	if err != nil {
		return err
	}
	defer unblock()
	for {
		err := unix.IoctlSetPointerInt(tc.fd, unix.TIOCSPGRP, pgid)
		if err != unix.EINTR {
			return err
		}
	}
}

// foreground returns the terminal's foreground process group.
func (tc *termControl) foreground() int {
	pg, err := unix.IoctlGetInt(tc.fd, unix.TIOCGPGRP)
	if err != nil {
		return -1
	}
	return pg
}

// reclaim takes the terminal back for the shell after a job, if it does not
// have it.
func (tc *termControl) reclaim() {
	if tc.foreground() != tc.shellPgid {
		tc.setForeground(tc.shellPgid) //nolint:errcheck
	}
}

// saveModes remembers the terminal's modes as the shell's, as bash's
// get_tty_state does after a job that ended normally (so that stty
// settings last).
func (tc *termControl) saveModes() {
	if tio, err := unix.IoctlGetTermios(tc.fd, ioctlGetTermios); err == nil {
		tc.modes = tio
	}
}

// jobModes returns the terminal's modes as a stopped job left them.
func (tc *termControl) jobModes() *unix.Termios {
	tio, _ := unix.IoctlGetTermios(tc.fd, ioctlGetTermios)
	return tio
}

// restoreModes puts back the shell's terminal modes, after a job stopped or
// was killed and may have left the terminal raw.
func (tc *termControl) restoreModes() {
	tc.setModes(tc.modes)
}

// setModes sets the terminal's modes; nil does nothing.
func (tc *termControl) setModes(tio *unix.Termios) {
	if tio == nil {
		return
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	unblock, err := blockTTOU()
	unix.IoctlSetTermios(tc.fd, ioctlSetTermiosDrain, tio) //nolint:errcheck
	if err == nil {
		unblock()
	}
}
