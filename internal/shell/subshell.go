package shell

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// A background worker is the process gosh starts for a background
// statement that needs a shell (background.go): a new gosh given what a
// forked bash would have, read as JSON from descriptor 3. It runs the
// statement and exits with its status.

// envSubshell marks the process of a background worker.
const envSubshell = "GOSH_SUBSHELL"

// subshellState is what a worker is given.
type subshellState struct {
	Src     string                     `json:"src"`     // the statement
	Vars    map[string]expand.Variable `json:"vars"`    // every variable, locals too
	Funcs   string                     `json:"funcs"`   // function definitions
	Aliases string                     `json:"aliases"` // alias commands
	Opts    []string                   `json:"opts"`    // set -o options that are on
	Shopts  []string                   `json:"shopts"`  // shopt options that are on
	Name    string                     `json:"name"`    // $0
	Params  []string                   `json:"params"`  // $1, $2, ...
	Dir     string                     `json:"dir"`
	Status  int                        `json:"status"` // $?
	Pid     int                        `json:"pid"`    // $$: the shell's, not the worker's
	PPid    int                        `json:"ppid"`   // $PPID: the shell's parent
	LastBg  string                     `json:"lastbg"` // $!
}

// posixOptions are the set -o options a worker takes from its shell, in
// the order it sets them (errexit and xtrace last: see runSubshell).
var posixOptions = []string{"allexport", "noglob", "nounset", "pipefail", "errexit", "xtrace"}

// shoptOptions are the shopt options the interpreter has.
var shoptOptions = []string{"dotglob", "expand_aliases", "extglob", "globstar", "nocaseglob", "nullglob"}

// startWorkerJob starts a worker running src as a background job.
func (s *Shell) startWorkerJob(ctx context.Context, bg *bgStmt, src, arg0 string, params []string, next interp.ExecHandlerFunc) error {
	hc := interp.HandlerCtx(ctx)
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(hc.Stderr, "gosh: %v\n", err)
		return interp.ExitStatus(126)
	}
	data, err := json.Marshal(s.subshellState(ctx, hc, src, arg0, params))
	if err != nil {
		fmt.Fprintf(hc.Stderr, "gosh: %v\n", err)
		return interp.ExitStatus(126)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		fmt.Fprintf(hc.Stderr, "gosh: %v\n", err)
		return interp.ExitStatus(126)
	}
	defer pr.Close()
	go func() {
		pw.Write(data) //nolint:errcheck // a worker that died is reported by its job
		pw.Close()
	}()
	x := &procExtra{path: exe, files: []*os.File{pr}, env: []string{envSubshell + "=1"}}
	if null := s.bgStdin(bg); null != nil {
		defer null.Close()
		x.stdin = null
	}
	return s.startJob(ctx, bg, func(ctx context.Context, t *task) error {
		return s.jobs.run(ctx, t, []string{"gosh"}, next, x)
	})
}

// subshellState captures the state of the shell where a background
// statement stands.
func (s *Shell) subshellState(ctx context.Context, hc interp.HandlerContext, src, arg0 string, params []string) *subshellState {
	st := &subshellState{Src: src, Name: arg0, Params: params, Dir: hc.Dir, Status: hc.LastExitStatus, Vars: map[string]expand.Variable{}}
	for name, vr := range hc.Env.Each {
		if !vr.Declared() || strings.ContainsAny(name, "!$\x00") {
			delete(st.Vars, name)
			continue
		}
		vr.Local = false
		st.Vars[name] = vr
	}
	for _, name := range posixOptions {
		if hc.Builtin(ctx, []string{"test", "-o", name}) == nil {
			st.Opts = append(st.Opts, name)
		}
	}
	st.Shopts, st.Aliases = s.shoptsAndAliases(ctx)
	st.Funcs = s.funcsSource()
	st.Pid, st.PPid = s.shellPid(), s.shellPPid()
	s.jobs.mu.Lock()
	st.LastBg = s.jobs.lastBg
	s.jobs.mu.Unlock()
	return st
}

// shoptsAndAliases returns the shopt options that are on and the alias
// commands that define the aliases, read from what shopt and alias print.
func (s *Shell) shoptsAndAliases(ctx context.Context) (shopts []string, aliases string) {
	out := s.subshellOutput(ctx, append([]string{"shopt"}, shoptOptions...), []string{"alias"})
	var b strings.Builder
	for _, line := range strings.Split(out, "\n") {
		if name, ok := strings.CutSuffix(line, "\ton"); ok && slices.Contains(shoptOptions, name) {
			shopts = append(shopts, name)
		} else if strings.HasPrefix(line, "alias ") {
			b.WriteString(line + "\n")
		}
	}
	return shopts, b.String()
}

