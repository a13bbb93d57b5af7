package lineedit

import (
	"fmt"
	"testing"

	"github.com/goshell/gosh/history"
)

// benchHistory is a history of a million commands.
var benchHistory = func() func() *history.List {
	var h *history.List
	return func() *history.List {
		if h == nil {
			h = history.New()
			for i := range 1_000_000 {
				h.Add(fmt.Sprintf("git commit -m 'change number %d' && make test-%d", i, i%97))
			}
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
