package shell

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/completion"
)

// completionShell returns a shell in a directory of test files, with
// script run in it.
func completionShell(t *testing.T, script string) (*Shell, string) {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"subdir", "bin"} {
		os.Mkdir(filepath.Join(dir, d), 0o755)
	}
	for _, f := range []string{"my file.txt", "other", "subdir/inner"} {
		os.WriteFile(filepath.Join(dir, f), nil, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "bin", "gtool"), nil, 0o755)
	s, _, _ := newTestShell(t, Options{Dir: dir, Env: []string{"HOME=" + dir, "PATH=" + filepath.Join(dir, "bin"), "MYVAR=1"}})
	if err := s.RunString(context.Background(), script); err != nil {
		t.Fatalf("setup: %v", err)
	}
	return s, dir
}

func texts(r completion.Result) []string {
	var out []string
	for _, c := range r.Candidates {
		out = append(out, c.Text)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestCompleteLine(t *testing.T) {
	s, _ := completionShell(t, `
_words() { COMPREPLY=( $(compgen -W "alpha beta" -- "$2") ); }
complete -F _words wcmd
complete -W "one two" -P pre- pcmd
complete -o nospace -W "x" ncmd
complete -f -X '!*.txt' tcmd
myfunc() { :; }
alias myalias=ls
`)
	tests := []struct {
		line  string
		start int
		want  []string
	}{
		{"ls my", 3, []string{`my\ file.txt`}},
		{"ls sub", 3, []string{"subdir"}},
		{"ls subdir/", 10, []string{"inner"}},
		{"gto", 0, []string{"gtool"}},
		{"my", 0, []string{"myalias", "myfunc"}},
		{"true; gt", 6, []string{"gtool"}},
		{"A=1 gt", 4, []string{"gtool"}},
		{"echo $MYV", 5, []string{"$MYVAR"}},
		{"echo ${MYV", 5, []string{"${MYVAR}"}},
		{"wcmd a", 5, []string{"alpha"}},
		{"wcmd ", 5, []string{"alpha", "beta"}},
		{"pcmd o", 5, []string{"pre-one"}},
		{"tcmd ", 5, []string{`my\ file.txt`}},
		{"echo x | wcmd b", 14, []string{"beta"}},
	}
	for _, tt := range tests {
		r := s.completeLine(context.Background(), tt.line, len(tt.line), '\t')
		if got := texts(r); r.Start != tt.start || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("completeLine(%q) = %d %q, want %d %q", tt.line, r.Start, got, tt.start, tt.want)
		}
	}
	r := s.completeLine(context.Background(), "ncmd ", 5, '\t')
	if len(r.Candidates) != 1 || r.Candidates[0].Suffix != completion.NoSuffix {
		t.Errorf("nospace: %+v", r.Candidates)
	}
	r = s.completeLine(context.Background(), "ls sub", 6, '\t')
	if len(r.Candidates) != 1 || r.Candidates[0].Kind != completion.KindDirectory {
		t.Errorf("directory kind: %+v", r.Candidates)
	}
}

// TestCompFuncState checks what running a -F function leaves behind: the
// variables it sets stay, the COMP_ ones and COMPREPLY go, $? is kept.
func TestCompFuncState(t *testing.T) {
	s, _ := completionShell(t, `
_f() { seen="$COMP_LINE|$COMP_POINT|$COMP_CWORD|$COMP_TYPE|$COMP_KEY|${COMP_WORDS[*]}"; COMPREPLY=(zz); return 3; }
complete -F _f fcmd`)
	s.RunString(context.Background(), "false") // $? is 1
	r := s.completeLine(context.Background(), "x; fcmd a b", 11, '?')
	if got := texts(r); !reflect.DeepEqual(got, []string{"zz"}) {
		t.Fatalf("candidates %q", got)
	}
	if got := s.runner.Vars["seen"].String(); got != "fcmd a b|8|2|63|9|fcmd a b" {
		t.Errorf("COMP_ variables: %q", got)
	}
	for _, name := range []string{"COMP_LINE", "COMP_WORDS", "COMPREPLY", "COMP_CWORD"} {
		if v := s.runner.Vars[name]; v.IsSet() {
			t.Errorf("%s still set: %v", name, v)
		}
	}
	var stdout strings.Builder
	if err := interp.StdIO(nil, &stdout, nil)(s.runner); err != nil {
		t.Fatal(err)
	}
	s.RunString(context.Background(), `echo "status $?"`)
	if got := stdout.String(); got != "status 1\n" {
		t.Errorf("after completion: %q, want status 1", got)
	}
}

func TestCompoptInFunction(t *testing.T) {
	s, _ := completionShell(t, `
_f() { compopt -o nospace; COMPREPLY=(word); }
complete -F _f fcmd`)
	r := s.completeLine(context.Background(), "fcmd w", 6, '\t')
	if len(r.Candidates) != 1 || r.Candidates[0].Suffix != completion.NoSuffix {
		t.Errorf("compopt -o nospace in the function: %+v", r.Candidates)
	}
	// The spec itself is unchanged.
	if sp := s.completions().get("fcmd"); sp.options != 0 {
		t.Errorf("spec options changed: %v", sp.options)
	}
}

func TestCompleteRetry124(t *testing.T) {
	s, _ := completionShell(t, `
_loader() { complete -W "loaded" "$1"; return 124; }
complete -D -F _loader`)
	r := s.completeLine(context.Background(), "newcmd l", 8, '\t')
	if got := texts(r); !reflect.DeepEqual(got, []string{"loaded"}) {
		t.Errorf("after 124: %q", got)
	}
}

func TestParseCompArgs(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(*compArgs) bool
	}{
		{[]string{"-W", "a b", "x"}, "", func(a *compArgs) bool { return a.spec.words == "a b" && reflect.DeepEqual(a.rest, []string{"x"}) }},
		{[]string{"-Wa", "x"}, "", func(a *compArgs) bool { return a.spec.words == "a" }},
		{[]string{"-fd", "-A", "user", "--", "-x"}, "", func(a *compArgs) bool {
			return a.spec.actions == actFile|actDirectory|actUser && reflect.DeepEqual(a.rest, []string{"-x"})
		}},
		{[]string{"-o", "nospace", "-o", "filenames"}, "", func(a *compArgs) bool { return a.spec.options == optNospace|optFilenames }},
		{[]string{"-W"}, "-W: option requires an argument", nil},
		{[]string{"-A", "nope"}, "nope: invalid action name", nil},
		{[]string{"-o", "nope"}, "nope: invalid option name", nil},
		{[]string{"-z"}, "-z: invalid option", nil},
	}
	for _, tt := range tests {
		a, err := parseCompArgs("complete", tt.args)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%q: error %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !tt.check(a) {
			t.Errorf("%q: %+v %v", tt.args, a, err)
		}
	}
	if _, err := parseCompArgs("compgen", []string{"-p"}); err == nil {
		t.Errorf("compgen took -p")
	}
}
