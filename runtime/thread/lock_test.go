package thread

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// locker is what Lock and RLock have in common.
type locker interface {
	Acquire(blocking bool, timeout time.Duration) bool
	AcquireContext(ctx context.Context) error
	Release() error
	sync.Locker
}

var lockers = []struct {
	name string
	new  func() locker
}{
	{"Lock", func() locker { return AllocateLock() }},
	{"RLock", func() locker { return new(RLock) }},
}

// TestAcquireWhileHeldElsewhere holds the lock in one goroutine and tries
// every way of acquiring it from another.
func TestAcquireWhileHeldElsewhere(t *testing.T) {
	tests := []struct {
		name     string
		blocking bool
		timeout  time.Duration
	}{
		{"non-blocking", false, -1},
		{"non-blocking ignores timeout", false, time.Second},
		{"blocking zero timeout", true, 0},
		{"blocking short timeout", true, 20 * time.Millisecond},
	}
	for _, lk := range lockers {
		for _, tt := range tests {
			t.Run(lk.name+"/"+tt.name, func(t *testing.T) {
				l := lk.new()
				holdElsewhere(t, l)
				start := time.Now()
				if l.Acquire(tt.blocking, tt.timeout) {
					t.Fatal("Acquire succeeded on a lock held by another goroutine")
				}
				waited := time.Since(start)
				if tt.blocking && tt.timeout > 0 && waited < tt.timeout {
					t.Errorf("gave up after %v, want at least %v", waited, tt.timeout)
				}
				if !tt.blocking && waited > 500*time.Millisecond {
					t.Errorf("non-blocking Acquire waited %v", waited)
				}
			})
		}
	}
}

// holdElsewhere acquires l on another goroutine and releases it when the
// test ends.
func holdElsewhere(t *testing.T, l locker) {
	t.Helper()
	held, done := make(chan struct{}), make(chan struct{})
	go func() {
		l.Lock()
		close(held)
		<-done
		l.Unlock()
	}()
	<-held
	t.Cleanup(func() { close(done) })
}

func TestAcquireWaitsForRelease(t *testing.T) {
	for _, lk := range lockers {
		for _, ctxWait := range []bool{false, true} {
			name := lk.name + "/timeout"
			if ctxWait {
				name = lk.name + "/context"
			}
			t.Run(name, func(t *testing.T) {
				l := lk.new()
				held, release := make(chan struct{}), make(chan struct{})
				go func() {
					l.Lock()
					close(held)
					<-release
					l.Unlock()
				}()
				<-held
				go func() {
					time.Sleep(10 * time.Millisecond)
					close(release)
				}()
				if ctxWait {
					ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
					defer cancel()
					if err := l.AcquireContext(ctx); err != nil {
						t.Fatalf("AcquireContext = %v, want nil", err)
					}
				} else if !l.Acquire(true, 10*time.Second) {
					t.Fatal("Acquire(true, 10s) = false after the holder released")
				}
				if err := l.Release(); err != nil {
					t.Fatalf("Release = %v", err)
				}
			})
		}
	}
}

func TestAcquireContextCancelled(t *testing.T) {
	for _, lk := range lockers {
		t.Run(lk.name, func(t *testing.T) {
			l := lk.new()
			holdElsewhere(t, l)
			ctx, cancel := context.WithCancel(context.Background())
			go func() {
				time.Sleep(10 * time.Millisecond)
				cancel()
			}()
			if err := l.AcquireContext(ctx); !errors.Is(err, context.Canceled) {
				t.Fatalf("AcquireContext = %v, want context.Canceled", err)
			}
			ctx, cancel = context.WithCancel(context.Background())
			cancel()
			if err := l.AcquireContext(ctx); !errors.Is(err, context.Canceled) {
				t.Fatalf("AcquireContext(done ctx) = %v, want context.Canceled", err)
			}
		})
	}
}

func TestReleaseUnlocked(t *testing.T) {
	for _, lk := range lockers {
		t.Run(lk.name, func(t *testing.T) {
			l := lk.new()
			if err := l.Release(); !errors.Is(err, ErrNotHeld) {
				t.Errorf("Release of a new lock = %v, want ErrNotHeld", err)
			}
			l.Lock()
			if err := l.Release(); err != nil {
				t.Errorf("Release = %v, want nil", err)
			}
			if err := l.Release(); !errors.Is(err, ErrNotHeld) {
				t.Errorf("second Release = %v, want ErrNotHeld", err)
			}
			defer func() {
				if v := recover(); v != ErrNotHeld {
					t.Errorf("Unlock of an unlocked lock panicked with %v, want ErrNotHeld", v)
				}
			}()
			l.Unlock()
		})
	}
}

func TestLockIsNotReentrantAndAnyoneMayRelease(t *testing.T) {
	l := AllocateLock()
	if l.Locked() {
		t.Fatal("new Lock is locked")
	}
	if !l.Acquire(true, -1) {
		t.Fatal("Acquire of a free lock failed")
	}
	if !l.Locked() {
		t.Fatal("Locked() = false after Acquire")
	}
	if l.Acquire(false, 0) {
		t.Fatal("Lock acquired twice by the same goroutine")
	}
	errc := make(chan error)
	go func() { errc <- l.Release() }()
	if err := <-errc; err != nil {
		t.Fatalf("Release from another goroutine = %v, want nil", err)
	}
	if l.Locked() {
		t.Fatal("Locked() = true after Release")
	}
}

// TestMutualExclusion counts with a plain int under the lock from many
// goroutines at once, mixing the ways to acquire; -race checks the rest.
func TestMutualExclusion(t *testing.T) {
	for _, lk := range lockers {
		t.Run(lk.name, func(t *testing.T) {
			l := lk.new()
			const goroutines, iters = 8, 2000
			n := 0
			var wg sync.WaitGroup
			for g := range goroutines {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range iters {
						switch (g + i) % 4 {
						case 0:
							l.Lock()
						case 1:
							for !l.Acquire(true, time.Millisecond) {
							}
						case 2:
							for !l.Acquire(false, 0) {
							}
						case 3:
							if err := l.AcquireContext(context.Background()); err != nil {
								t.Error(err)
								return
							}
						}
						n++
						if err := l.Release(); err != nil {
							t.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			if n != goroutines*iters {
				t.Errorf("counted %d, want %d", n, goroutines*iters)
			}
		})
	}
}
