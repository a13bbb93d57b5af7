package shell

import (
	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// bgPidVar is the variable $! is read from in the statements typed at an
// interactive shell. The interpreter's own $! names its background
// goroutines ("g1"); gosh starts the jobs of "CMD &" itself and knows their
// process IDs. A job that started no process (it ran only built-ins) has
// none: $! is then its job spec ("%2"), which wait, kill and fg take. No
// assignment can reach the name.
const bgPidVar = "!gosh-bgpid"

// rewriteBgPid makes $! in stmt read bgPidVar, unless the interpreter
// runs the latest background command, whose $! only it knows ("g1"): a
// "&" inside a loop, a list or a function, in stmt or in an earlier
// statement since the last job gosh started itself. Functions whose body
// holds a "&" are remembered, so that calling one counts as such a "&".
func (s *Shell) rewriteBgPid(stmt *syntax.Stmt) {
	nested := false
	var params []*syntax.ParamExp
	syntax.Walk(stmt, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Stmt:
			if n != stmt && (n.Background || n.Disown || n.Coprocess) {
				nested = true
			}
		case *syntax.FuncDecl:
			if n.Name != nil {
				if s.bgFuncs == nil {
					s.bgFuncs = map[string]bool{}
				}
				s.bgFuncs[n.Name.Value] = hasBackground(n.Body)
			}
		case *syntax.CallExpr:
			if len(n.Args) > 0 && s.bgFuncs[n.Args[0].Lit()] {
				nested = true
			}
		case *syntax.ParamExp:
			if n.Param != nil && n.Param.Value == "!" && !n.Excl {
				params = append(params, n)
			}
		}
		return true
	})
	if nested {
		s.interpBgLatest = true
	}
	if s.interpBgLatest {
		return
	}
	for _, pe := range params {
		pe.Param = &syntax.Lit{ValuePos: pe.Param.ValuePos, ValueEnd: pe.Param.ValueEnd, Value: bgPidVar}
	}
}

// hasBackground reports whether a "&" runs somewhere in node.
func hasBackground(node syntax.Node) bool {
	found := false
	syntax.Walk(node, func(n syntax.Node) bool {
		if st, ok := n.(*syntax.Stmt); ok && (st.Background || st.Disown || st.Coprocess) {
			found = true
		}
		return !found
	})
	return found
}

// shellEnviron is the environment the interpreter starts from, with the
// variables gosh computes: bgPidVar.
type shellEnviron struct {
	expand.Environ
	s *Shell
}

// Get returns the variable name.
func (e shellEnviron) Get(name string) expand.Variable {
	if name == bgPidVar {
		e.s.jobs.mu.Lock()
		pid := e.s.jobs.lastBg
		e.s.jobs.mu.Unlock()
		if pid == "" {
			return expand.Variable{}
		}
		return expand.Variable{Set: true, Kind: expand.String, Str: pid}
	}
	return e.Environ.Get(name)
}
