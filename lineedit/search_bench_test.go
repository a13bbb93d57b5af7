package lineedit

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
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
	if unix.ClockGettime(clockThreadCPUTime, &ts) != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// shellLikeHistory returns n entries that look like a shell user's
// commands: a few dozen kinds, arguments drawn from small vocabularies,
// so that most short strings are in many entries.
func shellLikeHistory(n int) *history.List {
	r := rand.New(rand.NewPCG(11, 11))
	pick := func(s string) string {
		f := strings.Fields(s)
		if r.IntN(2) == 0 {
			return f[r.IntN(len(f)/4+1)]
		}
		return f[r.IntN(len(f))]
	}
	const words = "main config server client handler test util api auth user cache db build deploy docs error log metrics proxy queue router schema session store worker parser index render search token upload backup cluster report"
	const dirs = "src ~/src/gosh ~/src/webapp /etc/nginx /var/log internal/server cmd/tool pkg/api ~/notes /tmp scripts deploy/k8s docs lib"
	const exts = "go py js ts md yaml json sh c rs toml txt sql"
	const hosts = "prod-db-1 staging web-2 build-host bastion pi.local gpu-box"
	kinds := []func() string{
		func() string { return "git status" },
		func() string { return "ls -la " + pick(dirs) },
		func() string { return "cd " + pick(dirs) },
		func() string { return "vim " + pick(dirs) + "/" + pick(words) + "." + pick(exts) },
		func() string { return "git add " + pick(words) + "." + pick(exts) },
		func() string { return "git commit -m '" + pick(words) + ": fix " + pick(words) + "'" },
		func() string { return "git log --oneline -" + strconv.Itoa(r.IntN(50)) },
		func() string { return "git show " + strconv.FormatUint(uint64(r.Uint32()>>4), 16) },
		func() string { return "grep -rn '" + pick(words) + "' " + pick(dirs) },
		func() string { return "make " + pick(words) },
		func() string { return "go test ./" + pick(dirs) + "/... -run Test" + strings.ToUpper(pick(words)[:1]) },
		func() string { return "docker logs -f " + pick(words) + "-" + strconv.Itoa(r.IntN(9)) },
		func() string { return "kubectl get pods -n " + pick("default prod staging kube-system") },
		func() string { return "ssh " + pick(hosts) },
		func() string {
			return "curl -s https://" + pick(hosts) + "/api/" + pick(words) + "?id=" + strconv.Itoa(r.IntN(100000))
		},
		func() string {
			return "export " + strings.ToUpper(pick(words)) + "_PORT=" + strconv.Itoa(r.IntN(65536))
		},
		func() string { return "tail -f /var/log/" + pick(words) + ".log" },
	}
	h := history.New()
	for range n {
		h.Add(kinds[r.IntN(len(kinds))]())
	}
	return h
}

// BenchmarkReverseSearchNearMiss types, at reverse-i-search over a
// million shell commands, 200 strings that are nowhere though all but
// their last character are in many entries (the start of an entry, or of
// a part of one, and a character of another): the last key must pass
// over the whole history. It times every key in CPU time and reports the
// slowest of all (max-cpu-ns/key), the 99th percentile and the mean.
// "edited": the same after an entry in the middle of the history was
// edited and the edit kept (its text goes out of list order).
func BenchmarkReverseSearchNearMiss(b *testing.B) {
	h := shellLikeHistory(1_000_000)
	h.PrepareSearch()
	r := rand.New(rand.NewPCG(5, 5))
	var queries []string
	for len(queries) < 200 {
		e := h.Line(r.IntN(h.Len()))
		if len(e) < 5 {
			continue
		}
		k := 3 + r.IntN(len(e)-3)
		o := h.Line(r.IntN(h.Len()))
		q := e[:k] + o[r.IntN(len(o)):][:1]
		if k >= 6 && r.IntN(3) == 0 {
			q = q[r.IntN(k-3):]
		}
		if i, _ := h.Find(history.Search{Pattern: q}, h.Len()-1); i < 0 {
			queries = append(queries, q)
		}
	}
	for _, mode := range []string{"plain", "edited"} {
		b.Run(mode, func(b *testing.B) {
			if mode == "edited" {
				e := New(testConfig(), h)
				e.Reset("$ ")
				// Back to an entry half-way, change it, and keep the
				// change by moving on (rl_maybe_replace_line).
				i := h.Len() / 2
				was := h.Line(i)
				e.historyGo(i)
				e.Feed([]byte("x\x10"))
				if h.Line(i) == was || e.histPos != i-1 {
					b.Fatalf("entry %d not edited: %q", i, h.Line(i))
				}
				e.Feed([]byte{0x07})
			}
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			e := New(testConfig(), h)
			var times []time.Duration
			for b.Loop() {
				times = times[:0]
				for _, q := range queries {
					e.Reset("$ ")
					e.Feed([]byte{0x12})
					for i := range len(q) {
						c0 := threadCPU()
						e.Feed([]byte{q[i]})
						times = append(times, threadCPU()-c0)
					}
					if e.search == nil || !e.search.failed {
						b.Fatalf("%q found", q)
					}
					e.Feed([]byte{0x07})
				}
			}
			slices.Sort(times)
			var sum time.Duration
			for _, t := range times {
				sum += t
			}
			b.ReportMetric(float64(sum)/float64(len(times)), "cpu-ns/key")
			b.ReportMetric(float64(times[len(times)*99/100]), "p99-cpu-ns/key")
			b.ReportMetric(float64(times[len(times)-1]), "max-cpu-ns/key")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// BenchmarkReverseSearchAgain types "git statu" at reverse-i-search over
// a million shell commands, finding "git status", then C-r: every other
// entry that holds the string is a copy of that line (one in 17), which
// the search passes over (as readline does), so the key must look at the
// whole history. It reports the C-r key's CPU time (the best of the
// runs, and the mean).
func BenchmarkReverseSearchAgain(b *testing.B) {
	h := shellLikeHistory(1_000_000)
	h.PrepareSearch()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	e := New(testConfig(), h)
	best, sum, n := time.Duration(1<<62), time.Duration(0), 0
	for b.Loop() {
		e.Reset("$ ")
		e.Feed([]byte("\x12git statu"))
		if string(e.buf.text) != "git status" {
			b.Fatalf("found %q", e.buf.text)
		}
		c0 := threadCPU()
		e.Feed([]byte{0x12})
		c := threadCPU() - c0
		if !e.search.failed {
			b.Fatalf("C-r found %q", e.buf.text)
		}
		best, sum, n = min(best, c), sum+c, n+1
		e.Feed([]byte{0x07})
	}
	b.ReportMetric(float64(best), "best-cpu-ns/key")
	b.ReportMetric(float64(sum)/float64(n), "cpu-ns/key")
	b.ReportMetric(0, "ns/op")
}
