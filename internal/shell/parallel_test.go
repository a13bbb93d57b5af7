package shell

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParallelTemplate(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
		seq  int
		slot int
		want string
	}{
		{"echo", []string{"a b"}, 1, 1, "echo 'a b'"},
		{"echo", []string{"it's"}, 1, 1, `echo 'it'"'"'s'`},
		{"echo", []string{"x$y", "a+b", "-x", "a/b", "a_b.c", ""}, 1, 1, "echo 'x$y' a+b -x a/b a_b.c ''"},
		{"echo {} {.} {/} {//} {/.} {#} {%}", []string{"/a/b.c"}, 7, 2, "echo /a/b.c /a/b b.c /a b 7 2"},
		{"echo {.} {/} {//} {/.}", []string{".bashrc"}, 1, 1, "echo '' .bashrc . ''"},
		{"echo {.} {/} {//} {/.}", []string{"a/b/"}, 1, 1, "echo a/b/ '' a ''"},
		{"echo {.} {/} {//} {/.}", []string{"/"}, 1, 1, "echo / '' / ''"},
		{"echo {.} {/} {//} {/.}", []string{"a."}, 1, 1, "echo a a. . a"},
		{"echo {.} {/} {//} {/.}", []string{"x y/z.w"}, 1, 1, "echo 'x y/z' z.w 'x y' z"},
		{"echo {1.} {2/}", []string{"a.b", "c/d"}, 1, 1, "echo a d"},
		{"echo {2}-{1}-{3}", []string{"a", "b"}, 1, 1, "echo b-a-"},
		{"echo {}", []string{"a", "1"}, 1, 1, "echo a 1"},
		{"echo {#}", []string{"a"}, 3, 1, "echo 3"},
		{"echo {x} {1x}", []string{"a"}, 1, 1, "echo {x} {1x} a"},
		{"cat {}/f", []string{"my dir"}, 1, 1, "cat 'my dir'/f"},
	}
	for _, tt := range tests {
		got := parseTemplate(tt.cmd).expand(tt.args, tt.seq, tt.slot)
		if got != tt.want {
			t.Errorf("%q with %q: got %q, want %q", tt.cmd, tt.args, got, tt.want)
		}
	}
	bare := parseTemplate("")
	bare.bare = true
	if got := bare.expand([]string{"echo a", "b"}, 1, 1); got != "echo a b" {
		t.Errorf("no command: got %q", got)
	}
}

func TestParallelInput(t *testing.T) {
	collect := func(in *parInput) [][]string {
		var out [][]string
		for args := range in.jobs(context.Background()) {
			out = append(out, args)
		}
		return out
	}
	in := &parInput{sources: [][]string{{"a", "b"}, {"1", "2", "3"}}}
	got := collect(in)
	want := "[[a 1] [a 2] [a 3] [b 1] [b 2] [b 3]]"
	if s := strings.Join(strings.Fields(fmtSlices(got)), " "); s != want {
		t.Errorf("product: %s, want %s", s, want)
	}
	if in.count() != 6 {
		t.Errorf("count = %d, want 6", in.count())
	}
	in = &parInput{sources: [][]string{{"a", "b", "c", "d", "e"}}, n: 2}
	if s := fmtSlices(collect(in)); s != "[[a b] [c d] [e]]" {
		t.Errorf("-N2: %s", s)
	}
	if in.count() != 3 {
		t.Errorf("-N2 count = %d, want 3", in.count())
	}
	in = &parInput{stdin: strings.NewReader("x\ny y\n\nlast")}
	if s := fmtSlices(collect(in)); s != "[[x] [y y] [] [last]]" {
		t.Errorf("stdin: %s", s)
	}
	in = &parInput{sources: [][]string{{"a"}, {}}}
	if got := collect(in); len(got) != 0 {
		t.Errorf("an empty source gives jobs: %v", got)
	}
}

