package multiprocessing

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"
)

var (
	tpExit  = Register("test.exit", func(code int) { os.Exit(code) })
	tpFail  = Register("test.fail", func() error { return errors.New("target failed") })
	tpPanic = Register("test.panic", func() { panic("boom") })
	tpSleep = Register("test.sleep", func(d time.Duration) { time.Sleep(d) })
	tpEcho  = Register("test.echo", func(c *Conn, prefix string, n int) error {
		defer c.Close()
		var s string
		if err := c.Recv(&s); err != nil {
			return err
		}
		cur, par := CurrentProcess(), ParentProcess()
		return c.Send(fmt.Sprintf("%s%s x%d from %s (parent %s %d alive=%v)", prefix, s, n, cur.Name, par.Name, par.Pid(), par.IsAlive()))
	})
	tpSpawnChild = Register("test.spawnchild", func(c *Conn) error {
		defer c.Close()
		p := NewProcess(tpExit, 0)
		return c.Send(fmt.Sprint(p.Start()))
	})
)

func TestProcessExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		target Target
		args   []any
		want   int
	}{
		{"exit 0", tpExit, []any{0}, 0},
		{"exit 7", tpExit, []any{7}, 7},
		{"error", tpFail, nil, 1},
		{"panic", tpPanic, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewProcess(tt.target, tt.args...)
			if _, ok := p.ExitCode(); ok {
				t.Fatal("exit code before start")
			}
			if err := p.Start(); err != nil {
				t.Fatal(err)
			}
			if p.Pid() <= 0 {
				t.Fatal("no pid")
			}
			if !p.Join(10 * time.Second) {
				t.Fatal("did not exit")
			}
			if code, ok := p.ExitCode(); !ok || code != tt.want {
				t.Fatalf("exit code %d, %v; want %d", code, ok, tt.want)
			}
			if p.IsAlive() {
				t.Fatal("alive after join")
			}
			if err := p.Start(); err == nil {
				t.Fatal("started twice")
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestProcessSignals(t *testing.T) {
	tests := []struct {
		name string
		stop func(*Process) error
		want int
	}{
		{"terminate", (*Process).Terminate, -int(syscall.SIGTERM)},
		{"kill", (*Process).Kill, -int(syscall.SIGKILL)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewProcess(tpSleep, time.Minute)
			if err := p.Start(); err != nil {
				t.Fatal(err)
			}
			if p.Join(50 * time.Millisecond) {
				t.Fatal("exited early")
			}
			if !p.IsAlive() {
				t.Fatal("not alive")
			}
			if err := p.Close(); err == nil {
				t.Fatal("closed a running process")
			}
			if err := tt.stop(p); err != nil {
				t.Fatal(err)
			}
			p.Join(Forever)
			if code, _ := p.ExitCode(); code != tt.want {
				t.Fatalf("exit code %d, want %d", code, tt.want)
			}
			if err := tt.stop(p); err != nil {
				t.Fatalf("signal after exit: %v", err)
			}
		})
	}
}

func TestProcessArgsAndIdentity(t *testing.T) {
	a, b, err := Pipe(true)
	if err != nil {
		t.Fatal(err)
	}
	p := NewProcess(tpEcho, b, "re: ", 3)
	p.Name = "echoer"
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	b.Close()
	a.Send("hello")
	var got string
	if err := a.Recv(&got); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("re: hello x3 from echoer (parent MainProcess %d alive=true)", os.Getpid())
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	p.Join(Forever)
	if code, _ := p.ExitCode(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	var s string
	if err := a.Recv(&s); err == nil {
		t.Fatal("connection still open after the child exited")
	}
}

func TestDaemonCannotHaveChildren(t *testing.T) {
	a, b, _ := Pipe(true)
	p := NewProcess(tpSpawnChild, b)
	p.Daemon = true
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	b.Close()
	var got string
	if err := a.Recv(&got); err != nil {
		t.Fatal(err)
	}
	if got == "<nil>" {
		t.Fatal("a daemonic process started a child")
	}
	p.Join(Forever)
}

func TestActiveChildrenAndNames(t *testing.T) {
	p := NewProcess(tpSleep, 200*time.Millisecond)
	if p.Name == "" || p.Name[:8] != "Process-" {
		t.Fatalf("default name %q", p.Name)
	}
	p.Start()
	found := false
	for _, c := range ActiveChildren() {
		found = found || c == p
	}
	if !found {
		t.Fatal("running child not in ActiveChildren")
	}
	p.Join(Forever)
	for _, c := range ActiveChildren() {
		if c == p {
			t.Fatal("exited child still active")
		}
	}
	if CurrentProcess().Name != "MainProcess" || ParentProcess() != nil {
		t.Fatal("main process identity wrong")
	}
	if CPUCount() < 1 {
		t.Fatal("no CPUs")
	}
}

func TestSentinel(t *testing.T) {
	p := NewProcess(tpSleep, 100*time.Millisecond)
	p.Start()
	ready, err := Wait([]Waitable{p.Sentinel()}, 10*time.Second)
	if err != nil || len(ready) != 1 {
		t.Fatalf("Wait on sentinel = %v, %v", ready, err)
	}
	p.Join(Forever)
}

func killPid(pid int) error { return syscall.Kill(pid, syscall.SIGKILL) }

// run starts target with args and waits for exit code 0.
func run(t *testing.T, target Target, args ...any) {
	t.Helper()
	p := NewProcess(target, args...)
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	p.Join(Forever)
	if code, _ := p.ExitCode(); code != 0 {
		t.Fatalf("%s exited with %d", target.TargetName(), code)
	}
}
