package shell

import (
	"strconv"
)

// This file is the one place where after and every touch the job table
// (jobs.go, owned by job control): they list a process they started
// themselves as a background job, which jobs lists, kill %N signals,
// wait and fg wait for, and whose end is reported before the prompt.

// addProcessJob lists the process pid, the leader of its own process
// group, as a running background job shown as text, makes it $!, and
// watches it until it ends. It returns the job's number.
func (jt *jobTable) addProcessJob(text string, pid int) int {
	jt.mu.Lock()
	p := &proc{pid: pid, args: []string{text}, state: procRunning}
	started := make(chan struct{})
	close(started)
	j := &job{text: text, pgid: pid, procs: []*proc{p}, bg: true, started: started, firstPid: pid}
	jt.listLocked(j)
	jt.lastBg = strconv.Itoa(pid)
	jt.broadcastLocked()
	id := j.id
	jt.mu.Unlock()
	go jt.watch(p)
	return id
}
