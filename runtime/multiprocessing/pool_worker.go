package multiprocessing

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// workerConfig travels to a pool worker in its preparation data.
type workerConfig struct {
	Codec            string
	MaxTasksPerChild int
}

// Task kinds, in taskHeader.Kind.
const (
	taskTyped   = 1 // a chunk for a Func: []T
	taskReflect = 2 // a chunk of argument lists for a Register'ed function
	taskExit    = 3 // the pool is closing: exit
)

// taskHeader precedes each task sent to a worker.
type taskHeader struct {
	Seq  uint64
	Kind uint8
	Func string
	N    int
	Raw  bool // the items follow as raw memory (see rawslice.go)
}

// resultHeader precedes each result a worker sends back. The first message
// a worker sends is Ready, with Err set if the initializer failed.
type resultHeader struct {
	Seq   uint64
	Ready bool
	Err   *RemoteError
	Dur   int64 // nanoseconds the task ran
	Raw   bool  // the results follow as raw memory
}

// serveWorker is a pool worker's loop: receive a task, run it, send its
// result at once (so that if a task kills the worker, every earlier result
// has reached the pool and the pool knows which task it was).
func serveWorker(ctrl *Conn, cfg *workerConfig, initErr error) int {
	codec, ok := lookupCodec(cfg.Codec)
	if !ok {
		fmt.Fprintf(os.Stderr, "multiprocessing: pool worker: unknown codec %q\n", cfg.Codec)
		return 1
	}
	ctrl.SetCodec(codec)
	ready := resultHeader{Ready: true}
	if initErr != nil {
		ready.Err = remoteFrom("initializer", initErr)
	}
	if err := ctrl.sendFunc(func(enc Encoder) error { return enc.Encode(&ready) }); err != nil || initErr != nil {
		return 1
	}
	runners := map[string]chunkRunner{}
	done := 0
	for {
		var h taskHeader
		var res resultHeader
		var write func(Encoder, *bytes.Buffer) error
		err := ctrl.recvFunc(func(dec Decoder) error {
			if err := dec.Decode(&h); err != nil {
				return err
			}
			if h.Kind == taskExit {
				return nil
			}
			res.Seq = h.Seq
			key := h.Func
			if h.Kind == taskReflect {
				key = "\x00" + key
			}
			r := runners[key]
			if r == nil {
				nr, err := lookupRunner(h.Func, h.Kind == taskReflect)
				if err != nil {
					res.Err = remoteFrom(h.Func, err)
					return nil
				}
				r, runners[key] = nr, nr
			}
			start := time.Now()
			remote, w, derr := r.run(dec, &ctrl.dsrc, &h, &res)
			res.Dur = sinceNs(start)
			switch {
			case derr != nil:
				res.Err = remoteFrom(h.Func, fmt.Errorf("cannot decode task: %w", derr))
			case remote != nil:
				res.Err = remote
			default:
				write = w
			}
			return nil
		})
		if err == io.EOF {
			return 0
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "multiprocessing: pool worker %d: %v\n", os.Getpid(), err)
			return 1
		}
		if h.Kind == taskExit {
			return 0
		}
		err = ctrl.sendFunc(func(enc Encoder) error {
			if err := enc.Encode(&res); err != nil {
				return err
			}
			if write != nil {
				return write(enc, &ctrl.ebuf)
			}
			return nil
		})
		var ee *encodeError
		if err != nil && !errors.As(err, &ee) {
			return 1
		}
		done++
		if cfg.MaxTasksPerChild > 0 && done >= cfg.MaxTasksPerChild {
			return 0
		}
	}
}
