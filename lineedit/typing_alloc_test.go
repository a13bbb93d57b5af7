package lineedit

import (
	"io"
	"runtime"
	"testing"
)

// TestTypeAtEndAllocs: a keystroke typed at the end of a line, fed to the
// engine and drawn, allocates nothing once the editor's buffers have grown
// for a line as long (typing 400 characters on the second line of an
// editor makes at most two allocations).
func TestTypeAtEndAllocs(t *testing.T) {
	e := New(testConfig(), nil)
	r := NewRenderer(io.Discard, 80)
	prompt := "\001\x1b[1;32m\002user@host\001\x1b[0m\002:~$ "
	const keys = 400
	key := []byte{'x'}
	typeLine := func() {
		e.Reset(prompt)
		_ = r.Render(e.Frame())
		for range keys {
			e.Feed(key)
			_ = r.Render(e.Frame())
		}
		_ = r.Finish()
	}
	typeLine()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	typeLine()
	runtime.ReadMemStats(&after)
	if n := after.Mallocs - before.Mallocs; n > 2 {
		t.Fatalf("%d keystrokes at the end of the line made %d allocations", keys, n)
	}
}
