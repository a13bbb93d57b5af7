package mmap

import (
	"sync"
	"testing"
)

// TestConcurrentCloseAndResize reads, writes and searches from several
// goroutines while the map is resized and finally closed: every call
// returns either its result or ErrClosed, and nothing faults.
func TestConcurrentCloseAndResize(t *testing.T) {
	page := PageSize()
	m := mapBytes(t, make([]byte, 4*page), AccessWrite)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 64)
			var last byte
			for i := 0; ; i++ {
				var err error
				switch (g + i) % 4 {
				case 0:
					_, err = m.ReadAt(buf, int64(i%page))
				case 1:
					_, err = m.WriteAt(buf, int64(i%page))
				case 2:
					_, err = m.FindRange([]byte("absent"), 0, -1)
				case 3:
					err = m.View(func(b []byte) error { last += b[len(b)-1]; return nil })
				}
				if err == ErrClosed {
					if last != 0 {
						t.Error("the map held a byte never written")
					}
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for i := range 50 {
		if err := m.Resize((2 + i%5) * page); err != nil {
			t.Fatal(err)
		}
	}
	must(t, m.Close())
	wg.Wait()
}
