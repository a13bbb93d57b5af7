package goroutine

import (
	"sync"
	"testing"
)

func TestKeyAndIDStableWithinGoroutine(t *testing.T) {
	if Key() == 0 {
		t.Fatal("Key() = 0, want non-zero")
	}
	if a, b := Key(), Key(); a != b {
		t.Errorf("Key() changed within one goroutine: %#x then %#x", a, b)
	}
	if a, b := ID(), ID(); a != b {
		t.Errorf("ID() changed within one goroutine: %d then %d", a, b)
	}
}

// TestDistinctAmongLiveGoroutines runs goroutines that stay alive together,
// so none of them can reuse another's descriptor.
func TestDistinctAmongLiveGoroutines(t *testing.T) {
	const n = 50
	keys := make([]uintptr, n)
	ids := make([]uint64, n)
	var ready, wg sync.WaitGroup
	release := make(chan struct{})
	ready.Add(n)
	wg.Add(n)
	for i := range n {
		go func() {
			defer wg.Done()
			keys[i], ids[i] = Key(), ID()
			ready.Done()
			<-release
			if Key() != keys[i] {
				t.Errorf("goroutine %d: Key changed across a block", i)
			}
		}()
	}
	ready.Wait()
	close(release)
	wg.Wait()
	seenK := map[uintptr]int{Key(): -1}
	seenI := map[uint64]int{ID(): -1}
	for i := range n {
		if j, dup := seenK[keys[i]]; dup {
			t.Errorf("goroutines %d and %d share Key %#x", i, j, keys[i])
		}
		if j, dup := seenI[ids[i]]; dup {
			t.Errorf("goroutines %d and %d share ID %d", i, j, ids[i])
		}
		seenK[keys[i]], seenI[ids[i]] = i, i
	}
}

func BenchmarkKey(b *testing.B) {
	for b.Loop() {
		_ = Key()
	}
}

func BenchmarkID(b *testing.B) {
	for b.Loop() {
		_ = ID()
	}
}
