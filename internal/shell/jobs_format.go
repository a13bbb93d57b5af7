package shell

import (
	"fmt"
	"slices"
	"strconv"
	"syscall"
)

// sortedProcs returns j's processes in pipeline order.
func sortedProcs(j *job) []*proc {
	ps := slices.Clone(j.procs)
	slices.SortStableFunc(ps, func(a, b *proc) int { return int(a.pos) - int(b.pos) })
	return ps
}

// statusText is the state column of jobs: "Running", "Stopped", "Done",
// "Exit 2", or how a signal ended the job ("Terminated", "Killed", with
// " (core dumped)").
func (j *job) statusText() string {
	switch j.state() {
	case jobRunning:
		return "Running"
	case jobStopped:
		return "Stopped"
	}
	if p := j.last(); p != nil && p.ws.Signaled() && (!j.async || j.status == 128+int(p.ws.Signal())) {
		msg := signalText(p.ws.Signal())
		if p.ws.CoreDump() {
			msg += " (core dumped)"
		}
		return msg
	}
	if st := j.exitStatus(); st != 0 {
		return "Exit " + strconv.Itoa(st)
	}
	return "Done"
}

// signalText describes a signal as strsignal does ("Terminated",
// "Segmentation fault").
func signalText(sig syscall.Signal) string {
	s := sig.String()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// markerLocked returns '+' for the current job, '-' for the previous one
// and ' ' for the others.
func (jt *jobTable) markerLocked(j *job) byte {
	cur, prev := jt.currentLocked()
	switch j {
	case cur:
		return '+'
	case prev:
		return '-'
	}
	return ' '
}

// formatLocked returns j's line as bash's jobs prints it:
//
//	[1]+  Stopped                 sleep 100
//	[2]-  Running                 make &
//
// long (jobs -l) adds the process group.
func (jt *jobTable) formatLocked(j *job, long bool) string {
	st := j.state()
	text := j.text
	if st == jobRunning && j.bg {
		text += " &"
	}
	if long {
		return fmt.Sprintf("[%d]%c %d %-24s%s\n", j.id, jt.markerLocked(j), j.pgid, j.statusText(), text)
	}
	return fmt.Sprintf("[%d]%c  %-24s%s\n", j.id, jt.markerLocked(j), j.statusText(), text)
}

// notifyLocked returns the notices bash prints before a prompt: jobs that
// ended (which leave the table) and background jobs that stopped.
func (jt *jobTable) notifyLocked() string {
	var out string
	var done []*job
	for _, j := range jt.jobs {
		switch j.state() {
		case jobDone:
			if !j.disowned {
				out += jt.formatLocked(j, false)
			}
			done = append(done, j)
		case jobStopped:
			if j.notified != jobStopped {
				out += jt.formatLocked(j, false)
				j.notified = jobStopped
			}
		default:
			j.notified = jobRunning
		}
	}
	for _, j := range done {
		jt.removeLocked(j)
	}
	return out
}

// notices returns what notifyLocked does, taking the lock.
func (jt *jobTable) notices() string {
	jt.mu.Lock()
	defer jt.mu.Unlock()
	return jt.notifyLocked()
}
