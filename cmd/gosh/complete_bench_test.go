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
// TAB finds the listing; bash reads the directory on each TAB. Each
// shell has a new, empty home, so gosh's stored listings
// ($XDG_CACHE_HOME/gosh/dirs) start empty too: "at-once" is a directory
// gosh has not listed before. "at-once-stored" is the same with a
// listing stored by an earlier gosh, which the new one loads instead of
// reading the directory (gosh only).
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
		stored     bool // gosh has the listing stored
	}{
		{"typed", true, 300 * time.Millisecond, "ls ", "file000123", false},
		{"at-once", true, 0, "ls ", "file000123", false},
		{"at-once-stored", true, 0, "ls ", "file000123", true},
		{"path", false, 300 * time.Millisecond, "ls " + dir + "/", "file000123", false},
	}
	for _, shell := range []string{"gosh", "bash"} {
		for _, c := range cases {
			if c.stored && shell != "gosh" {
				continue
			}
			b.Run(shell+"/"+c.name, func(b *testing.B) {
				var env []string
				if c.stored {
					env = []string{"XDG_CACHE_HOME=" + storeListing(b, dir)}
				}
				var times []time.Duration
				for b.Loop() {
					s := startShell(b, shell, env...)
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

// storeListing returns a cache directory, for XDG_CACHE_HOME, where a
// gosh has stored the listing of dir: it waits until dir's change time
// is old enough for that (firstTabDir may have just set its modification
// time, which renews it: gosh stores a listing of a directory unchanged
// for two seconds), then has a gosh list it and waits for the file.
func storeListing(b *testing.B, dir string) string {
	time.Sleep(2100 * time.Millisecond)
	cache := b.TempDir()
	s := startShell(b, "gosh", "XDG_CACHE_HOME="+cache)
	s.f.Write([]byte("cd " + dir + "\r"))
	s.waitFor(b, "$ ")
	for deadline := time.Now().Add(benchWait); ; time.Sleep(10 * time.Millisecond) {
		if files, _ := filepath.Glob(filepath.Join(cache, "gosh", "dirs", "*.listing")); len(files) > 0 {
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("gosh stored no listing")
		}
	}
	s.cmd.Process.Kill()
	return cache
}
