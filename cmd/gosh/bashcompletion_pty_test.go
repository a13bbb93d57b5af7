package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goshell/gosh/internal/ptytest"
)

const bashCompletion = "/usr/share/bash-completion/bash_completion"

// startBashCompletion starts gosh with Debian's bash-completion sourced
// from ~/.goshrc, in a project directory with a Makefile and
// directories, and an ssh config naming two hosts.
func startBashCompletion(t *testing.T) *ptytest.PTY {
	t.Helper()
	if _, err := os.Stat(bashCompletion); err != nil {
		t.Skip("bash-completion not installed (apt-get install bash-completion)")
	}
	root := t.TempDir()
	home, proj := filepath.Join(root, "home"), filepath.Join(root, "proj")
	for _, d := range []string{filepath.Join(home, ".ssh"), filepath.Join(proj, "subdir"), filepath.Join(proj, "other")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(proj, "Makefile"):       "all:\n\techo all\nbuild-thing:\n\techo b\nclean:\n\trm -f x\n",
		filepath.Join(proj, "file1.txt"):      "",
		filepath.Join(home, ".ssh", "config"): "Host alphahost\n  HostName 127.0.0.1\nHost betabox\n  HostName 127.0.0.2\n",
		filepath.Join(home, ".goshrc"):        "source " + bashCompletion + "\nPS1='$ '\n",
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "-i")
	cmd.Dir = proj
	cmd.Env = []string{"HOME=" + home, "PATH=/usr/bin:/bin", "TERM=xterm", "INPUTRC=/dev/null", "LC_ALL=C.UTF-8", "HISTFILE=" + filepath.Join(home, "hist")}
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 120, Rows: 30})
	out := p.WaitFor("$ ", wait)
	if strings.Contains(out, "gosh:") {
		t.Errorf("sourcing bash-completion reported errors:\n%s", plain(out))
	}
	return p
}

// completedLine types keys (a TAB among them), then goes to the start of
// the line and makes it an argument of echo, which shows what completion
// made of it.
func completedLine(t *testing.T, p *ptytest.PTY, keys string) string {
	t.Helper()
	p.Type(keys + "\x01echo '@@' \x05 @@\r")
	out := plain(p.WaitFor("@@\r\n", wait))
	p.WaitFor("$ ", wait)
	if i := strings.LastIndex(out, "@@ "); i >= 0 {
		out = out[i+3:]
	}
	return strings.TrimSuffix(strings.TrimSuffix(out, "@@\n"), " ")
}

func TestBashCompletionPty(t *testing.T) {
	p := startBashCompletion(t)
	tests := []struct {
		name, keys string
		want       *regexp.Regexp
	}{
		{"make: targets from the Makefile", "make bu\t", regexp.MustCompile(`^make build-thing$`)},
		{"ssh: hosts from ~/.ssh/config", "ssh al\t", regexp.MustCompile(`^ssh alphahost$`)},
		// bash gives -KILL: the interpreter ignores the # of ${v/#pat/rep}.
		{"kill: signals", "kill -KI\t", regexp.MustCompile(`^kill -(SIG)?KILL$`)},
		{"cd: directories only", "cd o\t", regexp.MustCompile(`^cd other/$`)},
		{"cd: no files", "cd fi\t", regexp.MustCompile(`^cd fi$`)},
	}
	if _, err := exec.LookPath("git"); err == nil {
		if _, err := os.Stat("/usr/share/bash-completion/completions/git"); err == nil {
			tests = append(tests, struct {
				name, keys string
				want       *regexp.Regexp
			}{"git: subcommands", "git chec\t", regexp.MustCompile(`^git checkout$`)})
		}
	}
	for _, tt := range tests {
		if got := completedLine(t, p, tt.keys); !tt.want.MatchString(got) {
			t.Errorf("%s: %q completed to %q, want %v", tt.name, tt.keys, got, tt.want)
		}
	}
}
