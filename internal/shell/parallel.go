package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/runtime/multiprocessing"
)

func init() {
	registerDefault("parallel", (*Shell).parallelBuiltin)
	registerHelp("parallel", helpTopic{
		synopsis: "parallel [-j N] [-k] [-N n] [--tag] [--timeout SECS] [--halt WHEN,WHY=N] [--dry-run] [--bar] [--joblog FILE] [command [arg ...]] [::: arg ... | :::: file ...] ...",
		short:    "Run commands in parallel on a pool of gosh workers.",
		long: `Run COMMAND once for each argument (or group of arguments), as GNU
parallel does, on a pool of gosh worker processes.  The arguments come
from the lists after ":::", from the files after "::::" (or -a FILE),
one a line, or else from standard input, one a line.  With several
lists, each job gets one argument of each: their cartesian product.

Replacement strings in COMMAND are replaced by the job's arguments,
quoted for the shell:
  {}    the argument(s)             {.}   without the extension
  {/}   the base name               {//}  the directory
  {/.}  the base name without the extension
  {#}   the job's sequence number   {%}   its slot, 1 to N
  {N} {N.} {N/} {N//} {N/.}         the Nth argument
Without a replacement string the arguments are appended to COMMAND.
Without COMMAND the arguments are the commands.

Options:
  -j N          run N jobs at once (default: the number of CPUs);
                N% of the CPUs, +N or -N CPUs, 0 for as many as jobs
  -k            print the outputs in the order of the input
  -N n          n arguments per job
  -a FILE       read arguments from FILE (as ":::: FILE")
  --tag         prefix each line of output with the job's arguments
  --timeout S   kill a job that runs longer than S seconds
  --halt H      stop early: never, or now|soon,fail|success|done=N[%]
  --dry-run     print the commands instead of running them
  --bar         draw a progress bar on standard error
  --joblog FILE record each job (GNU parallel's format) in FILE
  --will-cite   accepted and ignored, as GNU parallel's

Jobs run in gosh processes that the pool started once: a job of
built-ins and functions costs no fork.  They get the shell's functions,
exported variables and working directory, but not its other variables
(export them).  Each job's output is kept whole: its standard output,
then its standard error, never mixed with other jobs' output.

Exit Status:
The number of jobs that failed (101 for more than 100); with --halt
fail=1, the status of the job that failed; 2 for a usage error.`,
	})
}

const parallelUsage = "parallel: usage: parallel [-j N] [-k] [-N n] [-a FILE] [--tag] [--timeout SECS] [--halt WHEN,WHY=N] [--dry-run] [--bar] [--joblog FILE] [command [arg ...]] [::: arg ...] [:::: file ...]"

// parOpts is what the command line of parallel asks for.
type parOpts struct {
	jobs     int // 0: as many as there are jobs
	keep     bool
	n        int // -N
	tag      bool
	timeout  time.Duration
	halt     parHalt
	dryRun   bool
	bar      bool
	joblog   string
	cmd      []string
	sources  []parSource
	jobsSpec string
}

// parSource is an input source: the words after ":::", or a file.
type parSource struct {
	words []string
	file  string
	isF   bool
}

// parHalt is --halt: when to stop early.
type parHalt struct {
	now     bool    // kill the running jobs (else let them finish)
	why     string  // "", "fail", "success", "done"
	n       int     // a number of jobs
	percent float64 // or a percentage of them (when > 0)
}

// parUsageError is a command line parallel does not understand.
type parUsageError string

func (e parUsageError) Error() string { return string(e) }

