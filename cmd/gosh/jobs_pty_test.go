package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
)

// goshIn runs gosh on a real terminal with HOME set to home (shared by the
// sessions of a test), an empty init file, PS1 "$ " and the given extra
// environment, and waits for the first prompt.
func goshIn(t *testing.T, home string, env ...string) *ptytest.PTY {
	t.Helper()
	rc := filepath.Join(home, "inputrc")
	if _, err := os.Stat(rc); err != nil {
		os.WriteFile(rc, nil, 0o644)
	}
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "--norc")
	cmd.Env = append([]string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=xterm", "INPUTRC=" + rc, "PS1=$ ", "LC_ALL=C.UTF-8"}, env...)
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 80, Rows: 24})
	p.WaitFor("$ ", wait)
	return p
}

// procStat is what /proc/PID/stat says about a process.
type procStat struct {
	pid, ppid, pgrp, tpgid int
	comm                   string
	state                  byte
}

func readStat(pid int) (procStat, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStat{}, false
	}
	s := string(b)
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end < 0 {
		return procStat{}, false
	}
	f := strings.Fields(s[end+2:])
	if len(f) < 6 {
		return procStat{}, false
	}
	st := procStat{pid: pid, comm: s[open+1 : end], state: f[0][0]}
	st.ppid, _ = strconv.Atoi(f[1])
	st.pgrp, _ = strconv.Atoi(f[2])
	st.tpgid, _ = strconv.Atoi(f[5])
	return st, true
}

