package thread

import (
	"sync"
	"testing"
)

func TestLocalPerThread(t *testing.T) {
	var l Local[[]int]
	const n = 10
	var wg sync.WaitGroup
	release := make(chan struct{})
	for i := range n {
		wg.Add(1)
		StartNewThread(func() {
			defer wg.Done()
			p := l.Get()
			*p = append(*p, i)
			<-release // everyone has written before anyone reads
			if got := *l.Get(); len(got) != 1 || got[0] != i {
				t.Errorf("thread %d sees %v, want [%d]", i, got, i)
			}
		})
	}
	close(release)
	wg.Wait()
	waitFor(t, func() bool { return l.Len() == 0 })
}

func TestLocalNewSetDelete(t *testing.T) {
	calls := 0
	l := Local[string]{New: func() string { calls++; return "init" }}
	if got := *l.Get(); got != "init" || calls != 1 {
		t.Fatalf("first Get = %q after %d New calls", got, calls)
	}
	l.Set("changed")
	if got := *l.Get(); got != "changed" || calls != 1 {
		t.Fatalf("Get after Set = %q after %d New calls", got, calls)
	}
	l.Delete()
	if got := *l.Get(); got != "init" || calls != 2 {
		t.Fatalf("Get after Delete = %q after %d New calls", got, calls)
	}
	done := make(chan string)
	StartNewThread(func() { done <- *l.Get() })
	if got := <-done; got != "init" {
		t.Fatalf("another thread's first Get = %q", got)
	}
}
