package shell

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestEveryBuiltinHasHelp checks that help documents each of gosh's
// built-ins: with a topic of its own (registerHelp), or at least bash's
// synopsis for a built-in with a bash name.
func TestEveryBuiltinHasHelp(t *testing.T) {
	for name := range defaultBuiltins {
		topic, ok := helpTopics[name]
		if !ok {
			if _, ok := interpHelp()[name]; !ok {
				t.Errorf("built-in %s has no help topic (registerHelp)", name)
			}
			continue
		}
		if !strings.HasPrefix(topic.synopsis, name) || topic.short == "" || topic.long == "" {
			t.Errorf("help topic of %s is incomplete: %+v", name, topic)
		}
	}
}

func TestHelpTypeCommand(t *testing.T) {
	hello := func(ctx context.Context, args []string) error {
		_, err := stdoutOf(ctx).Write([]byte("hello from gosh\n"))
		return err
	}
	tests := []struct {
		name, src              string
		wantStdout, wantStderr string
		wantCode               int
	}{
		{name: "help NAME", src: "help disown", wantStdout: "disown: disown [-h] [-ar] [jobspec ... | pid ...]\n    Remove jobs from current shell.\n    \n    Removes each JOBSPEC"},
		{name: "help -s", src: "help -s fg cd", wantStdout: "fg: fg [job_spec]\ncd: cd [-L|[-P [-e]] [-@]] [dir]\n"},
		{name: "help -d prefix", src: "help -d ki", wantStdout: "kill - Send a signal to a job.\n"},
		{name: "help glob", src: "help -s 'h*'", wantStdout: "Shell commands matching keyword `h*'\n\nhash: hash [-lr] [-p pathname] [-dt] [name ...]\nhello: hello\nhelp: help [-dms] [pattern ...]\nhistory: history [-c]"},
		{name: "help list", src: "help | grep -c 'jobs \\[-lnprs\\]'", wantStdout: "1\n"},
		{name: "help list marks what is missing", src: "help | grep -c '\\*ulimit'", wantStdout: "1\n"},
		{name: "help unknown", src: "help nosuch", wantStderr: "gosh: help: no help topics match `nosuch'.", wantCode: 1},
		{name: "type gosh built-in", src: "type jobs hello", wantStdout: "jobs is a shell builtin\nhello is a shell builtin\n"},
		{name: "type -t", src: "type -t fg hello if", wantStdout: "builtin\nbuiltin\nkeyword\n"},
		{name: "type -a", src: "type -a true", wantStdout: "true is a shell builtin\ntrue is /"},
		{name: "type not found", src: "type nosuch-cmd", wantStderr: "type: nosuch-cmd: not found", wantCode: 1},
		{name: "command -v", src: "command -v kill hello cd", wantStdout: "kill\nhello\ncd\n"},
		{name: "command -V", src: "command -V hello wait", wantStdout: "hello is a shell builtin\nwait is a shell builtin\n"},
		{name: "command runs gosh built-ins", src: "hello() { echo function; }; command hello; hello", wantStdout: "hello from gosh\nfunction\n"},
		{name: "builtin runs gosh built-ins", src: "builtin hello; builtin echo x", wantStdout: "hello from gosh\nx\n"},
		{name: "a function comes before a taken-over built-in", src: "jobs() { echo mine; }; jobs", wantStdout: "mine\n"},
		{name: "kill -l", src: "kill -l 9 137 TERM sigint", wantStdout: "KILL\nKILL\n15\n2\n"},
		{name: "kill bad signal", src: "kill -s FOO 1", wantStderr: "gosh: kill: FOO: invalid signal specification\n", wantCode: 1},
		{name: "kill usage", src: "kill", wantStderr: "kill: usage: kill [-s sigspec", wantCode: 2},
		{name: "kill -0", src: "kill -0 $$; echo $?", wantStdout: "0\n"},
		{name: "kill no such process", src: "kill 99999999", wantStderr: "gosh: kill: (99999999) - No such process\n", wantCode: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, stdout, stderr := newTestShell(t, Options{})
			s.RegisterBuiltin("hello", hello)
			err := s.RunString(context.Background(), tt.src)
			if !strings.HasPrefix(stdout.String(), tt.wantStdout) {
				t.Errorf("stdout = %q, want it to start with %q", stdout, tt.wantStdout)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) || (tt.wantStderr == "" && stderr.Len() > 0) {
				t.Errorf("stderr = %q, want %q", stderr, tt.wantStderr)
			}
			if code := ExitCode(err); code != tt.wantCode {
				t.Errorf("exit code %d, want %d", code, tt.wantCode)
			}
		})
	}
}

