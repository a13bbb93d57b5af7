package shell

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRC(t *testing.T) {
	const script = `echo "greeting=$greeting"; hi`
	tests := []struct {
		name        string
		rc          string // contents of ~/.goshrc; "" means no file
		interactive bool
		noRC        bool
		wantStdout  string
		wantStderr  string
		wantCode    int
	}{
		{
			name:        "interactive sources rc",
			rc:          "greeting=hello\nalias hi='echo hi from alias'\n",
			interactive: true,
			wantStdout:  "greeting=hello\nhi from alias\n",
		},
		{
			name:        "norc",
			rc:          "greeting=hello\nalias hi='echo hi from alias'\n",
			interactive: true,
			noRC:        true,
			wantStdout:  "greeting=\n",
			wantStderr:  "gosh: hi: command not found\n",
			wantCode:    127,
		},
		{
			name:       "non-interactive ignores rc",
			rc:         "greeting=hello\n",
			wantStdout: "greeting=\n",
			wantStderr: "gosh: hi: command not found\n",
			wantCode:   127,
		},
		{
			name:        "missing rc",
			interactive: true,
			wantStdout:  "greeting=\n",
			wantStderr:  "gosh: hi: command not found\n",
			wantCode:    127,
		},
		{
			name:        "rc syntax error stops the rc file, not the shell",
			rc:          "greeting=hello\nif\ngreeting=never\n",
			interactive: true,
			wantStdout:  "greeting=hello\n",
			wantStderr:  "gosh: RC:2:1: `if <cond>` must be followed by `then`\ngosh: hi: command not found\n",
			wantCode:    127,
		},
		{
			name:        "rc failures do not stop the shell",
			rc:          "false\ngreeting=after\nhi() { echo fn; }\n",
			interactive: true,
			wantStdout:  "greeting=after\nfn\n",
		},
		{
			name:        "exit in rc ends the shell",
			rc:          "echo in rc\nexit 5\ngreeting=never\n",
			interactive: true,
			wantStdout:  "in rc\n",
			wantCode:    5,
		},
		{
			name:        "exit trap in rc is not run at the end of the rc",
			rc:          "trap 'echo bye' EXIT\ngreeting=t\nhi() { echo fn; }\n",
			interactive: true,
			wantStdout:  "greeting=t\nfn\nbye\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			rcPath := filepath.Join(home, RCFileName)
			if tt.rc != "" {
				if err := os.WriteFile(rcPath, []byte(tt.rc), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			opts := Options{
				Interactive: tt.interactive,
				NoRC:        tt.noRC,
				Env:         []string{"HOME=" + home, "PATH=" + os.Getenv("PATH")},
			}
			s, stdout, stderr := newTestShell(t, opts)
			if got := s.RCPath(); got != rcPath {
				t.Errorf("RCPath() = %q, want %q", got, rcPath)
			}
			err := s.RunString(context.Background(), script)
			if stdout.String() != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout, tt.wantStdout)
			}
			if want := strings.ReplaceAll(tt.wantStderr, "RC", rcPath); stderr.String() != want {
				t.Errorf("stderr = %q, want %q", stderr, want)
			}
			if code := ExitCode(err); code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (err %v)", code, tt.wantCode, err)
			}
		})
	}
}

func TestRCIsSourcedOnce(t *testing.T) {
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, RCFileName), []byte("n=$((n+1))\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, stdout, _ := newTestShell(t, Options{Interactive: true, Env: []string{"HOME=" + home}})
	ctx := context.Background()
	for range 2 {
		if err := s.RunString(ctx, `echo "n=$n"`); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := stdout.String(), "n=1\nn=1\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

func TestRCPathWithoutHome(t *testing.T) {
	s, _, _ := newTestShell(t, Options{Env: []string{"HOME="}})
	home, err := os.UserHomeDir()
	want := ""
	if err == nil {
		want = filepath.Join(home, RCFileName)
	}
	if got := s.RCPath(); got != want {
		t.Errorf("RCPath() = %q, want %q", got, want)
	}
}
