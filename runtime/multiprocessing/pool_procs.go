package multiprocessing

import (
	"errors"
	"fmt"
	"reflect"
	"time"
)

// poolWorker is one worker of a pool: a process with a feeder and a reader
// goroutine, or a goroutine running tasks itself.
type poolWorker struct {
	p    *Pool
	n    int
	proc *Process // nil for a thread worker
	conn *Conn

	// Guarded by p.mu.
	out      []*task // tasks sent, oldest first, whose results are due
	sent     int
	retiring bool // sent its MaxTasksPerChild tasks
	dead     bool
}

func (p *Pool) newProcessWorker(n int) (*poolWorker, error) {
	proc := NewProcess(p.opts.Initializer, p.opts.InitArgs...)
	if p.opts.Initializer == nil {
		proc.target = nil
	}
	proc.Name = fmt.Sprintf("SpawnPoolWorker-%d", n)
	proc.Daemon = true
	proc.pool = &workerConfig{Codec: p.codec.Name(), MaxTasksPerChild: p.opts.MaxTasksPerChild}
	if err := proc.Start(); err != nil {
		return nil, err
	}
	proc.ctrl.SetCodec(p.codec)
	return &poolWorker{p: p, n: n, proc: proc, conn: proc.ctrl}, nil
}

func (p *Pool) newThreadWorker(n int) *poolWorker { return &poolWorker{p: p, n: n} }

// run starts the worker's goroutines.
func (w *poolWorker) run() {
	if w.proc == nil {
		go w.threadLoop()
		return
	}
	go w.feed()
	go w.read()
}

// stop ends a worker at once (Terminate).
func (w *poolWorker) stop() {
	if w.proc != nil {
		w.proc.Terminate()
	}
}

// feed sends tasks to a worker process, keeping up to the pool's window of
// tasks in flight, several in one write when it can.
func (w *poolWorker) feed() {
	p := w.p
	var batch []*task
	for {
		p.mu.Lock()
		for {
			if w.dead || w.retiring || p.state == poolTerminated {
				p.mu.Unlock()
				return
			}
			if p.broken == nil && p.queuedLocked() > 0 && len(w.out) <= p.windowLocked()/2 {
				break // refill when half the window has drained, in one write
			}
			if p.state == poolClosed && p.queuedLocked() == 0 && len(w.out) == 0 {
				p.mu.Unlock()
				w.conn.sendFunc(func(enc Encoder) error { return enc.Encode(&taskHeader{Kind: taskExit}) })
				return
			}
			p.cond.Wait()
		}
		room := p.windowLocked() - len(w.out)
		if m := p.opts.MaxTasksPerChild; m > 0 {
			room = min(room, m-w.sent)
		}
		batch = batch[:0]
		for ; room > 0; room-- {
			t := p.popLocked()
			if t == nil {
				break
			}
			w.out = append(w.out, t)
			batch = append(batch, t)
		}
		w.sent += len(batch)
		if m := p.opts.MaxTasksPerChild; m > 0 && w.sent >= m {
			w.retiring = true
		}
		p.mu.Unlock()
		if err := w.sendBatch(batch); err != nil {
			return // the reader sees the worker die
		}
	}
}

// sendBatch encodes tasks into one write.
func (w *poolWorker) sendBatch(batch []*task) error {
	c := w.conn
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.ebuf.Reset()
	for _, t := range batch {
		err := c.appendFrameLocked(func(enc Encoder) error {
			h := taskHeader{Seq: t.seq, Kind: t.j.kind(), Func: t.j.funcName(), N: t.j.size(t.chunk), Raw: w.p.raw && t.j.raw()}
			if err := enc.Encode(&h); err != nil {
				return err
			}
			return t.j.encodeChunk(enc, &c.ebuf, t.chunk, h.Raw)
		})
		var ee *encodeError
		if errors.As(err, &ee) {
			w.p.mu.Lock()
			t.encErr = ee.err
			w.p.mu.Unlock()
		} else if err != nil {
			return err
		}
	}
	return c.flushEncodedLocked()
}

// read receives results from a worker process until it exits.
func (w *poolWorker) read() {
	p := w.p
	var ready resultHeader
	err := w.conn.recvFunc(func(dec Decoder) error { return dec.Decode(&ready) })
	if err == nil && ready.Err != nil {
		p.mu.Lock()
		if p.broken == nil {
			p.broken = fmt.Errorf("multiprocessing: pool initializer failed: %w", ready.Err)
		}
		p.mu.Unlock()
	}
	for err == nil {
		var h resultHeader
		var t *task
		var derr error
		err = w.conn.recvFunc(func(dec Decoder) error {
			if err := dec.Decode(&h); err != nil {
				return err
			}
			p.mu.Lock()
			if len(w.out) > 0 {
				t = w.out[0]
			}
			p.mu.Unlock()
			if t == nil {
				return nil // the pool was terminated
			}
			if t.seq != h.Seq {
				return fmt.Errorf("multiprocessing: pool worker answered task %d, expected %d", h.Seq, t.seq)
			}
			if h.Err == nil {
				derr = t.j.decodeChunk(dec, &w.conn.dsrc, &h, t.chunk)
			}
			return nil
		})
		if err != nil {
			break
		}
		p.mu.Lock()
		if len(w.out) == 0 || w.out[0] != t {
			p.mu.Unlock()
			continue
		}
		w.out = w.out[1:]
		p.noteDurLocked(h.Dur)
		p.finishLocked()
		encErr := t.encErr
		p.mu.Unlock()
		switch {
		case encErr != nil:
			derr = fmt.Errorf("multiprocessing: cannot encode task: %w", encErr)
		case h.Err != nil:
			derr = h.Err
		case derr != nil:
			derr = fmt.Errorf("multiprocessing: cannot decode result: %w", derr)
		}
		t.j.chunkDone(t.chunk, derr)
	}
	w.exited()
}

