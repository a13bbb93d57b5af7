package shell

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

func TestDecodePrompt(t *testing.T) {
	now := time.Date(2024, 5, 7, 15, 4, 5, 0, time.UTC)
	info := promptInfo{now: now, histNum: 42, cmdNum: 7, jobs: 2, shell: "gosh", terminal: "3"}
	vars := map[string]string{"HOME": "/home/u", "PWD": "/home/u/src/gosh"}
	getenv := func(name string) string {
		if v, ok := vars[name]; ok {
			return v
		}
		return unsetMarker
	}
	tests := []struct{ ps, want string }{
		{`plain> `, `plain> `},
		{`\w \W`, `~/src/gosh gosh`},
		{`\$ `, `\$ `},
		{`\t \T \@ \A`, `15:04:05 03:04:05 03:04 PM 15:04`},
		{`\d`, `Tue May 07`},
		{`\D{%Y-%m-%d}|\D{}`, `2024-05-07|15:04:05`},
		{`\! \# \j \s \l`, `42 7 2 gosh 3`},
		{`\[\e[1m\]x\[\e[0m\]`, "\x01\x1b[1m\x02x\x01\x1b[0m\x02"},
		{`\a\n\r`, "\a\n\r"},
		{`\101\060`, "A0"},
		{`\044`, `\$`},
		{`\\`, `\\`},
		{`\q`, `\q`},
		{`\v \V`, strings.Join(strings.SplitN(Version, ".", 3)[:2], ".") + " " + strings.SplitN(Version, "-", 2)[0]},
	}
	for _, tt := range tests {
		if got := decodePrompt(tt.ps, info, getenv); got != tt.want {
			t.Errorf("decodePrompt(%q) = %q, want %q", tt.ps, got, tt.want)
		}
	}
	info.root = true
	if got := decodePrompt(`\$`, info, getenv); got != "#" {
		t.Errorf(`decodePrompt(\$) as root = %q, want "#"`, got)
	}
	// What \w inserts is quoted against the expansions that follow.
	vars["PWD"] = "/tmp/$x`y`"
	if got := decodePrompt(`\w`, info, getenv); got != "/tmp/\\$x\\`y\\`" {
		t.Errorf("decodePrompt(\\w) = %q", got)
	}
}

func TestTrimDir(t *testing.T) {
	tests := []struct {
		dir  string
		n    int
		want string
	}{
		{"~/a/b/c/d", 2, "~/.../c/d"},
		{"/usr/local/share/doc", 3, "/.../local/share/doc"},
		{"/usr/local", 3, "/usr/local"},
	}
	for _, tt := range tests {
		if got := trimDir(tt.dir, tt.n); got != tt.want {
			t.Errorf("trimDir(%q, %d) = %q, want %q", tt.dir, tt.n, got, tt.want)
		}
	}
}

// TestPromptExpansion runs prompts through an interactive shell reading a
// script: escapes, then parameters, command substitution and arithmetic,
// with $? as the last command left it; PROMPT_COMMAND runs before each.
func TestPromptExpansion(t *testing.T) {
	tests := []struct {
		name, env, input, wantStdout, wantStderr string
	}{
		{"variables", `PS1=[$X]> `, "X=1\n", "", "[]> [1]> exit\n"},
		{"status", `PS1=$?> `, "false\ntrue\n", "", "0> 1> 0> exit\n"},
		{"command substitution", `PS1=$(echo sub)$((1+2))> `, "", "", "sub3> exit\n"},
		{"continuation", `PS2=\#+ `, "if true\nthen\n:; fi\necho\n", "\n", "$ 1+ 1+ $ $ exit\n"},
		{"prompt command keeps $?", "PROMPT_COMMAND=echo pc >&2", "false\necho $?\n", "1\n", "pc\n$ pc\n$ pc\n$ exit\n"},
		{"markers are dropped without an editor", `PS1=\[x\]> `, "", "", "x> exit\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, stdout, stderr := newTestShell(t, Options{
				Interactive: true,
				Stdin:       strings.NewReader(tt.input),
				Env:         []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), tt.env},
			})
			s.RunInteractive(context.Background())
			if stdout.String() != tt.wantStdout || stderr.String() != tt.wantStderr {
				t.Errorf("stdout, stderr = %q, %q; want %q, %q", stdout, stderr, tt.wantStdout, tt.wantStderr)
			}
		})
	}
}
