package completion

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// benchDir is a directory of n empty files named file000000, ..., made
// once per size; scripts/bench-completion makes them itself, as
// $COMPLETION_BENCH_DIR/entries-N, to time bash on the same ones.
var (
	benchDirs   = map[int]string{}
	benchDirsMu sync.Mutex
)

func benchDir(b *testing.B, n int) string {
	if d := os.Getenv("COMPLETION_BENCH_DIR"); d != "" {
		return filepath.Join(d, fmt.Sprintf("entries-%d", n))
	}
	benchDirsMu.Lock()
	defer benchDirsMu.Unlock()
	if d, ok := benchDirs[n]; ok {
		return d
	}
	d, err := os.MkdirTemp("", "completion-bench")
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		f, err := os.Create(filepath.Join(d, fmt.Sprintf("file%06d", i)))
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	benchDirs[n] = d
	return d
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range benchDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// BenchmarkFilesComplete completes a word in a big directory, as TAB at
// the prompt does: every entry (word ""), a tenth of them, one. "cold"
// reads the directory each time; "cached" keeps its listing in a
// DirCache, as the shell does, so that a completion costs one stat of the
// directory and the matching.
func BenchmarkFilesComplete(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		dir := benchDir(b, n)
		for _, cached := range []bool{false, true} {
			for _, word := range []string{"", "file00", "file000123"} {
				mode := "cold"
				if cached {
					mode = "cached"
				}
				b.Run(fmt.Sprintf("entries=%d/%s/word=%q", n, mode, word), func(b *testing.B) {
					f := Files{Dir: dir}
					if cached {
						f.Cache = &DirCache{}
						// Old enough not to be racy.
						old := time.Now().Add(-time.Minute)
						os.Chtimes(dir, old, old)
					}
					line := "ls " + word
					var got int
					var times []time.Duration
					for b.Loop() {
						start := time.Now()
						got = len(f.Complete(line, len(line)).Candidates)
						times = append(times, time.Since(start))
					}
					if got == 0 {
						b.Fatal("no candidates")
					}
					b.ReportMetric(float64(got), "candidates")
					reportMedian(b, times)
				})
			}
		}
	}
}

// reportMedian reports the median time of the iterations, as
// "ms-median": on a machine shared with other work the mean (ns/op) moves
// with the slowest iterations, and bash's figures in
// scripts/bench-completion are medians too.
func reportMedian(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2])/float64(time.Millisecond), "ms-median")
}

// BenchmarkPathCache is command completion over a cached $PATH.
func BenchmarkPathCache(b *testing.B) {
	var c PathCache
	path := os.Getenv("PATH")
	c.Executables(path, "", "")
	for b.Loop() {
		c.Executables(path, "", "g")
	}
}
