package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
)

// fzf's bash integration, run unchanged by gosh on a real pty with the
// real fzf: the key bindings (Ctrl-T, Ctrl-R, Alt-C, bind -x and a macro
// that uses shell-expand-line) and the ** completion.

const (
	fzfKeyBindings = "/usr/share/doc/fzf/examples/key-bindings.bash"
	fzfCompletion  = "/usr/share/bash-completion/completions/fzf"
)

// startFzfShell starts gosh with fzf's scripts sourced from its rc file,
// in a directory with a few files, and a history file.
func startFzfShell(t *testing.T) (*ptytest.PTY, string) {
	t.Helper()
	fzf, err := exec.LookPath("fzf")
	if err != nil {
		t.Skip("fzf not found: the test drives the real fzf (apt-get install fzf)")
	}
	for _, f := range []string{fzfKeyBindings, fzfCompletion} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("%s not found: Debian's fzf package installs it (apt-get install fzf)", f)
		}
	}
	root := t.TempDir()
	home, work := filepath.Join(root, "home"), filepath.Join(root, "work")
	for _, d := range []string{home, filepath.Join(work, "dirA", "inner")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(work, "apple.txt"):          "apple\n",
		filepath.Join(work, "banana.txt"):         "banana\n",
		filepath.Join(work, "dirA", "cherry.txt"): "cherry-content\n",
		filepath.Join(home, ".gosh_history"):      "echo first\necho from-history-42\nls\n",
		filepath.Join(home, ".goshrc"): "source " + fzfKeyBindings + "\nsource " + fzfCompletion +
			"\nPS1='$ '\n",
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "-i")
	cmd.Dir = work
	cmd.Env = []string{"HOME=" + home, "PATH=" + filepath.Dir(fzf) + ":/usr/bin:/bin", "TERM=xterm",
		"INPUTRC=/dev/null", "LC_ALL=C.UTF-8"}
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 100, Rows: 30})
	p.WaitFor("$ ", wait)
	return p, work
}

// pickInFzf waits for fzf to show its list, types a filter and waits for
// the match count to say a single one is left, then accepts it. It
// returns how much the program had written then.
func pickInFzf(t *testing.T, p *ptytest.PTY, filter string) int {
	t.Helper()
	waitScreen(t, p, regexp.MustCompile(`\d/\d`), len(p.Output())) // fzf's "N/M" count
	from := len(p.Output())
	p.Type(filter)
	waitScreen(t, p, oneMatch, from)
	from = len(p.Output())
	p.Type("\r")
	return from
}

// oneMatch is fzf's count when one line matches: "1/N".
var oneMatch = regexp.MustCompile(`(^|[^0-9])1/\d`)

// waitScreen waits for text in what the program wrote from offset from,
// without its escape sequences, which fzf puts between any two characters.
func waitScreen(t *testing.T, p *ptytest.PTY, text *regexp.Regexp, from int) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		out := p.Output()
		if text.MatchString(csi.ReplaceAllString(out[min(from, len(out)):], "")) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %q on the screen after %v; the output was %q", text, wait, out[min(from, len(out)):])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// runMarked waits for the line to show text once fzf is done (from is
// where to look), runs it, then a marker, and returns what the line
// printed.
func runMarked(t *testing.T, p *ptytest.PTY, from int, text string) string {
	t.Helper()
	waitScreen(t, p, regexp.MustCompile(regexp.QuoteMeta(text)), from)
	start := len(p.Output())
	p.Type("\r")
	p.WaitFor("$ ", wait)
	p.Type("echo @@\"\"@@\r")
	p.WaitFor("@@@@", wait)
	return strings.ReplaceAll(csi.ReplaceAllString(p.Output()[start:], ""), "\r", "")
}

func TestFzfCtrlT(t *testing.T) {
	p, _ := startFzfShell(t)
	p.Type("cat ")
	p.Type("\x14") // C-t: fzf-file-widget, bound with bind -x
	from := pickInFzf(t, p, "cherry")
	if out := runMarked(t, p, from, "dirA/cherry.txt"); !strings.Contains(out, "cherry-content") {
		t.Errorf("Ctrl-T did not insert dirA/cherry.txt; the screen had:\n%s", out)
	}
}

func TestFzfCtrlR(t *testing.T) {
	p, _ := startFzfShell(t)
	p.Type("\x12") // C-r: __fzf_history__, over fc -lnr
	from := pickInFzf(t, p, "history-42")
	if out := runMarked(t, p, from, "from-history-42"); !strings.Contains(out, "\nfrom-history-42\n") {
		t.Errorf("Ctrl-R did not put the history entry on the line; the screen had:\n%s", out)
	}
}

func TestFzfAltC(t *testing.T) {
	p, work := startFzfShell(t)
	p.Type("\x1bc") // M-c: a macro typing `__fzf_cd__`, M-C-e to expand it, RET
	pickInFzf(t, p, "inner")
	p.WaitFor("$ ", wait)
	p.Type("pwd; echo @@\"\"@@\r")
	out := strings.ReplaceAll(csi.ReplaceAllString(p.WaitFor("@@@@", wait), ""), "\r", "")
	if want := filepath.Join(work, "dirA", "inner"); !strings.Contains(out, want+"\n") {
		t.Errorf("Alt-C did not change to %s; the screen had:\n%s", want, out)
	}
}

func TestFzfDoubleStarCompletion(t *testing.T) {
	p, _ := startFzfShell(t)
	p.Type("cat dirA/**\t") // fzf's ** trigger, through complete -F
	from := pickInFzf(t, p, "cherry")
	if out := runMarked(t, p, from, "cherry.txt"); !strings.Contains(out, "cherry-content") {
		t.Errorf("**<TAB> did not complete dirA/cherry.txt; the screen had:\n%s", out)
	}
}
