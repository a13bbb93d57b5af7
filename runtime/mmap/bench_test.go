package mmap

import (
	"bytes"
	"strings"
	"testing"
)

// BenchmarkFinder compares Finder with the standard library on 64 MiB of
// log-like text in memory, for a needle with rare bytes and one made of
// common bytes only, neither present.
func BenchmarkFinder(b *testing.B) {
	hay := logText(64<<20, 11)
	for _, needle := range []string{"segfault in quux_frobnicate", "serve the latency"} {
		f := NewFinder([]byte(needle))
		sub := []byte(needle)
		cases := []struct {
			name string
			fn   func() int
		}{
			{"Finder.Index", func() int { return f.Index(hay) }},
			{"bytes.Index", func() int { return bytes.Index(hay, sub) }},
			{"Finder.LastIndex", func() int { return f.LastIndex(hay) }},
			{"bytes.LastIndex", func() int { return bytes.LastIndex(hay, sub) }},
		}
		for _, c := range cases {
			b.Run(c.name+"/"+strings.Fields(needle)[0], func(b *testing.B) {
				b.SetBytes(int64(len(hay)))
				for b.Loop() {
					if c.fn() != -1 {
						b.Fatal("found")
					}
				}
			})
		}
	}
}
