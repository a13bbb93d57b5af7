package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// BenchmarkFirstTab times the first TAB in a directory of 100,000 files
// in a new shell, gosh beside bash, on a pty: the time from the TAB to
// the completion's echo, for a word with one match. "typed" waits
// 300 ms after the prompt before typing, as a person would; "at-once"
// types as soon as the prompt shows. gosh reads the current directory
// in the background while its prompt waits for keys, so that the first
// TAB finds the listing; bash reads the directory on each TAB.
// $COMPLETION_BENCH_DIR/entries-100000 (made by scripts/bench-completion)
// is used when set.
func BenchmarkFirstTab(b *testing.B) {
	dir := firstTabDir(b)
	for _, shell := range []string{"gosh", "bash"} {
		for _, think := range []time.Duration{300 * time.Millisecond, 0} {
			name := "typed"
			if think == 0 {
				name = "at-once"
			}
			b.Run(shell+"/"+name, func(b *testing.B) {
				var times []time.Duration
				for b.Loop() {
					s := startShell(b, shell)
					s.f.Write([]byte("cd " + dir + "\r"))
					s.waitFor(b, "$ ")
					time.Sleep(think)
					s.f.Write([]byte("ls file000123"))
					s.waitFor(b, "file000123")
					t0 := time.Now()
					s.f.Write([]byte("\t"))
					s.waitFor(b, " ")
					times = append(times, time.Since(t0))
					s.cmd.Process.Kill()
				}
				sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
				b.ReportMetric(float64(times[len(times)/2])/float64(time.Millisecond), "ms-median")
			})
		}
	}
}

// firstTabDir returns a directory of 100,000 empty files, file000000 to
// file099999, not changed for an hour.
func firstTabDir(b *testing.B) string {
	if d := os.Getenv("COMPLETION_BENCH_DIR"); d != "" {
		return filepath.Join(d, "entries-100000")
	}
	d := b.TempDir()
	for i := range 100000 {
		f, err := os.Create(filepath.Join(d, fmt.Sprintf("file%06d", i)))
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(d, old, old)
	return d
}
