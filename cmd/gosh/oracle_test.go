package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goshell/gosh/inputrc"
)

// The oracle test reads init files with gosh and with bash 5.2 (GNU
// Readline 8.2) and requires the two to print the same key bindings,
// macros and variables, for readline's own functions. Blocks under
// `$if gosh` are shown to bash as `$if Bash`.

// oracleScript prints everything the comparison looks at, in one run.
const oracleScript = `for km in emacs vi-insert vi-command; do echo "@@ $km -p"; bind -m $km -p; echo "@@ $km -s"; bind -m $km -s; done; echo "@@ -v"; bind -v`

// bashOracle returns the path of a bash built with GNU Readline 8.2, or
// skips the test.
func bashOracle(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: the differential test needs bash 5.2 with GNU Readline 8.2 (apt-get install bash)")
	}
	out, err := exec.Command(path, "-c", `echo "$BASH_VERSION"`).Output()
	if err != nil || !strings.HasPrefix(string(out), "5.2") {
		t.Skipf("bash 5.2 needed as the oracle, found %q", strings.TrimSpace(string(out)))
	}
	return path
}

// readlineNames are the bindable names of GNU Readline itself; bash adds
// its own, which gosh also has but which the comparison leaves out.
func readlineNames() map[string]bool {
	cfg := inputrc.New(inputrc.Options{})
	m := map[string]bool{}
	for _, n := range cfg.Funmap.Names() {
		m[n] = true
	}
	return m
}

// filterOracle keeps, of the bind -p sections, the lines about readline's
// own functions; other sections are kept whole.
func filterOracle(out string, names map[string]bool) string {
	var b strings.Builder
	inP := false
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "@@ ") {
			inP = strings.HasSuffix(line, " -p")
			b.WriteString(line + "\n")
			continue
		}
		if inP {
			name := ""
			if strings.HasPrefix(line, "# ") {
				name = strings.Fields(line)[1]
			} else if i := strings.LastIndex(line, ": "); i >= 0 {
				name = line[i+2:]
			}
			if !names[name] {
				continue
			}
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

var ifGosh = regexp.MustCompile(`(?mi)^([ \t]*\$if[ \t]+)gosh\b`)

type oracleEnv struct {
	locale, term string
}

// runOracle runs the script under both shells for one init file and
// returns their filtered outputs.
func runOracle(t *testing.T, bash, file string, env oracleEnv) (want, got string) {
	t.Helper()
	file, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	bashFile := filepath.Join(t.TempDir(), "bash.inputrc")
	if err := os.WriteFile(bashFile, ifGosh.ReplaceAll(src, []byte("${1}Bash")), 0o644); err != nil {
		t.Fatal(err)
	}
	crashed := false
	run := func(inputrcPath string, argv ...string) string {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = filepath.Dir(file)
		cmd.Env = []string{
			"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"),
			"INPUTRC=" + inputrcPath, "TERM=" + env.term, "LC_ALL=" + env.locale,
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			if ee, ok := err.(*exec.ExitError); ok && !ee.ProcessState.Exited() && argv[0] == bash {
				// Readline itself crashes on some inputs (a prefix-meta
				// binding that makes a keymap contain itself); there is
				// nothing to compare with then.
				t.Logf("bash crashed (%v) on %s; skipped", err, file)
				crashed = true
				return ""
			}
			t.Fatalf("%v: %v\n%s", argv, err, stderr.String())
		}
		return stdout.String()
	}
	names := readlineNames()
	want = filterOracle(run(bashFile, bash, "--norc", "--noprofile", "-i", "-c", oracleScript), names)
	if crashed {
		return "", ""
	}
	got = filterOracle(run(file, filepath.Join(binDir, "gosh"), "--norc", "-i", "-c", oracleScript), names)
	return want, got
}

func compareOracle(t *testing.T, name, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			t.Errorf("%s: first difference at line %d:\nbash: %q\ngosh: %q", name, i+1, wl, gl)
			return
		}
	}
}

var oracleEnvs = []oracleEnv{
	{"C", "dumb"}, {"C.UTF-8", "dumb"},
	{"C", "xterm"}, {"C.UTF-8", "xterm-256color"}, {"C.UTF-8", "linux"}, {"C", "screen"},
	{"C.UTF-8", "no-such-terminal"},
}

// TestOracleCorpus compares gosh with bash on hand-written init files that
// cover every construct of the syntax, and on Debian's /etc/inputrc.
func TestOracleCorpus(t *testing.T) {
	bash := bashOracle(t)
	files, err := filepath.Glob("../../inputrc/testdata/corpus/*.inputrc")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	files = append(files, filepath.Join(t.TempDir(), "empty.inputrc"))
	os.WriteFile(files[len(files)-1], nil, 0o644)
	for _, f := range files {
		for _, env := range oracleEnvs {
			t.Run(filepath.Base(f)+"/"+env.locale+"/"+env.term, func(t *testing.T) {
				want, got := runOracle(t, bash, f, env)
				compareOracle(t, f, want, got)
			})
		}
	}
}