// parseParallelArgs reads parallel's command line: options, then the
// command, then the input sources.
func parseParallelArgs(args []string) (*parOpts, error) {
	o := &parOpts{jobs: -1}
	i := 0
	value := func(name string, attached string, hasAttached bool) (string, error) {
		if hasAttached {
			return attached, nil
		}
		if i+1 >= len(args) {
			return "", parUsageError(name + ": option requires an argument")
		}
		i++
		return args[i], nil
	}
	for ; i < len(args); i++ {
		a := args[i]
		if a == ":::" || a == "::::" || a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			if a == "--" {
				i++
			}
			break
		}
		if strings.HasPrefix(a, "--") {
			name, val, has := strings.Cut(a, "=")
			var err error
			switch name {
			case "--keep-order":
				o.keep = true
			case "--tag":
				o.tag = true
			case "--dry-run":
				o.dryRun = true
			case "--bar":
				o.bar = true
			case "--will-cite", "--no-notice":
			case "--jobs", "--max-procs":
				o.jobsSpec, err = value(name, val, has)
			case "--max-args":
				var v string
				if v, err = value(name, val, has); err == nil {
					o.n, err = parPositive(name, v)
				}
			case "--timeout":
				var v string
				if v, err = value(name, val, has); err == nil {
					o.timeout, err = parSeconds(v)
				}
			case "--halt", "--halt-on-error":
				var v string
				if v, err = value(name, val, has); err == nil {
					o.halt, err = parseHalt(v)
				}
			case "--joblog":
				o.joblog, err = value(name, val, has)
			case "--arg-file":
				var v string
				if v, err = value(name, val, has); err == nil {
					o.sources = append(o.sources, parSource{file: v, isF: true})
				}
			default:
				return nil, parUsageError(name + ": invalid option")
			}
			if err != nil {
				return nil, err
			}
			continue
		}
		// Short options, bundled: -kj2, -N 2.
	short:
		for k := 1; k < len(a); k++ {
			c := a[k]
			rest, has := a[k+1:], k+1 < len(a)
			var err error
			switch c {
			case 'k':
				o.keep = true
				continue
			case 'j', 'P':
				o.jobsSpec, err = value("-"+string(c), rest, has)
			case 'N', 'n':
				var v string
				if v, err = value("-N", rest, has); err == nil {
					o.n, err = parPositive("-N", v)
				}
			case 'a':
				var v string
				if v, err = value("-a", rest, has); err == nil {
					o.sources = append(o.sources, parSource{file: v, isF: true})
				}
			default:
				return nil, parUsageError(fmt.Sprintf("-%c: invalid option", c))
			}
			if err != nil {
				return nil, err
			}
			break short // the value took the rest of the word
		}
	}
	for ; i < len(args) && args[i] != ":::" && args[i] != "::::"; i++ {
		o.cmd = append(o.cmd, args[i])
	}
	for i < len(args) {
		sep := args[i]
		i++
		if sep == ":::" {
			src := parSource{words: []string{}}
			for ; i < len(args) && args[i] != ":::" && args[i] != "::::"; i++ {
				src.words = append(src.words, args[i])
			}
			o.sources = append(o.sources, src)
			continue
		}
		n := 0
		for ; i < len(args) && args[i] != ":::" && args[i] != "::::"; i++ {
			o.sources = append(o.sources, parSource{file: args[i], isF: true})
			n++
		}
		if n == 0 {
			return nil, parUsageError(":::: needs a file")
		}
	}
	if o.jobsSpec != "" {
		j, err := parseJobs(o.jobsSpec, multiprocessing.CPUCount())
		if err != nil {
			return nil, err
		}
		o.jobs = j
	}
	if o.jobs < 0 {
		o.jobs = multiprocessing.CPUCount()
	}
	return o, nil
}

// parPositive reads a count of at least 1.
func parPositive(name, v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, parUsageError(fmt.Sprintf("%s: %s: invalid number", name, v))
	}
	return n, nil
}

// parSeconds reads a number of seconds, such as 2.5.
func parSeconds(v string) (time.Duration, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, parUsageError(fmt.Sprintf("--timeout: %s: invalid number of seconds", v))
	}
	return time.Duration(f * float64(time.Second)), nil
}

// parseJobs reads -j: N, N%, +N, -N (relative to the CPUs), 0.
func parseJobs(spec string, cpus int) (int, error) {
	bad := parUsageError(fmt.Sprintf("-j: %s: invalid number of jobs", spec))
	switch {
	case strings.HasSuffix(spec, "%"):
		f, err := strconv.ParseFloat(spec[:len(spec)-1], 64)
		if err != nil || f < 0 {
			return 0, bad
		}
		return max(1, int(float64(cpus)*f/100)), nil
	case strings.HasPrefix(spec, "+"), strings.HasPrefix(spec, "-"):
		n, err := strconv.Atoi(spec[1:])
		if err != nil || n < 0 {
			return 0, bad
		}
		if spec[0] == '-' {
			n = -n
		}
		return max(1, cpus+n), nil
	}
	n, err := strconv.Atoi(spec)
	if err != nil || n < 0 {
		return 0, bad
	}
	return n, nil
}

