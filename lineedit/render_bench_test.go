package lineedit

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkRenderTypeAtEnd measures typing one ASCII character at the end
// of a line: each iteration renders the line one character longer. The
// line grows from 20 to 69 characters on an 80-column terminal, then starts
// again at 20 (one iteration in 50 is that deletion).
func BenchmarkRenderTypeAtEnd(b *testing.B) {
	text := strings.Repeat("echo hello world ", 5)
	r := NewRenderer(io.Discard, 80)
	prompt := "\001\x1b[1;32m\002user@host\001\x1b[0m\002:~$ "
	f := Frame{Prompt: prompt, Text: text[:20], Cursor: 20}
	_ = r.Render(f)
	n := 20
	b.ReportAllocs()
	t0 := processCPU()
	defer reportCPU(b, t0)
	for b.Loop() {
		n++
		if n == 70 {
			n = 20
		}
		f.Text, f.Cursor = text[:n], n
		if err := r.Render(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender10000 measures one keystroke on a 10,000-character buffer
// (125 rows of an 80-column terminal): typing at the end, or inserting a
// character in the middle, which shifts every row after it. Each iteration
// is one keystroke: it alternates between the buffer with and without the
// character.
func BenchmarkRender10000(b *testing.B) {
	base := strings.Repeat("0123456789 abcdefghijklmnopqrstuvwxyz ", 300)[:10000]
	for _, bc := range []struct {
		name string
		at   int
	}{{"end", 10000}, {"middle", 5000}} {
		b.Run(bc.name, func(b *testing.B) {
			edited := base[:bc.at] + "X" + base[bc.at:]
			frames := [2]Frame{
				{Prompt: "$ ", Text: base, Cursor: bc.at},
				{Prompt: "$ ", Text: edited, Cursor: bc.at + 1},
			}
			var w renderCountWriter
			r := NewRenderer(&w, 80)
			_ = r.Render(frames[0])
			w.n = 0
			i := 0
			b.ReportAllocs()
			t0 := processCPU()
			defer reportCPU(b, t0)
			for b.Loop() {
				i++
				if err := r.Render(frames[i%2]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w.n)/float64(i), "bytes/keystroke")
		})
	}
}

type renderCountWriter struct{ n int }

func (w *renderCountWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

// TestRenderTypeAtEndAllocs: typing at the end of a line allocates nothing.
func TestRenderTypeAtEndAllocs(t *testing.T) {
	text := strings.Repeat("echo hello world ", 5)
	r := NewRenderer(io.Discard, 80)
	f := Frame{Prompt: "\001\x1b[1;32m\002user\001\x1b[0m\002$ ", Text: text[:10], Cursor: 10}
	_ = r.Render(f)
	n := 10
	allocs := testing.AllocsPerRun(200, func() {
		n++
		if n == 70 {
			n = 10
		}
		f.Text, f.Cursor = text[:n], n
		_ = r.Render(f)
	})
	if allocs != 0 {
		t.Fatalf("typing at the end allocates %v times per keystroke", allocs)
	}
}
