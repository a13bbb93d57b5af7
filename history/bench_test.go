package history

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// benchFile returns a history file of n entries: $HIST_BENCH_FILE if set
// (so scripts/bench-history can time python3 on the same file), else one
// written to a temporary directory, like a long-lived bash history.
func benchFile(b *testing.B, n int) string {
	if f := os.Getenv("HIST_BENCH_FILE"); f != "" {
		return f
	}
	path := filepath.Join(b.TempDir(), "history")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	cmds := []string{"git status", "ls -la", "cd ~/src/project", "make test", "vim main.go",
		"grep -rn TODO .", "docker ps", "ssh build-host", "go test ./...", "kubectl get pods -n prod"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, "%s %d\n", cmds[i%len(cmds)], i)
	}
	w.Flush()
	f.Close()
	return path
}

// BenchmarkReadFile loads a 1,000,000-entry history file. It reports the
// live heap the list holds, per byte of file (mem/filebyte).
func BenchmarkReadFile(b *testing.B) {
	path := benchFile(b, 1000000)
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	var l *List
	for b.Loop() {
		l = New()
		if err := l.ReadFile(path); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	l = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	l = New()
	l.ReadFile(path)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(fi.Size()), "mem/filebyte")
	b.ReportMetric(float64(l.Len()), "entries")
	runtime.KeepAlive(l)
}

// BenchmarkSearchAll searches 1,000,000 entries backward for a string
// that is in none of them, forward for one near the end, and backward,
// ignoring case, for one in none: "index", with the search index ready
// (PrepareSearch); "scan", without it, as before the index is ready, so
// that every entry is scanned.
func BenchmarkSearchAll(b *testing.B) {
	l := New()
	if err := l.ReadFile(benchFile(b, 1000000)); err != nil {
		b.Fatal(err)
	}
	l.PrepareSearch()
	for _, mode := range []string{"index", "scan"} {
		if mode == "scan" {
			saved := idxMinArena
			idxMinArena = math.MaxInt
			defer func() { idxMinArena = saved }()
			l.idx = nil
		}
		for _, s := range []Search{{Pattern: "no such command"}, {Pattern: "kubectl get pods -n prod 4", Forward: true}} {
			b.Run(fmt.Sprintf("%s/forward=%v", mode, s.Forward), func(b *testing.B) {
				for b.Loop() {
					l.Find(s, map[bool]int{false: l.Len() - 1, true: 0}[s.Forward])
				}
			})
		}
		b.Run(mode+"/ignorecase", func(b *testing.B) {
			for b.Loop() {
				l.Find(Search{Pattern: "NO SUCH", IgnoreCase: true}, l.Len()-1)
			}
		})
	}
}

// BenchmarkAppend appends one entry to a small and to a large file: the
// cost must not depend on the size of the file.
func BenchmarkAppend(b *testing.B) {
	for _, n := range []int{10, 1000000} {
		b.Run(fmt.Sprintf("file=%d", n), func(b *testing.B) {
			path := benchFile(b, n)
			if os.Getenv("HIST_BENCH_FILE") != "" && n == 10 {
				b.Skip("uses a generated file")
			}
			l := New()
			l.Add("echo appended")
			for b.Loop() {
				if err := l.AppendFile(path, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
