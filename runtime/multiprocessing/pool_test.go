package multiprocessing

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var (
	fSquare = RegisterFunc("test.square", func(x int) (int, error) { return x * x, nil })
	fFailOn = RegisterFunc("test.failon13", func(x int) (int, error) {
		if x == 13 {
			return 0, errors.New("unlucky 13")
		}
		return x, nil
	})
	fPanicOn = RegisterFunc("test.panicon7", func(x int) (int, error) {
		if x == 7 {
			var m map[string]int
			m["x"] = 1
		}
		return x, nil
	})
	fCrashOn = RegisterFunc("test.crashon5", func(x int) (int, error) {
		if x == 5 && os.Getenv("GOSH_MP_TEST_NOCRASH") == "" && ParentProcess() != nil {
			os.Exit(3)
		}
		return x * 10, nil
	})
	fPid   = RegisterFunc("test.pid", func(int) (int, error) { return os.Getpid(), nil })
	fSlow  = RegisterFunc("test.slow", func(ms int) (int, error) { time.Sleep(time.Duration(ms) * time.Millisecond); return ms, nil })
	fGreet = RegisterFunc("test.greet", func(s string) (string, error) { return "hi " + s, nil })
	tAdd   = Register("test.add", func(a, b int) int { return a + b })
	tDiv   = Register("test.div", func(a, b int) (int, error) {
		if b == 0 {
			return 0, errors.New("division by zero")
		}
		return a / b, nil
	})
	initValue atomic.Value
	tInit     = Register("test.init", func(v string) { initValue.Store(v) })
	tInitFail = Register("test.initfail", func() error { return errors.New("no init today") })
	fInitVal  = RegisterFunc("test.initval", func(int) (string, error) {
		s, _ := initValue.Load().(string)
		return s, nil
	})
)

// pools returns a process pool and a thread pool with the same options.
func pools(t *testing.T, opts PoolOptions) map[string]*Pool {
	t.Helper()
	pp, err := NewPool(opts)
	if err != nil {
		t.Fatal(err)
	}
	tp, err := NewThreadPool(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pp.Terminate(); tp.Terminate() })
	return map[string]*Pool{"process": pp, "thread": tp}
}

func TestDefaultChunkSize(t *testing.T) {
	tests := []struct{ n, procs, want int }{
		{0, 2, 0}, {1, 2, 1}, {8, 2, 1}, {9, 2, 2}, {200000, 2, 25000}, {200001, 2, 25001}, {100, 3, 9},
	}
	for _, tt := range tests {
		if got := DefaultChunkSize(tt.n, tt.procs); got != tt.want {
			t.Errorf("DefaultChunkSize(%d, %d) = %d, want %d", tt.n, tt.procs, got, tt.want)
		}
	}
}

func TestPoolMap(t *testing.T) {
	items := make([]int, 1000)
	want := make([]int, 1000)
	for i := range items {
		items[i], want[i] = i, i*i
	}
	for name, p := range pools(t, PoolOptions{Processes: 2}) {
		for _, cs := range []int{0, 1, 7, 5000} {
			got, err := Map(p, fSquare, items, cs)
			if err != nil || !slices.Equal(got, want) {
				t.Fatalf("%s chunksize %d: err %v, equal %v", name, cs, err, slices.Equal(got, want))
			}
		}
		got, err := Map(p, fSquare, nil, 0)
		if err != nil || len(got) != 0 {
			t.Fatalf("%s: empty map = %v, %v", name, got, err)
		}
		s, err := Map(p, fGreet, []string{"a", "b"}, 1)
		if err != nil || !slices.Equal(s, []string{"hi a", "hi b"}) {
			t.Fatalf("%s: strings = %v, %v", name, s, err)
		}
	}
}

func TestPoolErrors(t *testing.T) {
	items := make([]int, 30)
	for i := range items {
		items[i] = i
	}
	for name, p := range pools(t, PoolOptions{Processes: 2}) {
		_, err := Map(p, fFailOn, items, 4)
		if err == nil || !strings.Contains(err.Error(), "unlucky 13") {
			t.Fatalf("%s: error %v", name, err)
		}
		var rerr *RemoteError
		if name == "process" && (!errors.As(err, &rerr) || rerr.Pid == os.Getpid() || !strings.Contains(rerr.Stack, "serveWorker")) {
			t.Fatalf("%s: remote error without the worker's identity and stack: %#v", name, err)
		}
		_, err = Map(p, fPanicOn, items, 4)
		var re *RemoteError
		if !errors.As(err, &re) || !strings.Contains(re.Message, "assignment to entry in nil map") || !strings.Contains(re.Stack, "goroutine") {
			t.Fatalf("%s: panic error %#v", name, err)
		}
		if _, err := Apply[int](p, tDiv, 1, 0); err == nil || !strings.Contains(err.Error(), "division by zero") {
			t.Fatalf("%s: apply error %v", name, err)
		}
		// The pool still works afterwards.
		if got, err := Apply[int](p, tAdd, 2, 3); err != nil || got != 5 {
			t.Fatalf("%s: apply after errors = %v, %v", name, got, err)
		}
	}
}

