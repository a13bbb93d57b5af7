package threading

import (
	"os"
	"testing"
	"time"
)

// fromMain is CurrentThread as seen by the test binary's main goroutine,
// which runs TestMain; the tests run on other goroutines.
var fromMain *Thread

func TestMain(m *testing.M) {
	fromMain = CurrentThread()
	os.Exit(m.Run())
}

// eventually polls cond for up to 10 s, for bookkeeping that happens just
// after a goroutine's function returns.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not reached in 10s", what)
		}
	}
}

// within fails the test if ch is not closed or sent on within 10 s.
func within[T any](t *testing.T, what string, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: timed out", what)
		panic("unreachable")
	}
}
