package shell

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// A pre-pass over the files the shell sources, for what mvdan.cc/sh
// cannot take as it is in scripts written for bash:
//
//   - In an interactive shell, $- lacks the i bash puts in it (the
//     interpreter only knows its POSIX flags), and scripts such as fzf's
//     key bindings test [[ $- =~ i ]]: each plain $- or ${-} is followed
//     by an i.
//   - Completion scripts shared with zsh (git's, perf's) have zsh syntax
//     the parser rejects in a branch that runs only under zsh, after
//     `if [[ -n ${ZSH_VERSION-} ]]; then`: the branch's lines are emptied
//     (a `:` keeps it a valid branch), since gosh is never zsh.
//
// The call handler rewrites `source FILE` to name the rewritten text (a
// path no user can type, with a NUL in it), which the open handler
// serves. Files that need neither change are sourced as they are.

// sourcePrefix starts the path of a rewritten file.
const sourcePrefix = "/\x00gosh-source/"

// rewrittenSources holds the texts being sourced, by their path.
var rewrittenSources sync.Map // string -> []byte

// sourceSeq numbers the rewritten texts.
var sourceSeq atomic.Int64

// sourceCall rewrites a source or . command whose file needs the
// pre-pass; handled is false for the others.
func (s *Shell) sourceCall(ctx context.Context, args []string) ([]string, bool) {
	if len(args) < 2 {
		return args, false
	}
	hc := interp.HandlerCtx(ctx)
	path := sourcePath(hc, args[1])
	if path == "" {
		return args, false
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return args, false
	}
	getenv := func(name string) string { return hc.Env.Get(name).String() }
	out, changed := s.cachedPrepass(src, path, goshCacheDir(getenv, "prepass"))
	if !changed {
		return args, false
	}
	key := sourcePrefix + strconv.FormatInt(sourceSeq.Add(1), 10) + path
	rewrittenSources.Store(key, out)
	rewritten := append([]string{args[0], key}, args[2:]...)
	return rewritten, true
}

// sourcePath finds the file source would read, as the interpreter does: a
// name with a slash from the current directory, another in $PATH, then in
// the current directory.
func sourcePath(hc interp.HandlerContext, name string) string {
	if strings.Contains(name, "/") {
		if !filepath.IsAbs(name) {
			name = filepath.Join(hc.Dir, name)
		}
		return name
	}
	for _, dir := range filepath.SplitList(hc.Env.Get("PATH").String()) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, name)
		if !filepath.IsAbs(p) {
			p = filepath.Join(hc.Dir, p)
		}
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p
		}
	}
	return filepath.Join(hc.Dir, name)
}

// openSource is the open handler: it serves rewritten texts and opens
// everything else as the interpreter would.
func (s *Shell) openSource(ctx context.Context, path string, flag int, perm os.FileMode) (io.ReadWriteCloser, error) {
	if strings.HasPrefix(path, sourcePrefix) {
		if v, ok := rewrittenSources.LoadAndDelete(path); ok {
			return readOnly{bytes.NewReader(v.([]byte))}, nil
		}
	}
	return interp.DefaultOpenHandler()(ctx, path, flag, perm)
}

// readOnly is a rewritten text as the open handler returns it.
type readOnly struct{ *bytes.Reader }

func (readOnly) Write([]byte) (int, error) { return 0, os.ErrPermission }
func (readOnly) Close() error              { return nil }

// zshBranch is the test that starts a branch for zsh only. It and the
// other patterns of the pre-pass are compiled on first use, not at start-up.
var zshBranch = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([ \t]*)if \[\[ -n \$\{?ZSH_VERSION(-|:-)?\}? \]\]; then[ \t]*$`)
})

// funcAnd finds a function definition followed by &&, which the parser
// takes as part of the function's body.
var funcAnd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\}[ \t]*&&`) })

// prepass applies the pre-pass to a file's text; changed is false when
// it has nothing to change or the result would not parse either.
func (s *Shell) prepass(src []byte, name string) (out []byte, changed bool) {
	interactive := s.opts.Interactive && (bytes.Contains(src, []byte("$-")) || bytes.Contains(src, []byte("${-")))
	zsh := bytes.Contains(src, []byte("ZSH_VERSION"))
	and := funcAnd().Match(src)
	cfor := cStyleFor().Match(src)
	arr := arrayAll().Match(src)
	notDash := bytes.Contains(src, []byte("!(-*)"))
	if !interactive && !zsh && !and && !cfor && !arr && !notDash {
		return src, false
	}
	f, err := syntax.NewParser().Parse(bytes.NewReader(src), name)
	if err != nil {
		if !zsh {
			return src, false
		}
		src = dropZshBranches(src)
		if f, err = syntax.NewParser().Parse(bytes.NewReader(src), name); err != nil {
			return src, false
		}
		changed = true
	}
	type edit struct {
		at, drop int
		text     string
	}
	var edits []edit
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.ParamExp:
			if interactive && isPlainDash(n) {
				edits = append(edits, edit{at: int(n.End().Offset()), text: "i"})
			}
			if name, ok := setArrayAll(src, n); ok {
				// ${a+"${a[@]}"}: the interpreter drops the empty
				// elements; "${a[@]}" is the same in bash 4.4 and later.
				edits = append(edits, edit{at: int(n.Pos().Offset()), drop: int(n.End().Offset() - n.Pos().Offset()), text: `"${` + name + `[@]}"`})
				return false
			}
		case *syntax.ExtGlob:
			// !(-*) (anything not starting with -), which the
			// interpreter matches only with nothing around it, is
			// @(|[!-]*), which it matches anywhere.
			if n.Op == syntax.GlobExcept && n.Pattern != nil && n.Pattern.Value == "-*" {
				edits = append(edits, edit{at: int(n.OpPos.Offset()), drop: int(n.End().Offset() - n.OpPos.Offset()), text: "@(|[!-]*)"})
			}
		case *syntax.ForClause:
			if loop, ok := n.Loop.(*syntax.CStyleLoop); ok && !n.Braces {
				end := int(loop.Rparen.Offset()) + 2
				edits = append(edits, edit{at: int(n.ForPos.Offset()), drop: end - int(n.ForPos.Offset()), text: whileForm(src, loop)})
			}
		case *syntax.FuncDecl:
			// "f() { ...; } && cmd" is the definition, then cmd (a
			// definition always succeeds): the && becomes a ;.
			b, ok := n.Body.Cmd.(*syntax.BinaryCmd)
			for ok {
				// The definition is the leftmost operand.
				inner, more := b.X.Cmd.(*syntax.BinaryCmd)
				if !more {
					break
				}
				b = inner
			}
			if ok && b.Op == syntax.AndStmt && isCompound(b.X.Cmd) && n.Body.Pos() == b.X.Pos() {
				edits = append(edits, edit{at: int(b.OpPos.Offset()), drop: 2, text: "; "})
			}
		}
		return true
	})
	if len(edits) == 0 {
		return src, changed
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.at < last {
			continue
		}
		b.Write(src[last:e.at])
		b.WriteString(e.text)
		last = e.at + e.drop
	}
	b.Write(src[last:])
	return b.Bytes(), true
}

