package threading

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// runParties calls wait from n threads at once and returns the indexes and
// errors.
func runParties(n int, wait func() (int, error)) ([]int, []error) {
	idx, errs := make([]int, n), make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		NewThread(func() {
			defer wg.Done()
			idx[i], errs[i] = wait()
		}).Start()
	}
	wg.Wait()
	return idx, errs
}

func TestBarrierRounds(t *testing.T) {
	const parties = 4
	var actions atomic.Int32
	b := NewBarrier(parties, func() error { actions.Add(1); return nil }, -1)
	for round := range 3 {
		idx, errs := runParties(parties, func() (int, error) { return b.Wait(-1) })
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, party %d: %v", round, i, err)
			}
		}
		slices.Sort(idx)
		if !slices.Equal(idx, []int{0, 1, 2, 3}) {
			t.Errorf("round %d indexes %v, want 0..3 once each", round, idx)
		}
	}
	if actions.Load() != 3 {
		t.Errorf("action ran %d times in 3 rounds", actions.Load())
	}
	if b.Broken() || b.NWaiting() != 0 || b.Parties() != parties {
		t.Errorf("after rounds: Broken=%v NWaiting=%d Parties=%d", b.Broken(), b.NWaiting(), b.Parties())
	}
}

func TestBarrierBreaks(t *testing.T) {
	errAction := errors.New("action failed")
	tests := []struct {
		name      string
		barrier   func() *Barrier
		wait      func(b *Barrier) (int, error)
		breakWith func(b *Barrier) // called while two parties wait; nil: none
		wantErrs  []error          // sorted by wait
	}{
		{
			name:     "default timeout",
			barrier:  func() *Barrier { return NewBarrier(3, nil, 20*time.Millisecond) },
			wait:     func(b *Barrier) (int, error) { return b.Wait(-1) },
			wantErrs: []error{ErrBrokenBarrier, ErrBrokenBarrier},
		},
		{
			name:     "explicit timeout",
			barrier:  func() *Barrier { return NewBarrier(3, nil, -1) },
			wait:     func(b *Barrier) (int, error) { return b.Wait(20 * time.Millisecond) },
			wantErrs: []error{ErrBrokenBarrier, ErrBrokenBarrier},
		},
		{
			name:    "context",
			barrier: func() *Barrier { return NewBarrier(3, nil, -1) },
			wait: func(b *Barrier) (int, error) {
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
				defer cancel()
				return b.WaitContext(ctx)
			},
			wantErrs: []error{ErrBrokenBarrier, ErrBrokenBarrier},
		},
		{
			name:      "abort",
			barrier:   func() *Barrier { return NewBarrier(3, nil, -1) },
			wait:      func(b *Barrier) (int, error) { return b.Wait(-1) },
			breakWith: (*Barrier).Abort,
			wantErrs:  []error{ErrBrokenBarrier, ErrBrokenBarrier},
		},
		{
			name:      "reset",
			barrier:   func() *Barrier { return NewBarrier(3, nil, -1) },
			wait:      func(b *Barrier) (int, error) { return b.Wait(-1) },
			breakWith: (*Barrier).Reset,
			wantErrs:  []error{ErrBrokenBarrier, ErrBrokenBarrier},
		},
		{
			name:     "action error",
			barrier:  func() *Barrier { return NewBarrier(2, func() error { return errAction }, -1) },
			wait:     func(b *Barrier) (int, error) { return b.Wait(-1) },
			wantErrs: []error{ErrBrokenBarrier, errAction},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.barrier()
			if tt.breakWith != nil {
				go func() {
					for b.NWaiting() < 2 {
						time.Sleep(time.Millisecond)
					}
					tt.breakWith(b)
				}()
			}
			_, errs := runParties(len(tt.wantErrs), func() (int, error) { return tt.wait(b) })
			for _, want := range tt.wantErrs {
				i := slices.IndexFunc(errs, func(e error) bool { return errors.Is(e, want) })
				if i < 0 {
					t.Fatalf("errors %v: none matches %v", errs, want)
				}
				errs = slices.Delete(errs, i, i+1)
			}
			wantBroken := tt.name != "reset"
			if b.Broken() != wantBroken {
				t.Fatalf("Broken() = %v, want %v", b.Broken(), wantBroken)
			}
			if wantBroken {
				if _, err := b.Wait(0); !errors.Is(err, ErrBrokenBarrier) {
					t.Fatalf("Wait on a broken barrier = %v", err)
				}
				b.Reset()
			}
			if b.Broken() || b.NWaiting() != 0 {
				t.Fatalf("after Reset: Broken=%v NWaiting=%d", b.Broken(), b.NWaiting())
			}
		})
	}
}

func TestBarrierActionPanicBreaks(t *testing.T) {
	b := NewBarrier(1, func() error { panic("action panic") }, -1)
	func() {
		defer func() {
			if recover() != "action panic" {
				t.Error("the action's panic did not reach the last party")
			}
		}()
		b.Wait(-1)
	}()
	if !b.Broken() {
		t.Error("barrier not broken by a panicking action")
	}
}

func TestBarrierSingleParty(t *testing.T) {
	b := NewBarrier(1, nil, -1)
	for range 3 {
		if i, err := b.Wait(-1); i != 0 || err != nil {
			t.Fatalf("Wait = %d, %v", i, err)
		}
	}
}

// TestBarrierWaitContextDefaultTimeout: WaitContext honours the barrier's
// default timeout and says so in its error.
func TestBarrierWaitContextDefaultTimeout(t *testing.T) {
	b := NewBarrier(2, nil, 10*time.Millisecond)
	_, err := b.WaitContext(context.Background())
	if !errors.Is(err, ErrBrokenBarrier) || !errors.Is(err, ErrTimeout) {
		t.Fatalf("WaitContext = %v, want ErrBrokenBarrier and ErrTimeout", err)
	}
	if want := "threading: broken barrier: threading: timed out"; err.Error() != want {
		t.Errorf("error text %q, want %q", err, want)
	}
}
