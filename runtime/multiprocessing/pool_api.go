package multiprocessing

import (
	"iter"
	"sync"
	"time"
)

// DefaultChunkSize is Python's rule for map's chunksize: n items over four
// chunks per worker, rounded up. Python: Pool._map_async.
func DefaultChunkSize(n, processes int) int {
	if n == 0 {
		return 0
	}
	size, extra := n/(processes*4), n%(processes*4)
	if extra != 0 {
		size++
	}
	return size
}

// Map applies f to every item on the pool's workers and returns the results
// in order, or the first error. chunksize 0 picks DefaultChunkSize.
// Python: Pool.map(func, iterable, chunksize).
func Map[T, R any](p *Pool, f Func[T, R], items []T, chunksize int) ([]R, error) {
	return MapAsync(p, f, items, chunksize, nil, nil).Get(Forever)
}

// MapAsync is Map without waiting. The callback gets the results, or the
// error callback the first error, in the pool's result goroutine.
// Python: Pool.map_async(func, iterable, chunksize, callback, error_callback).
func MapAsync[T, R any](p *Pool, f Func[T, R], items []T, chunksize int, callback func([]R), errorCallback func(error)) *AsyncResult[[]R] {
	ar := newAsyncResult(callback, errorCallback)
	if chunksize <= 0 {
		chunksize = DefaultChunkSize(len(items), p.opts.Processes)
	}
	if len(items) == 0 {
		ar.complete([]R{}, nil)
		return ar
	}
	n := (len(items) + chunksize - 1) / chunksize
	j := &mapJob[T, R]{f: f, items: items, csize: chunksize, results: make([]R, len(items)), ar: ar, left: n}
	if err := p.submit(j, n); err != nil {
		ar.complete(nil, err)
	}
	return ar
}

// Imap is a lazy Map: it reads items as the workers need them and yields
// results in order. A failed chunk yields one error in place of its items.
// chunksize 0 means 1, as in Python. Stopping the loop early discards the
// rest. Python: Pool.imap(func, iterable, chunksize).
func Imap[T, R any](p *Pool, f Func[T, R], items iter.Seq[T], chunksize int) iter.Seq2[R, error] {
	return imap(p, f, items, chunksize, true)
}

// ImapUnordered is Imap yielding results in the order they complete.
// Python: Pool.imap_unordered(func, iterable, chunksize).
func ImapUnordered[T, R any](p *Pool, f Func[T, R], items iter.Seq[T], chunksize int) iter.Seq2[R, error] {
	return imap(p, f, items, chunksize, false)
}

func imap[T, R any](p *Pool, f Func[T, R], items iter.Seq[T], chunksize int, ordered bool) iter.Seq2[R, error] {
	if chunksize <= 0 {
		chunksize = 1
	}
	j := &imapJob[T, R]{f: f, decoded: map[int][]R{}, done: map[int]imapChunk[R]{}, total: -1}
	j.cond = sync.NewCond(&j.mu)
	go func() {
		n := 0
		submit := func(chunk []T) {
			c := j.addChunk(chunk)
			if err := p.submit1(j, c); err != nil {
				j.chunkDone(c, err)
			}
			n++
		}
		chunk := make([]T, 0, chunksize)
		for x := range items {
			chunk = append(chunk, x)
			if len(chunk) == chunksize {
				submit(chunk)
				chunk = make([]T, 0, chunksize)
			}
		}
		if len(chunk) > 0 {
			submit(chunk)
		}
		j.mu.Lock()
		j.total = n
		j.cond.Broadcast()
		j.mu.Unlock()
	}()
	return func(yield func(R, error) bool) {
		defer j.stop()
		for taken := 0; ; taken++ {
			want := -1
			if ordered {
				want = taken
			}
			r, ok := j.next(want, taken)
			if !ok {
				return
			}
			if r.err != nil {
				var zero R
				if !yield(zero, r.err) {
					return
				}
				continue
			}
			for _, v := range r.vals {
				if !yield(v, nil) {
					return
				}
			}
		}
	}
}

// submit1 queues one more chunk of a job.
func (p *Pool) submit1(j job, c int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state != poolRunning {
		return ErrPoolNotRunning
	}
	if p.broken != nil {
		return p.broken
	}
	p.seq++
	p.queue = append(p.queue, &task{j: j, chunk: c, seq: p.seq})
	p.pending++
	p.cond.Broadcast()
	return nil
}

// StarMap calls f with each argument list and returns the results in
// order. f is a Register'ed function returning R (and maybe an error);
// arguments are encoded one by one. Python: Pool.starmap.
func StarMap[R any](p *Pool, f Target, args [][]any, chunksize int) ([]R, error) {
	return StarMapAsync[R](p, f, args, chunksize, nil, nil).Get(Forever)
}

// StarMapAsync is StarMap without waiting. Python: Pool.starmap_async.
func StarMapAsync[R any](p *Pool, f Target, args [][]any, chunksize int, callback func([]R), errorCallback func(error)) *AsyncResult[[]R] {
	ar := newAsyncResult(callback, errorCallback)
	t, err := lookupTarget(f.TargetName())
	if err != nil {
		ar.complete(nil, err)
		return ar
	}
	if chunksize <= 0 {
		chunksize = DefaultChunkSize(len(args), p.opts.Processes)
	}
	if len(args) == 0 {
		ar.complete([]R{}, nil)
		return ar
	}
	n := (len(args) + chunksize - 1) / chunksize
	j := &starJob[R]{t: t, args: args, csize: chunksize, results: make([]R, len(args)), left: n, done: ar.complete}
	if err := p.submit(j, n); err != nil {
		ar.complete(nil, err)
	}
	return ar
}

// Apply calls f(args...) on a worker and returns its result.
// Python: Pool.apply(func, args).
func Apply[R any](p *Pool, f Target, args ...any) (R, error) {
	return ApplyAsync[R](p, f, args, nil, nil).Get(Forever)
}

// ApplyAsync is Apply without waiting; callback or errorCallback runs with
// the outcome in the pool's result goroutine. Python: Pool.apply_async(func,
// args, kwds, callback, error_callback).
func ApplyAsync[R any](p *Pool, f Target, args []any, callback func(R), errorCallback func(error)) *AsyncResult[R] {
	ar := newAsyncResult(callback, errorCallback)
	t, err := lookupTarget(f.TargetName())
	if err != nil {
		ar.complete(*new(R), err)
		return ar
	}
	j := &starJob[R]{t: t, args: [][]any{args}, csize: 1, results: make([]R, 1), left: 1}
	j.done = func(rs []R, err error) {
		var r R
		if err == nil {
			r = rs[0]
		}
		ar.complete(r, err)
	}
	if err := p.submit(j, 1); err != nil {
		ar.complete(*new(R), err)
	}
	return ar
}

// Wait waits up to timeout for the pool's queued and running work to
// finish and reports whether the pool went idle. Python has no equivalent;
// it helps tests and the shell's `parallel`.
func (p *Pool) Wait(timeout time.Duration) bool {
	return pollUntil(timeout, func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.pending == 0
	})
}
