package multiprocessing

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrPoolNotRunning is returned for work submitted to a pool that was
// closed or terminated. Python: ValueError("Pool not running").
var ErrPoolNotRunning = errors.New("multiprocessing: pool not running")

// ErrPoolTerminated is the error of tasks a Terminate cut short.
var ErrPoolTerminated = errors.New("multiprocessing: pool terminated")

// PoolOptions configures a pool. Python: Pool(processes, initializer,
// initargs, maxtasksperchild).
type PoolOptions struct {
	// Processes is the number of workers; CPUCount() if zero.
	Processes int
	// Initializer, if set, runs in each worker as it starts, with InitArgs.
	// InitArgs may hold shared objects (a Lock, a Queue, a Value), which is
	// how Python shares them with pool workers too.
	Initializer Target
	InitArgs    []any
	// MaxTasksPerChild, if positive, replaces a worker after that many
	// tasks (chunks).
	MaxTasksPerChild int
	// Codec encodes tasks and results (if nil, the default codec: see
	// SetDefaultCodec); a custom codec must be registered with
	// RegisterCodec in every process. With the built-in codecs (JSON and
	// gob), slices of plain data travel as raw memory.
	Codec Codec
}

// Pool runs functions on a set of worker processes (NewPool) or goroutines
// (NewThreadPool); both have the same API: the package functions Map,
// MapAsync, Imap, ImapUnordered, StarMap, StarMapAsync, Apply and
// ApplyAsync take the pool as their first argument (Go methods cannot have
// type parameters). Python: multiprocessing.pool.Pool.
//
// A task's error returns with its message and, for a panic, the worker's
// stack (*RemoteError). A worker that crashes or is killed is replaced; the
// task it was running fails with *WorkerLostError and the tasks queued
// behind it go to other workers.
type Pool struct {
	opts    PoolOptions
	threads bool
	codec   Codec
	raw     bool // the codec reads exactly its values, so plain slices may go raw

	mu       sync.Mutex
	cond     *sync.Cond
	queue    []*task
	qhead    int
	workers  map[*poolWorker]struct{}
	state    poolState
	seq      uint64
	pending  int     // tasks queued or running
	avgDur   float64 // smoothed task duration, ns; 0 until measured
	broken   error   // set when workers cannot start
	spawning int
	workerN  int
}

type poolState int

const (
	poolRunning poolState = iota
	poolClosed
	poolTerminated
)

// task is one chunk of a job, queued or running on a worker.
type task struct {
	j       job
	chunk   int
	seq     uint64
	encErr  error
	started time.Time
}

// job is a submitted call: Map, Imap, StarMap, Apply.
type job interface {
	// funcName and kind say what the worker runs.
	funcName() string
	kind() uint8
	// size returns the number of items in a chunk (for reflective tasks).
	size(chunk int) int
	// raw reports whether the job's items travel as raw memory.
	raw() bool
	// encodeChunk writes a chunk's items, with enc or (if raw, which
	// only a job whose raw() is true gets) raw into w.
	encodeChunk(enc Encoder, w *bytes.Buffer, chunk int, raw bool) error
	// decodeChunk reads a chunk's results, with dec or from the raw rest.
	decodeChunk(dec Decoder, rest *msgReader, h *resultHeader, chunk int) error
	// runLocal runs a chunk in this process (thread pools).
	runLocal(chunk int) error
	// chunkDone records that a chunk succeeded or failed.
	chunkDone(chunk int, err error)
}

// NewPool starts a pool of worker processes. Python: multiprocessing.Pool.
func NewPool(opts PoolOptions) (*Pool, error) { return newPool(opts, false) }

// NewThreadPool starts a pool whose workers are goroutines in this process,
// with the same API as NewPool; nothing is encoded. Python:
// multiprocessing.pool.ThreadPool (multiprocessing.dummy.Pool).
func NewThreadPool(opts PoolOptions) (*Pool, error) { return newPool(opts, true) }

func newPool(opts PoolOptions, threads bool) (*Pool, error) {
	if opts.Processes == 0 {
		opts.Processes = CPUCount()
	}
	if opts.Processes < 1 {
		return nil, fmt.Errorf("multiprocessing: number of processes must be at least 1")
	}
	if opts.MaxTasksPerChild < 0 {
		return nil, fmt.Errorf("multiprocessing: maxtasksperchild must be a positive int or zero")
	}
	p := &Pool{opts: opts, threads: threads, codec: opts.Codec, workers: map[*poolWorker]struct{}{}}
	if p.codec == nil {
		p.codec = DefaultCodec()
	}
	p.raw = exactCodec(p.codec)
	p.cond = sync.NewCond(&p.mu)
	for range opts.Processes {
		if err := p.startWorker(); err != nil {
			p.Terminate()
			return nil, err
		}
	}
	return p, nil
}

// Processes returns the number of workers.
func (p *Pool) Processes() int { return p.opts.Processes }

