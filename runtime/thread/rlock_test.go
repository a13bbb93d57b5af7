package thread

import (
	"errors"
	"testing"
)

func TestRLockReentrant(t *testing.T) {
	var r RLock
	const depth = 5
	for i := range depth {
		if !r.Acquire(false, 0) {
			t.Fatalf("re-entrant Acquire %d failed", i+1)
		}
	}
	if !r.IsOwned() {
		t.Fatal("IsOwned() = false while held")
	}
	otherGot := make(chan bool)
	go func() { otherGot <- r.Acquire(false, 0) }()
	if <-otherGot {
		t.Fatal("another goroutine acquired a held RLock")
	}
	for i := range depth {
		if err := r.Release(); err != nil {
			t.Fatalf("Release %d = %v", i+1, err)
		}
		if held := r.IsOwned(); held != (i < depth-1) {
			t.Fatalf("after %d releases IsOwned() = %v", i+1, held)
		}
	}
	if err := r.Release(); !errors.Is(err, ErrNotHeld) {
		t.Fatalf("extra Release = %v, want ErrNotHeld", err)
	}
}

func TestRLockReleaseByNonOwner(t *testing.T) {
	var r RLock
	r.Lock()
	defer r.Unlock()
	errc := make(chan error, 2)
	go func() {
		errc <- r.Release()
		_, err := r.ReleaseSave()
		errc <- err
	}()
	for _, what := range []string{"Release", "ReleaseSave"} {
		if err := <-errc; !errors.Is(err, ErrNotOwner) {
			t.Errorf("%s by a non-owner = %v, want ErrNotOwner", what, err)
		}
	}
	if !r.IsOwned() {
		t.Error("the owner lost the lock to a failed release")
	}
}

func TestRLockReleaseSaveRestore(t *testing.T) {
	var r RLock
	r.Lock()
	r.Lock()
	r.Lock()
	n, err := r.ReleaseSave()
	if err != nil || n != 3 {
		t.Fatalf("ReleaseSave = %d, %v; want 3, nil", n, err)
	}
	got := make(chan bool)
	go func() {
		ok := r.Acquire(false, 0)
		if ok {
			r.Release()
		}
		got <- ok
	}()
	if !<-got {
		t.Fatal("lock not free after ReleaseSave")
	}
	r.AcquireRestore(n)
	for i := range 3 {
		if err := r.Release(); err != nil {
			t.Fatalf("Release %d after AcquireRestore = %v", i+1, err)
		}
	}
	if err := r.Release(); !errors.Is(err, ErrNotHeld) {
		t.Fatalf("Release past the restored depth = %v, want ErrNotHeld", err)
	}
	if _, err := r.ReleaseSave(); !errors.Is(err, ErrNotHeld) {
		t.Fatalf("ReleaseSave of a free lock = %v, want ErrNotHeld", err)
	}
}