// parseHalt reads --halt: never, the old numbers, or WHEN,WHY=N[%].
func parseHalt(v string) (parHalt, error) {
	switch v {
	case "never", "0":
		return parHalt{}, nil
	case "1":
		return parHalt{why: "fail", n: 1}, nil
	case "2":
		return parHalt{now: true, why: "fail", n: 1}, nil
	case "-1":
		return parHalt{why: "success", n: 1}, nil
	case "-2":
		return parHalt{now: true, why: "success", n: 1}, nil
	}
	bad := parUsageError(fmt.Sprintf("--halt: %s: must be never, or now|soon,fail|success|done=N[%%]", v))
	when, cond, ok := strings.Cut(v, ",")
	if !ok || (when != "now" && when != "soon") {
		return parHalt{}, bad
	}
	why, num, ok := strings.Cut(cond, "=")
	if !ok || (why != "fail" && why != "success" && why != "done") {
		return parHalt{}, bad
	}
	h := parHalt{now: when == "now", why: why}
	if p, ok := strings.CutSuffix(num, "%"); ok {
		f, err := strconv.ParseFloat(p, 64)
		if err != nil || f <= 0 || f > 100 {
			return parHalt{}, bad
		}
		h.percent = f
		return h, nil
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return parHalt{}, bad
	}
	h.n = n
	return h, nil
}

// parallelBuiltin is GNU parallel's everyday surface on a pool of gosh
// workers (see worker.go).
func (s *Shell) parallelBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		stderr := stderrOf(ctx)
		o, err := parseParallelArgs(args[1:])
		if err != nil {
			fmt.Fprintf(stderr, "gosh: parallel: %v\n%s\n", err, parallelUsage)
			return interp.ExitStatus(2)
		}
		in := &parInput{n: o.n}
		for _, src := range o.sources {
			if !src.isF {
				in.sources = append(in.sources, src.words)
				continue
			}
			words, err := parSourceFile(src.file, hc.Dir, hc.Stdin)
			if err != nil {
				fmt.Fprintf(stderr, "gosh: parallel: %s: %v\n", src.file, causeText(err))
				return interp.ExitStatus(255)
			}
			in.sources = append(in.sources, words)
		}
		if len(in.sources) == 0 {
			in.stdin = hc.Stdin
		}
		tmpl := parseTemplate(strings.Join(o.cmd, " "))
		tmpl.bare = len(o.cmd) == 0
		r := &parRun{sh: s, o: o, in: in, tmpl: tmpl, stdout: stdoutOf(ctx), stderr: stderr, hc: hc}
		return r.run(ctx)
	}
}

// parRun is one run of parallel.
type parRun struct {
	sh             *Shell
	o              *parOpts
	in             *parInput
	tmpl           *parTemplate
	stdout, stderr io.Writer
	hc             interp.HandlerContext

	pool    *multiprocessing.Pool
	results chan parDone
	slots   []bool // slots in use, by number - 1
	joblog  *os.File
	bar     *parBar

	started, done, failed, succeeded int
	total                            int // -1 when unknown
	pending                          map[int]parDone
	nextOut                          int
	status                           int // set when a --halt decides it
	halted                           bool
}

// parDone is a finished job, as the pool reports it.
type parDone struct {
	seq, slot int
	args      []string
	cmd       string
	res       parResult
	err       error
}

