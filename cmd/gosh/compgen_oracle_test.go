package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// compgenTree makes the directory the compgen differential test runs
// in, a home directory and a directory of commands, and returns the
// environment both shells get.
func compgenTree(t *testing.T) (work string, env []string) {
	t.Helper()
	root := t.TempDir()
	work = filepath.Join(root, "work")
	home := filepath.Join(root, "home")
	bin := filepath.Join(root, "bin")
	for _, d := range []string{work, home, bin, filepath.Join(work, "dir"), filepath.Join(work, "sub"), filepath.Join(work, "d2"), filepath.Join(home, "Documents")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]os.FileMode{
		"alpha": 0o644, "Alpine": 0o644, "a b": 0o644, ".hidden": 0o644,
		"x$y": 0o644, "c:d": 0o644, "a*b": 0o644, "exe": 0o755,
		"dir/inner": 0o644, "sub/f1": 0o644, "sub/f2": 0o755, "d2/.dot": 0o644,
	}
	for name, mode := range files {
		if err := os.WriteFile(filepath.Join(work, name), nil, mode); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("dir", filepath.Join(work, "dirlink"))
	os.Symlink("nowhere", filepath.Join(work, "dangling"))
	for name, mode := range map[string]os.FileMode{"gtool": 0o755, "gtool2": 0o755, "gdata": 0o644} {
		os.WriteFile(filepath.Join(bin, name), nil, mode)
	}
	os.WriteFile(filepath.Join(home, "notes"), nil, 0o644)
	hosts := filepath.Join(root, "hosts")
	os.WriteFile(hosts, []byte("127.0.0.1 localhost loghost # c\n10.0.0.2 zeta zed\n::1 ip6-localhost\n"), 0o644)
	env = []string{"HOME=" + home, "PATH=" + bin, "HOSTFILE=" + hosts, "LC_ALL=C", "MYVAR1=one", "MYVAR2=two", "MYDIR=" + work}
	return work, env
}

// compgenCases are compgen command lines whose output and status must be
// bash's.
var compgenCases = []string{
	`compgen -f`, `compgen -f a`, `compgen -f .`, `compgen -f dir/`, `compgen -f dirl`,
	`compgen -f '~/'`, `compgen -f '~/D'`, `compgen -f nothing`, `compgen -f 'a '`,
	`compgen -f sub/f`, `compgen -f d2/`, `compgen -f d2/.`,
	`compgen -d`, `compgen -d d`, `compgen -A file x`, `compgen -A directory`,
	`compgen -f -d`, `compgen -d -f`, `compgen -f -X 'a*'`, `compgen -f -X '!a*'`,
	`compgen -f -X '!&*' a`, `compgen -f -X '@(alpha|exe)'`,
	`compgen -W 'one two three' t`, `compgen -W 'aa ab ac' -X '!&b' a`,
	`compgen -W 'aa ab ac' -X '&b' a`, `compgen -W 'x y' -P '<' -S '>'`,
	`compgen -W '$MYVAR1 $(echo sub) $((1+2)) ~ "q q" a\ b'`, `compgen -W 'aa ab' -- a`,
	`compgen -W 'a:b:c'`, `IFS=: compgen -W 'a b:c'`, `compgen -W 'x*'`,
	`compgen -W 'b a c' -o nosort`, `compgen -W 'x' -P '$HOME'`,
	`compgen -G '*'`, `compgen -G 'a*'`, `compgen -G '*/'`, `compgen -G '.h*'`,
	`compgen -G 'nomatch*'`, `compgen -G 'sub/*'`, `compgen -G '[ax]*'`,
	`compgen -o plusdirs -W q`, `compgen -d -o plusdirs -W dd`,
	`compgen -o dirnames -W zz d`, `compgen -o dirnames -W zz`,
	`compgen -o default -W zz al`, `compgen -o bashdefault -W zz '$MYV'`,
	`compgen -o bashdefault -W zz al`,
	`compgen -v MYVAR`, `compgen -e MYV`, `compgen -A variable MYVAR2`,
	`compgen -k`, `compgen -k d`, `compgen -A keyword f`,
	`compgen -c gt`, `compgen -c ./`, `compgen -c ./e`, `compgen -c sub/`,
	`compgen -A command gtool`, `compgen -c -X '*2' gt`,
	`compgen -A hostname`, `compgen -A hostname z`,
	`compgen -A signal SIGT`, `compgen -A setopt`, `compgen -A shopt comp`,
	`compgen -u root`, `compgen -g roo`, `compgen -A user -A group root`,
	`compgen -b`, `compgen -b e`, `compgen -A builtin c`,
	`alias myal=ls myal2=x; compgen -a my`,
	`myfn() { :; }; myfn2() { :; }; compgen -A function my`,
	`alias myal=ls; myfn() { :; }; compgen -c my`,
	`alias dal=x; compgen -f -d -a -k -v -e -c d`,
	`_f() { COMPREPLY=(one two "$2"); }; compgen -F _f word 2>/dev/null`,
	`compgen -C 'printf "%s\n" one two' 2>/dev/null`,
	`compgen -W 'aa ab' zz; echo "status $?"`,
	`compgen -f nothing; echo "status $?"`,
	`compgen -z 2>/dev/null; echo "status $?"`,
	`compgen -A nosuch 2>/dev/null; echo "status $?"`,
	`compgen -o nosuch 2>/dev/null; echo "status $?"`,
	`complete -W 'a b' -o nospace foo; complete -p foo`,
	`complete -o filenames -o nospace -a -b -c -d -e -f -g -j -k -s -u -v -A hostname -A signal -G '*.c' -W 'a b' -P 'p q' -S '$x' -X '!*.c' -C 'cmd arg' -F fn 'a b'; complete -p 'a b'`,
	`complete -F _f -D; complete -W x -E; complete -p -D -E`,
	`complete -W x foo; complete -r foo; complete -p foo 2>/dev/null; echo "status $?"`,
	`complete -r nosuch 2>/dev/null; echo "status $?"`,
	`complete -W zz 2>/dev/null; echo "status $?"`,
	`complete -A nosuch x 2>/dev/null; echo "status $?"`,
	`compopt -o nospace 2>/dev/null; echo "status $?"`,
	`complete -W x foo; compopt -o nospace -o filenames foo; complete -p foo; compopt +o nospace foo; complete -p foo; compopt foo`,
}

// TestCompgenOracle runs each case in bash and in gosh, in the same
// directory with the same environment, and compares what they print and
// their exit statuses.
func TestCompgenOracle(t *testing.T) {
	bash := bashOracle(t)
	work, env := compgenTree(t)
	gosh := filepath.Join(binDir, "gosh")
	run := func(shell string, args []string, script string) (string, int) {
		cmd := exec.Command(shell, append(args, "-c", script)...)
		cmd.Dir, cmd.Env = work, env
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s: %v", shell, err)
		}
		return string(out), code
	}
	for _, script := range compgenCases {
		want, wantCode := run(bash, []string{"--norc", "--noprofile"}, script)
		got, gotCode := run(gosh, nil, script)
		if strings.Contains(script, "-b") || strings.Contains(script, "builtin") {
			got = dropGoshBuiltins(t, got, want, func(name string) bool {
				goshType, _ := run(gosh, nil, "type -t "+name)
				bashType, _ := run(bash, []string{"--norc", "--noprofile"}, "type -t "+name+" 2>/dev/null")
				return goshType == "builtin\n" && bashType != "builtin\n"
			})
		}
		if got != want || gotCode != wantCode {
			t.Errorf("%s\nbash (status %d):\n%s\ngosh (status %d):\n%s", script, wantCode, indentLines(want), gotCode, indentLines(got))
		}
	}
}

// dropGoshBuiltins removes from got, compgen's list in gosh, the names
// bash does not list that are gosh's own built-ins (parallel, mgrep, ...):
// gosh lists them, as it should, and the comparison is about the rest.
// A name neither shell knows as a built-in stays, so the test still fails.
func dropGoshBuiltins(t *testing.T, got, want string, goshOnly func(string) bool) string {
	t.Helper()
	inBash := map[string]bool{}
	for _, w := range strings.Split(want, "\n") {
		inBash[w] = true
	}
	var kept []string
	for _, g := range strings.SplitAfter(got, "\n") {
		name := strings.TrimSuffix(g, "\n")
		if name != "" && !inBash[name] && goshOnly(name) {
			continue
		}
		kept = append(kept, g)
	}
	return strings.Join(kept, "")
}

func indentLines(s string) string {
	if s == "" {
		return "\t(nothing)"
	}
	return "\t" + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n\t")
}
