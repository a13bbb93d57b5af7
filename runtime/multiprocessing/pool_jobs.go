package multiprocessing

import (
	"bytes"
	"fmt"
	"reflect"
	"sync"
)

// chunkBounds returns the item range of chunk c.
func chunkBounds(c, size, n int) (int, int) {
	s := c * size
	return s, min(s+size, n)
}

// mapJob is Map/MapAsync: a Func over a slice, results in place.
type mapJob[T, R any] struct {
	f       Func[T, R]
	items   []T
	csize   int
	results []R
	ar      *AsyncResult[[]R]

	mu   sync.Mutex
	left int
	err  error
}

func (j *mapJob[T, R]) funcName() string { return j.f.name }
func (j *mapJob[T, R]) kind() uint8      { return taskTyped }
func (j *mapJob[T, R]) size(c int) int {
	s, e := chunkBounds(c, j.csize, len(j.items))
	return e - s
}

func (j *mapJob[T, R]) raw() bool { return rawable[T]() }

func (j *mapJob[T, R]) encodeChunk(enc Encoder, w *bytes.Buffer, c int, raw bool) error {
	s, e := chunkBounds(c, j.csize, len(j.items))
	if raw {
		w.Write(sliceBytes(j.items[s:e]))
		return nil
	}
	return enc.Encode(j.items[s:e])
}

func (j *mapJob[T, R]) decodeChunk(dec Decoder, rest *msgReader, h *resultHeader, c int) error {
	s, e := chunkBounds(c, j.csize, len(j.items))
	sub := j.results[s:s:e]
	var err error
	if h.Raw {
		sub, err = rawInto(sub, rest.b)
		rest.b = nil
	} else {
		err = dec.Decode(&sub)
	}
	if err != nil {
		return err
	}
	if len(sub) != e-s {
		return fmt.Errorf("multiprocessing: %d results for %d items", len(sub), e-s)
	}
	if e > s && &sub[0] != &j.results[s] {
		copy(j.results[s:e], sub)
	}
	return nil
}

func (j *mapJob[T, R]) runLocal(c int) error {
	s, e := chunkBounds(c, j.csize, len(j.items))
	for i := s; i < e; i++ {
		y, err := j.f.call(j.items[i])
		if err != nil {
			return err
		}
		j.results[i] = y
	}
	return nil
}

// chunkDone completes the result when all chunks succeed, or at the first
// failure (as Python's MapResult does).
func (j *mapJob[T, R]) chunkDone(_ int, err error) {
	j.mu.Lock()
	j.left--
	first := err != nil && j.err == nil
	if first {
		j.err = err
	}
	finished := j.left == 0 && j.err == nil
	j.mu.Unlock()
	if first {
		j.ar.complete(nil, err)
	} else if finished {
		j.ar.complete(j.results, nil)
	}
}

// starJob is StarMap/Apply: a Register'ed function over argument lists.
type starJob[R any] struct {
	t       *funcTarget
	args    [][]any
	csize   int
	results []R
	done    func(results []R, err error)

	mu   sync.Mutex
	left int
	err  error
}

func (j *starJob[R]) funcName() string { return j.t.name }
func (j *starJob[R]) kind() uint8      { return taskReflect }
func (j *starJob[R]) size(c int) int {
	s, e := chunkBounds(c, j.csize, len(j.args))
	return e - s
}

func (j *starJob[R]) raw() bool { return false }

func (j *starJob[R]) encodeChunk(enc Encoder, _ *bytes.Buffer, c int, _ bool) error {
	s, e := chunkBounds(c, j.csize, len(j.args))
	for _, a := range j.args[s:e] {
		if err := enc.Encode(len(a)); err != nil {
			return err
		}
		if err := encodeArgs(enc, a, nil); err != nil {
			return err
		}
	}
	return nil
}

func (j *starJob[R]) decodeChunk(dec Decoder, _ *msgReader, _ *resultHeader, c int) error {
	s, e := chunkBounds(c, j.csize, len(j.args))
	return decodeResults(dec, j.results[s:e])
}

