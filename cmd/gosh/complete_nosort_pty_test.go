package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/goshell/gosh/internal/ptytest"
)

// ptyShells returns gosh and, when it is installed, bash, as
// startShellIn runs them.
func ptyShells(t *testing.T) map[string][]string {
	shells := map[string][]string{"gosh": {filepath.Join(binDir, "gosh"), "-i", "--norc"}}
	if path, err := exec.LookPath("bash"); err == nil {
		shells["bash"] = []string{path, "--norc", "--noprofile", "-i"}
	} else {
		t.Log("bash not found: checking gosh against the expected output only")
	}
	return shells
}

// ptyWorkDir makes root/work and root/bin, with the commands named
// linked into bin, and returns root/work.
func ptyWorkDir(t *testing.T, commands ...string) string {
	root := t.TempDir()
	work, bin := filepath.Join(root, "work"), filepath.Join(root, "bin")
	os.MkdirAll(work, 0o755)
	os.MkdirAll(bin, 0o755)
	for _, c := range commands {
		path, err := exec.LookPath(c)
		if err != nil {
			t.Skipf("no %s: %v", c, err)
		}
		if err := os.Symlink(path, filepath.Join(bin, c)); err != nil {
			t.Fatal(err)
		}
	}
	return work
}

// typeMarked types keys (a command line or the keys of one), then a
// marker command and Enter, and returns what appeared up to the marker's
// output, without control sequences and carriage returns: all of it, and
// what followed the line typed (the command's output).
func typeMarked(p *ptytest.PTY, keys string) (all, output string) {
	p.Type(keys + `; echo @@""@@` + "\r")
	all = p.WaitFor("@@@@", wait)
	p.WaitFor("$ ", wait)
	all = strings.ReplaceAll(csi.ReplaceAllString(all, ""), "\r", "")
	all = strings.TrimSuffix(all, "@@@@")
	output = all
	if i := strings.LastIndex(output, `@@""@@`); i >= 0 {
		output = output[i+len(`@@""@@`):]
	}
	return all, strings.TrimPrefix(output, "\n")
}

// listLine matches a list of one-letter candidates, as a second TAB
// shows it.
var listLine = regexp.MustCompile(`(?m)^(?:[a-e] +)+[a-e] *$`)

// TestCompleteNoSortPTY checks on a terminal that complete -o nosort and
// compopt -o nosort keep the order of the matches in the list a second
// TAB shows (readline's rl_sort_completion_matches off), removing only
// adjacent duplicates, and that without it the list is sorted, against
// bash 5.2 doing the same when it is installed.
func TestCompleteNoSortPTY(t *testing.T) {
	work := ptyWorkDir(t)
	setup := `complete -o nosort -W 'c b a' nos; complete -W 'c b a' srt; complete -o nosort -W 'b c c b a' dup; ` +
		`_cf() { compopt -o nosort; COMPREPLY=(e d c); }; complete -F _cf cfn`
	cases := []struct{ cmd, want string }{
		{"nos", "c b a"},
		{"srt", "a b c"},
		{"dup", "b c b a"},
		{"cfn", "e d c"},
	}
	for name, shell := range ptyShells(t) {
		p := startShellIn(t, shell, work, work)
		p.Type(setup + "\r")
		p.WaitFor("$ ", wait)
		for _, tc := range cases {
			// TAB TAB lists; C-u empties the line for the marker.
			out, _ := typeMarked(p, tc.cmd+" \t\t\x15:")
			list := listLine.FindString(out)
			if got := strings.Join(strings.Fields(list), " "); got != tc.want {
				t.Errorf("%s: %s TAB TAB listed %q (output %q), want %q", name, tc.cmd, got, out, tc.want)
			}
		}
		p.Type("exit\r")
		p.Wait(wait)
	}
}

// TestCompgenJobsPTY checks compgen -j, -A running and -A stopped at an
// interactive shell with jobs: the first word of each job's command
// ("(" for a subshell), the highest job number first, against bash 5.2
// when it is installed.
func TestCompgenJobsPTY(t *testing.T) {
	work := ptyWorkDir(t, "sleep", "cat")
	cases := []struct {
		line string
		want []string
	}{
		{"compgen -j", []string{"cat", "(", "sleep"}},
		{"compgen -A job s", []string{"sleep"}},
		{"compgen -A running", []string{"(", "sleep"}},
		{"compgen -A stopped", []string{"cat"}},
		{`compgen -A running -P %`, []string{"%(", "%sleep"}},
	}
	for name, shell := range ptyShells(t) {
		p := startShellIn(t, shell, work, work)
		p.Type("sleep 100 &\r")
		p.WaitFor("$ ", wait)
		p.Type("(sleep 50) &\r")
		p.WaitFor("$ ", wait)
		// cat reads the terminal from the background and stops.
		p.Type("cat &\r")
		p.WaitFor("$ ", wait)
		typeMarked(p, "sleep 0.5")
		for _, tc := range cases {
			_, out := typeMarked(p, tc.line)
			var got []string
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if l != "" && !strings.HasPrefix(l, "[") {
					got = append(got, l)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: %s: %q (output %q), want %q", name, tc.line, got, out, tc.want)
			}
		}
		// At the prompt: TAB completes a job from complete -j.
		p.Type(`fgx() { printf '[%s]' "$@"; }; complete -j -P % fgx` + "\r")
		p.WaitFor("$ ", wait)
		if _, out := typeMarked(p, "fgx s\t"); out != "[%sleep]" {
			t.Errorf("%s: fgx s TAB: %q, want [%%sleep]", name, out)
		}
		p.Type("kill %1 %2; kill -9 %3\r")
		p.WaitFor("$ ", wait)
		p.Type("exit\r")
		p.Type("exit\r")
		p.Wait(wait)
	}
}
