package shell

import (
	"context"
	"fmt"
	"io"
	"syscall"
)

// signalLocked sends sig to j: to its process group with job control,
// else to each of its live processes.
func (jt *jobTable) signalLocked(j *job, sig syscall.Signal) error {
	if jt.tc != nil && j.pgid > 0 && j.live() > 0 {
		return syscall.Kill(-j.pgid, sig)
	}
	var err error
	for _, p := range j.procs {
		if p.state != procExited {
			if e := syscall.Kill(p.pid, sig); e != nil {
				err = e
			}
		}
	}
	return err
}

// continueLocked sends SIGCONT to j and counts its processes as running
// again, as bash's start_job does.
func (jt *jobTable) continueLocked(j *job) {
	for _, p := range j.procs {
		if p.state == procStopped {
			p.state = procRunning
		}
	}
	jt.signalLocked(j, syscall.SIGCONT) //nolint:errcheck // an ended job does not mind
	j.notified = jobRunning
	jt.broadcastLocked()
}

// foreground brings j to the foreground, as fg does: the terminal goes to
// its process group with the terminal modes it stopped with, the job is
// continued and waited for. It returns the job's status, 128+signal if it
// stopped again.
func (jt *jobTable) foreground(ctx context.Context, j *job, out io.Writer) int {
	jt.mu.Lock()
	fmt.Fprintln(out, j.text)
	j.bg = false
	if jt.tc != nil && j.live() > 0 {
		jt.tc.setModes(j.modes)
		jt.tc.setForeground(j.pgid) //nolint:errcheck // a job that ended meanwhile is reaped below
	}
	jt.continueLocked(j)
	var pop func()
	if j.async && j.task != nil {
		// A C-c that reaches the shell stops the job's statement too.
		jt.mu.Unlock()
		pop = jt.pushForeground(j.task)
		jt.mu.Lock()
	}
	for j.state() == jobRunning {
		if !jt.waitChange(ctx) {
			break
		}
	}
	if pop != nil {
		jt.mu.Unlock()
		pop()
		jt.mu.Lock()
	}
	defer jt.mu.Unlock()
	switch j.state() {
	case jobStopped:
		if jt.tc != nil {
			j.modes = jt.tc.jobModes()
			jt.tc.reclaim()
			jt.tc.restoreModes()
		}
		jt.touchLocked(j)
		j.notified = jobStopped
		fmt.Fprint(jt.errw, "\n"+jt.formatLocked(j, false))
		return stopStatus(j)
	case jobRunning:
		// Interrupted while waiting (the shell is exiting).
		return 130
	}
	if jt.tc != nil {
		jt.tc.reclaim()
	}
	if !j.async {
		// The exec handler that knew how it ended has returned already.
		jt.foregroundEndedLocked(j)
	}
	jt.removeLocked(j)
	return j.exitStatus()
}

// background continues j in the background, as bg does, and prints it as
// bash does: "[1]+ sleep 100 &".
func (jt *jobTable) background(j *job, out io.Writer) {
	jt.mu.Lock()
	defer jt.mu.Unlock()
	j.bg = true
	jt.continueLocked(j)
	jt.touchLocked(j)
	fmt.Fprintf(out, "[%d]%c %s &\n", j.id, jt.markerLocked(j), j.text)
}

// hangup sends SIGHUP to every job but those disowned with -h, and SIGCONT
// to the stopped ones, as bash does when its terminal hangs up.
func (jt *jobTable) hangup() {
	jt.mu.Lock()
	defer jt.mu.Unlock()
	for _, j := range jt.jobs {
		if !j.noHUP {
			jt.signalLocked(j, syscall.SIGHUP) //nolint:errcheck
		}
		if j.state() == jobStopped {
			jt.signalLocked(j, syscall.SIGCONT) //nolint:errcheck
		}
	}
	if jt.tc != nil {
		jt.tc.stop()
	}
}

// stoppedJobs reports whether some job is stopped.
func (jt *jobTable) stoppedJobs() bool {
	jt.mu.Lock()
	defer jt.mu.Unlock()
	for _, j := range jt.jobs {
		if j.state() == jobStopped {
			return true
		}
	}
	return false
}

// end is what a job-control shell does as it exits, as bash's
// terminate_stopped_jobs and end_job_control: stopped jobs get SIGTERM and
// SIGCONT (running ones are left alone), and the terminal goes back to the
// process group the shell started in.
func (jt *jobTable) end() {
	jt.mu.Lock()
	defer jt.mu.Unlock()
	for _, j := range jt.jobs {
		if j.state() == jobStopped {
			jt.signalLocked(j, syscall.SIGTERM) //nolint:errcheck
			jt.signalLocked(j, syscall.SIGCONT) //nolint:errcheck
		}
	}
	if jt.tc != nil {
		jt.tc.stop()
	}
}

// waitJob waits until j has ended and returns its status; it takes j out
// of the table. A job that is or becomes stopped is not waited for: bash
// warns and returns 128 + the stop signal. It returns false if ctx ends
// first.
func (jt *jobTable) waitJob(ctx context.Context, j *job) (int, bool) {
	jt.mu.Lock()
	defer jt.mu.Unlock()
	for {
		switch j.state() {
		case jobStopped:
			fmt.Fprintf(jt.errw, "gosh: warning: wait_for_job: job %d is stopped\n", j.id)
			return stopStatus(j), true
		case jobDone:
			if p := j.last(); p != nil && p.ws.Signaled() && j.id != 0 && !j.disowned && !jt.script {
				// bash reports a job killed by a signal as it collects it.
				fmt.Fprint(jt.errw, jt.formatLocked(j, false))
			}
			jt.removeLocked(j)
			return j.exitStatus(), true
		}
		if !jt.waitChange(ctx) {
			return 0, false
		}
	}
}

// stopStatus is the status of a stopped job: 128 + the signal that
// stopped it.
func stopStatus(j *job) int {
	for _, p := range j.procs {
		if p.state == procStopped {
			return 128 + int(p.ws.StopSignal())
		}
	}
	return 128 + int(syscall.SIGTSTP)
}