// run runs the jobs and returns parallel's status.
func (r *parRun) run(ctx context.Context) error {
	o := r.o
	r.total = r.in.count()
	r.pending = map[int]parDone{}
	r.nextOut = 1
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := r.in.jobs(ctx2)

	if o.dryRun {
		seq := 0
		for args := range jobs {
			seq++
			fmt.Fprintln(r.stdout, r.tmpl.expand(args, seq, 1))
		}
		return nil
	}
	if o.joblog != "" {
		name := o.joblog
		if !strings.HasPrefix(name, "/") && r.hc.Dir != "" {
			name = r.hc.Dir + "/" + name
		}
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintf(r.stderr, "gosh: parallel: --joblog: %v\n", err)
			return interp.ExitStatus(255)
		}
		defer f.Close()
		r.joblog = f
		fmt.Fprint(f, "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n")
	}
	limit := o.jobs
	if limit == 0 {
		limit = 256
		if r.total > 0 {
			limit = r.total
		}
	}
	if r.total >= 0 {
		limit = max(1, min(limit, r.total))
	}
	r.slots = make([]bool, limit)
	r.results = make(chan parDone, limit+1)
	if o.bar {
		r.bar = newParBar(r.stderr, r.total, exportedEnv(r.hc.Env))
		defer r.bar.finish()
	}
	defer r.closePool()

	var tick <-chan time.Time
	if r.bar != nil {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		tick = t.C
		r.bar.draw(r.done, r.failed, r.running())
	}
	inputDone := false
	for {
		running := r.running()
		if (inputDone || r.halted) && running == 0 {
			break
		}
		var next <-chan []string
		if !inputDone && !r.halted && running < limit {
			next = jobs
		}
		select {
		case args, ok := <-next:
			if !ok {
				inputDone = true
				continue
			}
			if err := r.start(args); err != nil {
				fmt.Fprintf(r.stderr, "gosh: parallel: %v\n", err)
				r.halted = true
				r.status = 255
			}
		case d := <-r.results:
			r.finish(ctx, d)
		case <-tick:
			r.bar.draw(r.done, r.failed, r.running())
		case <-ctx.Done():
			// C-c: every job stops, no process is left.
			r.terminate()
			return ctx.Err()
		}
	}
	r.flushOrdered(true)
	if r.status != 0 || r.halted {
		return statusErr(r.status)
	}
	return statusErr(min(r.failed, 101))
}

// statusErr returns the error for a status.
func statusErr(n int) error {
	if n == 0 {
		return nil
	}
	return interp.ExitStatus(uint8(n))
}

// running returns the number of jobs started and not finished.
func (r *parRun) running() int {
	n := 0
	for _, used := range r.slots {
		if used {
			n++
		}
	}
	return n
}

// start sends a job to the pool, starting the pool with the first.
func (r *parRun) start(args []string) error {
	if r.pool == nil {
		p, err := multiprocessing.NewPool(multiprocessing.PoolOptions{
			Processes:   len(r.slots),
			Initializer: parInitTarget,
			InitArgs:    []any{r.sh.setupOf(r.hc)},
		})
		if err != nil {
			return fmt.Errorf("cannot start the workers: %w", err)
		}
		r.pool = p
	}
	slot := slices.Index(r.slots, false) + 1
	r.slots[slot-1] = true
	r.started++
	seq := r.started
	cmd := r.tmpl.expand(args, seq, slot)
	d := parDone{seq: seq, slot: slot, args: args, cmd: cmd}
	results := r.results
	job := parJob{Cmd: cmd, Timeout: int64(r.o.timeout)}
	multiprocessing.MapAsync(r.pool, parJobFunc, []parJob{job}, 1,
		func(rs []parResult) {
			d.res = rs[0]
			results <- d
		},
		func(err error) {
			d.err = err
			results <- d
		})
	return nil
}

// finish records a finished job: its output, the job log, the bar, and
// whether --halt stops the run.
func (r *parRun) finish(ctx context.Context, d parDone) {
	if d.slot > 0 && d.slot <= len(r.slots) {
		r.slots[d.slot-1] = false
	}
	if r.halted && r.o.halt.now {
		return // killed by --halt now: nothing of it is shown
	}
	r.done++
	failed := d.err != nil || d.res.Status != 0
	if d.err != nil {
		if ctx.Err() == nil {
			fmt.Fprintf(r.stderr, "gosh: parallel: %s: %v\n", d.cmd, d.err)
		}
		d.res.Status = -1
	}
	if failed {
		r.failed++
	} else {
		r.succeeded++
	}
	if failed && r.o.halt.why == "fail" && !r.halted {
		fmt.Fprintf(r.stderr, "parallel: This job failed:\n%s\n", d.cmd)
	}
	if d.res.TimedOut {
		fmt.Fprintf(r.stderr, "parallel: Warning: This job was killed because it timed out:\nparallel: Warning: %s\n", d.cmd)
	}
	r.log(d)
	if r.o.keep {
		r.pending[d.seq] = d
		r.flushOrdered(false)
	} else {
		r.output(d)
	}
	if r.bar != nil {
		r.bar.draw(r.done, r.failed, r.running())
	}
	r.checkHalt(d, failed)
}

