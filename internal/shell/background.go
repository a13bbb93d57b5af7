package shell

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// Background statements. bash runs "CMD &" in a forked copy of itself:
// the job is a process, $! is its process ID, and it runs on when the
// shell that started it exits. The interpreter runs such a statement in a
// goroutine instead ($! is "g1", and the statement dies with the shell),
// and a Go program cannot fork. So gosh rewrites every "&" of the code it
// parses (a script, a line typed at the prompt, a sourced file, function
// bodies in them) before the interpreter sees it, into a call of one of
// two hidden built-ins that start the job as a process:
//
//   - a lone simple command ("sleep 10 > log &") stays as it is, marked
//     (bgMarkVar) for the call handler to make it a call of bgExecName
//     once the interpreter has expanded its words and aliases and applied
//     its redirections in place; the built-in starts the program itself,
//     so $! is the program's process ID as in bash. If the name is a
//     function or a built-in, the expanded words go to a worker as below.
//   - anything else ("{ a; b; } &", "a | b &", "f &" with assignments)
//     becomes bgShellName, which starts a new gosh (a worker, subshell.go)
//     given the shell's variables, functions, aliases and options and the
//     statement's text, as a forked bash would have them.
//
// Both built-in names start with a NUL byte, which no word of a script can
// hold. Code the interpreter parses itself (eval) keeps its own "&".

const (
	bgExecName  = "\x00gosh-bg-exec"  // args: index, $0, the command's words
	bgShellName = "\x00gosh-bg-shell" // args: index, $0, "$@"
)

// bgMarkVar is the variable a lone simple command's statement is marked
// with: "index:position:$0", assigned for the command only. The position
// (posKey) is the command's own: code the shell runs while the mark is
// set (what the job needs of the shell's state, in a subshell) sees it
// too, and is not the marked command.
const bgMarkVar = "\x00gosh-bg"

// posKey identifies a command's position in its source.
func posKey(p syntax.Pos) string {
	return strconv.FormatUint(uint64(p.Line()), 10) + "." + strconv.FormatUint(uint64(p.Col()), 10) + "." + strconv.FormatUint(uint64(p.Offset()), 10)
}

// bgCall returns the call of bgExecName that args, the words of a command
// marked with bgMarkVar, stand for; ok is false for other commands.
func bgCall(hc interp.HandlerContext, args []string) (call []string, ok bool) {
	mark := hc.Env.Get(bgMarkVar)
	if !mark.IsSet() || !hc.Pos.IsValid() {
		return nil, false
	}
	n, rest, _ := strings.Cut(mark.String(), ":")
	at, arg0, _ := strings.Cut(rest, ":")
	if at != posKey(hc.Pos) {
		return nil, false
	}
	return append([]string{bgExecName, n, arg0}, args...), true
}

// A bgStmt is a statement that ran with "&" before the rewriting.
type bgStmt struct {
	src    string // its source text, "&" and redirections left out, for a worker
	text   string // how jobs shows it
	stdin  bool   // it redirects its standard input itself
	disown bool   // "&!" (or "&|"): not listed by jobs
}

