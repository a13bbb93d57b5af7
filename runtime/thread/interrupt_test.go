package thread

import (
	"context"
	"errors"
	"syscall"
	"testing"
	"time"
)

func TestInterruptMain(t *testing.T) {
	tests := []struct {
		name string
		sig  syscall.Signal
		arg  any
	}{
		{"default SIGINT", syscall.SIGINT, nil},
		{"SIGTERM", syscall.SIGTERM, syscall.SIGTERM},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := MainContext()
			if ctx.Err() != nil {
				t.Fatal("fresh MainContext already cancelled")
			}
			StartNewThread(func() {
				if tt.arg == nil {
					InterruptMain(nil)
				} else {
					InterruptMain(tt.sig)
				}
			})
			select {
			case <-ctx.Done():
			case <-time.After(10 * time.Second):
				t.Fatal("MainContext not cancelled by InterruptMain")
			}
			var ki *KeyboardInterrupt
			if !errors.As(context.Cause(ctx), &ki) || ki.Signal != tt.sig {
				t.Fatalf("Cause = %v, want KeyboardInterrupt(%v)", context.Cause(ctx), tt.sig)
			}
			if next := MainContext(); next.Err() != nil {
				t.Fatal("MainContext after a handled interrupt is still cancelled")
			}
		})
	}
}

// TestInterruptBeforeMainContext checks that an interrupt is kept for the
// next MainContext, and that two pending interrupts coalesce.
func TestInterruptBeforeMainContext(t *testing.T) {
	MainContext() // whatever state earlier tests left, start from a handed-out context
	InterruptMain(syscall.SIGINT)
	InterruptMain(syscall.SIGQUIT)
	ctx := MainContext()
	var ki *KeyboardInterrupt
	if !errors.As(context.Cause(ctx), &ki) {
		t.Fatalf("pending interrupt lost: Cause = %v", context.Cause(ctx))
	}
	if ctx := MainContext(); ctx.Err() != nil {
		t.Fatalf("second pending interrupt not coalesced: %v", context.Cause(ctx))
	}
}
