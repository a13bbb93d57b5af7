package threading

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestSemaphoreCounts(t *testing.T) {
	s := NewSemaphore(2)
	if !s.Acquire(false, 0) || !s.Acquire(true, 0) {
		t.Fatal("could not acquire a Semaphore(2) twice")
	}
	if s.Acquire(false, 0) || s.Acquire(true, 10*time.Millisecond) {
		t.Fatal("acquired a Semaphore(2) a third time")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := s.AcquireContext(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("AcquireContext on zero = %v", err)
	}
	if err := s.ReleaseN(3); err != nil {
		t.Fatal(err)
	}
	if s.Value() != 3 {
		t.Fatalf("Value() = %d after ReleaseN(3), want 3 (a plain Semaphore has no bound)", s.Value())
	}
	if err := s.ReleaseN(0); !errors.Is(err, ErrReleaseCount) {
		t.Errorf("ReleaseN(0) = %v, want ErrReleaseCount", err)
	}
}

func TestSemaphoreReleaseWakesWaiters(t *testing.T) {
	s := NewSemaphore(0)
	const waiters = 3
	got := make(chan struct{}, waiters)
	for range waiters {
		go func() {
			if s.Acquire(true, -1) {
				got <- struct{}{}
			}
		}()
	}
	time.Sleep(10 * time.Millisecond)
	if err := s.ReleaseN(waiters); err != nil {
		t.Fatal(err)
	}
	for range waiters {
		within(t, "waiter", got)
	}
}

func TestBoundedSemaphore(t *testing.T) {
	tests := []struct {
		name     string
		initial  int
		acquires int
		release  int // with ReleaseN
		wantErr  error
		want     int
	}{
		{"release what was taken", 3, 2, 2, nil, 3},
		{"release past the bound", 3, 1, 2, ErrTooManyReleases, 2},
		{"release at full", 1, 0, 1, ErrTooManyReleases, 1},
		{"zero count", 1, 1, 0, ErrReleaseCount, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBoundedSemaphore(tt.initial)
			for range tt.acquires {
				if !b.Acquire(false, 0) {
					t.Fatal("Acquire failed")
				}
			}
			if err := b.ReleaseN(tt.release); !errors.Is(err, tt.wantErr) {
				t.Errorf("ReleaseN(%d) = %v, want %v", tt.release, err, tt.wantErr)
			}
			if b.Value() != tt.want {
				t.Errorf("Value() = %d, want %d", b.Value(), tt.want)
			}
		})
	}
	b := NewBoundedSemaphore(1)
	var l Locker = b
	if err := l.Release(); !errors.Is(err, ErrTooManyReleases) {
		t.Errorf("Release through Locker past the bound = %v, want ErrTooManyReleases", err)
	}
	defer func() {
		if v := recover(); v != ErrTooManyReleases {
			t.Errorf("Unlock past the bound panicked with %v", v)
		}
	}()
	b.Unlock()
}

// TestBoundedResourcePool is the classic example: a BoundedSemaphore caps
// how many threads use a pool of connections at once.
func TestBoundedResourcePool(t *testing.T) {
	const size, workers, rounds = 3, 10, 50
	pool := NewBoundedSemaphore(size)
	var inUse, peak atomic.Int32
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		NewThread(func() {
			defer wg.Done()
			for range rounds {
				pool.Lock()
				n := inUse.Add(1)
				for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
				}
				if n > size {
					t.Errorf("%d users of a pool of %d", n, size)
				}
				time.Sleep(10 * time.Microsecond)
				inUse.Add(-1)
				if err := pool.Release(); err != nil {
					t.Error(err)
				}
			}
		}).Start()
	}
	wg.Wait()
	if pool.Value() != size {
		t.Errorf("pool value %d after all released, want %d", pool.Value(), size)
	}
	if peak.Load() < 2 {
		t.Logf("peak concurrency only %d", peak.Load())
	}
}

func TestNewSemaphoreNegativePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Semaphore":        func() { NewSemaphore(-1) },
		"BoundedSemaphore": func() { NewBoundedSemaphore(-1) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic for a negative value")
				}
			}()
			f()
		})
	}
}
