package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/interp"
)

// testBuiltins are registered on the shells of TestBuiltins.
var testBuiltins = map[string]Builtin{
	// args prints its arguments, one per line, with args[0] first.
	"args": func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		for _, a := range args {
			fmt.Fprintf(hc.Stdout, "<%s>\n", a)
		}
		return nil
	},
	// upper copies standard input to standard output in upper case.
	"upper": func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		b, err := io.ReadAll(hc.Stdin)
		if err != nil {
			return err
		}
		_, err = io.WriteString(hc.Stdout, strings.ToUpper(string(b)))
		return err
	},
	// status exits with the status given as its argument.
	"status": func(ctx context.Context, args []string) error {
		var n uint8
		if _, err := fmt.Sscan(args[1], &n); err != nil {
			return err
		}
		return interp.ExitStatus(n)
	},
	// fail returns an error that is not an exit status.
	"fail": func(ctx context.Context, args []string) error {
		return errors.New("something broke")
	},
	// where prints the directory and a variable from the handler context.
	"where": func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		fmt.Fprintf(hc.Stdout, "%s %s\n", hc.Dir, hc.Env.Get("V").String())
		return nil
	},
	// echo cannot replace the interpreter's own echo.
	"echo": func(ctx context.Context, args []string) error {
		return errors.New("replaced echo ran")
	},
}

func TestBuiltins(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name       string
		src        string
		wantStdout string
		wantStderr string
		wantCode   int
	}{
		{name: "arguments", src: `args a "b c" $((1+1))`, wantStdout: "<args>\n<a>\n<b c>\n<2>\n"},
		{name: "in a pipeline", src: "echo hello | upper | upper", wantStdout: "HELLO\n"},
		{name: "redirections", src: "upper <<<hi >out; cat out", wantStdout: "HI\n"},
		{name: "status", src: "status 3", wantCode: 3},
		{name: "status is $?", src: "status 4; echo $?", wantStdout: "4\n"},
		{name: "status 0", src: "false; status 0; echo $?", wantStdout: "0\n"},
		{name: "in conditions", src: "if status 1; then echo yes; else echo no; fi", wantStdout: "no\n"},
		{
			name:       "error is reported",
			src:        "fail; echo \"after $?\"",
			wantStdout: "after 1\n",
			wantStderr: "gosh: fail: something broke\n",
		},
		{name: "context", src: "cd " + dir + "; V=x where", wantStdout: dir + " x\n"},
		{name: "functions come first", src: "args() { echo func; }; args", wantStdout: "func\n"},
		{name: "interp built-ins come first", src: "echo plain", wantStdout: "plain\n"},
		{name: "command runs built-ins", src: "command args x", wantStdout: "<args>\n<x>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, stdout, stderr := newTestShell(t, Options{Dir: t.TempDir()})
			for name, fn := range testBuiltins {
				s.RegisterBuiltin(name, fn)
			}
			err := s.RunString(context.Background(), tt.src)
			if stdout.String() != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout, tt.wantStdout)
			}
			if stderr.String() != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", stderr, tt.wantStderr)
			}
			if code := ExitCode(err); code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (err %v)", code, tt.wantCode, err)
			}
		})
	}
}

func TestRegisterBuiltinReplaceAndRemove(t *testing.T) {
	s, stdout, stderr := newTestShell(t, Options{})
	say := func(word string) Builtin {
		return func(ctx context.Context, args []string) error {
			fmt.Fprintln(interp.HandlerCtx(ctx).Stdout, word)
			return nil
		}
	}
	ctx := context.Background()
	// The names of the default built-ins, plus more.
	with := func(more ...string) []string {
		names := slices.Concat(slices.Collect(maps.Keys(defaultBuiltins)), more)
		slices.Sort(names)
		return names
	}
	if got, want := s.Builtins(), with(); !slices.Equal(got, want) {
		t.Errorf("Builtins() = %q, want %q", got, want)
	}
	s.RegisterBuiltin("say", say("one"))
	s.RegisterBuiltin("zz", say("zz"))
	if got, want := s.Builtins(), with("say", "zz"); !slices.Equal(got, want) {
		t.Errorf("Builtins() = %q, want %q", got, want)
	}
	_ = s.RunString(ctx, "say")
	s.RegisterBuiltin("say", say("two"))
	_ = s.RunString(ctx, "say")
	s.RegisterBuiltin("say", nil)
	err := s.RunString(ctx, "say")
	if got, want := stdout.String(), "one\ntwo\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	if ExitCode(err) != 127 || !strings.Contains(stderr.String(), "say: command not found") {
		t.Errorf("removed built-in: err %v, stderr %q", err, stderr)
	}
	if got, want := s.Builtins(), with("zz"); !slices.Equal(got, want) {
		t.Errorf("Builtins() = %q, want %q", got, want)
	}
}

func TestDefaultBuiltins(t *testing.T) {
	registerDefault("gosh-test-default", func(s *Shell) Builtin {
		return func(ctx context.Context, args []string) error {
			fmt.Fprintf(interp.HandlerCtx(ctx).Stdout, "default for %s\n", s.name())
			return nil
		}
	})
	t.Cleanup(func() { delete(defaultBuiltins, "gosh-test-default") })

	s, stdout, _ := newTestShell(t, Options{Name: "n1"})
	if err := s.RunString(context.Background(), "gosh-test-default"); err != nil {
		t.Fatal(err)
	}
	if got, want := stdout.String(), "default for n1\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("registering a default twice did not panic")
		}
	}()
	registerDefault("gosh-test-default", nil)
}
