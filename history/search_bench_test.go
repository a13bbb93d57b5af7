package history

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// shellHistory returns n entries that look like a shell user's history:
// a few dozen kinds of command with arguments drawn from vocabularies,
// the common ones more often, most entries 20 to 80 bytes.
func shellHistory(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 1))
	// skewed favours the start of a list of n: a user repeats a few
	// things a lot.
	skewed := func(n int) int {
		if r.IntN(2) == 0 {
			return r.IntN(n/4 + 1)
		}
		return r.IntN(n)
	}
	pick := func(list []string) string { return list[skewed(len(list))] }
	words := strings.Fields(`main config server client handler test util api auth user cache db
		build deploy docs error log metrics proxy queue router schema session store worker parser
		index render search token upload backup cluster report migrate notify payment invoice`)
	exts := strings.Fields("go py js ts md yaml json sh c h rs toml txt sql")
	dirs := strings.Fields(`src ~/src/gosh ~/src/webapp /etc/nginx /var/log internal/server cmd/tool
		pkg/api ~/notes /tmp ~/Downloads scripts deploy/k8s docs lib vendor`)
	branches := strings.Fields("main master develop feature/login fix/cache release/2.3 hotfix/auth wip")
	hosts := strings.Fields("prod-db-1 staging web-2 build-host bastion pi.local gpu-box 10.0.3.14")
	ns := strings.Fields("default prod staging kube-system monitoring")
	title := func(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
	file := func() string { return pick(words) + "." + pick(exts) }
	path := func() string { return pick(dirs) + "/" + file() }
	num := func(k int) string { return fmt.Sprint(r.IntN(k)) }
	hex := func() string { return fmt.Sprintf("%07x", r.Uint32()>>4) }
	kinds := []func() string{
		func() string { return "git status" },
		func() string { return "ls -la" },
		func() string { return "cd " + pick(dirs) },
		func() string { return "vim " + path() },
		func() string { return "git diff " + file() },
		func() string { return "git add " + path() },
		func() string {
			return "git commit -m '" + pick(words) + ": fix " + pick(words) + " " + pick(words) + "'"
		},
		func() string { return "git push origin " + pick(branches) },
		func() string { return "git checkout " + pick(branches) },
		func() string { return "git log --oneline -" + num(50) },
		func() string { return "git show " + hex() },
		func() string { return "grep -rn --include='*." + pick(exts) + "' '" + pick(words) + "' " + pick(dirs) },
		func() string { return "rg -i " + pick(words) + " --type " + pick(exts) },
		func() string { return "make " + pick(words) },
		func() string { return "go test -count=1 ./" + pick(dirs) + "/... -run Test" + title(pick(words)) },
		func() string {
			return "docker run --rm -it -v $PWD:/src -p " + num(9000) + ":80 " + pick(words) + ":1." + num(20) + " sh"
		},
		func() string { return "docker logs -f " + pick(words) + "-" + num(9) },
		func() string { return "kubectl get pods -n " + pick(ns) },
		func() string {
			return "kubectl logs " + pick(words) + "-" + hex() + " -n " + pick(ns) + " --tail=" + num(500)
		},
		func() string { return "ssh " + pick(hosts) },
		func() string { return "scp " + path() + " " + pick(hosts) + ":/tmp/" },
		func() string {
			return "curl -s https://" + pick(hosts) + "/api/v1/" + pick(words) + "?id=" + num(100000) + " | jq ."
		},
		func() string { return "python3 " + pick(words) + ".py --" + pick(words) + "=" + num(1000) },
		func() string { return "tail -f /var/log/" + pick(words) + ".log" },
		func() string { return "sudo systemctl restart " + pick(words) },
		func() string { return "find . -name '*." + pick(exts) + "' | xargs wc -l" },
		func() string { return "export " + strings.ToUpper(pick(words)) + "_PORT=" + num(65536) },
		func() string { return "history | grep " + pick(words) },
		func() string {
			return "rsync -avz --delete " + pick(dirs) + "/ " + pick(hosts) + ":backup/" + pick(words)
		},
		func() string { return "clear" },
	}
	out := make([]string, n)
	for i := range out {
		out[i] = kinds[r.IntN(len(kinds))]()
	}
	return out
}

