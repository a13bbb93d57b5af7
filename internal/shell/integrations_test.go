package shell

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseUnixBinding(t *testing.T) {
	tests := []struct {
		in, seq, cmd, err string
	}{
		{`"\C-t": fzf-file-widget`, `\C-t`, "fzf-file-widget", ""},
		{`  "\C-xa":echo hi`, `\C-xa`, "echo hi", ""},
		{`"\C-xb":"echo quoted"`, `\C-xb`, "echo quoted", ""},
		{`"\C-xc"  :   echo  spaced`, `\C-xc`, "echo  spaced", ""},
		{`"\C-xg": 'echo sq'`, `\C-xg`, "echo sq", ""},
		{`"\"x": cmd`, `\"x`, "cmd", ""},
		{`\C-y: echo noquote`, "", "", "\\C-y: echo noquote: first non-whitespace character is not `\"'"},
		{`"\C-xd" echo nocolon`, "", "", `"\C-xd" echo nocolon: missing colon separator`},
		{`"\C-xe`, "", "", "no closing `\"' in \"\\C-xe"},
		{`"\C-xf": 'open`, "", "", "no closing `'' in \"\\C-xf\": 'open"},
	}
	for _, tt := range tests {
		seq, cmd, err := parseUnixBinding(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("parseUnixBinding(%q): error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || seq != tt.seq || cmd != tt.cmd {
			t.Errorf("parseUnixBinding(%q) = %q, %q, %v; want %q, %q", tt.in, seq, cmd, err, tt.seq, tt.cmd)
		}
	}
}

func TestLegalNumberAndByteIndex(t *testing.T) {
	run := func(src string) *Shell {
		t.Helper()
		s, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RunString(context.Background(), src); err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := run(`a=" 4"; b=0x7fffffff; c=-3; d=`)
	for name, want := range map[string]int{"a": 4, "c": -3} {
		if n, ok := legalNumber(s.runner.Vars[name]); !ok || n != want {
			t.Errorf("legalNumber(%s) = %d, %v; want %d", name, n, ok, want)
		}
	}
	for _, name := range []string{"b", "d", "unset"} {
		if _, ok := legalNumber(s.runner.Vars[name]); ok {
			t.Errorf("legalNumber(%s) is a number; bash's legal_number rejects it", name)
		}
	}
	for _, tt := range []struct {
		s    string
		n, b int
	}{{"héllo", 0, 0}, {"héllo", 2, 3}, {"héllo", 5, 6}, {"héllo", 9, 6}, {"", 1, 0}} {
		if got := byteIndex(tt.s, tt.n); got != tt.b {
			t.Errorf("byteIndex(%q, %d) = %d, want %d", tt.s, tt.n, got, tt.b)
		}
	}
}

func TestPrepass(t *testing.T) {
	tests := []struct {
		name        string
		interactive bool
		in, want    string
	}{
		{"$- gets an i", true, `[[ $- =~ i ]] && echo "${-}"` + "\n", `[[ $-i =~ i ]] && echo "${-}i"` + "\n"},
		{"$- stays without -i", false, `[[ $- =~ i ]]` + "\n", ""},
		{"a function and &&", false, "f() { :; } &&\n    complete -F f g\n", "f() { :; } ; \n    complete -F f g\n"},
		{"a function and && &&", false, "f() { :; } && a && b\n", "f() { :; } ;  a && b\n"},
		{"arithmetic for", false, "for ((i = 0; i < 3; i++)); do :; done\n",
			"(( i = 0 )) || :; " + forFlag + "=1; while { if (( " + forFlag + " )); then " + forFlag + "=0; else (( i++ )) || :; fi; (( i < 3 )); }; do :; done\n"},
		{"endless for", false, "for ((;;)); do break; done\n",
			forFlag + "=1; while { if (( " + forFlag + " )); then " + forFlag + "=0; else : || :; fi; :; }; do break; done\n"},
		{"set array", false, `f ${w+"${w[@]}"} ${v+"${w[@]}"}` + "\n", `f "${w[@]}" ${v+"${w[@]}"}` + "\n"},
		{"not a dash", false, "shopt -s extglob\ncase $x in -!(-*)[fo]) ;; esac\n", "shopt -s extglob\ncase $x in -@(|[!-]*)[fo]) ;; esac\n"},
		{"zsh branch", false, "if [[ -n ${ZSH_VERSION-} ]]; then\n\tx=${(M)y}\n\tz=1\nelse\n\tw=2\nfi\n",
			"if [[ -n ${ZSH_VERSION-} ]]; then\n\t:\n\nelse\n\tw=2\nfi\n"},
		{"nothing to do", true, "echo hi\n", ""},
	}
	for _, tt := range tests {
		s, err := New(Options{Interactive: tt.interactive})
		if err != nil {
			t.Fatal(err)
		}
		out, changed := s.prepass([]byte(tt.in), "f")
		if tt.want == "" {
			if changed {
				t.Errorf("%s: changed to %q, want no change", tt.name, out)
			}
			continue
		}
		if !changed || string(out) != tt.want {
			t.Errorf("%s: got %q (changed %v), want %q", tt.name, out, changed, tt.want)
		}
	}
}

// runScript runs src from a file that the shell sources (so that the
// pre-pass applies) and returns standard output and error.
func runScript(t *testing.T, interactive bool, src string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "s.sh")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s, err := New(Options{Interactive: interactive, NoRC: true, Stdout: &out, Stderr: &out, Dir: dir, Env: []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH")}})
	if err != nil {
		t.Fatal(err)
	}
	s.RunString(context.Background(), "source "+file) //nolint:errcheck
	return out.String()
}

func TestSourcedWorkarounds(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"upvars reach the caller's caller", `_upvars() { while (($#)); do case $1 in -v) [[ "$2" ]] && unset -v "$2" && eval $2=\"\$3\" && shift 3 || return 1;; -a*) local n=${1#-a}; unset -v "$2" && eval $2=\(\"\$"{@:3:$n}"\"\) && shift $((n + 2));; *) return 1;; esac; done; }
inner() { local x y; x=computed; y=(a ""); local x y && _upvars -v x "$x" -a2 y "${y[@]}"; }
outer() { local x=orig y; inner; echo "outer sees [$x] ${#y[@]}"; return 3; }
outer; echo "status $? global [$x]"
`, "outer sees [computed] 2\nstatus 3 global []\n"},
		{"arithmetic for goes on after a failure", `for ((i = 0; i < 3; i++)); do echo $i; [[ $i == 1 ]] && continue; false; done
f() { for ((j = 0; j < 2; j++)); do for ((k = 0; k < 2; k++)); do echo -n $j$k; false; done; done; echo; }; f
`, "0\n1\n2\n00011011\n"},
		{"a function defined before &&", "g() { echo g; } && echo defined\ng\n", "defined\ng\n"},
		{"empty elements", `f() { echo $#; }; w=(a "" b); f ${w+"${w[@]}"}` + "\n", "3\n"},
		{"!(-*) anywhere", "shopt -s extglob\nfor w in -f -xf -- --f -f2; do case $w in -!(-*)[fo]) echo -n y;; *) echo -n n;; esac; done; echo\n", "yynnn\n"},
	}
	for _, tt := range tests {
		if got := runScript(t, false, tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := runScript(t, true, "[[ $- =~ i ]] && echo interactive\n"); got != "interactive\n" {
		t.Errorf("an interactive shell's $- has no i: %q", got)
	}
	if got := runScript(t, false, "[[ $- =~ i ]] || echo not\n"); got != "not\n" {
		t.Errorf("a script's $- has an i: %q", got)
	}
}

func TestBashVars(t *testing.T) {
	var out bytes.Buffer
	s, err := New(Options{Stdout: &out, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	s.RunString(context.Background(), `echo "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]} $BASH_VERSION"; BASH_VERSION=x 2>/dev/null; echo "$BASH_VERSION"; printf '%q\n' "$COMP_WORDBREAKS"`) //nolint:errcheck
	want := "5.2 5.2.0(1)-release\n5.2.0(1)-release\n$' \\t\\n\"\\'@><=;|&(:'\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

func TestPrintfQuote(t *testing.T) {
	for in, want := range map[string]string{
		"": "''", "a b": `a\ b`, "c'd": `c\'d`, "t\tx": `$'t\tx'`, "~x": `\~x`, "a~b": "a~b",
		"a=~b": `a=\~b`, "#c": `\#c`, "d#": "d#", "é!": `é\!`, "\x1b[": `$'\E['`, "\xff": `$'\377'`,
	} {
		if got := printfQuote(in); got != want {
			t.Errorf("printfQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestShoptHostcomplete(t *testing.T) {
	var out bytes.Buffer
	s, err := New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s.RunString(ctx, "shopt -u hostcomplete; shopt -p hostcomplete; shopt -q hostcomplete; echo $?") //nolint:errcheck
	if out.String() != "shopt -u hostcomplete\n1\n" || s.hostComplete() {
		t.Errorf("after shopt -u hostcomplete: %q, hostComplete %v", out.String(), s.hostComplete())
	}
	out.Reset()
	s.RunString(ctx, "shopt -s hostcomplete; shopt -p hostcomplete") //nolint:errcheck
	if out.String() != "shopt -s hostcomplete\n" || !s.hostComplete() {
		t.Errorf("after shopt -s hostcomplete: %q, hostComplete %v", out.String(), s.hostComplete())
	}
	hosts := func() []string {
		var out []string
		for _, c := range s.completeLine(ctx, "echo @lo", len("echo @lo"), '\t').Candidates {
			if strings.HasPrefix(c.Text, "@") {
				out = append(out, c.Text)
			}
		}
		return out
	}
	if hosts, err := os.ReadFile("/etc/hosts"); err == nil && !strings.Contains(string(hosts), "localhost") {
		t.Skip("no localhost in /etc/hosts to complete")
	}
	if h := hosts(); len(h) == 0 {
		t.Errorf("with hostcomplete on, @lo completed to no host")
	}
	s.RunString(ctx, "shopt -u hostcomplete") //nolint:errcheck
	if h := hosts(); len(h) > 0 {
		t.Errorf("with hostcomplete off, @lo completed to hosts %q", h)
	}
}
