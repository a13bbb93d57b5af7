package shell

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// TestScriptJobs: in a script (gosh -c, gosh FILE) every "CMD &" is a
// job, as in bash: $! is its process ID, jobs lists it, kill and wait
// take %1 and $!, and nothing is announced or reported. A statement that
// needs a shell runs in a worker process given the shell's state, as a
// forked bash has it. Where bash is on the machine, its output must match
// too.
func TestScriptJobs(t *testing.T) {
	tests := []struct {
		name, src  string
		wantStdout string // a regular expression
	}{
		{"job spec", `sleep 10 & jobs; kill %1; wait %1; echo st=$?`, `^\[1\]\+  Running +sleep 10 &\nst=143\n$`},
		{"$! is the process ID", `sleep 10 & p=$!; kill $p; wait $p; echo "st=$?"; case $p in ""|*[!0-9]*) echo "p=$p";; *) echo p=pid;; esac`, `^st=143\np=pid\n$`},
		{"output goes on while a job runs", "echo a\nsleep 10 &\necho b\nkill %1; wait %1; echo st=$?", `^a\nb\nst=143\n$`},
		{"jobs forgets a job that ended", `sleep 0.1 & sleep 0.4; jobs; echo end`, `^end\n$`},
		{"wait for all", "sleep 0.2 &\nsleep 0.1 &\nwait; echo $?; jobs", `^0\n$`},
		{"$! in a function called later", `f() { kill $!; }; sleep 10 & f; wait $!; echo st=$?`, `^st=143\n$`},
		{"a subshell job is a process", `(exit 3) & p=$!; wait $p; echo "st=$?"; case $p in *[!0-9]*) echo "p=$p";; *) echo p=pid;; esac`, `^st=3\np=pid\n$`},
		{"a & in a loop or a function", `for i in 1 2; do (exit $i) & done; wait $!; echo "st=$?"; f() { (exit 7) & }; f; wait $!; echo "st=$?"`, `^st=2\nst=7\n$`},
		{"a killed worker", `{ sleep 10; echo no; } & kill $!; wait $!; echo "st=$?"`, `^st=143\n$`},
		{"variables, arrays, locals and options go along", `set -uo pipefail; x=5; a=(1 "2 3"); declare -A m=([k]=v)
f() { local l=loc; { false | true; echo "pipefail $? $x ${a[1]} ${m[k]} $l $1"; } & wait $!; }; f arg`, `^pipefail 1 5 2 3 v loc arg\n$`},
		{"$$ and $PPID are the shell's", `p=$$ pp=$PPID; { [ "$p" = "$$" ] && [ "$pp" = "$PPID" ] && echo same; } & wait`, `^same\n$`},
		{"functions, aliases and shopt go along", "shopt -s expand_aliases nullglob\nalias say='echo said'\ng() { say \"$@\"; }\n{ g a; for f in /nonexistent*; do echo \"$f\"; done; echo end; } & wait", `^said a\nend\n$`},
		{"a built-in or function alone", `echo hi & wait; f() { echo "f $*"; return 4; }; f 1 2 & wait $!; echo "st=$?"`, `^hi\nf 1 2\nst=4\n$`},
		{"redirections of the statement", "{ echo a; echo b >&2; } 2>&1 & wait; cat <<EOF &\nhere $((1+2))\nEOF\nwait", `^a\nb\nhere 3\n$`},
		{"standard input is /dev/null", `cat & wait; { read -r v; echo "v=${v-unset}"; } & wait`, `^v=\n$`},
		{"$? goes along", `false; { echo "st=$?"; } & wait`, `^st=1\n$`},
	}
	bash, _ := exec.LookPath("bash")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr := runToFiles(t, tt.src)
			got := stdout
			if !regexp.MustCompile(tt.wantStdout).MatchString(got) || stderr != "" {
				t.Errorf("gosh: stdout %q, stderr %q; want stdout to match %q and no stderr", stdout, stderr, tt.wantStdout)
			}
			if bash == "" {
				return
			}
			out, err := exec.Command(bash, "--norc", "--noprofile", "-c", tt.src).CombinedOutput()
			if err != nil {
				t.Fatalf("bash: %v: %s", err, out)
			}
			if want := string(out); want != got {
				t.Errorf("gosh printed %q, bash %q", got, want)
			}
		})
	}
}

// runToFiles runs src in a new shell whose standard output and error are
// files, as gosh -c has them: a job's process then writes to the file
// itself, where a buffer would be written by a copying goroutine while
// the script goes on (a bytes.Buffer is not safe for that).
func runToFiles(t *testing.T, src string) (stdout, stderr string) {
	t.Helper()
	dir := t.TempDir()
	out, err := os.Create(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	errf, err := os.Create(filepath.Join(dir, "err"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Stdout: out, Stderr: errf, Env: []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}})
	if err != nil {
		t.Fatal(err)
	}
	s.RunString(context.Background(), src) //nolint:errcheck // the output is what is checked
	out.Close()
	errf.Close()
	o, _ := os.ReadFile(filepath.Join(dir, "out"))
	e, _ := os.ReadFile(filepath.Join(dir, "err"))
	return string(o), string(e)
}

// TestDeclareFAsWritten: declare -f prints a function as written, not as
// gosh rewrote it to start its "&" statements as jobs and read $!.
func TestDeclareFAsWritten(t *testing.T) {
	stdout, stderr := runToFiles(t, `f() { sleep 0 & echo "$!" >/dev/null; }; g() { echo $!; }; h() { echo plain; }
declare -f f g h nope; echo "st=$?"; typeset -f h`)
	want := "f()\n{\n\tsleep 0 &\n\techo \"$!\" >/dev/null\n}\ng()\n{ echo $!; }\nh()\n{ echo plain; }\nst=1\nh()\n{ echo plain; }\n"
	if stdout != want || stderr != "" {
		t.Errorf("got stdout %q, stderr %q; want %q", stdout, stderr, want)
	}
}

// TestBackgroundTrace: under set -x, a background command is traced as
// bash's child traces it, not as the call gosh makes of it.
func TestBackgroundTrace(t *testing.T) {
	_, stderr := runToFiles(t, "set -x; sleep 0 > /dev/null & wait")
	if want := "+ sleep 0\n+ wait\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}
