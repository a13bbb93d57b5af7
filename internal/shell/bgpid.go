package shell

import (
	"strconv"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// bgPidVar is the variable $! is read from in the code gosh parses. The
// interpreter's own $! names its background goroutines ("g1"); gosh starts
// the jobs of "CMD &" itself and knows their process IDs. A job that
// started no process (its program could not be run) has none: $! is then
// its job spec ("%2"), which wait, kill and fg take. No assignment can
// reach the name.
const bgPidVar = "!gosh-bgpid"

// rewriteBgPid makes $! under node read bgPidVar: every "&" of the code
// gosh parses starts a job of gosh's (background.go).
func rewriteBgPid(node syntax.Node) {
	syntax.Walk(node, func(n syntax.Node) bool {
		if pe, ok := n.(*syntax.ParamExp); ok && pe.Param != nil && pe.Param.Value == "!" && !pe.Excl {
			pe.Param = &syntax.Lit{ValuePos: pe.Param.ValuePos, ValueEnd: pe.Param.ValueEnd, Value: bgPidVar}
		}
		return true
	})
}

// shellEnviron is the environment the interpreter starts from, with the
// variables gosh computes: bgPidVar.
type shellEnviron struct {
	expand.Environ
	s *Shell
}

// Get returns the variable name.
func (e shellEnviron) Get(name string) expand.Variable {
	switch name {
	case shellPidVar:
		return expand.Variable{Set: true, Kind: expand.String, Str: strconv.Itoa(e.s.shellPid())}
	case shellPPidVar:
		return expand.Variable{Set: true, Kind: expand.String, Str: strconv.Itoa(e.s.shellPPid())}
	}
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

// Each calls yield for every variable, those gosh computes included: a
// pipeline's subshells get a copy of the environment made with Each.
func (e shellEnviron) Each(yield func(string, expand.Variable) bool) {
	for name, vr := range e.Environ.Each {
		if !yield(name, vr) {
			return
		}
	}
	names := []string{bgPidVar}
	if e.s.sub != nil {
		names = append(names, shellPidVar, shellPPidVar)
	}
	for _, name := range names {
		if vr := e.Get(name); vr.IsSet() && !yield(name, vr) {
			return
		}
	}
}
