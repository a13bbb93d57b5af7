package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
)

// The built-ins on the runtime layers (parallel, mgrep, poll, sem, mq,
// after, every), end to end: through the built binary, whose main runs
// the pool workers, sem's holders, mq's server and the timer jobs.

// rtEnv is an environment for the gosh processes of a test, with its
// home and runtime directory in dir.
func rtEnv(dir string) []string {
	return []string{"PATH=" + binDir + ":" + os.Getenv("PATH"), "HOME=" + dir, "XDG_RUNTIME_DIR=" + dir, "LC_ALL=C"}
}

// goshC runs gosh -c src in dir and returns its output, error and status.
func goshC(t *testing.T, dir, src string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "-c", src)
	cmd.Dir, cmd.Env = dir, rtEnv(dir)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestRuntimeBuiltinsCommand(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "log.txt"), []byte("alpha\nbeta gamma\nALPHA\n"), 0o644)
	syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o600)
	tests := []struct {
		name, src, stdout string
		code              int
	}{
		{"parallel", `parallel -k echo {} {.} ::: a.x b.y`, "a.x a\nb.y b\n", 0},
		{"parallel with functions", `sq() { echo $(( $1 * $1 )); }; parallel -k sq ::: 2 3 4`, "4\n9\n16\n", 0},
		{"parallel status", `parallel 'exit {}' ::: 0 1 1`, "", 2},
		{"parallel from standard input", `printf '1\n2\n' | parallel -k 'echo x{}'`, "x1\nx2\n", 0},
		{"mgrep", `mgrep -n -i alpha log.txt; mgrep -c zzz log.txt`, "1:alpha\n3:ALPHA\n0\n", 1},
		{"poll", `(sleep 0.2; echo hi > fifo) & poll -t 5 fifo; read x < fifo; echo $x`, "fifo\nhi\n", 0},
		{"poll timeout", `poll -t 0.1 fifo`, "", 1},
		{"sem", `sem --fg --id e2e echo held; sem --id e2e --wait`, "held\n", 0},
		{"mq", `mq serve > /dev/null; mq put q one two; mq len q; mq get q; mq stop`, "2\none\n", 0},
		{"after", `after 0.1 echo later; echo now; wait`, "now\nlater\n", 0},
		{"every", `every 0.1 echo tick > ticks; sleep 0.35; kill %1; wait; grep -c tick ticks`, "3\n", 0},
		{"help", `for b in parallel mgrep poll sem mq after every; do help -d $b; done | wc -l`, "7\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := goshC(t, dir, tt.src)
			if out != tt.stdout || code != tt.code {
				t.Errorf("stdout %q, status %d; want %q, %d (stderr %q)", out, code, tt.stdout, tt.code, errs)
			}
		})
	}
}

// TestSemAcrossShells runs two gosh processes that share a semaphore of
// one slot: their commands never overlap.
func TestSemAcrossShells(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	src := `for i in 1 2 3; do sem --id across 'printf "+\\n" >> ` + log + `; sleep 0.1; printf "-\\n" >> ` + log + `' > /dev/null 2>&1; done; sem --id across --wait`
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			cmd := exec.Command(filepath.Join(binDir, "gosh"), "-c", src)
			cmd.Dir, cmd.Env = dir, rtEnv(dir)
			out, err := cmd.CombinedOutput()
			if err != nil {
				err = fmt.Errorf("%v: %s", err, out)
			}
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	b, _ := os.ReadFile(log)
	if got := strings.Join(strings.Fields(string(b)), ""); got != "+-+-+-+-+-+-" {
		t.Errorf("the commands ran so: %s", got)
	}
}

// liveDescendants returns the processes under pid (not zombies).
func liveDescendants(pid int) []string {
	children := map[int][]int{}
	comm := map[int]string{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		s := string(b)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		f := strings.Fields(s[end+2:])
		if len(f) < 2 || f[0] == "Z" {
			continue
		}
		pp, _ := strconv.Atoi(f[1])
		children[pp] = append(children[pp], p)
		comm[p] = s[open+1 : end]
	}
	var out []string
	var walk func(int)
	walk = func(p int) {
		for _, c := range children[p] {
			out = append(out, fmt.Sprintf("%d(%s)", c, comm[c]))
			walk(c)
		}
	}
	walk(pid)
	return out
}

// cmdlinesWith returns the processes whose command line holds s.
func cmdlinesWith(s string) []int {
	var pids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err == nil && bytes.Contains(b, []byte(s)) {
			if st, _ := os.ReadFile("/proc/" + e.Name() + "/stat"); !bytes.Contains(st, []byte(") Z ")) {
				pids = append(pids, p)
			}
		}
	}
	return pids
}