// arrayAll finds ${NAME+"${NAME[@]}"}.
var arrayAll = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{[A-Za-z_][A-Za-z_0-9]*\+"\$\{`) })

// cStyleFor finds an arithmetic for loop.
var cStyleFor = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`for[ \t]*\(\(`) })

// forFlag is the variable the rewritten arithmetic for loops use to tell
// the first test of the condition from the others.
const forFlag = "__gosh_for_first"

// whileForm returns the header of an arithmetic for loop, for ((INIT;
// COND; POST)), as a while loop that behaves the same way, continue
// included: the interpreter stops a for (( )) loop after any iteration
// whose last command failed, which bash does not. The flag is consumed by
// the first test right after it is set, so loops inside the body (or in
// functions it calls) using the same flag do not disturb it.
func whileForm(src []byte, loop *syntax.CStyleLoop) string {
	text := func(e syntax.ArithmExpr, empty string) string {
		if e == nil {
			return empty
		}
		return "(( " + string(src[e.Pos().Offset():e.End().Offset()]) + " ))"
	}
	var b strings.Builder
	if loop.Init != nil {
		b.WriteString(text(loop.Init, "") + " || :; ")
	}
	b.WriteString(forFlag + "=1; while { if (( " + forFlag + " )); then " + forFlag + "=0; else " +
		text(loop.Post, ":") + " || :; fi; " + text(loop.Cond, ":") + "; }")
	return b.String()
}

// isCompound reports whether a command is one a function body can be.
func isCompound(c syntax.Command) bool {
	switch c.(type) {
	case *syntax.Block, *syntax.Subshell, *syntax.IfClause, *syntax.WhileClause,
		*syntax.ForClause, *syntax.CaseClause, *syntax.ArithmCmd, *syntax.TestClause:
		return true
	}
	return false
}

// setArrayAll reports whether pe is ${NAME+"${NAME[@]}"}, and NAME.
func setArrayAll(src []byte, pe *syntax.ParamExp) (string, bool) {
	if pe.Exp == nil || pe.Exp.Op != syntax.AlternateUnset || pe.Param == nil || pe.Exp.Word == nil || pe.Short {
		return "", false
	}
	name := pe.Param.Value
	w := pe.Exp.Word
	if len(w.Parts) != 1 {
		return "", false
	}
	dq, ok := w.Parts[0].(*syntax.DblQuoted)
	if !ok || len(dq.Parts) != 1 {
		return "", false
	}
	return name, string(src[dq.Pos().Offset():dq.End().Offset()]) == `"${`+name+`[@]}"`
}

// isPlainDash reports whether a parameter expansion is $- or ${-}, with
// nothing done to the value.
func isPlainDash(pe *syntax.ParamExp) bool {
	return pe.Param != nil && pe.Param.Value == "-" && pe.Index == nil && pe.Slice == nil &&
		pe.Repl == nil && pe.Exp == nil && !pe.Length && !pe.Width && !pe.Excl && pe.Names == 0
}

// dropZshBranches empties the branches for zsh only, keeping the lines
// so that positions stay right.
func dropZshBranches(src []byte) []byte {
	lines := bytes.Split(src, []byte("\n"))
	for i := 0; i < len(lines); i++ {
		m := zshBranch().FindSubmatch(lines[i])
		if m == nil {
			continue
		}
		indent := string(m[1])
		end := -1
		for j := i + 1; j < len(lines); j++ {
			l := string(lines[j])
			if strings.HasPrefix(l, indent) {
				rest := l[len(indent):]
				if rest == "fi" || rest == "else" || strings.HasPrefix(rest, "elif ") || strings.HasPrefix(rest, "fi ") || strings.HasPrefix(rest, "fi;") {
					end = j
					break
				}
			}
		}
		if end < 0 {
			continue
		}
		for j := i + 1; j < end; j++ {
			lines[j] = nil
		}
		if end > i+1 {
			lines[i+1] = []byte(indent + "\t:")
		}
		i = end
	}
	return bytes.Join(lines, []byte("\n"))
}
