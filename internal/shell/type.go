package shell

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

func init() {
	registerDefault("type", (*Shell).typeBuiltin)
	registerDefault("command", (*Shell).commandBuiltin)
	registerDefault("builtin", (*Shell).builtinBuiltin)
}

// isBuiltinName reports whether name runs a built-in: gosh's or the
// interpreter's.
func (s *Shell) isBuiltinName(name string) bool {
	if _, ok := s.lookupBuiltin(name); ok {
		return true
	}
	return interp.IsBuiltin(name)
}

// goshOnly reports whether name is a gosh built-in the interpreter does not
// know, which its own type and command -v would not find.
func (s *Shell) goshOnly(name string) bool {
	_, ok := s.lookupBuiltin(name)
	return ok && !interp.IsBuiltin(name)
}

// pathsOf returns every file on $PATH that name would run (all of them, for
// type -a).
func pathsOf(ctx context.Context, name string) []string {
	hc := interp.HandlerCtx(ctx)
	if strings.Contains(name, "/") {
		if p, err := interp.LookPathDir(hc.Dir, hc.Env, name); err == nil {
			return []string{p}
		}
		return nil
	}
	var out []string
	for dir := range strings.SplitSeq(hc.Env.Get("PATH").String(), ":") {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, name)
		if !filepath.IsAbs(p) {
			p = filepath.Join(hc.Dir, p)
		}
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			out = append(out, p)
		}
	}
	return out
}

// typeBuiltin is bash's type [-afptP] name ...: the interpreter's, which
// knows aliases, functions and its built-ins, with gosh's built-ins and
// the -a and -f options added.
func (s *Shell) typeBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		flags, rest, bad := parseFlags(args[1:], "afptP")
		if bad != 0 {
			fmt.Fprintf(stderrOf(ctx), "gosh: type: -%c: invalid option\ntype: usage: type [-afptP] name [name ...]\n", bad)
			return interp.ExitStatus(2)
		}
		mode := ""
		for _, f := range "tpP" {
			if flags[byte(f)] {
				mode = "-" + string(f)
			}
		}
		status := 0
		for _, name := range rest {
			var err error
			if flags['a'] || flags['f'] || s.goshOnly(name) {
				err = s.describe(ctx, name, mode, flags['a'], !flags['f'])
			} else {
				a := []string{"type"}
				if mode != "" {
					a = append(a, mode)
				}
				err = runInterpBuiltin(ctx, append(a, name))
			}
			if err != nil {
				status = 1
			}
		}
		if status != 0 {
			return interp.ExitStatus(status)
		}
		return nil
	}
}

// describe says what name is, as type does, for gosh's built-ins and for
// -a (every match) and -f (no functions). Aliases are the interpreter's
// own and are left out.
func (s *Shell) describe(ctx context.Context, name, mode string, all, funcs bool) error {
	out := stdoutOf(ctx)
	found := false
	say := func(kind, long string) bool {
		found = true
		switch mode {
		case "-t":
			fmt.Fprintln(out, kind)
		case "":
			fmt.Fprintln(out, long)
		}
		return !all
	}
	if mode != "-P" {
		if syntax.IsKeyword(name) && say("keyword", name+" is a shell keyword") {
			return nil
		}
		if funcs {
			if t := taskOf(ctx); t == nil || !t.async {
				if text, ok := s.functionText(name); ok && say("function", name+" is a function\n"+text) {
					return nil
				}
			}
		}
		if s.isBuiltinName(name) && say("builtin", name+" is a shell builtin") {
			return nil
		}
	}
	for _, p := range pathsOf(ctx, name) {
		found = true
		switch mode {
		case "-t":
			fmt.Fprintln(out, "file")
		case "-p", "-P":
			fmt.Fprintln(out, p)
		default:
			fmt.Fprintf(out, "%s is %s\n", name, p)
		}
		if !all {
			break
		}
	}
	if !found {
		if mode == "" {
			fmt.Fprintf(stderrOf(ctx), "gosh: type: %s: not found\n", name)
		}
		return interp.ExitStatus(1)
	}
	return nil
}

// commandBuiltin is bash's command [-pVv] command [arg ...]: -v and -V
// describe commands, gosh's built-ins included; otherwise the command runs
// without function lookup (a gosh built-in here, anything else by the
// interpreter's command).
func (s *Shell) commandBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		flags, rest, bad := parseFlags(args[1:], "pvV")
		if bad != 0 {
			fmt.Fprintf(stderrOf(ctx), "gosh: command: -%c: invalid option\ncommand: usage: command [-pVv] command [arg ...]\n", bad)
			return interp.ExitStatus(2)
		}
		switch {
		case len(rest) == 0:
			return nil
		case flags['V']:
			status := 0
			for _, name := range rest {
				var err error
				if s.goshOnly(name) {
					err = s.describe(ctx, name, "", false, true)
				} else {
					err = runInterpBuiltin(ctx, []string{"type", name})
				}
				if err != nil {
					status = 1
				}
			}
			if status != 0 {
				return interp.ExitStatus(status)
			}
			return nil
		case flags['v']:
			status := 0
			for _, name := range rest {
				if s.goshOnly(name) {
					fmt.Fprintln(stdoutOf(ctx), name)
				} else if err := runInterpBuiltin(ctx, []string{"command", "-v", name}); err != nil {
					status = 1
				}
			}
			if status != 0 {
				return interp.ExitStatus(status)
			}
			return nil
		}
		if fn, ok := s.lookupBuiltin(rest[0]); ok {
			return runGoshBuiltin(ctx, fn, rest)
		}
		return runInterpBuiltin(ctx, append([]string{"command"}, rest...))
	}
}

// builtinBuiltin is bash's builtin shell-builtin [arg ...], which also runs
// gosh's built-ins.
func (s *Shell) builtinBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		if len(args) < 2 {
			return nil
		}
		if fn, ok := s.lookupBuiltin(args[1]); ok {
			return runGoshBuiltin(ctx, fn, args[1:])
		}
		if !interp.IsBuiltin(args[1]) {
			return builtinError(ctx, "builtin", 1, "%s: not a shell builtin", args[1])
		}
		return runInterpBuiltin(ctx, args)
	}
}

// runGoshBuiltin runs a gosh built-in for another (command, builtin),
// reporting its errors under its own name.
func runGoshBuiltin(ctx context.Context, fn Builtin, args []string) error {
	if err := builtinResult(ctx, args[0], fn(ctx, args)); err != nil {
		return delegated{err}
	}
	return nil
}
