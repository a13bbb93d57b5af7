package shell

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// compgenOut runs a compgen command line in s and returns its lines.
func compgenOut(t *testing.T, s *Shell, stdout *bytes.Buffer, line string) []string {
	t.Helper()
	stdout.Reset()
	s.RunString(context.Background(), line)
	out := strings.TrimSuffix(stdout.String(), "\n")
	if out == "" {
		return nil
	}
	return strings.Split(out, "\n")
}

// TestCompgenJobs checks -j, -A job, -A running and -A stopped against a
// job table: the first word of each command, highest job number first,
// disowned jobs left out, as bash's it_init_joblist.
func TestCompgenJobs(t *testing.T) {
	s, stdout, _ := newTestShell(t, Options{})
	jt := s.jobs
	jt.mu.Lock()
	for _, j := range []*job{
		{text: "sleep 100", bg: true, procs: []*proc{{state: procRunning}}},
		{text: "vim notes", procs: []*proc{{state: procStopped}}},
		{text: "cat | sort", bg: true, procs: []*proc{{state: procStopped}, {state: procStopped}}},
		{text: "(sleep 50)", bg: true, procs: []*proc{{state: procRunning}}},
		{text: "sleep 3", bg: true, procs: []*proc{{state: procRunning}}, disowned: true},
		{text: "true", procs: []*proc{{state: procExited}}},
	} {
		jt.listLocked(j)
	}
	jt.mu.Unlock()
	tests := []struct {
		line string
		want []string
	}{
		{"compgen -j", []string{"true", "(", "cat", "vim", "sleep"}},
		{"compgen -A job", []string{"true", "(", "cat", "vim", "sleep"}},
		{"compgen -j s", []string{"sleep"}},
		{"compgen -A running", []string{"(", "sleep"}},
		{"compgen -A stopped", []string{"cat", "vim"}},
		{"compgen -A stopped -- v", []string{"vim"}},
		{"compgen -j -P '%'", []string{"%true", "%(", "%cat", "%vim", "%sleep"}},
	}
	for _, tt := range tests {
		if got := compgenOut(t, s, stdout, tt.line); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestCompgenNoJobs checks that without jobs -j gives nothing and status 1.
func TestCompgenNoJobs(t *testing.T) {
	s, stdout, _ := newTestShell(t, Options{})
	if got := compgenOut(t, s, stdout, `compgen -j; echo "status $?"`); !reflect.DeepEqual(got, []string{"status 1"}) {
		t.Errorf("compgen -j: %q", got)
	}
}

// TestCompgenBuiltinActions checks -A enabled (every built-in, as gosh
// cannot disable one), -A disabled (none) and -A helptopic (what help
// knows).
func TestCompgenBuiltinActions(t *testing.T) {
	s, stdout, _ := newTestShell(t, Options{})
	builtins := compgenOut(t, s, stdout, "compgen -b")
	if len(builtins) < 40 || !slices.Contains(builtins, "cd") || !slices.Contains(builtins, "compgen") {
		t.Fatalf("compgen -b: %q", builtins)
	}
	if got := compgenOut(t, s, stdout, "compgen -A enabled"); !reflect.DeepEqual(got, builtins) {
		t.Errorf("compgen -A enabled: %q, want the built-ins %q", got, builtins)
	}
	if got := compgenOut(t, s, stdout, `compgen -A disabled; echo "status $?"`); !reflect.DeepEqual(got, []string{"status 1"}) {
		t.Errorf("compgen -A disabled: %q", got)
	}
	topics := compgenOut(t, s, stdout, "compgen -A helptopic")
	if !reflect.DeepEqual(topics, s.helpNames()) || !slices.IsSorted(topics) {
		t.Errorf("compgen -A helptopic: %q, want %q", topics, s.helpNames())
	}
	for _, b := range builtins {
		if !slices.Contains(topics, b) {
			t.Errorf("help topic %q missing", b)
		}
		if _, ok := s.helpTopicFor(b); !ok {
			t.Errorf("help has no topic for the built-in %q", b)
		}
	}
	if got := compgenOut(t, s, stdout, "compgen -A helptopic hi"); !reflect.DeepEqual(got, []string{"history"}) {
		t.Errorf("compgen -A helptopic hi: %q", got)
	}
}

// TestCompleteNoSortResult checks that -o nosort, from complete or from
// compopt in the function, reaches the editor as Result.NoSort.
func TestCompleteNoSortResult(t *testing.T) {
	s, _ := completionShell(t, `
complete -o nosort -W "c b a" ncmd
complete -W "c b a" scmd
_f() { compopt -o nosort; COMPREPLY=(z y); }
complete -F _f fcmd`)
	for _, tc := range []struct {
		line   string
		noSort bool
		want   []string
	}{
		{"ncmd ", true, []string{"c", "b", "a"}},
		{"scmd ", false, []string{"c", "b", "a"}},
		{"fcmd ", true, []string{"z", "y"}},
	} {
		r := s.completeLine(context.Background(), tc.line, len(tc.line), '\t')
		var got []string
		for _, c := range r.Candidates {
			got = append(got, c.Text)
		}
		if r.NoSort != tc.noSort || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: NoSort %v %q, want %v %q", tc.line, r.NoSort, got, tc.noSort, tc.want)
		}
	}
}

// TestPrefetchDir checks that the prompt's prefetch leaves the current
// directory's listing in the completion cache, and that a cd to another
// directory prefetches that one.
func TestPrefetchDir(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		os.WriteFile(filepath.Join(d, "file"), nil, 0o644)
		os.Chtimes(d, old, old)
	}
	s, _, _ := newTestShell(t, Options{Dir: dirs[0]})
	for i, d := range dirs {
		if i > 0 {
			if err := s.RunString(context.Background(), "cd "+d); err != nil {
				t.Fatal(err)
			}
		}
		if shellDirCache.Has(d) {
			t.Fatalf("%s cached before the prefetch", d)
		}
		s.prefetchDir()
		for deadline := time.Now().Add(10 * time.Second); prefetcher.busy() && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		if !shellDirCache.Has(d) {
			t.Errorf("%s not cached after the prefetch", d)
		}
	}
}