func fmtSlices(v [][]string) string {
	var parts []string
	for _, s := range v {
		parts = append(parts, "["+strings.Join(s, " ")+"]")
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestParallelOptions(t *testing.T) {
	o, err := parseParallelArgs([]string{"-kj3", "-N2", "--tag", "--timeout=1.5", "--halt", "soon,fail=20%", "echo", "x", ":::", "a", "::::", "f1", "f2"})
	if err != nil {
		t.Fatal(err)
	}
	if !o.keep || o.jobs != 3 || o.n != 2 || !o.tag || o.timeout != 1500*time.Millisecond || o.halt.now || o.halt.percent != 20 {
		t.Errorf("options: %+v", o)
	}
	if strings.Join(o.cmd, " ") != "echo x" || len(o.sources) != 3 || !o.sources[2].isF || o.sources[2].file != "f2" {
		t.Errorf("command and sources: %q %+v", o.cmd, o.sources)
	}
	for spec, want := range map[string]int{"4": 4, "0": 0, "50%": 2, "+1": 5, "-2": 2, "-9": 1} {
		if got, err := parseJobs(spec, 4); err != nil || got != want {
			t.Errorf("-j %s with 4 CPUs: %d %v, want %d", spec, got, err, want)
		}
	}
	for _, bad := range [][]string{{"-j", "x"}, {"--halt", "bogus"}, {"--timeout", "-1"}, {"-N", "0"}, {"--nosuch"}, {"-z"}, {"-j"}, {"echo", "::::"}} {
		if _, err := parseParallelArgs(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// gnuParallel returns the path of GNU parallel, or skips the test.
func gnuParallel(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("parallel")
	if err != nil {
		t.Skip("GNU parallel is not installed (apt-get install parallel): skipping the comparison with it")
	}
	out, _ := exec.Command(path, "--version").Output()
	if !bytes.Contains(out, []byte("GNU parallel")) {
		t.Skipf("%s is not GNU parallel (moreutils?): skipping the comparison with it", path)
	}
	return path
}

// TestParallelDifferential runs the same command lines through GNU
// parallel (from bash) and gosh's parallel, and compares the standard
// output and exit status.
func TestParallelDifferential(t *testing.T) {
	gnu := gnuParallel(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "args1"), []byte("1\n2\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "args2"), []byte("x\ny z\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "home"), 0o755)
	tests := []struct {
		src, stdin string
	}{
		{src: "-k echo ::: a b c"},
		{src: "-k echo {} {.} {/} {//} {/.} {#} ::: /a/b.c d.e/f .bashrc a. a/b/ / 'x y/z.w'"},
		{src: "-k echo ::: a b ::: 1 2"},
		{src: "-k echo {2} {1} ::: a b ::: 1 2 3"},
		{src: "-k --tag echo ::: a b ::: 1 2"},
		{src: "-k --tag 'echo {}; echo second' ::: a 'b c'"},
		{src: "-k -N2 echo {1}-{2} ::: a b c d e"},
		{src: "-k -N2 echo ::: a b c"},
		{src: "-k echo {#} ::: a b c"},
		{src: "-j1 -k echo {%} {#} ::: a b c"},
		{src: "-k echo", stdin: "x\ny y\n\nlast"},
		{src: "-k echo ::: 1 :::: -", stdin: "a\nb\n"},
		{src: "-k echo :::: args1 args2"},
		{src: "-k -a args1 echo pre"},
		{src: "-k echo :::: args1 ::: q r"},
		{src: "-k ::: 'echo a' 'echo \"b c\"'"},
		{src: "--dry-run -k echo ::: 'a b' \"it's\" 'x$y' a+b -x '' 'a*' '~x' 'a;b'"},
		{src: "--dry-run -k echo {} {.} ::: a.b 'c d.e'"},
		{src: "-k 'echo {} | tr a-z A-Z' ::: abc def"},
		{src: "-k 'printf \"%s\\n\" {}' ::: '*' '$HOME' '`date`'"},
		{src: "'exit {}' ::: 0 1 2 3"},
		{src: "-j1 --halt soon,fail=1 'echo {}; exit {}' ::: 0 1 2 3"},
		{src: "-j1 --halt now,fail=1 'echo {}; exit {}' ::: 0 3 2 0"},
		{src: "-j1 --halt soon,fail=2 'echo {}; exit {}' ::: 0 1 2 3 4"},
		{src: "-j1 --halt now,success=1 'echo {}; exit {}' ::: 1 0 1"},
		{src: "-j2 -k --timeout 1 'sleep {}; echo {}' ::: 0.1 4 0.2"},
		{src: "-k nosuchcommand_gosh ::: 1 2"},
		{src: "true", stdin: ""},
		{src: "false ::: $(seq 103)"},
		{src: "-k -j3 'sleep 0.{}; echo {}' ::: 3 1 2"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + filepath.Join(dir, "home"), "LC_ALL=C", "SHELL=/bin/bash"}
			gcmd := exec.Command("bash", "-c", gnu+" --will-cite "+tt.src)
			gcmd.Dir, gcmd.Env, gcmd.Stdin = dir, env, strings.NewReader(tt.stdin)
			var gout bytes.Buffer
			gcmd.Stdout = &gout
			gerr := gcmd.Run()
			gcode := 0
			if ee, ok := gerr.(*exec.ExitError); ok {
				gcode = ee.ExitCode()
			} else if gerr != nil {
				t.Fatal(gerr)
			}

			s, stdout, stderr := newTestShell(t, Options{Env: env, Dir: dir, Stdin: strings.NewReader(tt.stdin)})
			err := s.RunString(context.Background(), "parallel "+tt.src)
			if stdout.String() != gout.String() {
				t.Errorf("stdout:\ngosh: %q\nGNU:  %q\n(gosh stderr: %q)", stdout, gout.String(), stderr)
			}
			if code := ExitCode(err); code != gcode {
				t.Errorf("exit status: gosh %d, GNU %d (gosh stderr: %q)", code, gcode, stderr)
			}
		})
	}
}

// TestParallelJoblogDifferential compares the job logs, but for times.
func TestParallelJoblogDifferential(t *testing.T) {
	gnu := gnuParallel(t)
	dir := t.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "LC_ALL=C", "SHELL=/bin/bash"}
	src := "-j1 --timeout 1 --joblog LOG 'echo {}; exit {}' ::: 0 1 7 > /dev/null; " + "true"
	gcmd := exec.Command("bash", "-c", gnu+" --will-cite "+strings.Replace(src, "LOG", "gnu.log", 1)+"; "+gnu+" --will-cite -j1 --timeout 1 --joblog gnu2.log sleep ::: 5")
	gcmd.Dir, gcmd.Env = dir, env
	gcmd.Run() //nolint:errcheck // the statuses are the other test's business
	s, _, stderr := newTestShell(t, Options{Env: env, Dir: dir})
	s.RunString(context.Background(), "parallel "+strings.Replace(src, "LOG", "gosh.log", 1)+"; parallel -j1 --timeout 1 --joblog gosh2.log sleep ::: 5") //nolint:errcheck
	norm := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%v (gosh stderr %q)", err, stderr)
		}
		var out []string
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 9 {
				t.Fatalf("%s: line %q has %d fields", name, line, len(f))
			}
			if f[0] != "Seq" {
				if !regexp.MustCompile(`^\d+\.\d{3}$`).MatchString(f[2]) || !regexp.MustCompile(`^ *\d+\.\d{3}$`).MatchString(f[3]) || len(f[3]) != 10 {
					t.Errorf("%s: times %q %q", name, f[2], f[3])
				}
				f[2], f[3] = "T", "D"
			}
			out = append(out, strings.Join(f, "\t"))
		}
		return strings.Join(out, "\n")
	}
	for _, pair := range [][2]string{{"gosh.log", "gnu.log"}, {"gosh2.log", "gnu2.log"}} {
		if g, w := norm(pair[0]), norm(pair[1]); g != w {
			t.Errorf("job log:\ngosh:\n%s\nGNU:\n%s", g, w)
		}
	}
}

