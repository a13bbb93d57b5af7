package shell

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunInteractive(t *testing.T) {
	tests := []struct {
		name       string
		env        []string
		input      string
		wantStdout string
		wantStderr string
		wantCode   int
	}{
		{
			name:       "one command per line",
			input:      "echo a\necho b\n",
			wantStdout: "a\nb\n",
			wantStderr: "$ $ $ exit\n",
		},
		{
			name:       "continuation lines",
			input:      "if true; then\necho yes\nfi\n",
			wantStdout: "yes\n",
			wantStderr: "$ > > $ exit\n",
		},
		{
			name:       "syntax error does not stop the shell",
			input:      "echo )\necho after\n",
			wantStdout: "after\n",
			wantStderr: "$ gosh: 1:6: a command can only contain words and redirects; encountered `)`\n$ $ exit\n",
		},
		{
			name:       "state is kept between lines",
			input:      "x=1\nf() { echo \"x=$x\"; }\nx=2\nf\n",
			wantStdout: "x=2\n",
			wantStderr: "$ $ $ $ $ exit\n",
		},
		{
			name:       "exit",
			input:      "echo a\nexit 3\necho never\n",
			wantStdout: "a\n",
			wantStderr: "$ $ exit\n",
			wantCode:   3,
		},
		{
			name:       "status of the last command at end of input",
			input:      "false",
			wantStderr: "$ exit\n",
			wantCode:   1,
		},
		{
			name:       "incomplete command at end of input",
			input:      "echo 'a\n",
			wantStderr: "$ > gosh: 1:6: reached EOF without closing quote `'`\nexit\n",
			wantCode:   2,
		},
		{
			name:       "custom prompts",
			env:        []string{"PS1=gosh> "},
			input:      "PS2='.. '\nfor i in 1 2\ndo echo $i; done\n",
			wantStdout: "1\n2\n",
			wantStderr: "gosh> gosh> .. gosh> exit\n",
		},
		{
			name:       "aliases",
			input:      "alias hi='echo hi'\nhi\n",
			wantStdout: "hi\n",
			wantStderr: "$ $ $ exit\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, tt.env...)
			s, stdout, stderr := newTestShell(t, Options{
				Interactive: true,
				Stdin:       strings.NewReader(tt.input),
				Env:         env,
			})
			err := s.RunInteractive(context.Background())
			if stdout.String() != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout, tt.wantStdout)
			}
			if stderr.String() != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", stderr, tt.wantStderr)
			}
			if code := ExitCode(err); code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (err %v)", code, tt.wantCode, err)
			}
		})
	}
}

func TestRunInteractiveSourcesRC(t *testing.T) {
	home := t.TempDir()
	rc := "PS1='rc> '\necho from rc\n"
	if err := os.WriteFile(filepath.Join(home, RCFileName), []byte(rc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, stdout, stderr := newTestShell(t, Options{
		Interactive: true,
		Stdin:       strings.NewReader("echo hi\n"),
		Env:         []string{"HOME=" + home},
	})
	if err := s.RunInteractive(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, want := stdout.String(), "from rc\nhi\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	if got, want := stderr.String(), "rc> rc> exit\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
}

func TestRunInteractiveCanceled(t *testing.T) {
	s, stdout, _ := newTestShell(t, Options{Stdin: strings.NewReader("echo a\n")})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.RunInteractive(ctx); err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
}
