package shell

import (
	"context"
	"io"
	"slices"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// procState is where a process of a job is.
type procState int

const (
	procRunning procState = iota
	procStopped
	procExited // exited or killed, and reaped
)

// A proc is a process the shell started.
type proc struct {
	pid   int
	args  []string
	pos   uint // offset of its command in the source: pipeline order
	state procState
	ws    syscall.WaitStatus // how it stopped or ended
}

// A job is what bash calls one: the processes of a pipeline, in a process
// group of their own when job control is on. A command started with "&"
// is one job for as long as it runs (the interpreter runs it in a
// goroutine, and each of its processes joins the job); a foreground
// statement makes a job of each process group it starts, and the table
// lists such a job only once it stops.
type job struct {
	id       int    // job number; 0 until the job is listed
	text     string // the command, as jobs shows it
	pgid     int    // the process group of the live processes; 0 before the first
	procs    []*proc
	bg       bool          // runs in the background
	async    bool          // started with "&": a goroutine runs the whole statement
	active   bool          // async: the goroutine still runs
	status   int           // async: the statement's exit status, once it ended
	disowned bool          // "&!": not listed by jobs
	noHUP    bool          // disown -h: no SIGHUP when the shell hangs up
	notified jobState      // the last state reported to the user
	task     *task         // the statement the job belongs to, while it runs
	modes    *unix.Termios // the terminal's modes when it stopped in the foreground
	started  chan struct{} // closed once the first process has started
	firstPid int           // the first process ($! for a job started with "&")
	recency  int           // when the job last became current (see jobTable.current)
}

// jobState is what jobs says about a job.
type jobState int

const (
	jobRunning jobState = iota
	jobStopped
	jobDone
)

// live returns the number of processes that have not ended.
func (j *job) live() int {
	n := 0
	for _, p := range j.procs {
		if p.state != procExited {
			n++
		}
	}
	return n
}

// state returns whether the job runs, is stopped (some process stopped and
// none running) or is done.
func (j *job) state() jobState {
	running, stopped := 0, 0
	for _, p := range j.procs {
		switch p.state {
		case procRunning:
			running++
		case procStopped:
			stopped++
		}
	}
	switch {
	case stopped > 0 && running == 0:
		return jobStopped
	case running == 0 && !j.active:
		return jobDone
	}
	return jobRunning
}

// last returns the last process of the pipeline, the one whose status is
// the job's, or nil.
func (j *job) last() *proc {
	var l *proc
	for _, p := range j.procs {
		if l == nil || p.pos >= l.pos {
			l = p
		}
	}
	return l
}

// exitStatus returns the status the job ended with, as $? would hold it.
func (j *job) exitStatus() int {
	if j.async {
		return j.status
	}
	if p := j.last(); p != nil {
		return waitStatusCode(p.ws)
	}
	return 0
}

// waitStatusCode turns how a process ended into a shell status.
func waitStatusCode(ws syscall.WaitStatus) int {
	switch {
	case ws.Exited():
		return ws.ExitStatus()
	case ws.Signaled():
		return 128 + int(ws.Signal())
	case ws.Stopped():
		return 128 + int(ws.StopSignal())
	}
	return 0
}

// A task is one statement run from the prompt: in the foreground, or in
// the background after "&". Its context carries it to the exec handler,
// which puts the processes it starts into jobs.
type task struct {
	cancel      context.CancelFunc
	interrupted bool // a C-c ended it
	newline     bool // the line after the ^C the terminal echoed is printed
	text        string
	job         *job // async: its job; foreground: the process group being filled
	async       bool
}

type taskKey struct{}

// withTask returns ctx carrying t.
func withTask(ctx context.Context, t *task) context.Context {
	return context.WithValue(ctx, taskKey{}, t)
}

// taskOf returns the task ctx carries, or nil.
func taskOf(ctx context.Context) *task {
	t, _ := ctx.Value(taskKey{}).(*task)
	return t
}

// jobTable is the shell's jobs and the terminal they share.
type jobTable struct {
	mu      sync.Mutex
	changed chan struct{} // closed and replaced at every change
	jobs    []*job        // listed jobs, by number
	clock   int           // for job.recency
	tc      *termControl  // nil without job control
	fg      []*task       // the tasks C-c interrupts: the statement running, and a job brought to the foreground
	lastBg  string        // $!: the first process of the last job started with "&" (or its job spec, when it had none)
	waited  string        // wait -p: the job wait returned the status of, as $! named it
	errw    io.Writer     // the shell's standard error, for notices
	// script is set in a shell that is not interactive, which reports
	// no job killed by a signal as it collects it (bash).
	script bool
	// finished holds the statuses of jobs that ended and left the table,
	// by their first process, for wait $!.
	finished map[int]int
}

func newJobTable(errw io.Writer) *jobTable {
	return &jobTable{changed: make(chan struct{}), errw: errw}
}

// broadcastLocked wakes whoever waits for a change.
func (jt *jobTable) broadcastLocked() {
	close(jt.changed)
	jt.changed = make(chan struct{})
}

// waitChange waits, with jt.mu held, until the table changes or ctx is
// done; it returns with jt.mu held, and false if ctx is done.
func (jt *jobTable) waitChange(ctx context.Context) bool {
	ch := jt.changed
	jt.mu.Unlock()
	defer jt.mu.Lock()
	select {
	case <-ch:
		return true
	case <-ctx.Done():
		return false
	}
}

// listLocked gives j the next free number and makes it the current job.
func (jt *jobTable) listLocked(j *job) {
	if j.id == 0 {
		j.id = 1
		if n := len(jt.jobs); n > 0 {
			j.id = jt.jobs[n-1].id + 1
		}
		jt.jobs = append(jt.jobs, j)
	}
	jt.touchLocked(j)
}

// touchLocked makes j the most recent job: current, unless a stopped job
// keeps that place.
func (jt *jobTable) touchLocked(j *job) {
	jt.clock++
	j.recency = jt.clock
}

// removeLocked takes j out of the table. The status of a job that ended
// is kept a while for wait, under its $!, as bash keeps the statuses of
// its last background processes.
func (jt *jobTable) removeLocked(j *job) {
	jt.jobs = slices.DeleteFunc(jt.jobs, func(k *job) bool { return k == j })
	if j.firstPid != 0 && j.state() == jobDone {
		if jt.finished == nil {
			jt.finished = map[int]int{}
		}
		if len(jt.finished) >= maxFinished {
			clear(jt.finished)
		}
		jt.finished[j.firstPid] = j.exitStatus()
	}
}

// maxFinished bounds how many statuses of ended jobs the table keeps.
const maxFinished = 1024

// currentLocked returns bash's current (+) and previous (-) jobs: the most
// recent stopped jobs first, then the most recent others.
func (jt *jobTable) currentLocked() (cur, prev *job) {
	order := slices.Clone(jt.jobs)
	slices.SortStableFunc(order, func(a, b *job) int {
		as, bs := a.state() == jobStopped, b.state() == jobStopped
		if as != bs {
			if as {
				return -1
			}
			return 1
		}
		return b.recency - a.recency
	})
	if len(order) > 0 {
		cur = order[0]
	}
	if len(order) > 1 {
		prev = order[1]
	}
	return cur, prev
}

// byPidLocked returns the job with a process pid, or nil.
func (jt *jobTable) byPidLocked(pid int) *job {
	for _, j := range jt.jobs {
		if j.pgid == pid || j.firstPid == pid {
			return j
		}
		for _, p := range j.procs {
			if p.pid == pid {
				return j
			}
		}
	}
	return nil
}

// interruptForeground cancels what a C-c at the terminal stops when it
// reaches the shell rather than a job: the statement running.
func (jt *jobTable) interruptForeground() {
	jt.mu.Lock()
	defer jt.mu.Unlock()
	for _, t := range jt.fg {
		t.interrupted = true
		t.cancel()
	}
}

// pushForeground registers t as one C-c interrupts; the returned function
// takes it off.
func (jt *jobTable) pushForeground(t *task) func() {
	jt.mu.Lock()
	jt.fg = append(jt.fg, t)
	jt.mu.Unlock()
	return func() {
		jt.mu.Lock()
		jt.fg = slices.DeleteFunc(jt.fg, func(u *task) bool { return u == t })
		jt.mu.Unlock()
	}
}