func (j *starJob[R]) runLocal(c int) error {
	s, e := chunkBounds(c, j.csize, len(j.args))
	for i := s; i < e; i++ {
		vals, err := localArgs(j.t, j.args[i])
		if err != nil {
			return err
		}
		res, err := j.t.call(vals)
		if err != nil {
			return err
		}
		if res.IsValid() {
			dst := reflect.ValueOf(&j.results[i]).Elem()
			switch {
			case res.Type().AssignableTo(dst.Type()):
				dst.Set(res)
			case res.Type().ConvertibleTo(dst.Type()):
				dst.Set(res.Convert(dst.Type()))
			default:
				return fmt.Errorf("multiprocessing: %s returns %v, not %v", j.t.name, res.Type(), dst.Type())
			}
		}
	}
	return nil
}

func (j *starJob[R]) chunkDone(_ int, err error) {
	j.mu.Lock()
	j.left--
	first := err != nil && j.err == nil
	if first {
		j.err = err
	}
	finished := j.left == 0 && j.err == nil
	j.mu.Unlock()
	if first {
		j.done(nil, err)
	} else if finished {
		j.done(j.results, nil)
	}
}

// imapJob is Imap/ImapUnordered: chunks arrive from an iterator and results
// are handed to a consumer as chunks complete.
type imapJob[T, R any] struct {
	f Func[T, R]

	mu      sync.Mutex
	cond    *sync.Cond
	chunks  [][]T
	decoded map[int][]R
	done    map[int]imapChunk[R]
	total   int // number of chunks; -1 while input is still being read
	stopped bool
}

// imapChunk is a finished chunk's results or error.
type imapChunk[R any] struct {
	vals []R
	err  error
}

func (j *imapJob[T, R]) funcName() string { return j.f.name }
func (j *imapJob[T, R]) kind() uint8      { return taskTyped }

func (j *imapJob[T, R]) chunk(c int) []T {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.chunks[c]
}

func (j *imapJob[T, R]) size(c int) int { return len(j.chunk(c)) }

func (j *imapJob[T, R]) raw() bool { return rawable[T]() }

func (j *imapJob[T, R]) encodeChunk(enc Encoder, w *bytes.Buffer, c int, raw bool) error {
	if raw {
		w.Write(sliceBytes(j.chunk(c)))
		return nil
	}
	return enc.Encode(j.chunk(c))
}

func (j *imapJob[T, R]) decodeChunk(dec Decoder, rest *msgReader, h *resultHeader, c int) error {
	var out []R
	var err error
	if h.Raw {
		out, err = rawInto(out, rest.b)
		rest.b = nil
	} else {
		err = dec.Decode(&out)
	}
	if err != nil {
		return err
	}
	j.mu.Lock()
	j.decoded[c] = out
	j.mu.Unlock()
	return nil
}

func (j *imapJob[T, R]) runLocal(c int) error {
	in := j.chunk(c)
	out := make([]R, len(in))
	for i, x := range in {
		y, err := j.f.call(x)
		if err != nil {
			return err
		}
		out[i] = y
	}
	j.mu.Lock()
	j.decoded[c] = out
	j.mu.Unlock()
	return nil
}

func (j *imapJob[T, R]) chunkDone(c int, err error) {
	j.mu.Lock()
	r := imapChunk[R]{vals: j.decoded[c], err: err}
	delete(j.decoded, c)
	j.chunks[c] = nil
	if err != nil {
		r.vals = nil
	}
	if !j.stopped {
		j.done[c] = r
	}
	j.cond.Broadcast()
	j.mu.Unlock()
}

// addChunk records an input chunk and returns its index.
func (j *imapJob[T, R]) addChunk(items []T) int {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.chunks = append(j.chunks, items)
	return len(j.chunks) - 1
}

// next waits for the next finished chunk: chunk want if want >= 0 (ordered),
// else any. ok is false when there are no more.
func (j *imapJob[T, R]) next(want int, taken int) (imapChunk[R], bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for {
		if want >= 0 {
			if r, ok := j.done[want]; ok {
				delete(j.done, want)
				return r, true
			}
		} else {
			for c, r := range j.done {
				delete(j.done, c)
				return r, true
			}
		}
		if j.total >= 0 && taken >= j.total {
			return imapChunk[R]{}, false
		}
		j.cond.Wait()
	}
}

// stop discards results the consumer no longer wants.
func (j *imapJob[T, R]) stop() {
	j.mu.Lock()
	j.stopped = true
	j.done = map[int]imapChunk[R]{}
	j.mu.Unlock()
}