func TestParallelShell(t *testing.T) {
	tests := []struct {
		name, src        string
		stdout, stderrRE string
		code             int
	}{
		{name: "functions reach the workers", src: `greet() { echo "hi $1"; }; parallel -k greet ::: a b`, stdout: "hi a\nhi b\n"},
		{name: "exported variables do, others do not", src: `export E=exp; L=loc; parallel 'echo "$E-$L-{}"' ::: 1`, stdout: "exp--1\n"},
		{name: "the working directory", src: `cd /; parallel 'pwd; : {}' ::: 1`, stdout: "/\n"},
		{name: "jobs do not share variables", src: `parallel -j1 'x=$((x+1)); echo $x; : {}' ::: a b c`, stdout: "1\n1\n1\n"},
		{name: "exit in a job", src: `parallel -k 'echo {}; exit 4' ::: a`, stdout: "a\n", code: 1},
		{name: "syntax error in a job", src: `parallel 'echo (' ::: a`, stderrRE: `parallel`, code: 1},
		{name: "stdout then stderr of a job", src: `parallel -k 'echo o{}; echo e{} >&2; echo p{}' ::: 1 2 2>&1`, stdout: "o1\np1\ne1\no2\np2\ne2\n"},
		{name: "no jobs", src: `parallel echo ::: ; echo $?`, stdout: "0\n"},
		{name: "usage", src: `parallel --nosuch echo`, stderrRE: `gosh: parallel: --nosuch: invalid option\nparallel: usage: `, code: 2},
		{name: "bad -j", src: `parallel -j zz echo ::: a`, stderrRE: `-j: zz: invalid number of jobs`, code: 2},
		{name: "missing argument file", src: `parallel echo :::: /nonexistent/f`, stderrRE: `/nonexistent/f: No such file or directory`, code: 255},
		{name: "help", src: `help parallel | head -1`, stdout: "parallel: parallel [-j N] [-k] [-N n] [--tag] [--timeout SECS] [--halt WHEN,WHY=N] [--dry-run] [--bar] [--joblog FILE] [command [arg ...]] [::: arg ... | :::: file ...] ...\n"},
		{name: "gosh built-ins in jobs", src: `parallel -k 'type -t parallel; : {}' ::: 1`, stdout: "builtin\n"},
		{name: "a job's output stays whole", src: `parallel -j3 'for i in 1 2 3; do echo {}$i; sleep 0.0{}; done' ::: 5 1 3 | uniq -c -w1 | awk '{print $1}'`, stdout: "3\n3\n3\n"},
		{name: "output order of -k", src: `parallel -k -j4 'sleep 0.{}; echo {}' ::: 4 3 2 1`, stdout: "4\n3\n2\n1\n"},
		{name: "completion order without -k", src: `parallel -j4 'sleep 0.{}; echo {}' ::: 4 1 2`, stdout: "1\n2\n4\n"},
		{name: "--bar on a file", src: `parallel --bar true ::: 1 2 2>&1 >/dev/null | tr '\r' '\n' | tail -1`, stdout: "100% ────────────────────────────────────────\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runLocked(t, tt.src)
			if tt.stdout != "" && r.stdout != tt.stdout && !(tt.name == "--bar on a file" && strings.HasPrefix(r.stdout, "100% ")) {
				t.Errorf("stdout = %q, want %q (stderr %q)", r.stdout, tt.stdout, r.stderr)
			}
			if tt.stderrRE != "" && !regexp.MustCompile(tt.stderrRE).MatchString(r.stderr) {
				t.Errorf("stderr = %q, want it to match %q", r.stderr, tt.stderrRE)
			}
			if r.code != tt.code {
				t.Errorf("status %d, want %d (stderr %q)", r.code, tt.code, r.stderr)
			}
		})
	}
}