// adoptBackground rewrites the "&" statements under node as described
// above, and makes $! read the process ID gosh keeps (bgpid.go).
func (s *Shell) adoptBackground(node syntax.Node) {
	var bgs []*syntax.Stmt
	var decls []*syntax.FuncDecl
	syntax.Walk(node, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Stmt:
			if (n.Background || n.Disown) && !n.Coprocess {
				bgs = append(bgs, n)
			}
			if names, ok := declareFuncs(n.Cmd); ok {
				n.Cmd = &syntax.CallExpr{Args: append([]*syntax.Word{litWord(declareFName)}, litWords(names)...)}
			}
		case *syntax.FuncDecl:
			if rewritten(n.Body) {
				decls = append(decls, n)
			}
		}
		return true
	})
	// rewriteBgPid changes $! in place: it runs after the printing.
	defer rewriteBgPid(node)
	if len(bgs) == 0 && len(decls) == 0 {
		return
	}
	// All text is printed before any rewriting: an enclosing statement
	// shares its nodes with the ones inside it.
	p := syntax.NewPrinter()
	srcs := make([]string, len(bgs))
	for i, st := range bgs {
		// The redirections stay with the statement (below).
		c := *st
		c.Background, c.Disown, c.Redirs = false, false, nil
		var b strings.Builder
		p.Print(&b, &c) //nolint:errcheck // a Builder does not fail
		srcs[i] = b.String()
	}
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	for _, d := range decls {
		var body strings.Builder
		p.Print(&body, d.Body) //nolint:errcheck // a Builder does not fail
		if s.funcSrc == nil {
			s.funcSrc = map[*syntax.Stmt]funcText{}
		}
		s.funcSrc[d.Body] = funcText{body: body.String()}
	}
	for i, st := range bgs {
		c := *st
		c.Background, c.Disown = false, false
		bg := &bgStmt{src: srcs[i], text: stmtText(&c), stdin: redirectsStdin(st.Redirs), disown: st.Disown}
		n := strconv.Itoa(len(s.bgStmts))
		s.bgStmts = append(s.bgStmts, bg)
		arg0 := &syntax.Word{Parts: []syntax.WordPart{&syntax.DblQuoted{Parts: []syntax.WordPart{&syntax.ParamExp{Short: true, Param: &syntax.Lit{Value: "0"}}}}}}
		// The interpreter applies the redirections where the statement
		// stands: the job's process gets the files as its own
		// descriptors, as a forked bash would have them after applying
		// them (a worker applying them itself would keep the shell's
		// descriptors open as long as it runs).
		repl := syntax.Stmt{Comments: st.Comments, Position: st.Position, Semicolon: st.Semicolon, Redirs: st.Redirs}
		if ce, ok := st.Cmd.(*syntax.CallExpr); ok && len(ce.Assigns) == 0 && len(ce.Args) > 0 && !st.Negated {
			// The interpreter expands the words (and aliases) too, and
			// traces the command as bash's child would (set -x): the
			// statement's mark is an assignment before it, which the
			// interpreter does not trace, and which overrideCalls turns
			// into the hidden built-in's arguments (bgCall).
			at := ce.Args[0].Pos()
			mark := &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{Value: n + ":" + posKey(at) + ":"}, arg0.Parts[0]}}
			repl.Cmd = &syntax.CallExpr{Assigns: []*syntax.Assign{{Name: &syntax.Lit{Value: bgMarkVar}, Value: mark}}, Args: ce.Args}
			s.bgMarked.Store(true)
		} else {
			params := &syntax.Word{Parts: []syntax.WordPart{&syntax.DblQuoted{Parts: []syntax.WordPart{&syntax.ParamExp{Short: true, Param: &syntax.Lit{Value: "@"}}}}}}
			repl.Cmd = &syntax.CallExpr{Args: []*syntax.Word{litWord(bgShellName), litWord(n), arg0, params}}
		}
		*st = repl
	}
}

// adopt prepares code gosh parsed for the interpreter: "&" statements
// start gosh's jobs, and in a background worker $$ and $PPID are its
// shell's (subshell.go).
func (s *Shell) adopt(node syntax.Node) {
	s.adoptBackground(node)
	if s.sub != nil {
		rewriteShellPids(node)
	}
}

// rewritten reports whether adoptBackground changes something under node:
// a "&", or $!.
func rewritten(node syntax.Node) bool {
	found := false
	syntax.Walk(node, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Stmt:
			found = found || ((n.Background || n.Disown) && !n.Coprocess)
		case *syntax.ParamExp:
			found = found || (n.Param != nil && n.Param.Value == "!" && !n.Excl)
		}
		return !found
	})
	return found
}

// A funcText is a function as written, before adoptBackground rewrote
// its body.
type funcText struct{ body string }

// declareFName is the hidden built-in "declare -f NAME..." becomes: the
// interpreter would print the bodies as rewritten.
const declareFName = "\x00gosh-declare-f"

// declareFuncs returns the names of a "declare -f NAME..." (or typeset)
// command.
func declareFuncs(cmd syntax.Command) (names []string, ok bool) {
	dc, isDecl := cmd.(*syntax.DeclClause)
	if !isDecl || (dc.Variant.Value != "declare" && dc.Variant.Value != "typeset") || len(dc.Args) < 2 {
		return nil, false
	}
	for i, a := range dc.Args {
		if !a.Naked || a.Index != nil {
			return nil, false
		}
		var lit string
		switch {
		case a.Name != nil && a.Value == nil:
			lit = a.Name.Value // a word that is a valid name
		case a.Name == nil && a.Value != nil:
			lit = a.Value.Lit()
		}
		switch {
		case i == 0 && lit == "-f":
		case i > 0 && lit != "" && !strings.HasPrefix(lit, "-"):
			names = append(names, lit)
		default:
			return nil, false
		}
	}
	return names, true
}

// declareF is the hidden built-in declareFName: it prints the functions
// as the interpreter's declare -f does, with the text they were written
// with.
func (s *Shell) declareF(ctx context.Context, names []string) error {
	out := stdoutOf(ctx)
	status := 0
	for _, name := range names {
		if text, ok := s.functionText(name); ok {
			fmt.Fprintln(out, text)
		} else {
			status = 1 // silently, as in bash
		}
	}
	return interp.ExitStatus(status)
}