// TestKillListOracle compares kill -l with bash's.
func TestKillListOracle(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: no oracle")
	}
	want, err := exec.Command(bash, "-c", "kill -l").Output()
	if err != nil {
		t.Fatal(err)
	}
	s, stdout, _ := newTestShell(t, Options{Env: []string{"PATH=" + os.Getenv("PATH")}})
	s.RunString(context.Background(), "kill -l")
	if stdout.String() != string(want) {
		t.Errorf("kill -l:\n%s\nbash:\n%s", stdout, want)
	}
}

// bashOracle runs script in bash 5.2 and returns its output, or skips.
func bashOracle(t *testing.T, script string) string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: no oracle")
	}
	if v, err := exec.Command(bash, "--norc", "-c", `echo "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}"`).Output(); err != nil || strings.TrimSpace(string(v)) != "5.2" {
		t.Skipf("bash %q is not 5.2: no oracle", strings.TrimSpace(string(v)))
	}
	out, err := exec.Command(bash, "--norc", "--noprofile", "-c", script).CombinedOutput()
	if err != nil {
		t.Fatalf("bash -c %q: %v\n%s", script, err, out)
	}
	return string(out)
}

// goshOnlySynopses are the bash topics whose synopsis in gosh differs
// from bash's, because gosh's built-in lacks an option.
var goshOnlySynopses = map[string]string{
	"jobs": "no jobs -x",
}

// TestHelpTopicsOracle compares help's topics with bash 5.2's: compgen -A
// helptopic lists exactly bash's topics (its built-ins and its keyword
// topics: while, { ... }, variables, %, ...) plus gosh's own built-ins,
// those bash does not have, which gosh's help documents; and each bash
// topic has bash's synopsis (help -s), but for the options gosh's
// built-ins lack (goshOnlySynopses).
func TestHelpTopicsOracle(t *testing.T) {
	out := bashOracle(t, `compgen -A helptopic; echo ---; compgen -b`)
	topicsOut, builtinsOut, _ := strings.Cut(out, "---\n")
	bashTopics := strings.Split(strings.TrimSuffix(topicsOut, "\n"), "\n")
	bashBuiltins := strings.Split(strings.TrimSuffix(builtinsOut, "\n"), "\n")
	s, stdout, _ := newTestShell(t, Options{})
	got := compgenOut(t, s, stdout, "compgen -A helptopic")

	var goshOnly []string
	for name := range defaultBuiltins {
		if !slices.Contains(bashBuiltins, name) {
			goshOnly = append(goshOnly, name)
			if _, ok := helpTopics[name]; !ok {
				t.Errorf("gosh built-in %s has no help topic of its own", name)
			}
		}
	}
	if len(goshOnly) == 0 {
		t.Fatal("no gosh-only built-ins: the registry is not what this test expects")
	}
	want := slices.Sorted(slices.Values(append(slices.Clone(bashTopics), goshOnly...)))
	if !slices.Equal(got, want) {
		for _, n := range bashTopics {
			if !slices.Contains(got, n) {
				t.Errorf("bash topic %q missing", n)
			}
		}
		for _, n := range got {
			if !slices.Contains(want, n) {
				t.Errorf("topic %q is neither bash's nor a gosh built-in", n)
			}
		}
		t.Errorf("compgen -A helptopic:\n%q\nwant (bash's and %q):\n%q", got, goshOnly, want)
	}
	if !slices.IsSorted(bashTopics) {
		t.Errorf("bash's topics are not in byte order: %q", bashTopics)
	}

	// help -s for every bash topic.
	var script strings.Builder
	for _, n := range bashTopics {
		fmt.Fprintf(&script, "help -s -- %s\n", shellQuote(n))
	}
	bashSyn := strings.SplitAfter(bashOracle(t, script.String()), "\n")
	stdout.Reset()
	if err := s.RunString(context.Background(), script.String()); err != nil {
		t.Fatal(err)
	}
	goshSyn := strings.SplitAfter(stdout.String(), "\n")
	if len(goshSyn) != len(bashSyn) {
		t.Fatalf("help -s: %d lines, bash %d:\n%s", len(goshSyn), len(bashSyn), stdout)
	}
	for i, line := range bashSyn {
		name, _, _ := strings.Cut(line, ": ")
		_, exception := goshOnlySynopses[name]
		if (goshSyn[i] == line) == exception {
			if exception {
				t.Errorf("help -s %s is bash's now: remove it from goshOnlySynopses", name)
			} else {
				t.Errorf("help -s:\n%q\nbash:\n%q", goshSyn[i], line)
			}
		}
	}
}

