package lineedit

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goshell/gosh/history"
)

// benchHistory is a history of a million commands, with the index that
// searches use ready (history.List.PrepareSearch; without it, the first
// search builds it in the background).
var benchHistory = func() func() *history.List {
	var h *history.List
	return func() *history.List {
		if h == nil {
			h = history.New()
			for i := range 1_000_000 {
				h.Add(fmt.Sprintf("git commit -m 'change number %d' && make test-%d", i, i%97))
			}
			h.PrepareSearch()
		}
		return h
	}
}()

// BenchmarkReverseSearch1M measures a keystroke of reverse-i-search over
// a million history entries. "far": each iteration starts a search (C-r)
// and types a string found only in the oldest entry, so the keystrokes
// scan the whole history; ns/op is per keystroke (C-r and 8 characters).
// "miss": a string found nowhere, typed one character more each time.
func BenchmarkReverseSearch1M(b *testing.B) {
	h := benchHistory()
	for _, bc := range []struct{ name, query string }{
		{"far", "number 0'"},
		{"miss", "zzzzzzzz"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			e := New(testConfig(), h)
			keys := 0
			for b.Loop() {
				e.Reset("$ ")
				e.Feed([]byte{0x12})
				for i := range len(bc.query) {
					e.Feed([]byte{bc.query[i]})
				}
				e.Feed([]byte{0x07})
				keys += 1 + len(bc.query)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(keys), "ns/key")
		})
	}
}

// BenchmarkReverseSearchKeys types 12 characters at reverse-i-search over
// a million entries, timing each key, and reports the slowest key of all
// (max-ns/key, and in CPU time max-cpu-ns/key) as well as the mean.
// "oldest": a string only the oldest entry holds; its first seven
// characters are in the newest, and the eighth key must pass over every
// other entry. "nowhere": a string no entry holds, whose first eleven
// characters are in many ("make test-9"): the last key must look at the
// whole history.
func BenchmarkReverseSearchKeys(b *testing.B) {
	h := benchHistory()
	for _, bc := range []struct{ name, query, found string }{
		{"oldest", "number 0' &&", h.Line(0)},
		{"nowhere", "make test-97", ""},
	} {
		if bc.found == "" {
			// A search that fails shows the line the string found last.
			i, _ := h.Find(history.Search{Pattern: bc.query[:len(bc.query)-1]}, h.Len()-1)
			bc.found = h.Line(i)
		}
		b.Run(bc.name, func(b *testing.B) {
			// The CPU time of this thread is the search's.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			e := New(testConfig(), h)
			keys := 0
			var wall, cpu, maxWall, maxCPU time.Duration
			for b.Loop() {
				e.Reset("$ ")
				e.Feed([]byte{0x12})
				for i := range len(bc.query) {
					t0, c0 := time.Now(), threadCPU()
					e.Feed([]byte{bc.query[i]})
					w, c := time.Since(t0), threadCPU()-c0
					wall, cpu = wall+w, cpu+c
					maxWall, maxCPU = max(maxWall, w), max(maxCPU, c)
				}
				keys += len(bc.query)
				if string(e.buf.text) != bc.found {
					b.Fatalf("found %q, want %q", e.buf.text, bc.found)
				}
				e.Feed([]byte{0x07})
			}
			b.ReportMetric(float64(wall)/float64(keys), "ns/key")
			b.ReportMetric(float64(cpu)/float64(keys), "cpu-ns/key")
			b.ReportMetric(float64(maxWall), "max-ns/key")
			b.ReportMetric(float64(maxCPU), "max-cpu-ns/key")
		})
	}
}

// threadCPU returns the CPU time the calling thread has used (0 where
// the system cannot tell). The thread's rusage would count in ticks.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts) != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
