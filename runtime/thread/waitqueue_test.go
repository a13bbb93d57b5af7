package thread

import (
	"sync"
	"testing"
	"time"
)

// TestNoLostWakeup releases a lock just as waiters ahead of a blocking one
// give up. A wake-up sent to a waiter that is leaving must be passed on, or
// the blocking waiter sleeps for ever on a free lock.
func TestNoLostWakeup(t *testing.T) {
	for _, lk := range lockers {
		t.Run(lk.name, func(t *testing.T) {
			for i := range 300 {
				l := lk.new()
				held := make(chan struct{})
				unlock := make(chan struct{})
				go func() {
					l.Lock()
					close(held)
					<-unlock
					l.Unlock()
				}()
				<-held
				var wg sync.WaitGroup
				for range 4 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if l.Acquire(true, 100*time.Microsecond) {
							l.Release()
						}
					}()
				}
				got := make(chan struct{})
				go func() {
					l.Lock()
					l.Unlock()
					close(got)
				}()
				time.Sleep(100 * time.Microsecond)
				close(unlock)
				wg.Wait()
				select {
				case <-got:
				case <-time.After(5 * time.Second):
					t.Fatalf("iteration %d: a blocked waiter never woke", i)
				}
			}
		})
	}
}