func shellList(n int) *List {
	l := New()
	for _, e := range shellHistory(n, 1) {
		l.Add(e)
	}
	return l
}

// BenchmarkSearchIndexBuild measures building the search index of a
// million-entry history.
func BenchmarkSearchIndexBuild(b *testing.B) {
	l := shellList(1000000)
	b.SetBytes(int64(len(l.arena)))
	var x *searchIndex
	t0, n := processCPU(), 0
	for b.Loop() {
		x = &searchIndex{}
		x.update(l.arena)
		n++
	}
	b.ReportMetric(float64(processCPU()-t0)/float64(n), "cpu-ns/op")
	b.ReportMetric(float64(len(x.sig)*8)/float64(len(l.arena)), "idxbytes/byte")
}

// BenchmarkSearchShell searches a million-entry history of shell commands
// (26 MB) backward, from the newest entry, for strings found far back or
// nowhere.
func BenchmarkSearchShell(b *testing.B) {
	l := shellList(1000000)
	l.PrepareSearch()
	for _, pat := range []string{"no such command", "zq", "q", "kubectl logs queue-", "git push origin wip", "rm -rf"} {
		b.Run(pat, func(b *testing.B) {
			for b.Loop() {
				l.Find(Search{Pattern: pat}, l.Len()-1)
			}
			i, _ := l.Find(Search{Pattern: pat}, l.Len()-1)
			b.ReportMetric(float64(i), "found")
		})
	}
}