func TestPoolStarMapApply(t *testing.T) {
	for name, p := range pools(t, PoolOptions{Processes: 2}) {
		got, err := StarMap[int](p, tAdd, [][]any{{1, 2}, {3, 4}, {5, 6}}, 0)
		if err != nil || !slices.Equal(got, []int{3, 7, 11}) {
			t.Fatalf("%s: starmap = %v, %v", name, got, err)
		}
		ar := StarMapAsync[int](p, tAdd, [][]any{{10, 1}}, 1, nil, nil)
		if v, err := ar.Get(10 * time.Second); err != nil || v[0] != 11 {
			t.Fatalf("%s: starmap_async = %v, %v", name, v, err)
		}
		var cb atomic.Int64
		done := make(chan struct{})
		ApplyAsync[int](p, tAdd, []any{40, 2}, func(v int) { cb.Store(int64(v)); close(done) }, nil)
		<-done
		if cb.Load() != 42 {
			t.Fatalf("%s: callback got %d", name, cb.Load())
		}
		errc := make(chan error, 1)
		ar2 := ApplyAsync[int](p, tDiv, []any{1, 0}, nil, func(err error) { errc <- err })
		if err := <-errc; err == nil || !ar2.Wait(time.Second) {
			t.Fatalf("%s: error callback", name)
		}
		if ok, _ := ar2.Successful(); ok {
			t.Fatalf("%s: failed call successful", name)
		}
		if _, err := Apply[int](p, tAdd, 1); err == nil {
			t.Fatalf("%s: wrong arity accepted", name)
		}
		if _, err := Apply[int](p, tAdd, NewProcess(tpExit, 0)); err == nil {
			t.Fatalf("%s: unencodable argument accepted", name)
		}
	}
}

func TestPoolMapAsyncTimeout(t *testing.T) {
	p, err := NewPool(PoolOptions{Processes: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Terminate()
	ar := MapAsync(p, fSlow, []int{300}, 1, nil, nil)
	if _, err := ar.Get(10 * time.Millisecond); err != ErrTimeout {
		t.Fatalf("Get = %v, want ErrTimeout", err)
	}
	if ar.Ready() {
		t.Fatal("ready too early")
	}
	if _, err := ar.Successful(); err == nil {
		t.Fatal("Successful before ready: no error")
	}
	if v, err := ar.Get(Forever); err != nil || v[0] != 300 {
		t.Fatalf("Get = %v, %v", v, err)
	}
}

func TestPoolImap(t *testing.T) {
	items := make([]int, 100)
	for i := range items {
		items[i] = i
	}
	for name, p := range pools(t, PoolOptions{Processes: 2}) {
		var got []int
		for v, err := range Imap(p, fSquare, slices.Values(items), 3) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, v)
		}
		for i, v := range got {
			if v != i*i {
				t.Fatalf("%s: imap[%d] = %d", name, i, v)
			}
		}
		got = got[:0]
		for v, err := range ImapUnordered(p, fSquare, slices.Values(items), 0) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, v)
		}
		sort.Ints(got)
		if len(got) != 100 || got[99] != 99*99 {
			t.Fatalf("%s: imap_unordered got %d items", name, len(got))
		}
		// Errors appear in place; iteration goes on.
		n, errs := 0, 0
		for _, err := range Imap(p, fFailOn, slices.Values(items[:20]), 1) {
			n++
			if err != nil {
				errs++
			}
		}
		if n != 20 || errs != 1 {
			t.Fatalf("%s: imap with a failure: %d results, %d errors", name, n, errs)
		}
		// Breaking early is fine.
		for range Imap(p, fSquare, slices.Values(items), 1) {
			break
		}
	}
}

