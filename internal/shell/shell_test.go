package shell

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/interp"
)

// result is what running a script produced.
type result struct {
	stdout, stderr string
	code           int
	err            error
}

// newTestShell returns a shell writing to buffers. Env defaults to a
// minimal environment so that the tests do not depend on the caller's.
func newTestShell(t *testing.T, opts Options) (*Shell, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	opts.Stdout, opts.Stderr = &stdout, &stderr
	if opts.Env == nil {
		opts.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	}
	s, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s, &stdout, &stderr
}

// runString runs src in a new shell configured by opts.
func runString(t *testing.T, opts Options, src string) result {
	t.Helper()
	s, stdout, stderr := newTestShell(t, opts)
	err := s.RunString(context.Background(), src)
	return result{stdout.String(), stderr.String(), ExitCode(err), err}
}

func TestRunString(t *testing.T) {
	tests := []struct {
		name       string
		opts       Options
		src        string
		wantStdout string
		wantStderr string
		wantCode   int
	}{
		{name: "echo", src: "echo hello", wantStdout: "hello\n"},
		{name: "empty", src: "", wantStdout: ""},
		{name: "default $0", src: `echo "$0"`, wantStdout: "gosh\n"},
		{name: "named $0", opts: Options{Name: "myscript"}, src: `echo "$0"`, wantStdout: "myscript\n"},
		{
			name:       "positional parameters",
			opts:       Options{Args: []string{"a b", "c"}},
			src:        `echo "$#" "$1" "$2"; for a; do echo "[$a]"; done`,
			wantStdout: "2 a b c\n[a b]\n[c]\n",
		},
		{
			// Arguments that look like options are still parameters.
			name:       "dash parameters",
			opts:       Options{Args: []string{"-e", "--", "-x"}},
			src:        `printf "%s\n" "$@"; false; echo still here`,
			wantStdout: "-e\n--\n-x\nstill here\n",
		},
		{name: "exit status", src: "exit 3", wantCode: 3},
		{name: "exit stops", src: "echo a; exit 4; echo b", wantStdout: "a\n", wantCode: 4},
		{name: "exit 0 after failure", src: "false; exit 0", wantCode: 0},
		{name: "last command status", src: "true; false", wantCode: 1},
		{name: "success after failure", src: "false; true", wantCode: 0},
		{name: "environment", opts: Options{Env: []string{"FOO=bar"}}, src: `echo "$FOO"`, wantStdout: "bar\n"},
		{name: "functions", src: "f() { echo \"f:$1\"; }\nf x", wantStdout: "f:x\n"},
		{
			name:       "command not found",
			src:        "gosh-no-such-command; echo $?",
			wantStdout: "127\n",
			wantStderr: "gosh: gosh-no-such-command: command not found\n",
		},
		{
			name:       "aliases need interactive",
			src:        "alias hi='echo hi'\nhi",
			wantStderr: "gosh: hi: command not found\n",
			wantCode:   127,
		},
		{
			name:       "aliases when interactive",
			opts:       Options{Interactive: true, NoRC: true},
			src:        "alias hi='echo hi'\nhi",
			wantStdout: "hi\n",
		},
		{
			name:       "syntax error runs nothing",
			src:        "echo ran\nif true; then",
			wantStderr: "", // Report is the caller's job.
			wantCode:   2,
		},
		{name: "exit trap", src: "trap 'echo bye' EXIT; echo hi", wantStdout: "hi\nbye\n"},
		{
			name:       "stdin",
			opts:       Options{Stdin: strings.NewReader("line1\nline2\n")},
			src:        "read a; read b; echo \"$b $a\"",
			wantStdout: "line2 line1\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runString(t, tt.opts, tt.src)
			if got.stdout != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", got.stdout, tt.wantStdout)
			}
			if got.stderr != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", got.stderr, tt.wantStderr)
			}
			if got.code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (err %v)", got.code, tt.wantCode, got.err)
			}
		})
	}
}

