package history

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests below run this test binary as helper processes; TestMain
// dispatches on GOSH_HISTORY_HELPER.
func TestMain(m *testing.M) {
	switch os.Getenv("GOSH_HISTORY_HELPER") {
	case "append":
		os.Exit(helperAppend())
	case "rewrite":
		os.Exit(helperRewrite())
	case "truncate":
		os.Exit(helperTruncate())
	}
	os.Exit(m.Run())
}

// helperAppend appends N entries one at a time, as N shells would.
func helperAppend() int {
	path, id := os.Getenv("HIST_FILE"), os.Getenv("HIST_ID")
	n, _ := strconv.Atoi(os.Getenv("HIST_N"))
	l := New()
	for i := 0; i < n; i++ {
		l.Add(fmt.Sprintf("proc %s entry %d %s", id, i, strings.Repeat("x", i%50)))
		if err := l.AppendFile(path, 1); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

// helperTruncate rewrites the file again and again without dropping
// anything, to race the appenders.
func helperTruncate() int {
	path := os.Getenv("HIST_FILE")
	l := New()
	for {
		if _, err := os.Stat(path + ".stop"); err == nil {
			return 0
		}
		if err := l.TruncateFile(path, 1<<30); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		// A shell rewrites its history file now and then, not without
		// pause; the pause lets the appenders make progress.
		time.Sleep(5 * time.Millisecond)
	}
}

// helperRewrite writes one of two lists over the file forever.
func helperRewrite() int {
	path := os.Getenv("HIST_FILE")
	lists := [2]*List{New(), New()}
	for i := 0; i < 100000; i++ {
		lists[0].Add(fmt.Sprintf("first version %d", i))
		lists[1].Add(fmt.Sprintf("second version, a longer line %d", i))
	}
	os.WriteFile(path+".ready", nil, 0o600)
	for k := 0; ; k++ {
		if err := lists[k%2].WriteFile(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
}

func helper(t *testing.T, kind string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{"GOSH_HISTORY_HELPER=" + kind}, env...)...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestManyWriters has 8 processes append 10,000 entries each to one file
// while another rewrites it, and checks that no entry is lost, torn or
// out of order.
func TestManyWriters(t *testing.T) {
	procs, n := 8, 10000
	if testing.Short() {
		n = 1000
	}
	path := filepath.Join(t.TempDir(), "history")
	rewriter := helper(t, "truncate", "HIST_FILE="+path)
	var cmds []*exec.Cmd
	for p := 0; p < procs; p++ {
		cmds = append(cmds, helper(t, "append", "HIST_FILE="+path, "HIST_ID="+strconv.Itoa(p), "HIST_N="+strconv.Itoa(n)))
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("appender: %v", err)
		}
	}
	os.WriteFile(path+".stop", nil, 0o600)
	if err := rewriter.Wait(); err != nil {
		t.Fatalf("rewriter: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	next := make([]int, procs)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for _, line := range lines {
		var p, i int
		var rest string
		if _, err := fmt.Sscanf(line, "proc %d entry %d %s", &p, &i, &rest); err != nil && !strings.HasSuffix(line, " ") {
			if _, err2 := fmt.Sscanf(line, "proc %d entry %d", &p, &i); err2 != nil {
				t.Fatalf("torn line %q", line)
			}
		}
		if want := fmt.Sprintf("proc %d entry %d %s", p, i, strings.Repeat("x", i%50)); line != want {
			t.Fatalf("torn line %q", line)
		}
		if i != next[p] {
			t.Fatalf("process %d: entry %d after %d", p, i, next[p]-1)
		}
		next[p]++
	}
	for p, got := range next {
		if got != n {
			t.Errorf("process %d: %d of %d entries in the file", p, got, n)
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}

// TestKilledRewrite kills a process in the middle of rewriting the file,
// again and again, and checks that the file is always one whole version.
func TestKilledRewrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	want := [2][]byte{}
	for k, format := range []string{"first version %d\n", "second version, a longer line %d\n"} {
		var b bytes.Buffer
		for i := 0; i < 100000; i++ {
			fmt.Fprintf(&b, format, i)
		}
		want[k] = b.Bytes()
	}
	rounds := 6
	if testing.Short() {
		rounds = 2
	}
	written := false // a whole version was there after a round
	for r := 0; r < rounds; r++ {
		os.Remove(path + ".ready")
		cmd := helper(t, "rewrite", "HIST_FILE="+path)
		// Wait until the writer is writing, then kill it at some point of
		// a rewrite (each takes a few milliseconds).
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(time.Millisecond) {
			if _, err := os.Stat(path + ".ready"); err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the writer did not start")
			}
		}
		time.Sleep(time.Duration(20+37*r) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		data, err := os.ReadFile(path)
		if err != nil {
			if !written && os.IsNotExist(err) {
				// Killed before the first rename (of this round or of
				// any before: on a loaded machine, or with the race
				// detector, a first rewrite can take longer than the
				// wait).
				continue
			}
			t.Fatal(err)
		}
		if !written && len(data) == 0 {
			// Killed before the first rename: the lock (taken on the file
			// itself) created it empty, and no version had been written.
			continue
		}
		written = true
		if !bytes.Equal(data, want[0]) && !bytes.Equal(data, want[1]) {
			t.Fatalf("round %d: the file is neither version (%d bytes)", r, len(data))
		}
	}
	// The temporary files of killed writers are the only debris allowed.
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if e.Name() != "history" && e.Name() != "history.ready" && !strings.HasPrefix(e.Name(), ".history.tmp") {
			t.Errorf("unexpected file %s", e.Name())
		}
	}
}
