package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// integrationScripts are run by bash and by gosh (-c, in a fresh
// directory); their output, standard error (with bash's name for itself
// replaced) and status must agree: fc over a history prepared with
// history -s, read's options, printf %q and -v, shopt -p and -q, getopts
// at "--", cd --.
var integrationScripts = []string{
	// fc -l, -n, -r, ranges by number, offset and string.
	`history -s a; history -s b; history -s "echo c"; fc -l`,
	`history -s a; history -s b; history -s "echo c"; fc -ln`,
	`history -s a; history -s b; history -s "echo c"; fc -lr 1 2`,
	`history -s a; history -s b; history -s "echo c"; fc -l -2`,
	`history -s a; history -s b; history -s "echo c"; fc -l ec`,
	`history -s a; history -s b; history -s "echo c"; fc -l b ec`,
	`history -s a; history -s b; fc -l 5; echo st=$?`,
	`history -s a; history -s b; fc -l x; echo st=$?`,
	`history -s a; history -s b; fc -l 0; fc -l -0; fc -l 1 0`,
	`history -s a; history -s b; fc -l 3; fc -l -1; fc -l 2 1; fc -l -5 -4; fc -l -5 9`,
	`history -s a; history -s b; fc -lnr -2147483648`,
	`history -s a; history -s b; fc -l -- -1; fc -ln -0 -1`,
	`history -s a; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18; do history -s "echo $i"; done; fc -l`,
	`fc -l; echo st=$?; fc -s; echo st=$?`,
	`history -s a; fc -z; echo st=$?; fc -e; echo st=$?`,
	// fc -s: substitutions everywhere, in order; the command by prefix.
	`history -s "echo a"; history -s b; history -s "echo c"; fc -s a=X echo`,
	`history -s "echo a a"; fc -s a=b b=c; echo st=$?`,
	`history -s "echo a"; fc -s; echo st=$?`,
	`history -s "echo a"; history -s "echo b"; fc -s echo; history`,
	`history -s "echo a"; fc -s -- a=Z`,
	// read: -d, -n, -N, -a, -r, -t, -u, IFS, REPLY, errors.
	`printf 'a b c\n' | { read -a arr; echo "${#arr[@]} ${arr[2]}"; }`,
	`printf 'one:two;three' | { read -d ';' x; echo "[$x] $?"; }`,
	`printf 'abcdef' | { read -n 3 x; read -n 2 y; echo "[$x][$y]"; }`,
	`printf 'ab\ncd' | { read -N 4 x; echo "[$x] $?"; }`,
	`printf 'a\\ b c\n' | { read -d '' x y; echo "[$x][$y] $?"; }`,
	`printf 'a\\ b c\n' | { read -r -n 9 x y; echo "[$x][$y]"; }`,
	`printf 'x\\\ny\n' | { read -n 10 v; echo "[$v]"; }`,
	`printf '  lead  \n' | { read -n 20 REPLY; echo "[$REPLY]"; read -n 1; echo "$? [$REPLY]"; }`,
	`printf 'p:q:r\n' | { IFS=: read -n 20 a b; echo "[$a][$b]"; }`,
	`printf 'abc\n' | { read -u 0 -n 2 x; echo "[$x]"; }`,
	`read -u 7 x; echo st=$?; read -n x y; echo st=$?; read -t z y; echo st=$?; read -q; echo st=$?; read -n 1 1x; echo st=$?`,
	`sleep 1 | { read -t 0.1 x; echo "st=$? [$x]"; }`,
	`printf 'a b\n' | { read -n 5 -a arr; declare -p arr; }`,
	// printf %q and -v.
	`printf '%q ' "a b" "c'd" '' $'t\tx' 'é!' '~x' 'a~b' '#c' 'd#'; echo`,
	`printf -v v '%s-%q' 1 "a b"; echo "$v"; printf -v 'w[2]' %s z; echo "${w[2]}"`,
	`printf '%q\n'; printf '[%q|%s]\n' a b c`,
	// shopt -p, -q, -po; options gosh always behaves as.
	`shopt -p nullglob; shopt -s nullglob; shopt -p nullglob extglob; echo $?`,
	`shopt -po noglob; set -f; shopt -po noglob; shopt -q nullglob; echo q=$?`,
	`shopt -s progcomp; echo $?; shopt -u failglob; echo $?; shopt -q progcomp; echo $?`,
	`printf '%q\n' "$COMP_WORDBREAKS"; shopt -u hostcomplete; printf '%q\n' "$COMP_WORDBREAKS"`,
	`set +v; echo ok`,
	// getopts steps over "--".
	`f() { local OPTIND=1 flag; while getopts "ac:" flag "$@"; do echo "$flag ${OPTARG-}"; done; echo "end $flag $OPTIND"; }; f -a -- x; f -ac 1 x; f -- -a`,
	// cd -- and -L.
	`mkdir -p d/e; cd -- d; pwd; cd -L e; pwd`,
	// trap on signals: the action runs before the next command (and ends
	// a wait at once), "" ignores (in children too), -p and -l print.
	`trap 'echo got' USR1; kill -USR1 $$; echo after`,
	`trap 'echo bye' EXIT; trap 'echo u' USR1 SIGUSR2; trap -p; trap -p USR2; trap - USR2; trap -p`,
	`trap '' INT; sh -c 'kill -INT $$; echo survived'; trap - INT; sh -c 'kill -INT $$; echo survived2'; echo st=$?`,
	`trap 'echo term' TERM; (sleep 0.2; kill -TERM $$) & sleep 3 & wait $!; echo "st=$?"; kill %2; wait`,
	`trap 'echo x' NOSUCH; echo st=$?; trap -l | head -2`,
	`trap 'echo term' TERM; (sleep 0.2; kill -TERM $$) & sleep 1.5`,
	// wait -p: the job whose status wait returns.
	`(sleep 0.3; exit 3) & a=$!; (sleep 0.05; exit 4) & b=$!; wait -n -p got; st=$?; [ "$got" = "$b" ] && echo "first st=$st"; wait -np got; st=$?; [ "$got" = "$a" ] && echo "second st=$st"; (exit 5) & c=$!; wait -p got $c; st=$?; [ "$got" = "$c" ] && echo "third st=$st"`,
	`wait -p 1x; echo st=$?`,
}

