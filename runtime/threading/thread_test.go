package threading

import (
	"context"
	"errors"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestThreadLifecycle(t *testing.T) {
	release := make(chan struct{})
	var inside *Thread
	th := NewThread(func() {
		inside = CurrentThread()
		<-release
	}, WithName("worker"))
	if th.IsAlive() || th.Ident() != 0 {
		t.Fatalf("before Start: IsAlive=%v Ident=%d", th.IsAlive(), th.Ident())
	}
	if err := th.Join(-1); !errors.Is(err, ErrNotStarted) {
		t.Fatalf("Join before Start = %v, want ErrNotStarted", err)
	}
	if !strings.Contains(th.String(), "initial") {
		t.Errorf("String() before Start = %q", th.String())
	}
	if err := th.Start(); err != nil {
		t.Fatal(err)
	}
	if err := th.Start(); !errors.Is(err, ErrAlreadyStarted) {
		t.Fatalf("second Start = %v, want ErrAlreadyStarted", err)
	}
	if !th.IsAlive() || th.Ident() == 0 || th.Name() != "worker" {
		t.Fatalf("running: IsAlive=%v Ident=%d Name=%q", th.IsAlive(), th.Ident(), th.Name())
	}
	if !slices.Contains(Enumerate(), th) {
		t.Error("running thread not in Enumerate()")
	}
	if err := th.Join(10 * time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("Join(10ms) of a blocked thread = %v, want ErrTimeout", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := th.JoinContext(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("JoinContext = %v, want DeadlineExceeded", err)
	}
	close(release)
	if err := th.Join(-1); err != nil {
		t.Fatalf("Join = %v", err)
	}
	if th.IsAlive() {
		t.Error("IsAlive() after Join")
	}
	if inside != th {
		t.Errorf("CurrentThread() inside the thread = %v, want %v", inside, th)
	}
	if slices.Contains(Enumerate(), th) {
		t.Error("finished thread still in Enumerate()")
	}
	if want := regexp.MustCompile(`^<Thread\(worker, stopped \d+\)>$`); !want.MatchString(th.String()) {
		t.Errorf("String() = %q, want match %v", th.String(), want)
	}
}

func TestThreadDefaultNamesAndIdents(t *testing.T) {
	a, b := NewThread(func() {}), NewThread(func() {})
	if !strings.HasPrefix(a.Name(), "Thread-") || a.Name() == b.Name() {
		t.Errorf("default names %q, %q", a.Name(), b.Name())
	}
	a.Start()
	b.Start()
	a.Join(-1)
	b.Join(-1)
	if a.Ident() == b.Ident() || a.Ident() == 0 {
		t.Errorf("idents %d, %d: want distinct and non-zero", a.Ident(), b.Ident())
	}
	a.SetName("renamed")
	if a.Name() != "renamed" {
		t.Errorf("Name() after SetName = %q", a.Name())
	}
}

func TestJoinCurrent(t *testing.T) {
	errc := make(chan error, 1)
	var th *Thread
	th = NewThread(func() { errc <- th.Join(-1) })
	th.Start()
	if err := within(t, "self-join", errc); !errors.Is(err, ErrJoinCurrent) {
		t.Errorf("a thread joining itself = %v, want ErrJoinCurrent", err)
	}
}

func TestDaemon(t *testing.T) {
	tests := []struct {
		name       string
		parentOpts []Option
		childOpts  []Option
		want       bool
	}{
		{"explicit true", nil, []Option{WithDaemon(true)}, true},
		{"explicit false in daemon", []Option{WithDaemon(true)}, []Option{WithDaemon(false)}, false},
		{"inherited from daemon", []Option{WithDaemon(true)}, nil, true},
		{"inherited from non-daemon", []Option{WithDaemon(false)}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := make(chan bool, 1)
			parent := NewThread(func() { got <- NewThread(func() {}, tt.childOpts...).IsDaemon() }, tt.parentOpts...)
			parent.Start()
			if g := within(t, "child", got); g != tt.want {
				t.Errorf("child IsDaemon() = %v, want %v", g, tt.want)
			}
		})
	}
	if NewThread(func() {}).IsDaemon() {
		t.Error("a Thread made on a plain goroutine is a daemon")
	}
	th := NewThread(func() {})
	if err := th.SetDaemon(true); err != nil || !th.IsDaemon() {
		t.Fatalf("SetDaemon before Start: err=%v IsDaemon=%v", err, th.IsDaemon())
	}
	th.Start()
	if err := th.SetDaemon(false); !errors.Is(err, ErrAlreadyStarted) {
		t.Errorf("SetDaemon after Start = %v, want ErrAlreadyStarted", err)
	}
}

func TestNativeID(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("native ids are read on Linux only")
	}
	ids := make(chan [2]int, 1)
	th := NewThread(func() {
		time.Sleep(time.Millisecond) // a chance to move, were it not locked
		ids <- [2]int{CurrentThread().NativeID(), GetNativeID()}
	}, WithOSThread())
	th.Start()
	got := within(t, "native id", ids)
	th.Join(-1)
	if got[0] <= 0 || got[0] != got[1] || th.NativeID() != got[0] {
		t.Errorf("NativeID %d, GetNativeID in thread %d, NativeID after %d", got[0], got[1], th.NativeID())
	}
	plain := NewThread(func() {})
	plain.Start()
	plain.Join(-1)
	if plain.NativeID() != 0 {
		t.Errorf("NativeID of a thread without WithOSThread = %d, want 0", plain.NativeID())
	}
}

func TestMainAndDummyThreads(t *testing.T) {
	m := MainThread()
	if fromMain != m || m.Name() != "MainThread" || m.Ident() != 1 || !m.IsAlive() || m.IsDaemon() {
		t.Fatalf("main thread: fromMain=%v MainThread=%v", fromMain, m)
	}
	cur := CurrentThread()
	if cur == m || !strings.HasPrefix(cur.Name(), "Dummy-") || !cur.IsDaemon() || !cur.IsAlive() {
		t.Fatalf("CurrentThread() on a test goroutine = %v, want a dummy thread", cur)
	}
	if CurrentThread() != cur {
		t.Error("CurrentThread() not stable on one goroutine")
	}
	if err := cur.Join(0); !errors.Is(err, ErrDummyThread) {
		t.Errorf("Join of a dummy thread = %v, want ErrDummyThread", err)
	}
	if err := m.Start(); !errors.Is(err, ErrAlreadyStarted) {
		t.Errorf("Start of the main thread = %v, want ErrAlreadyStarted", err)
	}
	if !strings.HasPrefix(cur.String(), "<_DummyThread(Dummy-") || !strings.HasPrefix(m.String(), "<_MainThread(MainThread, started 1") {
		t.Errorf("String(): %q, %q", cur, m)
	}
}

// TestActiveCountAndShutdown counts only its own threads: dummy threads of
// earlier tests' goroutines may leave Enumerate at any time.
func TestActiveCountAndShutdown(t *testing.T) {
	release := make(chan struct{})
	var ths []*Thread
	for i := range 4 {
		th := NewThread(func() { <-release }, WithDaemon(i%2 == 0))
		th.Start()
		ths = append(ths, th)
	}
	mine := func() int {
		n := 0
		for _, th := range Enumerate() {
			if slices.Contains(ths, th) {
				n++
			}
		}
		return n
	}
	if got := mine(); got != 4 {
		t.Errorf("Enumerate() holds %d of 4 running threads", got)
	}
	if got := ActiveCount(); got < 5 {
		t.Errorf("ActiveCount() = %d with the main thread and 4 more running", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Shutdown with blocked non-daemon threads = %v, want DeadlineExceeded", err)
	}
	close(release)
	if err := Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i, th := range ths {
		if i%2 == 1 && th.IsAlive() {
			t.Errorf("non-daemon thread %d alive after Shutdown", i)
		}
	}
	eventually(t, "threads leave Enumerate", func() bool { return mine() == 0 })
}

func TestThreadGoexitAndNilTarget(t *testing.T) {
	for _, target := range []func(){nil, runtime.Goexit} {
		th := NewThread(target)
		th.Start()
		if err := th.Join(10 * time.Second); err != nil {
			t.Fatal(err)
		}
	}
}

// TestJoinZeroOfFinished: Join(0) of a finished thread never reports a
// timeout, however the runtime orders ready channels.
func TestJoinZeroOfFinished(t *testing.T) {
	th := NewThread(func() {})
	th.Start()
	th.Join(-1)
	for range 200 {
		if err := th.Join(0); err != nil {
			t.Fatalf("Join(0) of a finished thread = %v", err)
		}
	}
}