// waitChild waits until the shell has a child named comm for which ok
// holds, and returns it.
func waitChild(t *testing.T, shell int, comm string, ok func(procStat) bool) procStat {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir("/proc")
		for _, e := range entries {
			pid, err := strconv.Atoi(e.Name())
			if err != nil {
				continue
			}
			if st, found := readStat(pid); found && st.ppid == shell && st.comm == comm && ok(st) {
				return st
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no child %q of the shell in the wanted state", comm)
	return procStat{}
}

// inForeground holds for a process whose group owns the terminal, apart
// from the shell's.
func inForeground(shell int) func(procStat) bool {
	return func(st procStat) bool { return st.pgrp == st.tpgid && st.pgrp != shell && st.pgrp == st.pid }
}

// TestJobControl types what a user does with a long command: C-z stops
// it, jobs lists it, bg continues it in the background, fg brings it back
// and C-c kills it, as in bash.
func TestJobControl(t *testing.T) {
	p := goshIn(t, t.TempDir())
	shell := p.Pid()

	p.Type("sleep 100\r")
	sleep := waitChild(t, shell, "sleep", inForeground(shell))
	p.Type("\x1a")
	p.WaitFor("\n[1]+  Stopped                 sleep 100\r\n", wait)
	p.WaitFor("$ ", wait)
	if st, _ := readStat(sleep.pid); st.state != 'T' {
		t.Errorf("sleep is in state %c after C-z, want T (stopped)", st.state)
	}
	if st, _ := readStat(shell); st.tpgid != shell {
		t.Errorf("the terminal belongs to group %d after C-z, want the shell's %d", st.tpgid, shell)
	}

	p.Type("jobs\r")
	p.WaitFor("[1]+  Stopped                 sleep 100\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("jobs -p\r")
	p.WaitFor(strconv.Itoa(sleep.pid)+"\r\n", wait)
	p.WaitFor("$ ", wait)

	p.Type("bg\r")
	p.WaitFor("[1]+ sleep 100 &\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("jobs\r")
	p.WaitFor("[1]+  Running                 sleep 100 &\r\n", wait)
	p.WaitFor("$ ", wait)

	p.Type("fg %sl\r")
	p.WaitFor("sleep 100\r\n", wait)
	waitChild(t, shell, "sleep", inForeground(shell))
	p.Type("\x03")
	p.WaitFor("$ ", wait)
	p.Type("echo status=$?\r")
	p.WaitFor("status=130", wait)
	p.WaitFor("$ ", wait)
	// A job spec alone is fg.
	p.Type("sleep 100\r")
	waitChild(t, shell, "sleep", inForeground(shell))
	p.Type("\x1a")
	p.WaitFor("Stopped", wait)
	p.WaitFor("$ ", wait)
	p.Type("%1\r")
	p.WaitFor("sleep 100\r\n", wait)
	waitChild(t, shell, "sleep", inForeground(shell))
	p.Type("\x03")
	p.WaitFor("$ ", wait)
	p.Type("jobs; echo listed\r")
	if out := p.WaitFor("listed\r\n", wait); strings.Contains(out, "[1]") {
		t.Errorf("the killed job is still listed: %q", out)
	}
	p.WaitFor("$ ", wait)
	p.Type("exit\r")
	if st := p.Wait(wait); st.ExitCode() != 0 {
		t.Errorf("exit: %s", ptytest.Describe(st))
	}
}

// TestJobSignalsReachTheJob checks that C-c and C-\ go to the command in
// the foreground and not to the shell, which reports how the command died.
func TestJobSignalsReachTheJob(t *testing.T) {
	p := goshIn(t, t.TempDir())
	shell := p.Pid()
	for _, tt := range []struct {
		key, status, say string
	}{
		{"\x03", "130", ""},
		{"\x1c", "131", "Quit"},
	} {
		p.Type("sleep 100\r")
		waitChild(t, shell, "sleep", inForeground(shell))
		p.Type(tt.key)
		if tt.say != "" {
			p.WaitFor(tt.say, wait)
		}
		p.WaitFor("$ ", wait)
		p.Type("echo status=$?\r")
		p.WaitFor("status="+tt.status+"\r\n", wait)
		p.WaitFor("$ ", wait)
	}
	// A C-c that reaches the shell (no job has the terminal) stops a loop.
	p.Type("while :; do :; done\r")
	time.Sleep(100 * time.Millisecond)
	p.Type("\x03")
	p.WaitFor("$ ", wait)
	p.Type("echo status=$?\r")
	p.WaitFor("status=130\r\n", wait)
	p.WaitFor("$ ", wait)
	// And a C-c that kills a command in a loop ends the loop, as in bash.
	p.Type("for i in 1 2 3; do sleep 100; echo next$i; done\r")
	waitChild(t, shell, "sleep", inForeground(shell))
	p.Type("\x03")
	p.WaitFor("$ ", wait)
	p.Type("exit\r")
	p.Wait(wait)
	if strings.Contains(p.Output(), "next1") {
		t.Errorf("the loop went on after C-c killed its command")
	}
}

// TestBackgroundJob checks "CMD &": the job number and process ID, $!,
// and the Done notice before a later prompt.
func TestBackgroundJob(t *testing.T) {
	p := goshIn(t, t.TempDir())
	pid := startJob(t, p, "sleep 0.3 &")
	p.Type("echo bang=$!\r")
	p.WaitFor("bang="+pid+"\r\n", wait)
	p.WaitFor("$ ", wait)
	time.Sleep(500 * time.Millisecond)
	p.Type("\r")
	p.WaitFor("[1]+  Done                    sleep 0.3\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("sleep 100 &\r")
	p.WaitFor("$ ", wait)
	p.Type("kill %1; wait %1; echo status=$?\r")
	p.WaitFor("Terminated", wait)
	p.WaitFor("status=143\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("exit\r")
	p.Wait(wait)
}

// startJob types cmd, which starts job 1 in the background, and returns
// the process ID the shell announces for it ("[1] PID").
func startJob(t *testing.T, p *ptytest.PTY, cmd string) string {
	t.Helper()
	p.Type(cmd + "\r")
	line := p.WaitFor("$ ", wait)
	m := regexp.MustCompile(`\[1\] (\d+)\r\n`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("no [1] PID line in %q", line)
	}
	return m[1]
}

// TestBackgroundWorkerJob: a background group of commands is a process
// of its own (a worker) that job control handles as bash handles its
// forked subshell: [1] PID, fg, C-z, bg, and its output at the end; and
// it outlives the shell's exit.
func TestBackgroundWorkerJob(t *testing.T) {
	dir := t.TempDir()
	p := goshIn(t, dir)
	worker, _ := strconv.Atoi(startJob(t, p, "{ sleep 1; echo done1; } &"))
	if st, ok := readStat(worker); !ok || st.ppid != p.Pid() || st.pgrp != worker {
		t.Errorf("the job's process %d: %+v, want a child of the shell in a group of its own", worker, st)
	}
	p.Type("fg\r")
	p.WaitFor("{ sleep 1; echo done1; }\r\n", wait)
	waitChild(t, worker, "sleep", func(procStat) bool { return true })
	p.Type("\x1a")
	p.WaitFor("[1]+  Stopped                 { sleep 1; echo done1; }\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("bg\r")
	p.WaitFor("[1]+ { sleep 1; echo done1; } &\r\n", wait)
	p.Type("wait; echo waited\r")
	p.WaitFor("done1\r\nwaited\r\n", wait)
	p.WaitFor("$ ", wait)
	// A job still running when the shell exits goes on.
	p.Type("{ sleep 0.5; echo late > " + filepath.Join(dir, "late") + "; } &\r")
	p.WaitFor("$ ", wait)
	p.Type("exit\r")
	p.Wait(wait)
	deadline := time.Now().Add(wait)
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "late")); err == nil && string(b) == "late\n" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the background job ended with the shell")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestExitWithStoppedJobs checks bash's warning, and that the second exit
// goes through and ends the stopped job.
func TestExitWithStoppedJobs(t *testing.T) {
	p := goshIn(t, t.TempDir())
	shell := p.Pid()
	p.Type("sleep 100\r")
	sleep := waitChild(t, shell, "sleep", inForeground(shell))
	p.Type("\x1a")
	p.WaitFor("Stopped", wait)
	p.WaitFor("$ ", wait)
	p.Type("exit\r")
	p.WaitFor("There are stopped jobs.\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("exit\r")
	p.Wait(wait)
	deadline := time.Now().Add(wait)
	for {
		st, ok := readStat(sleep.pid)
		if !ok || st.state == 'Z' || st.comm != "sleep" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the stopped job is still there (state %c) after the shell exited", st.state)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestHistoryAcrossSessions runs two shells on one history file at once:
// each command is in the file as soon as it has run, so a shell started
// later finds it, and the file ends up with both sessions' commands.
func TestHistoryAcrossSessions(t *testing.T) {
	home := t.TempDir()
	a := goshIn(t, home)
	a.Type("echo from-a\r")
	a.WaitFor("from-a\r\n", wait)
	a.WaitFor("$ ", wait)

	b := goshIn(t, home)
	b.Type("\x1b[A")
	b.WaitFor("echo from-a", wait)
	b.Type("\x15echo from-b\r")
	b.WaitFor("from-b\r\n", wait)
	b.WaitFor("$ ", wait)

	a.Type("history -n; history\r")
	a.WaitFor("echo from-b", wait)
	a.WaitFor("$ ", wait)
	a.Type("exit\r")
	a.Wait(wait)
	b.Type("exit\r")
	b.Wait(wait)

	data, err := os.ReadFile(filepath.Join(home, ".gosh_history"))
	if err != nil {
		t.Fatal(err)
	}
	want := "echo from-a\necho from-b\nhistory -n; history\nexit\nexit\n"
	if string(data) != want {
		t.Errorf("history file:\n%s\nwant:\n%s", data, want)
	}
}

// TestMultiLineInput types a loop over three lines: the continuation
// prompt is PS2, and the loop is one history entry, on one line.
func TestMultiLineInput(t *testing.T) {
	p := goshIn(t, t.TempDir(), "PS2=more> ")
	p.Type("for i in 1 2\r")
	p.WaitFor("more> ", wait)
	p.Type("do echo n$i\r")
	p.WaitFor("more> ", wait)
	p.Type("done\r")
	p.WaitFor("n1\r\nn2\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("echo a \\\r")
	p.WaitFor("more> ", wait)
	p.Type("b\r")
	p.WaitFor("a b\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("\x1b[A\x1b[A")
	p.WaitFor("for i in 1 2; do echo n$i; done", wait)
	p.Type("\r")
	p.WaitFor("n1\r\nn2\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("exit\r")
	p.Wait(wait)
}

// TestResizeWhileEditing changes the window's width while a line longer
// than the new width is being typed; the line still runs as typed.
func TestResizeWhileEditing(t *testing.T) {
	p := goshIn(t, t.TempDir())
	long := "echo " + strings.Repeat("0123456789", 5)
	p.Type(long)
	p.WaitFor("456789", wait)
	p.Resize(20, 24)
	time.Sleep(100 * time.Millisecond)
	p.Type("X\r")
	p.WaitFor(strings.Repeat("0123456789", 5)+"X\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Resize(80, 24)
	p.Type("echo $COLUMNS done\r")
	p.WaitFor("done\r\n", wait)
	p.Type("exit\r")
	p.Wait(wait)
}

// TestTypeAheadReachesTheCommand types a command and its input in one go:
// the editor reads only up to the end of the line, and the command reads
// the rest.
func TestTypeAheadReachesTheCommand(t *testing.T) {
	p := goshIn(t, t.TempDir())
	p.Type("head -c 5; echo :got\rabcde\r")
	p.WaitFor("abcde:got", wait)
	p.WaitFor("$ ", wait)
	p.Type("exit\r")
	p.Wait(wait)
}
