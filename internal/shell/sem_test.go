package shell

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// semEnv is an environment whose semaphores live under dir.
func semEnv(dir string) []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_RUNTIME_DIR=" + dir}
}

// maxConcurrency reads a log of "+" and "-" lines (a command started,
// ended) and returns the most that ran at once, and how many started.
func maxConcurrency(t *testing.T, log string) (most, started int) {
	t.Helper()
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		switch strings.Fields(line + " x")[0] {
		case "+":
			n++
			started++
		case "-":
			n--
		}
		most = max(most, n)
	}
	return most, started
}

func TestSemLimit(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	// Two shells share the semaphore "lim" of 2 slots.
	src := `for i in 1 2 3; do sem -j2 --id lim 'printf "+\\n" >> ` + log + `; sleep 0.3; printf "-\\n" >> ` + log + `' < /dev/null > /dev/null 2>>` + log + `.err; done`
	done := make(chan result, 2)
	for range 2 {
		go func() {
			var out lockedBuffer
			s, err := New(Options{Env: semEnv(dir), Dir: dir, Stdout: &out, Stderr: &out})
			if err != nil {
				done <- result{err: err}
				return
			}
			err = s.RunString(context.Background(), src)
			done <- result{stdout: out.String(), code: ExitCode(err), err: err}
		}()
	}
	for range 2 {
		if r := <-done; r.code != 0 {
			t.Fatalf("status %d: %v %q", r.code, r.err, r.stdout)
		}
	}
	r := runString(t, Options{Env: semEnv(dir), Dir: dir}, "sem --id lim --wait; echo $?")
	if r.stdout != "0\n" {
		t.Fatalf("sem --wait: %q %q", r.stdout, r.stderr)
	}
	if b, _ := os.ReadFile(log + ".err"); len(b) > 0 {
		t.Errorf("the commands said: %s", b)
	}
	most, started := maxConcurrency(t, log)
	if started != 6 || most != 2 {
		b, _ := os.ReadFile(log)
		t.Errorf("%d commands ran, at most %d at once; want 6 and 2\n%s", started, most, b)
	}
}

func TestSemForeground(t *testing.T) {
	dir := t.TempDir()
	r := runString(t, Options{Env: semEnv(dir), Dir: dir}, `f() { echo "f $1 in $PWD"; return 7; }; sem --fg --id fg f x; echo $?`)
	if want := "f x in " + dir + "\n7\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q (stderr %q)", r.stdout, want, r.stderr)
	}
	// A mutex: --fg waits while another shell holds the only slot.
	hold := runString(t, Options{Env: semEnv(dir), Dir: dir}, `sem --id m 'sleep 0.5' < /dev/null > /dev/null 2>&1`)
	if hold.code != 0 {
		t.Fatalf("sem: %q", hold.stderr)
	}
	start := time.Now()
	r = runString(t, Options{Env: semEnv(dir), Dir: dir}, `sem --fg --id m echo second`)
	if r.stdout != "second\n" {
		t.Errorf("stdout %q (stderr %q)", r.stdout, r.stderr)
	}
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("the second command ran after %v, while the slot was held", d)
	}
}

// TestSemDeadHolder kills the process holding the only slot: the slot is
// free at once, and the holder's command died with it.
func TestSemDeadHolder(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	marker := "42.4242" + strconv.Itoa(os.Getpid())
	r := runString(t, Options{Env: semEnv(dir), Dir: dir}, `sem --id dead 'sh -c "echo \$PPID > `+pidFile+`; exec sleep `+marker+`"' < /dev/null > /dev/null 2>&1`)
	if r.code != 0 {
		t.Fatalf("sem: %q", r.stderr)
	}
	var holder int
	for deadline := time.Now().Add(10 * time.Second); holder == 0 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		b, _ := os.ReadFile(pidFile)
		holder, _ = strconv.Atoi(strings.TrimSpace(string(b)))
	}
	if holder == 0 {
		t.Fatal("the command did not start")
	}
	syscall.Kill(holder, syscall.SIGKILL)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, stdout, stderr := newTestShell(t, Options{Env: semEnv(dir), Dir: dir})
	err := s.RunString(ctx, "sem --fg --id dead echo free")
	if stdout.String() != "free\n" || err != nil {
		t.Errorf("after the holder died: %q %q %v", stdout, stderr, err)
	}
	time.Sleep(100 * time.Millisecond)
	if left := processesWith("sleep " + marker); len(left) > 0 {
		t.Errorf("the dead holder's command lives on: %v", left)
	}
}

func TestSemUsage(t *testing.T) {
	dir := t.TempDir()
	for src, want := range map[string]string{
		"sem":                   "gosh: sem: no command\nsem: usage: ",
		"sem -j x echo":         "gosh: sem: -j: x: invalid number of slots\n",
		"sem --bogus echo":      "gosh: sem: --bogus: invalid option\n",
		"sem --wait echo":       "gosh: sem: --wait takes no command\n",
		"sem --id":              "gosh: sem: --id: option requires an argument\n",
		"help sem | grep -c -F": "",
	} {
		if want == "" {
			continue
		}
		r := runString(t, Options{Env: semEnv(dir), Dir: dir}, src)
		if r.code != 2 || !strings.HasPrefix(r.stderr, want) {
			t.Errorf("%s: status %d, stderr %q; want 2 and %q", src, r.code, r.stderr, want)
		}
	}
	// Names are one path element, whatever they hold.
	r := runString(t, Options{Env: semEnv(dir), Dir: dir}, "sem --fg --id ../../x echo ok")
	if r.stdout != "ok\n" {
		t.Fatalf("%q %q", r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "gosh", "sem", "%2E.%2F..%2Fx")); err != nil {
		t.Errorf("the semaphore's directory: %v", err)
	}
}
