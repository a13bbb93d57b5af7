package shell

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestInteractiveInput feeds an interactive shell lines as a user would
// type them: history expansion with bash's echo of the expanded line,
// continuation after a backslash, IGNOREEOF.
func TestInteractiveInput(t *testing.T) {
	tests := []struct {
		name, input, env       string
		wantStdout, wantStderr string
		wantCode               int
	}{
		{
			name:       "!! is echoed and run",
			input:      "echo hi\n!!\n",
			wantStdout: "hi\nhi\n",
			wantStderr: "$ $ echo hi\n$ exit\n",
		},
		{
			name:       "!$ and ^old^new",
			input:      "echo a b\necho !$\n^b^c\n",
			wantStdout: "a b\nb\nc\n",
			wantStderr: "$ $ echo b\n$ echo c\n$ exit\n",
		},
		{
			name:       "failed expansion drops the line",
			input:      "!nope\necho after $?\n",
			wantStdout: "after 0\n",
			wantStderr: "$ gosh: !nope: event not found\n$ $ exit\n",
		},
		{
			name:       ":p prints without running",
			input:      "echo x\n!!:p\nhistory 2\n",
			wantStdout: "x\n    2  echo x\n    3  history 2\n",
			wantStderr: "$ $ echo x\n$ $ exit\n",
		},
		{
			name:       "a trailing backslash continues the line",
			input:      "echo a \\\nb\n# comment \\\necho c\n",
			wantStdout: "a b\nc\n",
			wantStderr: "$ > $ $ $ exit\n",
		},
		{
			name:       "IGNOREEOF",
			env:        "IGNOREEOF=2",
			input:      "",
			wantStderr: "$ Use \"exit\" to leave the shell.\n$ Use \"exit\" to leave the shell.\n$ exit\n",
		},
		{
			name:       "IGNOREEOF that is not a number is 10",
			env:        "IGNOREEOF=x",
			input:      "",
			wantStderr: "$ " + strings.Repeat("Use \"exit\" to leave the shell.\n$ ", 10) + "exit\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
			if tt.env != "" {
				env = append(env, tt.env)
			}
			s, stdout, stderr := newTestShell(t, Options{Interactive: true, Stdin: strings.NewReader(tt.input), Env: env})
			err := s.RunInteractive(context.Background())
			if stdout.String() != tt.wantStdout || stderr.String() != tt.wantStderr {
				t.Errorf("stdout, stderr = %q, %q\nwant %q, %q", stdout, stderr, tt.wantStdout, tt.wantStderr)
			}
			if code := ExitCode(err); code != tt.wantCode {
				t.Errorf("exit code %d, want %d", code, tt.wantCode)
			}
		})
	}
}

func TestContinued(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"echo a\n", false},
		{"echo a \\\n", true},
		{"echo a \\\\\n", false},
		{"echo a \\\\\\\n", true},
		{"# note \\\n", false},
		{"echo x # note \\\n", false},
	}
	for _, tt := range tests {
		if got := continued(tt.src); got != tt.want {
			t.Errorf("continued(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