// TestOracleRandom compares gosh with bash on randomly generated init
// files, valid and invalid lines mixed.
func TestOracleRandom(t *testing.T) {
	bash := bashOracle(t)
	n := 30
	if testing.Short() {
		n = 5
	}
	if v, err := strconv.Atoi(os.Getenv("GOSH_ORACLE_N")); err == nil {
		n = v // a longer hunt: GOSH_ORACLE_N=1000 go test -run TestOracleRandom
	}
	// GOSH_ORACLE_DIR keeps the generated files for a closer look.
	dir := os.Getenv("GOSH_ORACLE_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(uint64(i), 42))
		f := filepath.Join(dir, fmt.Sprintf("random%02d.inputrc", i))
		src := randomInputrc(r, 60)
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		env := oracleEnvs[i%len(oracleEnvs)]
		want, got := runOracle(t, bash, f, env)
		if want != got {
			compareOracle(t, fmt.Sprintf("random file %d (%s):\n%s\n", i, env.locale, src), want, got)
		}
	}
}

// randomInputrc writes an init file of n lines drawn from every kind of
// line readline reads, with mistakes among them.
func randomInputrc(r *rand.Rand, n int) string {
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	funcs := []string{
		"abort", "accept-line", "backward-char", "kill-line", "yank", "undo",
		"vi-bword", "vi-bWord", "vi-backward-bigword", "self-insert", "complete",
		"do-lowercase-version", "digit-argument", "vi-movement-mode", "Beginning-Of-Line",
		"no-such-function", "tab-insert", "tilde-expand", "set-mark", "prefix-meta",
		"shell-expand-line", "glob-expand-word", "insert-last-argument", "yank-last-arg",
	}
	keyPart := func() string {
		return pick("a", "z", "A", "1", "-", " ", "~", "[", "\\\\", "\\\"", "\\e", "\\C-a", "\\C-x", "\\C-?",
			"\\M-a", "\\M-\\C-b", "\\t", "\\n", "\\r", "\\d", "\\177", "\\033", "\\x1b", "\\x7", "\\0",
			"\\e[", "\\eO", "\\C-", "\\M-", "é", "\\200", "\\377", "\\q", "\\x")
	}
	keyseq := func() string {
		var b strings.Builder
		for k := 1 + r.IntN(3); k > 0; k-- {
			b.WriteString(keyPart())
		}
		return b.String()
	}
	keyName := func() string {
		mod := pick("", "C-", "M-", "Control-", "Meta-", "C-M-", "Meta-Control-", "CTRL-", "c-", "meta-")
		return mod + pick("a", "x", "Z", "DEL", "ESC", "Escape", "LFD", "Newline", "RET", "Return",
			"Rubout", "SPC", "Space", "Tab", "[", "?", "-", "q")
	}
	macro := func() string {
		q := pick(`"`, `'`)
		return q + strings.ReplaceAll(keyseq(), q, "") + pick("", " text", "\\\"x") + q
	}
	vars := append(append([]string{}, inputrc.BoolVars...), inputrc.StringVars...)
	values := []string{"on", "off", "On", "1", "0", "", "yes", "vi", "emacs", "audible", "visible",
		"none", "-1", "10", "1000", "emacs-meta", "vi-insert", "\"\\C-a\\C-b\"", "'ab'", "x y"}
	var b strings.Builder
	depth := 0
	for i := 0; i < n; i++ {
		switch r.IntN(14) {
		case 0, 1, 2:
			fmt.Fprintf(&b, "\"%s\": %s\n", keyseq(), pick(funcs...))
		case 3, 4:
			fmt.Fprintf(&b, "\"%s\": %s\n", keyseq(), macro())
		case 5:
			fmt.Fprintf(&b, "%s: %s\n", keyName(), pick(funcs...))
		case 6:
			fmt.Fprintf(&b, "%s: %s\n", keyName(), macro())
		case 7, 8:
			fmt.Fprintf(&b, "set %s %s\n", pick(vars...), pick(values...))
		case 9:
			fmt.Fprintf(&b, "set keymap %s\n", pick("emacs", "emacs-meta", "emacs-ctlx", "vi", "vi-insert", "vi-command", "vi-move", "emacs-standard"))
		case 10:
			depth++
			fmt.Fprintf(&b, "$if %s\n", pick("mode=emacs", "mode=vi", "term=dumb", "term=xterm", "gosh", "Python",
				"version >= 8", "version < 8.2", "editing-mode == vi", "convert-meta == off", "bell-style != none"))
		case 11:
			if depth > 0 {
				b.WriteString("$else\n")
			}
		case 12:
			if depth > 0 {
				depth--
				b.WriteString("$endif\n")
			}
		case 13:
			b.WriteString(pick("# comment\n", "\n", "   \t\n", "set editing-mode vi\n", "set editing-mode emacs\n",
				"set blink-matching-paren on\n", "garbage line\n", "\"\\C-xq\" missing\n"))
		}
	}
	for ; depth > 0; depth-- {
		b.WriteString("$endif\n")
	}
	return b.String()
}

// TestOracleFunctionNames requires bind -l to list the same names as
// bash's: readline's and the shell's own.
func TestOracleFunctionNames(t *testing.T) {
	bash := bashOracle(t)
	env := []string{"HOME=" + t.TempDir(), "INPUTRC=/dev/null", "TERM=dumb", "LC_ALL=C", "PATH=" + os.Getenv("PATH")}
	list := func(argv ...string) string {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v: %v", argv, err)
		}
		return string(out)
	}
	want := list(bash, "--norc", "--noprofile", "-i", "-c", "bind -l")
	got := list(filepath.Join(binDir, "gosh"), "--norc", "-i", "-c", "bind -l")
	compareOracle(t, "bind -l", want, got)
}
