package shell

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
)

func TestFindJob(t *testing.T) {
	jt := newJobTable(nil)
	stopped := &job{text: "vim notes", procs: []*proc{{state: procStopped}}}
	make1 := &job{text: "make all", procs: []*proc{{state: procRunning}}}
	sleep := &job{text: "sleep 100", procs: []*proc{{state: procRunning}}}
	for _, j := range []*job{stopped, make1, sleep} {
		jt.listLocked(j)
	}
	tests := []struct {
		spec    string
		bare    bool
		want    *job
		wantErr string
	}{
		{spec: "%1", want: stopped},
		{spec: "%3", want: sleep},
		{spec: "2", bare: true, want: make1},
		{spec: "2", wantErr: "2: no such job"},
		{spec: "%", want: stopped}, // stopped jobs come first for +
		{spec: "%+", want: stopped},
		{spec: "%%", want: stopped},
		{spec: "%-", want: sleep}, // then the most recent
		{spec: "%ma", want: make1},
		{spec: "%?100", want: sleep},
		{spec: "%?e", wantErr: "e: ambiguous job spec"},
		{spec: "%x", wantErr: "%x: no such job"},
		{spec: "%9", wantErr: "%9: no such job"},
	}
	for _, tt := range tests {
		got, err := jt.findJobLocked(tt.spec, tt.bare)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("findJob(%q) error = %v, want %q", tt.spec, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("findJob(%q) = %v, %v; want job %q", tt.spec, got, err, tt.want.text)
		}
	}
	empty := newJobTable(nil)
	if _, err := empty.findJobLocked("%+", false); err == nil || err.Error() != "current: no such job" {
		t.Errorf("no jobs: %v", err)
	}
}

func TestFormatJob(t *testing.T) {
	exited := func(code int) syscall.WaitStatus { return syscall.WaitStatus(code << 8) }
	signaled := func(sig syscall.Signal) syscall.WaitStatus { return syscall.WaitStatus(sig) }
	tests := []struct {
		j    *job
		want string
	}{
		{&job{text: "sleep 100", bg: true, procs: []*proc{{state: procRunning}}}, "[1]+  Running                 sleep 100 &\n"},
		{&job{text: "sleep 100", procs: []*proc{{state: procStopped}}}, "[1]+  Stopped                 sleep 100\n"},
		{&job{text: "true", procs: []*proc{{state: procExited, ws: exited(0)}}}, "[1]+  Done                    true\n"},
		{&job{text: "false", procs: []*proc{{state: procExited, ws: exited(1)}}}, "[1]+  Exit 1                  false\n"},
		{&job{text: "sleep 9", procs: []*proc{{state: procExited, ws: signaled(syscall.SIGTERM)}}}, "[1]+  Terminated              sleep 9\n"},
		{&job{text: "sleep 9", procs: []*proc{{state: procExited, ws: signaled(syscall.SIGKILL)}}}, "[1]+  Killed                  sleep 9\n"},
		{&job{text: "{ a; b; }", async: true, status: 3}, "[1]+  Exit 3                  { a; b; }\n"},
		// The pipeline's last command gives the status.
		{&job{text: "false | true", procs: []*proc{{pos: 9, state: procExited}, {pos: 0, state: procExited, ws: exited(1)}}}, "[1]+  Done                    false | true\n"},
	}
	for _, tt := range tests {
		jt := newJobTable(nil)
		jt.listLocked(tt.j)
		if got := jt.formatLocked(tt.j, false); got != tt.want {
			t.Errorf("format = %q, want %q", got, tt.want)
		}
	}
}