// exited handles a worker process's end: the task it was running fails,
// those queued behind it go back to the pool, and a new worker replaces it
// if the pool still has work.
func (w *poolWorker) exited() {
	p := w.p
	// The connection ended: the worker exited, or (after a protocol error)
	// is of no use any more.
	if !w.proc.Join(2 * time.Second) {
		w.proc.Kill()
		w.proc.Join(Forever)
	}
	code, _ := w.proc.ExitCode()
	w.proc.Close()
	p.mu.Lock()
	w.dead = true
	delete(p.workers, w)
	out := w.out
	w.out = nil
	var lost, broken []*task
	if p.broken != nil {
		lost = out
		p.pending -= len(out)
		broken = p.failAllLocked()
	} else if len(out) > 0 {
		lost = out[:1]
		p.pending--
		p.requeueLocked(out[1:])
	}
	replace := p.broken == nil && (p.state == poolRunning || (p.state == poolClosed && p.queuedLocked() > 0))
	brokenErr := p.broken
	p.cond.Broadcast()
	p.mu.Unlock()
	for _, t := range lost {
		if brokenErr != nil {
			t.j.chunkDone(t.chunk, brokenErr)
		} else {
			t.j.chunkDone(t.chunk, &WorkerLostError{Pid: w.proc.Pid(), ExitCode: code})
		}
	}
	for _, t := range broken {
		t.j.chunkDone(t.chunk, brokenErr)
	}
	if replace {
		if err := p.startWorker(); err != nil {
			p.mu.Lock()
			p.broken = err
			failed := p.failAllLocked()
			p.mu.Unlock()
			for _, t := range failed {
				t.j.chunkDone(t.chunk, err)
			}
		}
	}
}

// threadLoop is a thread-pool worker: it runs tasks in this process.
func (w *poolWorker) threadLoop() {
	p := w.p
	if t := p.opts.Initializer; t != nil {
		if err := callLocal(t, p.opts.InitArgs); err != nil {
			p.mu.Lock()
			if p.broken == nil {
				p.broken = fmt.Errorf("multiprocessing: pool initializer failed: %w", err)
			}
			p.mu.Unlock()
		}
	}
	for {
		p.mu.Lock()
		for p.queuedLocked() == 0 && p.state == poolRunning && p.broken == nil {
			p.cond.Wait()
		}
		if p.state == poolTerminated || p.broken != nil || p.queuedLocked() == 0 {
			var failed []*task
			if p.broken != nil {
				failed = p.failAllLocked()
			}
			delete(p.workers, w)
			err := p.broken
			p.cond.Broadcast()
			p.mu.Unlock()
			for _, t := range failed {
				t.j.chunkDone(t.chunk, err)
			}
			return
		}
		t := p.popLocked()
		w.out = []*task{t}
		p.mu.Unlock()
		err := t.j.runLocal(t.chunk)
		p.mu.Lock()
		mine := len(w.out) == 1 && w.out[0] == t
		w.out = nil
		if mine {
			p.finishLocked()
		}
		p.mu.Unlock()
		if mine {
			t.j.chunkDone(t.chunk, err)
		}
	}
}

// callLocal calls a registered function in this process with args.
func callLocal(target Target, args []any) error {
	t, err := lookupTarget(target.TargetName())
	if err != nil {
		return err
	}
	vals, err := localArgs(t, args)
	if err != nil {
		return err
	}
	_, err = t.call(vals)
	return err
}

// localArgs converts arguments to a function's parameter types.
func localArgs(t *funcTarget, args []any) ([]reflect.Value, error) {
	if err := t.checkArity(len(args)); err != nil {
		return nil, err
	}
	vals := make([]reflect.Value, len(args))
	for i, a := range args {
		pt := t.paramType(i)
		if a == nil {
			vals[i] = reflect.Zero(pt)
			continue
		}
		v := reflect.ValueOf(a)
		switch {
		case v.Type().AssignableTo(pt):
			vals[i] = v
		case v.Type().ConvertibleTo(pt):
			vals[i] = v.Convert(pt)
		default:
			return nil, fmt.Errorf("multiprocessing: %s: argument %d is %T, want %v", t.name, i, a, pt)
		}
	}
	return vals, nil
}
