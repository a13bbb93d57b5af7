package threading

import (
	"sync"
	"testing"
)

// TestLocalInThreads checks the alias works with Threads, each seeing its
// own value, as threading.local does.
func TestLocalInThreads(t *testing.T) {
	var data Local[struct{ Name string }]
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b", "c"} {
		wg.Add(1)
		th := NewThread(func() {
			defer wg.Done()
			data.Get().Name = CurrentThread().Name()
			for range 100 {
				if got := data.Get().Name; got != name {
					t.Errorf("thread %s sees %q", name, got)
					return
				}
			}
		}, WithName(name))
		th.Start()
	}
	wg.Wait()
}
