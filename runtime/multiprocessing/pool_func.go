package multiprocessing

import (
	"bytes"
	"fmt"
	"reflect"
	"time"
)

// Func is a one-argument function registered for pools: Map, MapAsync,
// Imap and ImapUnordered run it on many items with no reflection per item,
// sending each chunk of items as one []T and its results as one []R.
// It is also a Target, so Apply and NewProcess accept it.
type Func[T, R any] struct {
	name string
	fn   func(T) (R, error)
}

// TargetName returns the name the function was registered under.
func (f Func[T, R]) TargetName() string { return f.name }

// RegisterFunc registers fn under name for pools and processes, like
// Register; call it from package initialisation.
func RegisterFunc[T, R any](name string, fn func(T) (R, error)) Func[T, R] {
	Register(name, fn)
	registry.Lock()
	registry.runners[name] = func() chunkRunner { return &funcRunner[T, R]{name: name, fn: fn} }
	registry.Unlock()
	return Func[T, R]{name: name, fn: fn}
}

// call runs fn on x, turning a panic into a *RemoteError.
func (f Func[T, R]) call(x T) (r R, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError(f.name, p)
		}
	}()
	return f.fn(x)
}

// chunkRunner runs a chunk of tasks in a worker process.
type chunkRunner interface {
	// run decodes a chunk from dec (or, for raw items, from the rest of the
	// message), runs it, and returns either a failure or a function that
	// encodes the results (with the codec, or raw into the buffer after the
	// header); it sets res.Raw if the results go raw.
	run(dec Decoder, rest *msgReader, h *taskHeader, res *resultHeader) (*RemoteError, func(Encoder, *bytes.Buffer) error, error)
}

// chunkRunnerFactory makes a runner; each worker keeps one per function and
// reuses its buffers from chunk to chunk.
type chunkRunnerFactory func() chunkRunner

// funcRunner runs a Func on a chunk decoded as []T.
type funcRunner[T, R any] struct {
	name string
	fn   func(T) (R, error)
	in   []T
	out  []R
}

func (r *funcRunner[T, R]) run(dec Decoder, rest *msgReader, h *taskHeader, res *resultHeader) (*RemoteError, func(Encoder, *bytes.Buffer) error, error) {
	if h.Raw {
		in, err := rawInto(r.in, rest.b)
		if err != nil {
			return nil, nil, err
		}
		rest.b, r.in = nil, in
	} else {
		clear(r.in[:cap(r.in)])
		r.in = r.in[:0]
		if err := dec.Decode(&r.in); err != nil {
			return nil, nil, err
		}
	}
	if cap(r.out) < len(r.in) {
		r.out = make([]R, len(r.in))
	}
	r.out = r.out[:len(r.in)]
	f := Func[T, R]{name: r.name, fn: r.fn}
	for i, x := range r.in {
		y, err := f.call(x)
		if err != nil {
			return remoteFrom(r.name, err), nil, nil
		}
		r.out[i] = y
	}
	if h.Raw && rawable[R]() {
		res.Raw = true
		return nil, func(_ Encoder, w *bytes.Buffer) error { w.Write(sliceBytes(r.out)); return nil }, nil
	}
	return nil, func(enc Encoder, _ *bytes.Buffer) error { return enc.Encode(r.out) }, nil
}

// reflectRunner runs a Register'ed function on a chunk of argument lists.
type reflectRunner struct {
	t *funcTarget
}

func (r *reflectRunner) run(dec Decoder, _ *msgReader, h *taskHeader, _ *resultHeader) (*RemoteError, func(Encoder, *bytes.Buffer) error, error) {
	results := make([]any, 0, h.N)
	for range h.N {
		var nargs int
		if err := dec.Decode(&nargs); err != nil {
			return nil, nil, err
		}
		args, err := decodeArgs(dec, r.t, nargs)
		if err != nil {
			return nil, nil, err
		}
		res, err := r.t.call(args)
		if err != nil {
			return remoteFrom(r.t.name, err), nil, nil
		}
		if res.IsValid() && isNilValue(res) {
			results = append(results, nil)
		} else if res.IsValid() {
			results = append(results, res.Interface())
		} else {
			results = append(results, nil)
		}
	}
	return nil, func(enc Encoder, _ *bytes.Buffer) error { return encodeResults(enc, results) }, nil
}

// encodeResults writes reflectively computed results: a presence flag, then
// the value.
func encodeResults(enc Encoder, results []any) error {
	for _, v := range results {
		if err := enc.Encode(v != nil); err != nil {
			return err
		}
		if v != nil {
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
	}
	return nil
}

// decodeResults reads what encodeResults wrote into dst.
func decodeResults[R any](dec Decoder, dst []R) error {
	for i := range dst {
		var present bool
		if err := dec.Decode(&present); err != nil {
			return err
		}
		if present {
			if err := dec.Decode(&dst[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// lookupRunner finds the chunk runner for a task in a worker.
func lookupRunner(name string, reflective bool) (chunkRunner, error) {
	if !reflective {
		registry.RLock()
		f, ok := registry.runners[name]
		registry.RUnlock()
		if !ok {
			return nil, fmt.Errorf("multiprocessing: no Func registered as %q in this process", name)
		}
		return f(), nil
	}
	t, err := lookupTarget(name)
	if err != nil {
		return nil, err
	}
	return &reflectRunner{t: t}, nil
}

// sinceNs is the time since start in nanoseconds.
func sinceNs(start time.Time) int64 { return int64(time.Since(start)) }

// isNilValue reports whether v is a nil pointer, map, slice, interface,
// channel or function, which gob cannot encode (and JSON encodes as null).
func isNilValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface, reflect.Chan, reflect.Func:
		return v.IsNil()
	}
	return false
}
