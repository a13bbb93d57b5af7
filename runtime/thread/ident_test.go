package thread

import (
	"sync"
	"testing"
	"time"
)

func TestMainIdent(t *testing.T) {
	if mainIdent != MainIdent {
		t.Errorf("GetIdent() on the main goroutine = %d, want MainIdent (%d)", mainIdent, MainIdent)
	}
	if got := GetIdent(); got == MainIdent {
		t.Errorf("GetIdent() on a test goroutine = MainIdent")
	}
}

func TestGetIdentStableAndDistinct(t *testing.T) {
	const n = 20
	idents := make(chan uint64, 2*n)
	var wg sync.WaitGroup
	release := make(chan struct{})
	start := func(spawn func(func())) {
		wg.Add(1)
		spawn(func() {
			defer wg.Done()
			a := GetIdent()
			<-release // all alive at once
			if b := GetIdent(); a != b {
				t.Errorf("GetIdent changed within a goroutine: %d then %d", a, b)
			}
			idents <- a
		})
	}
	for range n {
		start(func(f func()) { StartNewThread(f) })
		start(func(f func()) { go f() })
	}
	close(release)
	wg.Wait()
	close(idents)
	seen := map[uint64]bool{GetIdent(): true, MainIdent: true}
	for id := range idents {
		if id == 0 || seen[id] {
			t.Errorf("ident %d is zero or repeated", id)
		}
		seen[id] = true
	}
}

func TestStartNewThreadReturnsItsIdent(t *testing.T) {
	got := make(chan uint64, 1)
	want := StartNewThread(func() { got <- GetIdent() })
	if g := <-got; g != want {
		t.Errorf("GetIdent() in the thread = %d, StartNewThread returned %d", g, want)
	}
}

func TestAtExitRunsWhenThreadEnds(t *testing.T) {
	capturePanics(t)
	var order []string
	done := make(chan struct{})
	StartNewThread(func() {
		AtExit(func() { order = append(order, "first registered"); close(done) })
		AtExit(func() { order = append(order, "second registered") })
		panic("boom") // AtExit functions still run
	})
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("AtExit functions did not run")
	}
	if len(order) != 2 || order[0] != "second registered" {
		t.Errorf("AtExit order = %q, want latest first", order)
	}
}

// TestForeignIdentRetired checks that a plain goroutine's ident is retired,
// and its AtExit functions run, once the runtime reuses its slot: starting
// goroutines one after another on a quiet runtime reuses slots at once.
func TestForeignIdentRetired(t *testing.T) {
	retired := make(chan struct{})
	first := make(chan uint64)
	go func() {
		AtExit(func() { close(retired) })
		first <- GetIdent()
	}()
	old := <-first
	for range 10000 {
		got := make(chan uint64)
		go func() { got <- GetIdent() }()
		if id := <-got; id == old {
			t.Fatalf("a new goroutine got the ident %d of one that ended", id)
		}
		select {
		case <-retired:
			return
		default:
		}
	}
	t.Skip("the runtime never reused the goroutine's slot; retirement not observed")
}
