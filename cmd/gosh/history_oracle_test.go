package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// historyScripts are run by bash and by gosh; their output and exit
// status must agree. Each runs in a fresh directory with HISTFILE unset.
var historyScripts = []string{
	`history -s foo bar; history -s baz; history`,
	`history -s a; history -s b; history -s c; history 2; history 0; history 9`,
	`history -s a; history -s b; history -s c; history -d 2; history`,
	`history -s a; history -s b; history -s c; history -d -1; history`,
	`history -s a; history -s b; history -s c; history -s d; history -d 2-3; history`,
	`history -s a; history -d 5; echo $?; history -d x; echo $?; history -d 0; echo $?`,
	`history -s a; history -c; history; history -s b; history`,
	`history abc; echo $?`,
	`history -z; echo $?`,
	`history -s "echo one two"; history -w h1; cat h1; history -c; history -r h1; history`,
	`history -s a; history -s b; history -a h2; history -s c; history -a h2; cat h2`,
	`history -s a; history -w h3; printf 'other\n' >> h3; history -n h3; history`,
	`HISTTIMEFORMAT='%Y'; history -s x; history -w h4; grep -c '^#[0-9]' h4; history -c; history -r h4; history | sed 's/[0-9]\{4\}x/YEARx/'`,
	`history -s "echo a b c"; history -p '!!' '!!:1' '!$' 'x !!:s/a/A/'`,
	`history -s "ls /tmp/file.txt"; history -p '!!:$:h' '!!:$:t' '!!:$:r' '!!:$:e' '!ls'`,
	`history -p '!nothing'; echo $?`,
	`HISTSIZE=2; history -s a; history -s b; history -s c; history`,
	`history -r /nonexistent; echo $?; history -n /nonexistent; echo $?`,
}

func TestHistoryBuiltinOracle(t *testing.T) {
	bash := bashOracle(t)
	for _, script := range historyScripts {
		run := func(argv ...string) (string, int) {
			dir := t.TempDir()
			cmd := exec.Command(argv[0], append(argv[1:], script)...)
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "LC_ALL=C"}
			out, err := cmd.Output()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			return string(out), code
		}
		want, wcode := run(bash, "--norc", "--noprofile", "-c")
		got, gcode := run(filepath.Join(binDir, "gosh"), "--norc", "-c")
		if want != got || wcode != gcode {
			t.Errorf("script %q:\nbash (%d):\n%s\ngosh (%d):\n%s", script, wcode, indent(want), gcode, indent(got))
		}
	}
}

func indent(s string) string {
	return "\t" + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n\t")
}