// checkHalt stops the run when --halt says so.
func (r *parRun) checkHalt(d parDone, failed bool) {
	h := r.o.halt
	if h.why == "" || r.halted {
		return
	}
	var count int
	var hit bool
	switch h.why {
	case "fail":
		count, hit = r.failed, failed
	case "success":
		count, hit = r.succeeded, !failed
	case "done":
		count, hit = r.done, true
	}
	if !hit {
		return
	}
	if h.percent > 0 {
		total := r.total
		if total <= 0 {
			total = r.started
		}
		if float64(count)*100 < h.percent*float64(total) {
			return
		}
	} else if count < h.n {
		return
	}
	r.halted = true
	switch {
	case h.why == "fail" && h.percent > 0:
		total := max(r.total, r.started, 1)
		r.status = r.failed * 100 / total
	case h.why == "fail" && h.n == 1:
		r.status = d.res.Status
		if r.status < 0 || r.status > 255 {
			r.status = 1
		}
	case h.why == "fail":
		r.status = min(r.failed, 101)
	case h.why == "success":
		r.status = 0
	default:
		r.status = min(r.failed, 101)
	}
	if !failed {
		fmt.Fprintf(r.stderr, "parallel: This job succeeded:\n%s\n", d.cmd)
	}
	if n := r.running(); n > 0 {
		if h.now {
			r.terminate()
		} else {
			fmt.Fprintf(r.stderr, "parallel: Starting no more jobs. Waiting for %d jobs to finish.\n", n)
		}
	}
}

// output writes a job's output whole: standard output, then standard
// error, each line tagged with --tag.
func (r *parRun) output(d parDone) {
	if len(d.res.Stdout) == 0 && len(d.res.Stderr) == 0 {
		return
	}
	if r.bar != nil {
		r.bar.clear()
	}
	out, errb := d.res.Stdout, d.res.Stderr
	if r.o.tag {
		tag := strings.Join(d.args, " ") + "\t"
		out, errb = tagLines(tag, out), tagLines(tag, errb)
	}
	if len(out) > 0 {
		r.stdout.Write(out) //nolint:errcheck // as echo, a closed output is not parallel's failure
	}
	if len(errb) > 0 {
		r.stderr.Write(errb) //nolint:errcheck
	}
	if r.bar != nil {
		r.bar.draw(r.done, r.failed, r.running())
	}
}

// tagLines prefixes each line of b with tag.
func tagLines(tag string, b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	var out []byte
	for len(b) > 0 {
		i := strings.IndexByte(string(b), '\n') + 1
		if i == 0 {
			i = len(b)
		}
		out = append(out, tag...)
		out = append(out, b[:i]...)
		b = b[i:]
	}
	return out
}

// flushOrdered writes the outputs of -k that are due; at the end, what
// is left in order (jobs a --halt skipped leave gaps).
func (r *parRun) flushOrdered(all bool) {
	for {
		d, ok := r.pending[r.nextOut]
		if !ok {
			if !all || len(r.pending) == 0 {
				return
			}
			r.nextOut++
			continue
		}
		delete(r.pending, r.nextOut)
		r.nextOut++
		r.output(d)
	}
}

// log writes a job's line of --joblog.
func (r *parRun) log(d parDone) {
	if r.joblog == nil {
		return
	}
	exit, sig := d.res.Status, 0
	if d.res.TimedOut {
		exit, sig = -1, 15
	}
	start := float64(d.res.Start) / 1e9
	if d.res.Start == 0 {
		start = float64(time.Now().UnixNano()) / 1e9
	}
	fmt.Fprintf(r.joblog, "%d\t:\t%.3f\t%10.3f\t0\t%d\t%d\t%d\t%s\n",
		d.seq, start, float64(d.res.Dur)/1e9, len(d.res.Stdout)+len(d.res.Stderr), exit, sig, d.cmd)
}

// terminate kills the running jobs and the workers, and waits for them.
func (r *parRun) terminate() {
	if r.pool == nil {
		return
	}
	r.pool.Terminate()
	r.pool.Join() //nolint:errcheck // terminated: Join only waits
	r.pool = nil
	for i := range r.slots {
		r.slots[i] = false
	}
	// Drain what the terminated tasks reported.
	for {
		select {
		case <-r.results:
		default:
			return
		}
	}
}

// closePool lets the workers exit once idle, and waits for them.
func (r *parRun) closePool() {
	if r.pool == nil {
		return
	}
	r.pool.Close()
	r.pool.Join() //nolint:errcheck // closed: Join only waits
	r.pool = nil
}

// causeText returns the message of what caused err (of an *os.PathError:
// "No such file or directory"), as bash words it.
func causeText(err error) string {
	if u := errors.Unwrap(err); u != nil {
		err = u
	}
	msg := err.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return msg
}
