package dummy

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/goshell/gosh/runtime/thread"
	"github.com/goshell/gosh/runtime/threading"
)

// TestThreadRunsInline records the order of events: Start returns only
// after the target, and CurrentThread inside is the Thread.
func TestThreadRunsInline(t *testing.T) {
	var log []string
	var th *Thread
	th = NewThread(func() {
		log = append(log, "target")
		if CurrentThread() != th || GetIdent() != th.Ident() {
			t.Error("CurrentThread inside the target is not the Thread")
		}
		if ActiveCount() != 2 || !th.IsAlive() {
			t.Errorf("inside: ActiveCount %d, IsAlive %v", ActiveCount(), th.IsAlive())
		}
		if err := th.Join(-1); !errors.Is(err, threading.ErrJoinCurrent) {
			t.Errorf("self-join = %v", err)
		}
		if err := MainThread().Join(0); !errors.Is(err, threading.ErrTimeout) {
			t.Errorf("join of the running main thread = %v, want ErrTimeout", err)
		}
		if err := MainThread().Join(-1); !errors.Is(err, ErrDeadlock) {
			t.Errorf("join of the running main thread = %v, want ErrDeadlock", err)
		}
	}, threading.WithName("inline"))
	if err := th.Join(-1); !errors.Is(err, threading.ErrNotStarted) {
		t.Fatalf("Join before Start = %v", err)
	}
	log = append(log, "before")
	if err := th.Start(); err != nil {
		t.Fatal(err)
	}
	log = append(log, "after")
	if got := strings.Join(log, ","); got != "before,target,after" {
		t.Errorf("order %s", got)
	}
	if th.IsAlive() || th.Join(-1) != nil || th.JoinContext(context.Background()) != nil {
		t.Error("finished thread is alive or not joinable")
	}
	if err := th.Start(); !errors.Is(err, threading.ErrAlreadyStarted) {
		t.Errorf("second Start = %v", err)
	}
	if err := th.SetDaemon(true); !errors.Is(err, threading.ErrAlreadyStarted) {
		t.Errorf("SetDaemon after Start = %v", err)
	}
	if CurrentThread() != MainThread() || MainThread().Name() != "MainThread" || ActiveCount() != 1 || len(Enumerate()) != 1 {
		t.Error("back on the main dummy thread, the state is wrong")
	}
	if th.Name() != "inline" || th.NativeID() != 0 || !strings.Contains(th.String(), "stopped") {
		t.Errorf("attributes: %v", th)
	}
}

func TestThreadPanicGoesToExceptHook(t *testing.T) {
	var got threading.ExceptHookArgs
	prev := threading.SetExceptHook(func(a threading.ExceptHookArgs) { got = a })
	defer threading.SetExceptHook(prev)
	th := NewThread(func() { panic("inline boom") })
	th.Start()
	if got.Value != "inline boom" || got.Thread != threading.Runner(th) {
		t.Errorf("hook got %+v", got)
	}
	if CurrentThread() != MainThread() {
		t.Error("stack not unwound after a panic")
	}
}

func TestTimer(t *testing.T) {
	ran := 0
	tm := NewTimer(time.Hour, func() { ran++ })
	start := time.Now()
	tm.Start()
	if ran != 1 || time.Since(start) > time.Second {
		t.Errorf("timer ran %d times, took %v", ran, time.Since(start))
	}
	tm2 := NewTimer(0, func() { ran++ })
	tm2.Cancel()
	tm2.Start()
	if ran != 1 {
		t.Error("cancelled timer ran")
	}
}

func TestLocal(t *testing.T) {
	l := Local[int]{New: func() int { return 7 }}
	*l.Get() = 1
	NewThread(func() {
		if *l.Get() != 7 {
			t.Errorf("inner thread sees %d", *l.Get())
		}
		l.Set(2)
		if l.Len() != 2 {
			t.Errorf("Len %d with two threads' values", l.Len())
		}
	}).Start()
	if *l.Get() != 1 || l.Len() != 1 {
		t.Errorf("after the inner thread: value %d, Len %d", *l.Get(), l.Len())
	}
	l.Delete()
	if *l.Get() != 7 {
		t.Error("Delete did not forget the value")
	}
}

func TestStartNewThreadAndInterrupt(t *testing.T) {
	var buf bytes.Buffer
	old := panicOut
	panicOut = &buf
	defer func() { panicOut = old }()
	var inside uint64
	ident := StartNewThread(func() { inside = GetIdent() })
	if ident == 0 || inside != ident {
		t.Errorf("StartNewThread returned %d, inside saw %d", ident, inside)
	}
	StartNewThread(func() { panic("low-level boom") })
	if !strings.Contains(buf.String(), "low-level boom") {
		t.Errorf("panic not reported: %q", buf.String())
	}
	ctx := MainContext()
	StartNewThread(func() { InterruptMain(syscall.SIGTERM) })
	var ki *thread.KeyboardInterrupt
	if !errors.As(context.Cause(ctx), &ki) || ki.Signal != syscall.SIGTERM {
		t.Errorf("Cause = %v", context.Cause(ctx))
	}
	if MainContext().Err() != nil {
		t.Error("next MainContext already cancelled")
	}
}