// rtPTY starts an interactive gosh on a terminal, in dir.
func rtPTY(t *testing.T, dir string) *ptytest.PTY {
	t.Helper()
	rc := filepath.Join(dir, "inputrc")
	os.WriteFile(rc, nil, 0o644)
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "--norc")
	cmd.Dir = dir
	cmd.Env = append(rtEnv(dir), "TERM=xterm-256color", "INPUTRC="+rc, "PS1=$ ")
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 100, Rows: 30})
	t.Cleanup(func() {
		// A test that failed may leave jobs, workers and their
		// children: processes of their own, which outlive the shell.
		for _, d := range liveDescendants(p.Pid()) {
			if pid, err := strconv.Atoi(d[:strings.IndexByte(d, '(')]); err == nil {
				syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	})
	p.WaitFor("$ ", 10*time.Second)
	return p
}

// TestParallelInterruptPTY presses C-c while parallel runs jobs at an
// interactive prompt: the jobs, their children and the workers all end,
// and the shell prompts again with status 130.
func TestParallelInterruptPTY(t *testing.T) {
	dir := t.TempDir()
	p := rtPTY(t, dir)
	marker := "61.8034" + strconv.Itoa(os.Getpid())
	p.Type(`parallel -j3 'sh -c "sleep ` + marker + `; true"' ::: 1 2 3 4` + "\r")
	deadline := time.Now().Add(20 * time.Second)
	for len(cmdlinesWith("sleep "+marker)) < 3 {
		if time.Now().After(deadline) {
			t.Fatalf("the jobs did not start; screen: %q", p.Output())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := len(liveDescendants(p.Pid())); n < 6 {
		t.Errorf("only %d processes under the shell: %v", n, liveDescendants(p.Pid()))
	}
	p.Type("\x03")
	p.WaitFor("$ ", 10*time.Second)
	p.Type("echo status $?\r")
	p.WaitFor("status 130", 5*time.Second)
	time.Sleep(200 * time.Millisecond)
	if left := cmdlinesWith("sleep " + marker); len(left) > 0 {
		t.Errorf("jobs left behind: %v", left)
	}
	if left := liveDescendants(p.Pid()); len(left) > 0 {
		t.Errorf("processes left under the shell: %v", left)
	}
}

// TestParallelBarPTY draws the progress bar on a terminal: with lipgloss
// colours, and the jobs' output on lines of its own.
func TestParallelBarPTY(t *testing.T) {
	dir := t.TempDir()
	p := rtPTY(t, dir)
	p.Type(`parallel -j2 --bar 'sleep 0.3; echo out{}' ::: 1 2 3 4 5 6` + "\r")
	p.WaitFor("100%", 30*time.Second)
	p.WaitFor("$ ", 10*time.Second)
	out := p.Output()
	for _, want := range []string{"6/6", "out1", "out6", "ETA"} {
		if !strings.Contains(out, want) {
			t.Errorf("the screen has no %q: %q", want, out)
		}
	}
	// TERM=xterm-256color: the bar in the palette's 256-colour style.
	if !regexp.MustCompile("\x1b\\[38;5;\\d+m━").MatchString(out) {
		t.Errorf("the bar is not in 256 colours: %q", out)
	}
	// Each job's output starts on a line of its own: the bar is erased
	// first.
	if regexp.MustCompile(`[^K\n]out\d|[^\x1b]\[Kout\d`).MatchString(out) {
		t.Errorf("a job's output shares a line with the bar: %q", out)
	}
}

// TestTimerJobsPTY lists after and every as jobs of an interactive shell,
// kills one by its job spec, and reports it.
func TestTimerJobsPTY(t *testing.T) {
	dir := t.TempDir()
	p := rtPTY(t, dir)
	p.Type("after 60 echo never\r")
	p.WaitFor("[1] ", 5*time.Second)
	p.WaitFor("$ ", 5*time.Second)
	p.Type("echo bg=$!\r")
	p.WaitFor("bg=$!", 5*time.Second) // the line typed
	p.WaitFor("bg=", 5*time.Second)
	if line := p.WaitFor("\n", 5*time.Second); !regexp.MustCompile(`^\d+\r?\n$`).MatchString(line) {
		t.Errorf("$! after after: %q", line)
	}
	p.WaitFor("$ ", 5*time.Second)
	p.Type("every 60 echo never\r")
	p.WaitFor("[2] ", 5*time.Second)
	p.WaitFor("$ ", 5*time.Second)
	p.Type("jobs\r")
	p.WaitFor("[1]-  Running                 after 60 echo never &", 5*time.Second)
	p.WaitFor("[2]+  Running                 every 60 echo never &", 5*time.Second)
	p.WaitFor("$ ", 5*time.Second)
	p.Type("kill %1\r")
	p.WaitFor("$ ", 5*time.Second)
	time.Sleep(300 * time.Millisecond)
	p.Type("\r")
	p.WaitFor("Terminated              after 60 echo never", 5*time.Second)
	// "echo d''one": the line as typed does not hold the word waited for.
	p.Type("kill %2; wait; echo d''one\r")
	p.WaitFor("done", 5*time.Second)
	if left := liveDescendants(p.Pid()); len(left) > 0 {
		t.Errorf("processes left under the shell: %v", left)
	}
}
