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

// The line-editing integrations bash offers scripts and key bindings, run
// on a real pty by gosh and, where it is installed, by bash, which must
// print the same: bind -x, read -e, edit-and-execute-command.

// startWithRC starts shell interactively on a pty with rc as its init
// file (~/.goshrc or ~/.bashrc) in a fresh home.
func startWithRC(t *testing.T, shell, rc string, env ...string) *ptytest.PTY {
	t.Helper()
	home := t.TempDir()
	for _, name := range []string{".goshrc", ".bashrc"} {
		if err := os.WriteFile(filepath.Join(home, name), []byte(rc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(shell, "-i")
	cmd.Dir = home
	cmd.Env = append([]string{"HOME=" + home, "PATH=/usr/bin:/bin", "TERM=xterm", "INPUTRC=/dev/null",
		"LC_ALL=C.UTF-8", "HISTFILE=" + filepath.Join(home, "hist")}, env...)
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 100, Rows: 24})
	p.WaitFor("$ ", wait)
	return p
}

// shellsToCompare returns gosh and, when it is there, bash 5.2.
func shellsToCompare(t *testing.T) []string {
	shells := []string{filepath.Join(binDir, "gosh")}
	if b, err := exec.LookPath("bash"); err == nil {
		if out, err := exec.Command(b, "-c", `echo "$BASH_VERSION"`).Output(); err == nil && strings.HasPrefix(string(out), "5.2") {
			shells = append(shells, b)
		}
	}
	return shells
}

// plain removes escape sequences and carriage returns.
func plain(s string) string { return strings.ReplaceAll(csi.ReplaceAllString(s, ""), "\r", "") }

// bindXRC binds C-t to a function that shows the variables bind -x sets
// and changes the line and the cursor, and C-x m to one that sets the
// mark; bind -X lists them.
const bindXRC = `PS1='$ '
show() { echo "L=[$READLINE_LINE] P=$READLINE_POINT M=$READLINE_MARK"; READLINE_LINE="echo [$READLINE_LINE]"; READLINE_POINT=6; }
mark() { READLINE_MARK=1; READLINE_POINT=$(( ${#READLINE_LINE} )); }
bind -x '"\C-t": show'
bind -x '"\C-xm": mark'
bind -m vi-insert -x '"\C-t": echo vi'
`

func TestBindXPty(t *testing.T) {
	for _, sh := range shellsToCompare(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			p := startWithRC(t, sh, bindXRC)
			// The cursor after "hé" and "l": character 3, byte 4.
			p.Type("héllo\x01\x06\x06\x06\x14")
			out := p.WaitFor("M=0", wait)
			if !strings.Contains(plain(out), "L=[héllo] P=3 M=0") {
				t.Errorf("the command saw %q, want L=[héllo] P=3 M=0", plain(out))
			}
			// The new line with the cursor after "[": Z goes there.
			p.Type("Z\r")
			p.WaitFor("[Zhéllo]\r\n", wait)
			// The mark at 1 and the cursor at the end: C-x C-x puts the
			// cursor at 1, where Q goes.
			p.Type("echo x\x18m\x18\x18Q\r")
			p.WaitFor("eQcho: command not found", wait)
			p.Type("bind -X; bind -m vi-insert -X\r")
			out = plain(p.WaitFor(`"echo vi"`, wait))
			for _, want := range []string{`"\C-t": "show"`, `"\C-xm": "mark"`, `"\C-t": "echo vi"`} {
				if !strings.Contains(out, want) {
					t.Errorf("bind -X did not list %s:\n%s", want, out)
				}
			}
		})
	}
}

func TestEditAndExecutePty(t *testing.T) {
	dir := t.TempDir()
	editor := filepath.Join(dir, "ed.sh")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\nsed -i 's/one/two/' \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, sh := range shellsToCompare(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			p := startWithRC(t, sh, "PS1='$ '\n", "EDITOR="+editor)
			p.Type("echo one\x18\x05") // C-x C-e
			out := plain(p.WaitFor("$ ", wait))
			if !strings.Contains(out, "echo one\necho two\ntwo\n") {
				t.Errorf("C-x C-e showed %q, want the line, the edited command echoed, and its output", out)
			}
			p.Type("history\r")
			out = plain(p.WaitFor("  history\r\n", wait))
			if !regexp.MustCompile(`\d+  echo one\n +\d+  echo two\n`).MatchString(out) {
				t.Errorf("the history has %q, want the line and then the command that ran", out)
			}
		})
	}
}

func TestReadEditPty(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"alpha.txt", "beta.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script := filepath.Join(dir, "s.sh")
	src := `read -e -p 'name: ' -i 'abc' x; echo "got [$x] $?"
read -e y; echo "got2 [$y]"
IFS=: read -e a b; echo "a=[$a] b=[$b]"
read -n 3 z; echo; echo "got3 [$z]"
read -s -p 'pw: ' w; echo; echo "pw=[$w]"
read -t 0.2 v; echo "timeout=$?"
`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(binDir, "gosh"), script)
	cmd.Dir = dir
	cmd.Env = []string{"HOME=" + dir, "PATH=/usr/bin:/bin", "TERM=xterm", "INPUTRC=/dev/null", "LC_ALL=C.UTF-8"}
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 80, Rows: 24})
	p.WaitFor("name: ", wait)
	p.Type("def\x01\x06\x06\x06\x0b\r") // -i's text is there to edit: C-k after "abc"
	p.WaitFor("got [abc] 0", wait)
	p.Type("cat al\t\r") // file names complete on TAB
	p.WaitFor("got2 [cat alpha.txt]", wait)
	p.Type("p:q:r\r")
	p.WaitFor("a=[p] b=[q:r]", wait)
	p.Type("xyz") // -n 3 returns without a newline
	p.WaitFor("got3 [xyz]", wait)
	p.WaitFor("pw: ", wait)
	p.Type("hidden\r")
	out := plain(p.WaitFor("pw=[hidden]", wait))
	if strings.Contains(strings.TrimSuffix(out, "pw=[hidden]"), "hidden") {
		t.Errorf("read -s echoed what was typed: %q", out)
	}
	p.WaitFor("timeout=142", wait)
}

func TestReadEditSharesKillRing(t *testing.T) {
	p := startWithRC(t, filepath.Join(binDir, "gosh"), "PS1='$ '\n")
	p.Type("echo killed-text\x01\x0b") // C-k at the prompt
	p.Type("read -e v; echo \"v=[$v]\"\r")
	p.Type("\x19\r") // C-y in read -e
	if out := plain(p.WaitFor("]\r\n", wait)); !strings.Contains(out, "v=[echo killed-text]") {
		t.Errorf("read -e did not yank what the prompt killed: %q", out)
	}
}
