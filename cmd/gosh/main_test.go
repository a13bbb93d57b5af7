package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// binDir holds the gosh binary built by TestMain.
var binDir string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

// buildAndRun builds the gosh binary for the end-to-end tests, then runs
// the tests.
func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "gosh-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	// "go test" puts the go command it was run with first on $PATH.
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "gosh"), ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building gosh: %v\n", err)
		return 1
	}
	binDir = dir
	return m.Run()
}

// TestScripts runs the end-to-end tests in testdata/*.txtar against the
// built binary, which is first on $PATH as "gosh".
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata",
		RequireUniqueNames:  true,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", binDir+string(os.PathListSeparator)+env.Getenv("PATH"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitCode,
		},
	})
}

// cmdExitCode implements "exitcode N COMMAND [ARG...]": it runs COMMAND
// like exec, and fails unless it exits with status N.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args    []string
		want    config
		wantErr string
	}{
		{args: nil, want: config{}},
		{args: []string{"-c", "echo hi"}, want: config{command: true, operands: []string{"echo hi"}}},
		{args: []string{"-c", "cmd", "name", "-x", "--"}, want: config{command: true, operands: []string{"cmd", "name", "-x", "--"}}},
		{args: []string{"-ic", "cmd"}, want: config{command: true, interactive: true, operands: []string{"cmd"}}},
		{args: []string{"--norc", "-i", "f.sh", "-c"}, want: config{interactive: true, noRC: true, operands: []string{"f.sh", "-c"}}},
		{args: []string{"--", "-f.sh"}, want: config{operands: []string{"-f.sh"}}},
		{args: []string{"-"}, want: config{}},
		{args: []string{"-i", "-", "-x"}, want: config{interactive: true, operands: []string{"-x"}}},
		{args: []string{"--version"}, want: config{version: true}},
		{args: []string{"-l", "-c", "x"}, want: config{login: true, command: true, operands: []string{"x"}}},
		{args: []string{"--login", "--noprofile"}, want: config{login: true, noProfile: true}},
		{args: []string{"-h"}, want: config{help: true}},
		{args: []string{"--help"}, want: config{help: true}},
		{args: []string{"-x"}, wantErr: "-x: invalid option"},
		{args: []string{"-ix"}, wantErr: "-x: invalid option"},
		{args: []string{"--rcfile"}, wantErr: "--rcfile: invalid option"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.args), func(t *testing.T) {
			got, err := parseArgs(tt.args)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if got.command != tt.want.command || got.interactive != tt.want.interactive ||
				got.login != tt.want.login || got.noProfile != tt.want.noProfile ||
				got.noRC != tt.want.noRC || got.help != tt.want.help || got.version != tt.want.version ||
				!slices.Equal(got.operands, tt.want.operands) {
				t.Errorf("parseArgs(%q) = %+v, want %+v", tt.args, got, tt.want)
			}
		})
	}
}