func litWords(ss []string) []*syntax.Word {
	ws := make([]*syntax.Word, len(ss))
	for i, s := range ss {
		ws[i] = lit(s)
	}
	return ws
}

// funcsSource returns the definitions of the shell's functions as shell
// source. A body that held a "&" was rewritten (background.go): its text
// as written is kept apart.
func (s *Shell) funcsSource() string {
	funcs := s.runner.Funcs
	var b strings.Builder
	p := syntax.NewPrinter()
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	for _, name := range slices.Sorted(maps.Keys(funcs)) {
		if text, ok := s.funcSrc[funcs[name]]; ok {
			b.WriteString(name + "() " + text.body + "\n")
			continue
		}
		decl := &syntax.FuncDecl{Parens: true, Name: &syntax.Lit{Value: name}, Body: funcs[name]}
		p.Print(&b, decl) //nolint:errcheck // a Builder does not fail
		b.WriteByte('\n')
	}
	return b.String()
}

// shellPid is $$: the process ID of the shell, which a worker inherits
// from the shell that started it, as a forked bash does.
func (s *Shell) shellPid() int {
	if s.sub != nil {
		return s.sub.Pid
	}
	return os.Getpid()
}

// shellPPid is $PPID, the shell's parent.
func (s *Shell) shellPPid() int {
	if s.sub != nil {
		return s.sub.PPid
	}
	return os.Getppid()
}

// Names the interpreter does not let variables have, which $$ and $PPID
// read in a worker (rewriteShellPids).
const (
	shellPidVar  = "$gosh-pid"
	shellPPidVar = "$gosh-ppid"
)

// rewriteShellPids makes $$ and $PPID under node read shellPidVar and
// shellPPidVar, which the interpreter would answer with the worker's own
// process IDs.
func rewriteShellPids(node syntax.Node) {
	syntax.Walk(node, func(n syntax.Node) bool {
		if pe, ok := n.(*syntax.ParamExp); ok && pe.Param != nil && !pe.Excl {
			switch pe.Param.Value {
			case "$":
				pe.Param = &syntax.Lit{ValuePos: pe.Param.ValuePos, ValueEnd: pe.Param.ValueEnd, Value: shellPidVar}
			case "PPID":
				pe.Param = &syntax.Lit{ValuePos: pe.Param.ValuePos, ValueEnd: pe.Param.ValueEnd, Value: shellPPidVar}
			}
		}
		return true
	})
}

// runSubshell is the life of a background worker.
func runSubshell() int {
	os.Unsetenv(envSubshell)
	f := os.NewFile(3, "gosh-subshell")
	var st subshellState
	err := json.NewDecoder(f).Decode(&st)
	f.Close()
	if err != nil {
		fmt.Fprintf(os.Stderr, "gosh: background job: %v\n", err)
		return 126
	}
	name := st.Name
	if name == "" {
		name = DefaultName
	}
	sh, err := New(Options{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Dir: st.Dir, Name: name, Args: st.Params, vars: st.Vars})
	if err != nil {
		fmt.Fprintf(os.Stderr, "gosh: %v\n", err)
		return 126
	}
	sh.sub = &st
	sh.jobs.lastBg = st.LastBg
	ctx := context.Background()
	var setup strings.Builder
	setup.WriteString(st.Aliases)
	setup.WriteString(st.Funcs)
	if len(st.Shopts) > 0 {
		setup.WriteString("shopt -s " + strings.Join(st.Shopts, " ") + "\n")
	}
	// $? is set by a command, which errexit would make the worker's last
	// and xtrace would show: with either on, $? starts at 0.
	plain := !slices.Contains(st.Opts, "errexit") && !slices.Contains(st.Opts, "xtrace")
	for _, o := range st.Opts {
		setup.WriteString("set -o " + o + "\n")
	}
	if err := sh.RunString(ctx, setup.String()); err != nil {
		fmt.Fprintf(os.Stderr, "gosh: background job: %v\n", err)
		return 126
	}
	if plain && st.Status != 0 {
		sh.setStatus(ctx, st.Status)
	}
	return sh.Report(sh.RunString(ctx, st.Src))
}

// varsEnviron is an environment of typed variables: a worker's, which
// keeps its shell's arrays, attributes and unexported variables.
type varsEnviron map[string]expand.Variable

// Get returns the variable name.
func (e varsEnviron) Get(name string) expand.Variable { return e[name] }

// Each calls yield for every variable.
func (e varsEnviron) Each(yield func(string, expand.Variable) bool) {
	for name, vr := range e {
		if !yield(name, vr) {
			return
		}
	}
}