// bashPrefix starts bash's messages: its path, then the line.
var bashPrefix = regexp.MustCompile(`(?m)^\S*bash: line \d+: `)

func TestIntegrationsOracle(t *testing.T) {
	bash := bashOracle(t)
	for _, script := range integrationScripts {
		run := func(argv ...string) (string, int) {
			dir := t.TempDir()
			cmd := exec.Command(argv[0], append(argv[1:], script)...)
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "LC_ALL=C.UTF-8"}
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			text := strings.ReplaceAll(string(out), dir, "DIR")
			text = bashPrefix.ReplaceAllString(text, "gosh: ")
			return text, code
		}
		want, wcode := run(bash, "--norc", "--noprofile", "-c")
		got, gcode := run(filepath.Join(binDir, "gosh"), "--norc", "-c")
		if want != got || wcode != gcode {
			t.Errorf("script %q:\nbash (%d):\n%s\ngosh (%d):\n%s", script, wcode, indent(want), gcode, indent(got))
		}
	}
}

// TestFcInteractiveOracle runs fc in interactive shells reading their
// commands from a pipe, where the fc command line is in the history as
// it runs: fc leaves it out, and fc -s and fc -e put the command they run
// in its place.
func TestFcInteractiveOracle(t *testing.T) {
	bash := bashOracle(t)
	dir := t.TempDir()
	editor := filepath.Join(dir, "ed.sh")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\nsed -i 's/two/zwei/' \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	input := "echo one\necho two\nfc -l\nfc -ln -2\nfc -s one=uno 'echo o'\nfc -l\nfc -s two\nfc -l -3\n" +
		"fc -e " + editor + " 2\nfc -l\nFCEDIT=" + editor + " fc 2 2\nfc -l -2\n"
	run := func(argv ...string) string {
		home := t.TempDir()
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = home
		cmd.Stdin = strings.NewReader(input)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "HISTFILE=" + filepath.Join(home, "hist"), "PS1=", "PS2=", "LC_ALL=C.UTF-8"}
		out, err := cmd.Output()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatal(err)
		}
		return string(out)
	}
	want := run(bash, "--norc", "--noprofile", "-i")
	got := run(filepath.Join(binDir, "gosh"), "--norc", "-i")
	if want != got {
		t.Errorf("interactive fc:\nbash:\n%s\ngosh:\n%s", indent(want), indent(got))
	}
}