// functionText returns the definition of the function name as declare -f
// and type print it: the text it was written with.
func (s *Shell) functionText(name string) (string, bool) {
	body := s.runner.Funcs[name]
	if body == nil {
		return "", false
	}
	s.bgMu.Lock()
	text, ok := s.funcSrc[body]
	s.bgMu.Unlock()
	if ok {
		return name + "()\n" + text.body, true
	}
	var b strings.Builder
	syntax.NewPrinter().Print(&b, body) //nolint:errcheck // a Builder does not fail
	return name + "()\n" + b.String(), true
}

// redirectsStdin reports whether redirs give standard input a file.
func redirectsStdin(redirs []*syntax.Redirect) bool {
	for _, r := range redirs {
		fd := "0"
		if r.N != nil {
			fd = r.N.Value
		}
		switch r.Op {
		case syntax.RdrIn, syntax.RdrInOut, syntax.DplIn, syntax.Hdoc, syntax.DashHdoc, syntax.WordHdoc:
			if fd == "0" {
				return true
			}
		}
	}
	return false
}

// bgStmtAt returns the statement adoptBackground numbered n.
func (s *Shell) bgStmtAt(n string) *bgStmt {
	i, err := strconv.Atoi(n)
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if err != nil || i < 0 || i >= len(s.bgStmts) {
		return nil
	}
	return s.bgStmts[i]
}

// runBgCall is the hidden built-ins bgExecName and bgShellName: it starts
// the job of the statement args[1] numbers.
func (s *Shell) runBgCall(ctx context.Context, args []string, next interp.ExecHandlerFunc) error {
	bg := s.bgStmtAt(args[1])
	if bg == nil || len(args) < 3 {
		return interp.ExitStatus(2)
	}
	arg0 := args[2]
	if args[0] == bgShellName {
		return s.startWorkerJob(ctx, bg, bg.src, arg0, args[3:], next)
	}
	words := args[3:]
	if len(words) == 0 {
		return nil // the words expanded to nothing: nothing runs, as in bash
	}
	if s.runsInShell(words[0]) {
		// A function or built-in needs a shell: a worker runs the
		// expanded words (the redirections are applied already).
		return s.startWorkerJob(ctx, bg, quoteWords(words), arg0, nil, next)
	}
	x := &procExtra{}
	if null := s.bgStdin(bg); null != nil {
		defer null.Close()
		x.stdin = null
	}
	return s.startJob(ctx, bg, func(ctx context.Context, t *task) error {
		return s.jobs.run(ctx, t, words, next, x)
	})
}

// runsInShell reports whether the command name runs inside a shell rather
// than as a program: a function or a built-in. (Aliases are expanded
// already.)
func (s *Shell) runsInShell(name string) bool {
	return s.runner.Funcs[name] != nil || s.isBuiltinName(name) || strings.HasPrefix(name, "\x00")
}

// bgStdin returns /dev/null, which a background job reads in a shell
// without job control (as in bash) unless it redirects its input itself;
// nil means the job keeps the shell's standard input.
func (s *Shell) bgStdin(bg *bgStmt) *os.File {
	if bg.stdin || s.jobs.tc != nil {
		return nil
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		return nil
	}
	return null
}

// quoteWords returns words as shell source that runs them as one command.
func quoteWords(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		if s, err := syntax.Quote(w, syntax.LangBash); err == nil {
			q[i] = s
		} else {
			q[i] = "''" // a NUL byte, which no argument can hold
		}
	}
	return strings.Join(q, " ")
}

// startJob starts a background job for bg whose processes run does the
// work of (in a goroutine, until they end), and returns once the first
// has started: $! is then its process ID, and an interactive shell prints
// "[N] PID" as bash does.
func (s *Shell) startJob(ctx context.Context, bg *bgStmt, run func(ctx context.Context, t *task) error) error {
	jt := s.jobs
	ctx2, cancel := context.WithCancel(ctx)
	t := &task{cancel: cancel, text: bg.text, async: true}
	j := &job{text: t.text, task: t, bg: true, async: true, active: true, started: make(chan struct{}), disowned: bg.disown}
	t.job = j
	ended := make(chan struct{})
	jt.mu.Lock()
	jt.listLocked(j)
	jt.mu.Unlock()
	go func() {
		defer cancel()
		err := run(withTask(ctx2, t), t)
		jt.mu.Lock()
		j.active = false
		j.status = ExitCode(err)
		if t.interrupted {
			j.status = 130
		}
		jt.broadcastLocked()
		jt.mu.Unlock()
		close(ended)
	}()
	select {
	case <-j.started:
	case <-ended:
	}
	jt.mu.Lock()
	pid, id := j.firstPid, j.id
	jt.lastBg = j.spec()
	jt.mu.Unlock()
	if s.opts.Interactive && !bg.disown {
		if pid != 0 {
			fmt.Fprintf(s.stderr(), "[%d] %d\n", id, pid)
		} else {
			fmt.Fprintf(s.stderr(), "[%d]\n", id)
		}
	}
	return nil
}
