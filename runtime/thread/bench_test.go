package thread

import "testing"

// GetIdent in a thread this package started (a map read) and in a plain
// goroutine (which also reads the goroutine's traceback number).
func BenchmarkGetIdent(b *testing.B) {
	b.Run("thread", func(b *testing.B) {
		done := make(chan struct{})
		StartNewThread(func() {
			defer close(done)
			for b.Loop() {
				GetIdent()
			}
		})
		<-done
	})
	b.Run("plain-goroutine", func(b *testing.B) {
		for b.Loop() {
			GetIdent()
		}
	})
}

// Uncontended pairs; threading's benchmarks compare them with sync.Mutex.
func BenchmarkLockPair(b *testing.B) {
	var l Lock
	for b.Loop() {
		l.Acquire(true, -1)
		l.Release()
	}
}

func BenchmarkRLockPair(b *testing.B) {
	var r RLock
	for b.Loop() {
		r.Acquire(true, -1)
		r.Release()
	}
}
