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
	// typed: cd to the directory, think 300 ms, type the word, TAB;
	// at-once: the same without thinking; path: the directory typed as
	// part of the word ("ls DIR/"), 300 ms, the rest of the word, TAB.
	cases := []struct {
		name       string
		cd         bool
		think      time.Duration
		head, tail string
	}{
		{"typed", true, 300 * time.Millisecond, "ls ", "file000123"},
		{"at-once", true, 0, "ls ", "file000123"},
		{"path", false, 300 * time.Millisecond, "ls " + dir + "/", "file000123"},
	}
	for _, shell := range []string{"gosh", "bash"} {
		for _, c := range cases {
			b.Run(shell+"/"+c.name, func(b *testing.B) {
				var times []time.Duration
				for b.Loop() {
					s := startShell(b, shell)
					if c.cd {
						s.f.Write([]byte("cd " + dir + "\r"))
						s.waitFor(b, "$ ")
					}
					s.f.Write([]byte(c.head))
					time.Sleep(c.think)
					s.f.Write([]byte(c.tail))
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
