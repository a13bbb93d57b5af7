package shell

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestAfter(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	start := time.Now()
	r := runString(t, Options{Env: semEnv(dir), Dir: dir}, `f() { echo "f $1 in $PWD"; }; export V=exported
after 0.3 'f x; echo $V' > out 2>&1; jobs; wait; jobs; cat out`)
	want := `^\[1\]\+  Running +after 0.3 f x; echo \$V &\nf x in ` + regexp.QuoteMeta(dir) + `\nexported\n$`
	if !regexp.MustCompile(want).MatchString(r.stdout) {
		t.Errorf("stdout %q, want it to match %q (stderr %q)", r.stdout, want, r.stderr)
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("the command ran after %v, before its delay", d)
	}
	_ = out
}

func TestAfterKill(t *testing.T) {
	dir := t.TempDir()
	marker := "13.1313" + strconv.Itoa(os.Getpid())
	r := runString(t, Options{Env: semEnv(dir), Dir: dir}, `after 30 echo never > out 2>&1; after 0 sleep `+marker+` > /dev/null 2>&1; sleep 0.2; kill %1 %2; wait; jobs; cat out; echo end`)
	// (A shell that is not interactive reports no killed job, as bash.)
	if r.stdout != "end\n" || r.stderr != "" {
		t.Errorf("stdout %q (stderr %q)", r.stdout, r.stderr)
	}
	time.Sleep(100 * time.Millisecond)
	if left := processesWith("sleep " + marker); len(left) > 0 {
		t.Errorf("the killed job's command lives on: %v", left)
	}
}

func TestEvery(t *testing.T) {
	dir := t.TempDir()
	start := time.Now()
	// Kill the job once it has run three times (within 20 s: a loaded
	// machine may be slow to start it), not after a fixed sleep.
	r := runString(t, Options{Env: semEnv(dir), Dir: dir}, `every 0.1 'date +%s%N' > ticks 2>&1
for i in $(seq 400); do [ "$(wc -l < ticks)" -ge 3 ] && break; sleep 0.05; done
kill %1; wait %1; echo $?`)
	if r.stdout != "143\n" {
		t.Errorf("stdout %q (stderr %q)", r.stdout, r.stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "ticks"))
	ticks := strings.Fields(string(b))
	if len(ticks) < 3 {
		t.Fatalf("%d runs at 0.1s intervals: %q", len(ticks), ticks)
	}
	first, _ := strconv.ParseInt(ticks[0], 10, 64)
	if d := time.Duration(first - start.UnixNano()); d < 100*time.Millisecond {
		t.Errorf("the first run came %v after the start, before the interval", d)
	}
	// Run i is due at the start plus i+1 intervals, never before; a late
	// run does not make the ones after it late (no drift), nor does it
	// bring extra runs.
	for i := range ticks {
		at, _ := strconv.ParseInt(ticks[i], 10, 64)
		if d := time.Duration(at - start.UnixNano()); d < time.Duration(i+1)*90*time.Millisecond {
			t.Errorf("run %d came %v after the start, before its time", i, d)
		}
	}
}

func TestAfterUsage(t *testing.T) {
	for src, want := range map[string]string{
		"after":            "gosh: after: too few arguments\nafter: usage: after DELAY command [arg ...]\n",
		"after 5":          "gosh: after: too few arguments\n",
		"after soon echo":  "gosh: after: soon: invalid time interval\n",
		"every 0 echo":     "gosh: every: 0: the interval must be more than zero\n",
		"every -1 echo":    "gosh: every: -1: invalid time interval\n",
		"every 1x echo hi": "gosh: every: 1x: invalid time interval\n",
	} {
		r := runString(t, Options{}, src)
		if r.code != 2 || !strings.HasPrefix(r.stderr, want) {
			t.Errorf("%s: status %d, stderr %q; want 2 and %q", src, r.code, r.stderr, want)
		}
	}
	for in, want := range map[string]time.Duration{"1.5": 1500 * time.Millisecond, "2m": 2 * time.Minute, "1h": time.Hour, "0.5d": 12 * time.Hour, "3s": 3 * time.Second} {
		if d, ok := parseDelay(in); !ok || d != want {
			t.Errorf("parseDelay(%q) = %v %v, want %v", in, d, ok, want)
		}
	}
}