func TestPoolInitializer(t *testing.T) {
	for name, p := range pools(t, PoolOptions{Processes: 2, Initializer: tInit, InitArgs: []any{"ready"}}) {
		got, err := Map(p, fInitVal, []int{1, 2, 3, 4}, 1)
		if err != nil || !slices.Equal(got, []string{"ready", "ready", "ready", "ready"}) {
			t.Fatalf("%s: %v, %v", name, got, err)
		}
	}
	for _, mk := range []func(PoolOptions) (*Pool, error){NewPool, NewThreadPool} {
		p, err := mk(PoolOptions{Processes: 1, Initializer: tInitFail})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Map(p, fSquare, []int{1, 2, 3}, 1)
		if err == nil || !strings.Contains(err.Error(), "no init today") {
			t.Fatalf("initializer failure: %v", err)
		}
		p.Terminate()
	}
}

func TestPoolWorkerCrashIsReplaced(t *testing.T) {
	p, err := NewPool(PoolOptions{Processes: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Terminate()
	items := []int{1, 2, 3, 4, 5, 6, 7, 8}
	var lost *WorkerLostError
	var got []int
	var errs int
	for v, err := range Imap(p, fCrashOn, slices.Values(items), 1) {
		if err != nil {
			errs++
			if !errors.As(err, &lost) {
				t.Fatalf("error %v, want WorkerLostError", err)
			}
			continue
		}
		got = append(got, v)
	}
	if errs != 1 || lost.ExitCode != 3 || len(got) != 7 {
		t.Fatalf("errors %d (%v), results %v", errs, lost, got)
	}
	// The pool has two live workers again and still works.
	if v, err := Map(p, fSquare, []int{1, 2, 3}, 1); err != nil || v[2] != 9 {
		t.Fatalf("after crash: %v, %v", v, err)
	}
}

func TestPoolWorkerKilled(t *testing.T) {
	p, err := NewPool(PoolOptions{Processes: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Terminate()
	pids, _ := Map(p, fPid, []int{0}, 1)
	ar := MapAsync(p, fSlow, []int{5000}, 1, nil, nil)
	time.Sleep(100 * time.Millisecond)
	if err := killPid(pids[0]); err != nil {
		t.Fatal(err)
	}
	_, err = ar.Get(10 * time.Second)
	var lost *WorkerLostError
	if !errors.As(err, &lost) || lost.ExitCode != -9 {
		t.Fatalf("got %v, want a WorkerLostError for SIGKILL", err)
	}
	if v, err := Map(p, fSquare, []int{4}, 1); err != nil || v[0] != 16 {
		t.Fatalf("after kill: %v, %v", v, err)
	}
}

func TestPoolMaxTasksPerChild(t *testing.T) {
	p, err := NewPool(PoolOptions{Processes: 1, MaxTasksPerChild: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Terminate()
	pids, err := Map(p, fPid, make([]int, 6), 1)
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[int]bool{}
	for _, pid := range pids {
		distinct[pid] = true
	}
	if len(distinct) != 3 {
		t.Fatalf("6 tasks, 2 per child: %d distinct workers (%v)", len(distinct), pids)
	}
}

func TestPoolCloseJoinTerminate(t *testing.T) {
	for name, p := range pools(t, PoolOptions{Processes: 2}) {
		if err := p.Join(); err == nil {
			t.Fatalf("%s: join on a running pool", name)
		}
		ar := MapAsync(p, fSlow, []int{50, 50, 50}, 1, nil, nil)
		p.Close()
		if _, err := Map(p, fSquare, []int{1}, 1); err != ErrPoolNotRunning {
			t.Fatalf("%s: map after close: %v", name, err)
		}
		if err := p.Join(); err != nil {
			t.Fatal(err)
		}
		if v, err := ar.Get(0); err != nil || len(v) != 3 {
			t.Fatalf("%s: work queued before close: %v, %v", name, v, err)
		}
	}
	for name, p := range pools(t, PoolOptions{Processes: 1}) {
		ar := MapAsync(p, fSlow, []int{2000, 2000}, 1, nil, nil)
		time.Sleep(50 * time.Millisecond)
		p.Terminate()
		if _, err := ar.Get(5 * time.Second); err != ErrPoolTerminated {
			t.Fatalf("%s: after terminate: %v", name, err)
		}
		p.Join()
	}
}

func TestWithPool(t *testing.T) {
	err := WithPool(PoolOptions{Processes: 1}, func(p *Pool) error {
		v, err := Apply[int](p, tAdd, 1, 1)
		if v != 2 {
			return fmt.Errorf("got %d", v)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
