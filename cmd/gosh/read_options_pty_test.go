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

// read -e with bash's other options (-n, -N, -d, -t, -s), on a pty, in
// gosh and in bash 5.2, which must read the same: bash hands these to
// readline (rl_num_chars_to_read, the delimiter bound to accept-line,
// echo off).

// readOptionCases are scripts run with -c, what is typed once the prompt
// "P> " shows, and the line the script then prints, as bash 5.2 prints it.
// The scripts show a carriage return in the value as CR.
var readOptionCases = []struct {
	name, script, typed, want string
	// hidden must not be on the screen before the result (-s).
	hidden string
	// again is typed when the prompt shows a second time.
	again string
}{
	{name: "n-limit", script: `read -e -n 3 -p 'P> ' x; echo "rc=$? [$x]"`, typed: "abcdef", want: "rc=0 [abc]"},
	{name: "n-enter-first", script: `read -e -n 3 -p 'P> ' x; echo "rc=$? [$x]"`, typed: "a\r", want: "rc=0 [a]"},
	{name: "n-counts-line", script: `read -e -n 3 -p 'P> ' x; echo "rc=$? [$x]"`, typed: "a\x7fbcd", want: "rc=0 [bcd]"},
	{name: "n-initial", script: `read -e -n 3 -i ab -p 'P> ' x; echo "rc=$? [$x]"`, typed: "c", want: "rc=0 [abc]"},
	// readline counts bytes: é alone fills -n 2.
	{name: "n-bytes", script: `read -e -n 2 -p 'P> ' x; echo "rc=$? [$x]"`, typed: "é", want: "rc=0 [é]"},
	{name: "N-return-inserts", script: `read -e -N 3 -p 'P> ' x; echo "rc=$? [${x//$'\r'/CR}]"`, typed: "a\rb", want: "rc=0 [aCRb]"},
	// readline accepts once a key was typed, and read cuts the line.
	{name: "n-initial-longer", script: `read -e -n 2 -i abc -p 'P> ' x; echo "rc=$? [$x]"`, typed: "z", want: "rc=0 [ab]"},
	// C-j accepts a short line: bash adds its delimiter (-1, a byte
	// 0xff) and reads on with the prompt again; readline's -N 4 takes
	// "cdef", read keeps "c".
	{name: "N-ctrl-j-reads-on", script: `read -e -N 4 -p 'P> ' x; echo "rc=$? [${#x}] [${x:0:2}] [${x:3}]"`, typed: "ab\n", again: "cdef", want: "rc=0 [4] [ab] [c]"},
	{name: "N-no-delim", script: `read -e -N 3 -p 'P> ' x; echo "rc=$? [$x]"`, typed: "ab,cd", want: "rc=0 [ab,]"},
	{name: "d-delim-accepts", script: `read -e -d , -p 'P> ' x; echo "rc=$? [${x//$'\r'/CR}]"`, typed: "ab\rcd,", want: "rc=0 [abCRcd]"},
	{name: "d-ctrl-j-accepts", script: `read -e -d , -p 'P> ' x; echo "rc=$? [$x]"`, typed: "ab\n", want: "rc=0 [ab]"},
	{name: "t-timeout", script: `x=old; read -e -t 1 -p 'P> ' x; echo "rc=$? [$x]"`, typed: "ab", want: "rc=142 []"},
	{name: "t-in-time", script: `read -e -t 5 -p 'P> ' x; echo "rc=$? [$x]"`, typed: "ab\r", want: "rc=0 [ab]"},
	{name: "s-silent", script: `read -e -s -p 'P> ' x; echo "rc=$? [$x]"`, typed: "sec\x01X\r", want: "rc=0 [Xsec]", hidden: "sec"},
}

var readResult = regexp.MustCompile(`rc=\d+ \[[^\]]*\]`)

// runReadOption runs script in shell on a pty, types typed at the prompt
// (and again at the next one), and returns the screen's text up to the result line.
func runReadOption(t *testing.T, shell, script, typed, again, want string) string {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(shell, "-c", script)
	cmd.Dir = home
	cmd.Env = []string{"HOME=" + home, "PATH=/usr/bin:/bin", "TERM=xterm", "INPUTRC=/dev/null", "LC_ALL=C.UTF-8"}
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 100, Rows: 24})
	p.WaitFor("P> ", wait)
	p.Type(typed)
	if again != "" {
		p.WaitFor("P> ", wait)
		p.Type(again)
	}
	return plain(p.WaitFor(want, wait))
}

func TestReadOptionsPty(t *testing.T) {
	shells := shellsToCompare(t)
	if len(shells) < 2 {
		t.Skip("bash 5.2 is not installed")
	}
	for _, c := range readOptionCases {
		t.Run(c.name, func(t *testing.T) {
			results := map[string]string{}
			for _, sh := range shells {
				out := runReadOption(t, sh, c.script, c.typed, c.again, c.want)
				results[filepath.Base(sh)] = readResult.FindString(out)
				if c.hidden != "" {
					before, _, _ := strings.Cut(out, "rc=")
					if strings.Contains(before, c.hidden) {
						t.Errorf("%s: -s showed the line: %q", filepath.Base(sh), out)
					}
				}
			}
			if results["gosh"] != results["bash"] {
				t.Errorf("gosh printed %q, bash %q", results["gosh"], results["bash"])
			}
		})
	}
}

// read -u with a descriptor gosh was started with (the interpreter takes
// no redirection of fds above 2): bash and gosh read it alike, the
// offset shared between reads; a descriptor that is not open fails.
func TestReadOptionFD(t *testing.T) {
	shells := shellsToCompare(t)
	if len(shells) < 2 {
		t.Skip("bash 5.2 is not installed")
	}
	name := filepath.Join(t.TempDir(), "in")
	if err := os.WriteFile(name, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `read -u 3 x; echo "[$x]"; read -u 3 -n 2 y; echo "[$y]"; read -u 3 z; echo "rc=$? [$z]"; read -u 7 w 2>/dev/null; echo "rc=$?"`
	const want = "[one]\n[tw]\nrc=0 [o]\nrc=1\n"
	for _, sh := range shells {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(sh, "-c", script)
		cmd.ExtraFiles = []*os.File{f}
		out, err := cmd.CombinedOutput()
		f.Close()
		if err != nil || string(out) != want {
			t.Errorf("%s printed %q (%v), want %q", filepath.Base(sh), out, err, want)
		}
	}
}
