package lineedit

import (
	"io"
	"runtime"
	"testing"
)

// TestTypeAtEndAllocs: a keystroke typed at the end of a line, fed to the
// engine and drawn, allocates nothing once the editor's buffers have grown
// for a line as long. Allocations are counted for the whole process, so
// a goroutine left by another test can add a few: the count is the least
// of three tries, and a line of 1200 keystrokes must cost no more than one
// of 400 (an allocation a keystroke would add 800).
func TestTypeAtEndAllocs(t *testing.T) {
	e := New(testConfig(), nil)
	r := NewRenderer(io.Discard, 80)
	prompt := "\001\x1b[1;32m\002user@host\001\x1b[0m\002:~$ "
	key := []byte{'x'}
	typeLine := func(keys int) {
		e.Reset(prompt)
		_ = r.Render(e.Frame())
		for range keys {
			e.Feed(key)
			_ = r.Render(e.Frame())
		}
		_ = r.Finish()
	}
	mallocs := func(keys int) uint64 {
		typeLine(keys)
		least := ^uint64(0)
		for range 3 {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			typeLine(keys)
			runtime.ReadMemStats(&after)
			least = min(least, after.Mallocs-before.Mallocs)
		}
		return least
	}
	short, long := mallocs(400), mallocs(1200)
	if short > 2 || long > short+1 {
		t.Fatalf("a line of 400 keystrokes made %d allocations, one of 1200 made %d: typing at the end allocates", short, long)
	}
}
