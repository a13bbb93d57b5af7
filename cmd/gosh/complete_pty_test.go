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

// completionSetup defines, in bash's language, a completion function
// written for bash (COMP_WORDS, COMP_CWORD, compgen -W), one that shows
// the COMP_ variables, and one that completes file names with
// -o filenames, with the commands they complete for.
const completionSetup = `_mycomp() { local cur=${COMP_WORDS[COMP_CWORD]}; COMPREPLY=( $(compgen -W "alpha beta gamma" -- "$cur") ); }; complete -F _mycomp mycmd; mycmd() { printf '[%s]' "$@"; }; ` +
	`_show() { COMPREPLY=("$COMP_CWORD:$COMP_POINT:${#COMP_WORDS[@]}:$1:$2:$3:${COMP_WORDS[1]}"); }; complete -o nospace -F _show show; show() { printf '[%s]' "$@"; }; ` +
	`_fc() { local IFS=$'\n'; COMPREPLY=( $(compgen -f -- "$2") ); }; complete -o filenames -F _fc fc2; fc2() { printf '[%s]' "$@"; }; ` +
	"_deploy() { local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}; case $prev in --env) COMPREPLY=( $(compgen -W \"dev staging prod\" -- \"$cur\") ); return ;; esac; " +
	"if [[ $cur == -* ]]; then COMPREPLY=( $(compgen -W \"--env --dry-run --help\" -- \"$cur\") ); else local IFS=$'\\n'; COMPREPLY=( $(compgen -f -- \"$cur\") ); fi; }; " +
	"complete -o filenames -F _deploy deploy; deploy() { printf '[%s]' \"$@\"; }; " +
	`complete -o default -W zzz dcmd; complete -W zzz dcmd2; dcmd() { printf '[%s]' "$@"; }; dcmd2() { printf '[%s]' "$@"; }`

// completionCases are keys typed at the prompt (a TAB in the middle) and
// what the command line they make prints.
var completionCases = []struct {
	name, keys, want string
}{
	{"file with a space", `printf '[%s]' my` + "\t", "[my file.txt]"},
	{"directory", `printf '[%s]' sub` + "\t" + "x", "[subdir/x]"},
	{"open double quote", `printf '[%s]' "my` + "\t", "[my file.txt]"},
	{"special characters", `printf '[%s]' x` + "\t", "[x$y]"},
	{"inside a directory", `printf '[%s]' subdir/in` + "\t", "[subdir/inner]"},
	{"variable", `printf '[%s]' $MYV` + "\t", "[one]"},
	{"braced variable", `printf '[%s]' ${MYV` + "\t", "[one]"},
	{"home", `printf '[%s]' ~/no` + "\t", "[HOME/notes]"},
	{"command", `prin` + "\t" + `'[%s]' x`, "[x]"},
	{"complete -F", `mycmd be` + "\t", "[beta]"},
	{"complete -F, second word", `mycmd alpha g` + "\t", "[alpha][gamma]"},
	{"COMP_ variables", `show a b` + "\t", "[a][2:8:3:show:b:a:a]"},
	{"complete -o filenames", `fc2 my` + "\t", "[my file.txt]"},
	{"after =", `printf '[%s]' --file=my` + "\t", "[--file=my file.txt]"},
	{"variable in double quotes", `printf '[%s]' "$MYV` + "\t", "[one]"},
	{"common prefix", `printf '[%s]' subdir/i` + "\t", "[subdir/inner]"},
	{"docs/completion.md's example: options", `deploy --e` + "\t" + `p` + "\t", "[--env][prod]"},
	{"docs/completion.md's example: files", `deploy --dry-run my` + "\t", "[--dry-run][my file.txt]"},
	{"no matches, -o default", `dcmd oth` + "\t", "[other]"},
	{"no matches", `dcmd2 oth` + "\t", "[oth]"},
	// Last, as it changes every command without a compspec.
	{"default spec", `_dflt() { COMPREPLY=(from-default); }; complete -D -F _dflt` + "\r" + `printf '[%s]' zz` + "\t", "[from-default]"},
}