// WithPool runs fn with a new pool and terminates the pool when fn returns,
// as Python's `with Pool() as p:` does.
func WithPool(opts PoolOptions, fn func(*Pool) error) error {
	p, err := NewPool(opts)
	if err != nil {
		return err
	}
	defer p.Terminate()
	return fn(p)
}

// Close stops the pool from taking work; the workers exit when the queued
// work is done. Python: close().
func (p *Pool) Close() {
	p.mu.Lock()
	if p.state == poolRunning {
		p.state = poolClosed
	}
	p.cond.Broadcast()
	p.mu.Unlock()
}

// Terminate stops the workers at once; unfinished work fails with
// ErrPoolTerminated. Python: terminate().
func (p *Pool) Terminate() {
	p.mu.Lock()
	if p.state == poolTerminated {
		p.mu.Unlock()
		return
	}
	p.state = poolTerminated
	var failed []*task
	for _, t := range p.queue[p.qhead:] {
		failed = append(failed, t)
	}
	p.queue, p.qhead = nil, 0
	var workers []*poolWorker
	for w := range p.workers {
		failed = append(failed, w.out...)
		w.out = nil
		workers = append(workers, w)
	}
	p.pending -= len(failed)
	p.cond.Broadcast()
	p.mu.Unlock()
	for _, w := range workers {
		w.stop()
	}
	for _, t := range failed {
		t.j.chunkDone(t.chunk, ErrPoolTerminated)
	}
}

// Join waits for the workers to exit; call Close or Terminate first.
// Python: join().
func (p *Pool) Join() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state == poolRunning {
		return &ProcessError{Msg: "pool is still running; call Close or Terminate first"}
	}
	for len(p.workers) > 0 || p.spawning > 0 {
		p.cond.Wait()
	}
	return nil
}

// submit queues a job's chunks.
func (p *Pool) submit(j job, chunks int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state != poolRunning {
		return ErrPoolNotRunning
	}
	if p.broken != nil {
		return p.broken
	}
	for c := range chunks {
		p.seq++
		p.queue = append(p.queue, &task{j: j, chunk: c, seq: p.seq})
	}
	p.pending += chunks
	p.cond.Broadcast()
	return nil
}

// popLocked takes the next queued task.
func (p *Pool) popLocked() *task {
	if p.qhead == len(p.queue) {
		return nil
	}
	t := p.queue[p.qhead]
	p.queue[p.qhead] = nil
	p.qhead++
	if p.qhead == len(p.queue) {
		p.queue, p.qhead = p.queue[:0], 0
	}
	return t
}

// requeueLocked puts tasks back at the front of the queue, in order.
func (p *Pool) requeueLocked(ts []*task) {
	if len(ts) == 0 {
		return
	}
	rest := p.queue[p.qhead:]
	q := make([]*task, 0, len(ts)+len(rest))
	q = append(q, ts...)
	p.queue, p.qhead = append(q, rest...), 0
}

// queuedLocked is the number of tasks waiting for a worker.
func (p *Pool) queuedLocked() int { return len(p.queue) - p.qhead }

// windowLocked is how many tasks a worker may hold at once: enough to keep
// it busy for about 2 ms between round trips, one for slow tasks.
func (p *Pool) windowLocked() int {
	if p.avgDur <= 0 {
		return 1
	}
	w := int(2e6 / p.avgDur)
	return max(1, min(w, 64))
}

// noteDurLocked folds a measured task duration into the average.
func (p *Pool) noteDurLocked(ns int64) {
	if p.avgDur == 0 {
		p.avgDur = float64(ns) + 1
		return
	}
	p.avgDur = 0.8*p.avgDur + 0.2*(float64(ns)+1)
}

// finishLocked accounts for a finished task.
func (p *Pool) finishLocked() {
	p.pending--
	p.cond.Broadcast()
}

// failAllLocked fails every queued task (the pool is broken) and returns
// them for chunkDone outside the lock.
func (p *Pool) failAllLocked() []*task {
	var out []*task
	for t := p.popLocked(); t != nil; t = p.popLocked() {
		out = append(out, t)
	}
	p.pending -= len(out)
	return out
}

// startWorker starts one worker (process or goroutine).
func (p *Pool) startWorker() error {
	p.mu.Lock()
	p.workerN++
	n := p.workerN
	p.spawning++
	p.mu.Unlock()
	var w *poolWorker
	var err error
	if p.threads {
		w = p.newThreadWorker(n)
	} else {
		w, err = p.newProcessWorker(n)
	}
	p.mu.Lock()
	p.spawning--
	if err == nil {
		if p.state == poolTerminated {
			p.mu.Unlock()
			w.stop()
			return nil
		}
		p.workers[w] = struct{}{}
	}
	p.cond.Broadcast()
	p.mu.Unlock()
	if err == nil {
		w.run()
	}
	return err
}