// lockedBuffer is a bytes.Buffer safe for the goroutines of os/exec
// that copy the output of several commands into it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// runLocked runs src in a new shell whose output goes to lockedBuffers,
// so that pipelines of external commands may write to it.
func runLocked(t *testing.T, src string) result {
	t.Helper()
	var stdout, stderr lockedBuffer
	s, err := New(Options{Stdout: &stdout, Stderr: &stderr, Env: []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	err = s.RunString(context.Background(), src)
	return result{stdout.String(), stderr.String(), ExitCode(err), err}
}

// processesWith returns the processes whose command line holds marker.
func processesWith(marker string) []int {
	var pids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err == nil && bytes.Contains(b, []byte(marker)) {
			if st, err := os.ReadFile("/proc/" + e.Name() + "/stat"); err == nil && bytes.Contains(st, []byte(") Z ")) {
				continue // a zombie: dead, waiting to be reaped
			}
			pids = append(pids, pid)
		}
	}
	return pids
}

// TestParallelCancel checks that cancelling parallel (what C-c does)
// ends every job, grandchildren too, and every worker.
func TestParallelCancel(t *testing.T) {
	marker := "31.4159" + strconv.Itoa(os.Getpid())
	s, _, stderr := newTestShell(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- s.RunString(ctx, `parallel -j3 'sh -c "sleep `+marker+`; true"; echo never' ::: 1 2 3 4`)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for len(processesWith("sleep "+marker)) < 3 {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("the jobs did not start (stderr %q)", stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	workers := countWorkers()
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("parallel did not return after the cancel")
	}
	if left := processesWith("sleep " + marker); len(left) > 0 {
		t.Errorf("processes left behind: %v", left)
	}
	if workers == 0 {
		t.Errorf("no worker processes seen")
	}
	if n := countWorkers(); n != 0 {
		t.Errorf("%d worker processes left", n)
	}
}

// countWorkers counts this process's children that are pool workers.
func countWorkers() int {
	n := 0
	me := strconv.Itoa(os.Getpid())
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		st, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		s := string(st)
		end := strings.LastIndexByte(s, ')')
		if end < 0 {
			continue
		}
		f := strings.Fields(s[end+2:])
		if len(f) > 1 && f[1] == me && f[0] != "Z" {
			n++
		}
	}
	return n
}

// TestParallelHaltNowKills checks that --halt now kills the jobs still
// running.
func TestParallelHaltNowKills(t *testing.T) {
	marker := "27.1828" + strconv.Itoa(os.Getpid())
	start := time.Now()
	r := runLocked(t, `parallel -j2 --halt now,fail=1 'if [ {} = x ]; then sleep 0.5; exit 3; fi; sleep `+marker+`' ::: y x`)
	if r.code != 3 {
		t.Errorf("status %d, want 3 (stderr %q)", r.code, r.stderr)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v: the sleeping job was not killed", d)
	}
	if left := processesWith("sleep " + marker); len(left) > 0 {
		t.Errorf("processes left behind: %v", left)
	}
}
