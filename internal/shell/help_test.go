package shell

import (
	"context"
	"os"
	"os/exec"
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
		{name: "help glob", src: "help -s 'h*'", wantStdout: "hash: hash [-lr] [-p pathname] [-dt] [name ...]\nhello: hello\nhelp: help [-dms] [pattern ...]\nhistory: history [-c]"},
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
