package threading

import (
	"testing"
	"time"
)

func TestTimer(t *testing.T) {
	tests := []struct {
		name    string
		cancel  bool
		wantRan bool
	}{
		{"fires", false, true},
		{"cancelled", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ran := make(chan struct{}, 1)
			start := time.Now()
			tm := NewTimer(30*time.Millisecond, func() { ran <- struct{}{} }, WithName("tick"))
			if err := tm.Start(); err != nil {
				t.Fatal(err)
			}
			if tt.cancel {
				tm.Cancel()
			}
			if err := tm.Join(10 * time.Second); err != nil {
				t.Fatal(err)
			}
			select {
			case <-ran:
				if !tt.wantRan {
					t.Fatal("cancelled timer ran its function")
				}
				if d := time.Since(start); d < 30*time.Millisecond {
					t.Errorf("timer fired after %v, before its interval", d)
				}
			default:
				if tt.wantRan {
					t.Fatal("timer did not run its function")
				}
			}
			if tm.Name() != "tick" {
				t.Errorf("Name() = %q", tm.Name())
			}
			tm.Cancel() // after the end: no effect, no panic
		})
	}
}
