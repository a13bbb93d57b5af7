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
// directory and the matching; "persisted" is the first completion in a
// new DirCache whose Persist directory has the listing, as in a new
// shell: a stat, the listing file loaded, the matching.
func BenchmarkFilesComplete(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		dir := benchDir(b, n)
		for _, mode := range []string{"cold", "cached", "persisted"} {
			for _, word := range []string{"", "file00", "file000123"} {
				b.Run(fmt.Sprintf("entries=%d/%s/word=%q", n, mode, word), func(b *testing.B) {
					f := Files{Dir: dir}
					var persist string
					switch mode {
					case "cached":
						f.Cache = &DirCache{}
						ageBenchDir(b, dir, false)
					case "persisted":
						persist = b.TempDir()
						ageBenchDir(b, dir, true)
						c := &DirCache{Persist: persist}
						c.Prefetch(dir)
						c.Flush()
						fi, err := os.Stat(dir)
						if err != nil || c.loadStored(filepath.Clean(dir), idOf(fi)) == nil {
							b.Fatal("listing not stored", err)
						}
					}
					line := "ls " + word
					var got int
					var times []time.Duration
					for b.Loop() {
						if persist != "" {
							f.Cache = &DirCache{Persist: persist}
						}
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

// ageBenchDir makes dir's listing one a DirCache keeps: its modification
// time an hour old, unless it is older; and, with stored, waits until
// its change time, which setting the modification time renews, is old
// enough for the listing to be stored too.
func ageBenchDir(b *testing.B, dir string, stored bool) {
	fi, err := os.Stat(dir)
	if err != nil {
		b.Fatal(err)
	}
	if time.Since(fi.ModTime()) < time.Minute {
		old := time.Now().Add(-time.Hour)
		if err := os.Chtimes(dir, old, old); err != nil {
			b.Fatal(err)
		}
		fi, _ = os.Stat(dir)
	}
	if stored {
		time.Sleep(time.Until(idOf(fi).ctime.Add(racyWindow + 10*time.Millisecond)))
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
