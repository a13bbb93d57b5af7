package threading

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestExceptHookGetsPanic(t *testing.T) {
	got := make(chan ExceptHookArgs, 1)
	prev := SetExceptHook(func(a ExceptHookArgs) { got <- a })
	defer SetExceptHook(prev)
	th := NewThread(func() { panic("boom") }, WithName("panicky"))
	th.Start()
	a := within(t, "excepthook", got)
	if a.Value != "boom" || a.Thread != th || !bytes.Contains(a.Stack, []byte("goroutine")) {
		t.Errorf("hook got Value=%v Thread=%v stack of %d bytes", a.Value, a.Thread, len(a.Stack))
	}
	if err := th.Join(-1); err != nil || th.IsAlive() {
		t.Errorf("after a panic: Join=%v IsAlive=%v", err, th.IsAlive())
	}
	// The process, and other threads, go on.
	ok := NewThread(func() {})
	ok.Start()
	ok.Join(-1)
}

func TestSetExceptHookNilRestoresDefault(t *testing.T) {
	prev := SetExceptHook(func(ExceptHookArgs) {})
	SetExceptHook(nil)
	defer SetExceptHook(prev)
	var buf bytes.Buffer
	writeReport(&buf, ExceptHookArgs{Value: "v", Stack: []byte("stack\n"), Thread: MainThread()})
	if want := "Exception in thread MainThread:\npanic: v\n\nstack\n"; buf.String() != want {
		t.Errorf("report = %q, want %q", buf.String(), want)
	}
	if h := ExceptHook(); h == nil {
		t.Error("ExceptHook() = nil after SetExceptHook(nil)")
	}
}

// TestFatalExceptHook runs itself in a child process, where a Thread
// panics under FatalExceptHook, and checks that the child died with the
// report.
func TestFatalExceptHook(t *testing.T) {
	if os.Getenv("THREADING_FATAL_CHILD") == "1" {
		SetExceptHook(FatalExceptHook)
		th := NewThread(func() { panic("fatal boom") }, WithName("doomed"))
		th.Start()
		th.Join(-1)
		os.Exit(0) // not reached if the hook ends the process
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestFatalExceptHook$")
	cmd.Env = append(os.Environ(), "THREADING_FATAL_CHILD=1")
	out, err := cmd.CombinedOutput()
	ee, isExit := err.(*exec.ExitError)
	if !isExit || ee.ExitCode() != 2 {
		t.Fatalf("child: err=%v, want exit status 2; output:\n%s", err, out)
	}
	if !strings.Contains(string(out), "Exception in thread doomed:\npanic: fatal boom") {
		t.Errorf("child output lacks the report:\n%s", out)
	}
}