// TestHelpPatternsOracle compares help's choice of topics and its header
// for patterns with bash's: an exact name, a prefix, globs.
func TestHelpPatternsOracle(t *testing.T) {
	for _, args := range []string{
		"for", "fo", "'for (('", "'fo*' 'whi*'", "'[['", "'[[ ... ]]'", "'{ ... }'",
		"'[!a-z]*'", "'%'", "'(('", "va", "'*('", "if", "'t?me' until", ":",
	} {
		script := "help -s " + args
		want := bashOracle(t, script)
		s, stdout, _ := newTestShell(t, Options{})
		if err := s.RunString(context.Background(), script); err != nil {
			t.Errorf("%s: %v", script, err)
		}
		if stdout.String() != want {
			t.Errorf("%s:\n%s\nbash:\n%s", script, stdout, want)
		}
	}
}

// TestHelpKeywordTopics checks gosh's own texts for bash's keyword
// topics: help NAME prints the synopsis, the short description and a
// description ending with the exit status, as bash's do; help -d and -m
// work for them too.
func TestHelpKeywordTopics(t *testing.T) {
	s, stdout, _ := newTestShell(t, Options{})
	for name, topic := range keywordHelp() {
		for _, tc := range []struct{ flag, want string }{
			{"", name + ": " + topic.synopsis + "\n    " + topic.short + "\n    \n"},
			{"-d", name + " - " + topic.short + "\n"},
			{"-s", name + ": " + topic.synopsis + "\n"},
			{"-m", "NAME\n    " + name + " - " + topic.short + "\n\nSYNOPSIS\n    " + topic.synopsis + "\n"},
		} {
			stdout.Reset()
			if err := s.RunString(context.Background(), "help "+tc.flag+" -- "+shellQuote(name)); err != nil {
				t.Errorf("help %s %s: %v", tc.flag, name, err)
			}
			want := tc.want
			if globPattern(name) {
				// As bash does for [[ ... ]].
				want = "Shell commands matching keyword `" + name + "'\n\n" + want
			}
			if !strings.HasPrefix(stdout.String(), want) {
				t.Errorf("help %s %q:\n%s\nwant it to start with\n%s", tc.flag, name, stdout, want)
			}
			if tc.flag == "" && name != "variables" && !strings.Contains(stdout.String(), "\n    Exit Status:\n    ") {
				t.Errorf("help %q has no exit status:\n%s", name, stdout)
			}
		}
		if topic.short == "" || topic.long == "" || strings.Contains(topic.long, "\t") {
			t.Errorf("topic %q: %+v", name, topic)
		}
	}
	// The list help prints without arguments has them, coproc starred.
	stdout.Reset()
	s.RunString(context.Background(), "help")
	for _, want := range []string{" while COMMANDS; do COMMANDS-2; done", " { COMMANDS ; }", "*coproc [NAME] command", " job_spec [&]"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("help list lacks %q", want)
		}
	}
}
