package thread

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"
)

func capturePanics(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	panicOut.Lock()
	old := panicOut.w
	panicOut.w = &buf
	panicOut.Unlock()
	t.Cleanup(func() {
		panicOut.Lock()
		panicOut.w = old
		panicOut.Unlock()
	})
	return &buf
}

func TestStartNewThreadEndings(t *testing.T) {
	tests := []struct {
		name       string
		fn         func()
		wantReport string // "" for none
	}{
		{"return", func() {}, ""},
		{"panic", func() { panic("boom in thread") }, "boom in thread"},
		{"goexit", runtime.Goexit, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf := capturePanics(t)
			done := make(chan struct{})
			before := Count()
			StartNewThread(func() {
				defer close(done)
				if Count() < 1 {
					t.Errorf("Count() = %d inside a running thread", Count())
				}
				tt.fn()
			})
			<-done
			waitFor(t, func() bool { return Count() <= before })
			panicOut.Lock()
			out := buf.String()
			panicOut.Unlock()
			if tt.wantReport == "" && out != "" {
				t.Errorf("unexpected report %q", out)
			}
			if tt.wantReport != "" && (!strings.Contains(out, tt.wantReport) || !strings.Contains(out, "goroutine")) {
				t.Errorf("report %q lacks %q and a stack", out, tt.wantReport)
			}
		})
	}
}

// waitFor polls cond for up to 10 s; threads finish their bookkeeping just
// after their function returns.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 10s")
		}
	}
}