// TestJobsWithoutJobControl runs background jobs in an interactive shell
// that reads a script (no terminal): job numbers, real process IDs in $!,
// wait, kill and jobs work; fg and bg say there is no job control.
func TestJobsWithoutJobControl(t *testing.T) {
	tests := []struct {
		name, input string
		wantStdout  string // a regular expression
		wantStderr  string // a regular expression
	}{
		{
			name:       "pid and $!",
			input:      "sleep 0.1 &\necho \"bang=$!\"\nwait\n",
			wantStdout: `^bang=(\d+)\n$`,
			wantStderr: `^\$ \[1\] \d+\n\$ \$ \$ exit\n$`,
		},
		{
			// A job's status is kept after its notice, under its $!.
			name:       "wait returns the job's status",
			input:      "(exit 3) & wait %1; echo st=$?\nsh -c 'exit 4' &\n:\nwait $!; echo st=$?\n",
			wantStdout: `^st=3\nst=4\n$`,
		},
		{
			// bash forks a subshell for it; gosh starts a worker.
			name:       "a job of built-ins only has a process ID in $!",
			input:      "true &\necho $!\nwait $!; echo st=$?\n",
			wantStdout: `^\d+\nst=0\n$`,
		},
		{
			name:       "kill and wait",
			input:      "sleep 10 &\nkill %1\nwait %1; echo st=$?\n",
			wantStdout: `^st=143\n$`,
			wantStderr: `\[1\]\+  Terminated              sleep 10\n`,
		},
		{
			name:       "jobs",
			input:      "sleep 10 &\njobs\njobs -p\nkill %1\n",
			wantStdout: `^\[1\]\+  Running                 sleep 10 &\n\d+\n$`,
		},
		{
			name:       "Done notice before the prompt",
			input:      "sleep 0.05 &\nsleep 0.3\n:\n",
			wantStderr: `\$ \[1\]\+  Done                    sleep 0.05\n\$ `,
		},
		{
			name:       "background jobs read /dev/null",
			input:      "cat &\nwait $!; echo st=$?\n",
			wantStdout: `^st=0\n$`,
		},
		{
			name:       "no job control",
			input:      "fg\nbg\n",
			wantStderr: `gosh: fg: no job control\n.*gosh: bg: no job control\n`,
		},
		{
			name:       "a & inside a loop or a function is a job too",
			input:      "for i in 1; do sleep 0.05 & done; wait $!; echo st=$? $!\nf() { sleep 0.01 & }\nsleep 0.01 &\necho $!\nf\necho $!\n",
			wantStdout: `^st=0 \d+\n\d+\n\d+\n$`,
		},
		{
			name:       "wait -n",
			input:      "(exit 5) & wait -n; echo st=$?\nwait -n; echo st=$?\n",
			wantStdout: `^st=5\nst=127\n$`,
		},
		{
			name:       "no such job",
			input:      "wait %4; echo st=$?\nkill %4; echo st=$?\nwait 99999999; echo st=$?\n",
			wantStdout: `^st=127\nst=1\nst=127\n$`,
			wantStderr: `gosh: wait: %4: no such job\n.*gosh: kill: %4: no such job\n.*gosh: wait: pid 99999999 is not a child of this shell\n`,
		},
		{
			name:       "disown",
			input:      "sleep 10 &\ndisown\njobs\nkill $!\n",
			wantStdout: `^$`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Background jobs write while the shell does: the buffers
			// must take that.
			var stdout, stderr syncBuffer
			s, err := New(Options{
				Interactive: true,
				Stdin:       strings.NewReader(tt.input),
				Stdout:      &stdout,
				Stderr:      &stderr,
				Env:         []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")},
			})
			if err != nil {
				t.Fatal(err)
			}
			s.RunInteractive(context.Background())
			if !regexp.MustCompile(tt.wantStdout).MatchString(stdout.String()) {
				t.Errorf("stdout = %q, want it to match %q", stdout.String(), tt.wantStdout)
			}
			if tt.wantStderr != "" && !regexp.MustCompile("(?s)"+tt.wantStderr).MatchString(stderr.String()) {
				t.Errorf("stderr = %q, want it to match %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer that goroutines may write at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