func TestStatePersistsAcrossRuns(t *testing.T) {
	s, stdout, _ := newTestShell(t, Options{})
	ctx := context.Background()
	for _, src := range []string{"x=1; f() { echo \"f$x\"; }", "x=$((x+1))", "f"} {
		if err := s.RunString(ctx, src); err != nil {
			t.Fatalf("RunString(%q): %v", src, err)
		}
	}
	if got, want := stdout.String(), "f2\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name           string
		run            func(s *Shell, dir string) error
		wantMsg        string
		wantIncomplete bool
	}{
		{
			name:           "command string",
			run:            func(s *Shell, _ string) error { return s.RunString(context.Background(), "if true; then") },
			wantMsg:        "-c: 1:10: `then` must be followed by a statement list",
			wantIncomplete: true,
		},
		{
			name:    "command string second line",
			run:     func(s *Shell, _ string) error { return s.RunString(context.Background(), "echo ok\necho )") },
			wantMsg: "-c: 2:6: a command can only contain words and redirects; encountered `)`",
		},
		{
			name: "file",
			run: func(s *Shell, dir string) error {
				path := filepath.Join(dir, "bad.sh")
				if err := os.WriteFile(path, []byte("echo ok\n\nfoo() {"), 0o644); err != nil {
					return err
				}
				return s.RunFile(context.Background(), path)
			},
			wantMsg:        "BAD:3:7: `{` must be followed by a statement list",
			wantIncomplete: true,
		},
		{
			name: "reader",
			run: func(s *Shell, _ string) error {
				return s.RunReader(context.Background(), strings.NewReader("echo 'open"), "stdin")
			},
			wantMsg:        "stdin:1:6: reached EOF without closing quote `'`",
			wantIncomplete: true,
		},
		{
			name: "reader without a name",
			run: func(s *Shell, _ string) error {
				return s.RunReader(context.Background(), strings.NewReader("done"), "")
			},
			wantMsg: "1:1: `done` can only be used to end a loop",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, stdout, stderr := newTestShell(t, Options{})
			err := tt.run(s, dir)
			se, ok := errors.AsType[*SyntaxError](err)
			if !ok {
				t.Fatalf("error = %v (%T), want a *SyntaxError", err, err)
			}
			want := strings.ReplaceAll(tt.wantMsg, "BAD", filepath.Join(dir, "bad.sh"))
			if se.Error() != want {
				t.Errorf("error = %q, want %q", se.Error(), want)
			}
			if se.Incomplete != tt.wantIncomplete {
				t.Errorf("Incomplete = %v, want %v", se.Incomplete, tt.wantIncomplete)
			}
			if ExitCode(err) != 2 {
				t.Errorf("ExitCode = %d, want 2", ExitCode(err))
			}
			if stdout.Len() != 0 || stderr.Len() != 0 {
				t.Errorf("output %q %q, want none: nothing may run", stdout, stderr)
			}
			if code := s.Report(err); code != 2 {
				t.Errorf("Report = %d, want 2", code)
			}
			if got := stderr.String(); got != "gosh: "+want+"\n" {
				t.Errorf("Report wrote %q", got)
			}
		})
	}
}

func TestRunFile(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "script.sh")
	if err := os.WriteFile(script, []byte("echo \"$0:$1\"\nexit 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.sh")
	tests := []struct {
		name       string
		opts       Options
		path       string
		wantStdout string
		wantStderr string // as written by Report
		wantCode   int
	}{
		{name: "runs with $0 = path", opts: Options{Args: []string{"x"}}, path: script, wantStdout: script + ":x\n", wantCode: 5},
		{name: "explicit name", opts: Options{Name: "n"}, path: script, wantStdout: "n:\n", wantCode: 5},
		{name: "missing", path: missing, wantStderr: "gosh: " + missing + ": no such file or directory\n", wantCode: 127},
		{name: "directory", path: dir, wantStderr: "gosh: " + dir + ": is a directory\n", wantCode: 126},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, stdout, stderr := newTestShell(t, tt.opts)
			code := s.Report(s.RunFile(context.Background(), tt.path))
			if stdout.String() != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout, tt.wantStdout)
			}
			if stderr.String() != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", stderr, tt.wantStderr)
			}
			if code != tt.wantCode {
				t.Errorf("code = %d, want %d", code, tt.wantCode)
			}
		})
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, 0},
		{"exit status", interp.ExitStatus(42), 42},
		{"wrapped exit status", errors.Join(errors.New("x"), interp.ExitStatus(7)), 7},
		{"syntax error", &SyntaxError{Source: "-c", Line: 1, Col: 1, Msg: "m"}, 2},
		{"not found", openError("f", os.ErrNotExist), 127},
		{"unreadable", openError("f", os.ErrPermission), 126},
		{"other", errors.New("boom"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExitCode(tt.err); got != tt.want {
				t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

func TestReportIsQuietForExitStatus(t *testing.T) {
	s, _, stderr := newTestShell(t, Options{})
	if code := s.Report(interp.ExitStatus(3)); code != 3 {
		t.Errorf("code = %d, want 3", code)
	}
	if code := s.Report(nil); code != 0 {
		t.Errorf("code = %d, want 0", code)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
	if code := s.Report(errors.New("boom")); code != 1 || stderr.String() != "gosh: boom\n" {
		t.Errorf("Report(boom) = %d, stderr %q", code, stderr)
	}
}

func TestSyntaxErrorFormat(t *testing.T) {
	tests := []struct {
		source string
		want   string
	}{
		{"", "3:4: msg"},
		{CommandSource, "-c: 3:4: msg"},
		{"dir/f.sh", "dir/f.sh:3:4: msg"},
	}
	for _, tt := range tests {
		e := &SyntaxError{Source: tt.source, Line: 3, Col: 4, Msg: "msg"}
		if got := e.Error(); got != tt.want {
			t.Errorf("Source %q: Error() = %q, want %q", tt.source, got, tt.want)
		}
	}
}