// startShellIn starts shell (gosh or bash) interactively on a pty in dir,
// with an empty init file and the given home.
func startShellIn(t *testing.T, shell []string, dir, home string) *ptytest.PTY {
	t.Helper()
	cmd := exec.Command(shell[0], shell[1:]...)
	cmd.Dir = dir
	cmd.Env = []string{"HOME=" + home, "PATH=" + filepath.Join(filepath.Dir(dir), "bin"), "TERM=xterm", "INPUTRC=/dev/null", "PS1=$ ", "LC_ALL=C.UTF-8", "MYVAR1=one"}
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 200, Rows: 24})
	p.WaitFor("$ ", wait)
	return p
}

// csi matches terminal control sequences.
var csi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// typeAndRun types the keys, then a marker command, and returns what the
// line printed before the marker.
func typeAndRun(p *ptytest.PTY, keys string) string {
	p.Type(keys + `; echo @@""@@` + "\r")
	out := p.WaitFor("@@@@", wait)
	out = strings.TrimSuffix(out, "@@@@")
	if i := strings.LastIndex(out, "\n"); i >= 0 {
		out = out[i+1:]
	}
	out = strings.ReplaceAll(csi.ReplaceAllString(out, ""), "\r", "")
	p.WaitFor("$ ", wait)
	return out
}

// TestCompletionPTY types partial words and TAB at gosh on a terminal and
// checks the command lines that result, against bash 5.2 doing the same
// when it is installed.
func TestCompletionPTY(t *testing.T) {
	root := t.TempDir()
	work, home := filepath.Join(root, "work"), filepath.Join(root, "home")
	for _, d := range []string{filepath.Join(work, "subdir"), home, filepath.Join(root, "bin")} {
		os.MkdirAll(d, 0o755)
	}
	for _, f := range []string{"my file.txt", "other", "x$y", "subdir/inner"} {
		os.WriteFile(filepath.Join(work, f), nil, 0o644)
	}
	os.WriteFile(filepath.Join(home, "notes"), nil, 0o644)

	shells := map[string][]string{"gosh": {filepath.Join(binDir, "gosh"), "-i", "--norc"}}
	if path, err := exec.LookPath("bash"); err == nil {
		shells["bash"] = []string{path, "--norc", "--noprofile", "-i"}
	} else {
		t.Log("bash not found: checking gosh against the expected lines only")
	}
	for name, shell := range shells {
		p := startShellIn(t, shell, work, home)
		p.Type(completionSetup + "\r")
		p.WaitFor("$ ", wait)
		for _, tc := range completionCases {
			got := typeAndRun(p, tc.keys)
			want := strings.ReplaceAll(tc.want, "HOME", home)
			if got != want {
				t.Errorf("%s: %s: typed %q, got %q, want %q", name, tc.name, tc.keys, got, want)
			}
		}
		p.Type("exit\r")
		p.Wait(wait)
	}
}

// TestCompletionPTYScreen checks what TAB leaves on the screen, before
// Enter is pressed: the completed file name quoted as bash quotes it, a
// directory with its '/', a word from a complete -F function.
func TestCompletionPTYScreen(t *testing.T) {
	root := t.TempDir()
	work := filepath.Join(root, "work")
	os.MkdirAll(filepath.Join(work, "a dir"), 0o755)
	os.MkdirAll(filepath.Join(root, "bin"), 0o755)
	os.WriteFile(filepath.Join(work, "report 2024.txt"), nil, 0o644)
	p := startShellIn(t, []string{filepath.Join(binDir, "gosh"), "-i", "--norc"}, work, root)
	p.Type("ls rep\t")
	p.WaitFor(`ls report\ 2024.txt `, wait)
	p.Type("\x15cd a\t")
	p.WaitFor(`cd a\ dir/`, wait)
	// A completion function written for bash.
	p.Type("\x15" + `_mycomp() { COMPREPLY=( $(compgen -W "alpha beta" -- "${COMP_WORDS[COMP_CWORD]}") ); }; complete -F _mycomp mycmd` + "\r")
	p.WaitFor("$ ", wait)
	p.Type("mycmd be\t")
	p.WaitFor("mycmd beta ", wait)
	p.Type("\x15exit\r")
	p.Wait(wait)
}