// BenchmarkSearchNearMiss searches a million-entry history of shell
// commands (26 MB) backward from the newest entry for strings that are
// not in it though all but their last character are (typed at
// reverse-i-search, such a string is the one that makes the search look
// at the whole history): the first characters of an entry, or of a part
// of one, and one character more. It reports the mean and the slowest,
// in CPU time, over 300 such strings; "index": with the index, "scan":
// without it, as before the index is ready.
func BenchmarkSearchNearMiss(b *testing.B) {
	l := shellList(1000000)
	l.PrepareSearch()
	pats := nearMisses(l, shellHistory(1000000, 1), 300)
	for _, mode := range []string{"index", "scan"} {
		b.Run(mode, func(b *testing.B) {
			if mode == "scan" {
				saved := idxMinArena
				idxMinArena = math.MaxInt
				defer func() { idxMinArena = saved }()
				l.idx = nil
				defer l.PrepareSearch()
			}
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			times := make([]time.Duration, len(pats))
			for b.Loop() {
				for k, pat := range pats {
					t0 := threadCPU()
					if i, _ := l.Find(Search{Pattern: pat}, l.Len()-1); i >= 0 {
						b.Fatalf("%q found", pat)
					}
					if t := threadCPU() - t0; times[k] == 0 || t < times[k] {
						times[k] = t
					}
				}
			}
			// Each string's best time: the others are the machine's.
			slices.Sort(times)
			var sum time.Duration
			for _, t := range times {
				sum += t
			}
			b.ReportMetric(float64(sum)/float64(len(times)), "cpu-ns/search")
			b.ReportMetric(float64(times[len(times)*9/10]), "p90-cpu-ns")
			b.ReportMetric(float64(times[len(times)-1]), "max-cpu-ns")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// BenchmarkSearchCopies searches a million-entry history of shell
// commands (26 MB) for "git statu" passing over copies of "git status"
// (Distinct), as reverse-i-search does when C-r is typed again: every
// other entry that holds the string is such a copy (a thirtieth of the
// history), so the search finds none and must look at all of them. It
// reports each search's CPU time, the best of the runs.
func BenchmarkSearchCopies(b *testing.B) {
	l := shellList(1000000)
	l.PrepareSearch()
	for _, s := range []Search{
		{Pattern: "git statu", Distinct: true, Previous: "git status"},
		{Pattern: "git statu", Forward: true, Distinct: true, Previous: "git status"},
	} {
		b.Run(fmt.Sprintf("forward=%v", s.Forward), func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			from := l.Len() - 1
			if s.Forward {
				from = 0
			}
			best := time.Duration(1 << 62)
			for b.Loop() {
				t0 := threadCPU()
				if i, _ := l.Find(s, from); i >= 0 {
					b.Fatalf("found %q", l.Line(i))
				}
				best = min(best, threadCPU()-t0)
			}
			b.ReportMetric(float64(best), "cpu-ns/search")
		})
	}
}

// BenchmarkSearchMoved is BenchmarkSearchNearMiss (100 of the strings,
// with the index) after 200 entries spread over the history were
// replaced, which puts their text out of list order in the arena (as
// editing a recalled entry does, or Python's replace_history_item).
func BenchmarkSearchMoved(b *testing.B) {
	l := shellList(1000000)
	l.PrepareSearch()
	pats := nearMisses(l, shellHistory(1000000, 1), 100)
	for k := range 200 {
		i := (k*7919 + 13) % l.Len()
		l.Replace(i, l.Line(i)+" # edited")
	}
	if len(l.moved) < 190 {
		b.Fatalf("%d entries moved", len(l.moved))
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	times := make([]time.Duration, len(pats))
	for b.Loop() {
		for k, pat := range pats {
			t0 := threadCPU()
			if i, _ := l.Find(Search{Pattern: pat}, l.Len()-1); i >= 0 {
				b.Fatalf("%q found", pat)
			}
			if t := threadCPU() - t0; times[k] == 0 || t < times[k] {
				times[k] = t
			}
		}
	}
	slices.Sort(times)
	var sum time.Duration
	for _, t := range times {
		sum += t
	}
	b.ReportMetric(float64(sum)/float64(len(times)), "cpu-ns/search")
	b.ReportMetric(float64(times[len(times)-1]), "max-cpu-ns")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkSearchPrefix searches a million-entry history of shell
// commands (26 MB) backward for entries that begin with strings that
// none begins with though many hold them (as history-search-backward and
// the hinter do), and for one that the newest begins with ("e"). It
// reports each search's CPU time, the best of the runs.
func BenchmarkSearchPrefix(b *testing.B) {
	l := shellList(1000000)
	l.PrepareSearch()
	for _, pat := range []string{"x", "st", "sta", "status", "-la", "e"} {
		b.Run(pat, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			best := time.Duration(1 << 62)
			i := 0
			for b.Loop() {
				t0 := threadCPU()
				i, _ = l.Find(Search{Pattern: pat, Prefix: true}, l.Len()-1)
				best = min(best, threadCPU()-t0)
			}
			b.ReportMetric(float64(best), "cpu-ns/search")
			b.ReportMetric(float64(i), "found")
		})
	}
}

// nearMisses returns n strings that are not in l though all but their
// last character are: the first characters of an entry, or of a part of
// one, and a character of another entry.
func nearMisses(l *List, hist []string, n int) []string {
	r := rand.New(rand.NewPCG(7, 7))
	var pats []string
	for len(pats) < n {
		e := hist[r.IntN(len(hist))]
		if len(e) < 5 {
			continue
		}
		k := 3 + r.IntN(len(e)-3)
		o := hist[r.IntN(len(hist))]
		p := e[:k] + o[r.IntN(len(o)):][:1]
		if k >= 6 && r.IntN(3) == 0 {
			p = p[r.IntN(k-3):]
		}
		if i, _ := l.Find(Search{Pattern: p}, l.Len()-1); i >= 0 {
			continue
		}
		pats = append(pats, p)
	}
	return pats
}

// threadCPU returns the CPU time the calling thread has used.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if unix.ClockGettime(clockThreadCPUTime, &ts) != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// processCPU returns the CPU time the process has used: the machine the
// benchmarks run on is often busy with other work, which inflates the
// wall-clock time far more.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
