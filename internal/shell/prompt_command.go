package shell

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// beforePrompt is what an interactive shell does before its primary
// prompt: report the jobs that ended or stopped, then run PROMPT_COMMAND
// (each element, if it is an array), leaving $? as the last command set
// it.
func (s *Shell) beforePrompt(ctx context.Context, last int) {
	if n := s.jobs.notices(); n != "" {
		fmt.Fprint(s.stderr(), n)
	}
	v, ok := s.runner.Vars["PROMPT_COMMAND"]
	if !ok {
		v = s.runner.Env.Get("PROMPT_COMMAND")
	}
	var cmds []string
	switch v.Kind {
	case expand.Indexed:
		cmds = v.List
	case expand.String:
		cmds = []string{v.Str}
	}
	ran := false
	for _, c := range cmds {
		if strings.TrimSpace(c) == "" {
			continue
		}
		f, err := parse(strings.NewReader(c), "PROMPT_COMMAND")
		if err != nil {
			s.Report(err)
			continue
		}
		for _, st := range f.Stmts {
			ran = true
			if exited, _ := s.runStatement(ctx, st); exited {
				return
			}
		}
	}
	if ran {
		s.setStatus(ctx, last)
	}
}

// setStatus leaves n in $?.
func (s *Shell) setStatus(ctx context.Context, n int) {
	stmt := &syntax.Stmt{Cmd: &syntax.Subshell{Stmts: []*syntax.Stmt{{
		Cmd: &syntax.CallExpr{Args: []*syntax.Word{litWord("exit"), litWord(fmt.Sprint(n))}},
	}}}}
	s.runner.Run(ctx, stmt) //nolint:errcheck // the status is the point
}

// prompt returns the primary prompt ($PS1), or the continuation prompt
// ($PS2) if primary is false, decoded and expanded as bash does.
func (s *Shell) prompt(ctx context.Context, primary bool, last int) string {
	name, def := "PS1", DefaultPS1
	if !primary {
		name, def = "PS2", DefaultPS2
	}
	getenv := s.varGetter()
	ps, ok := lookupVar(getenv, name)
	if !ok {
		return def
	}
	if !strings.Contains(ps, `\`) && !strings.ContainsAny(ps, "$`") {
		return ps
	}
	info := promptInfo{now: time.Now(), root: os.Geteuid() == 0, shell: filepath.Base(s.name()), cmdNum: s.cmdNum + 1}
	if strings.Contains(ps, `\!`) {
		// Only this escape needs the history, which may still be loading.
		h := s.shellHistory(getenv)
		s.histMu.Lock()
		info.histNum = h.list.Base() + h.list.Len()
		s.histMu.Unlock()
	}
	if strings.Contains(ps, `\j`) {
		s.jobs.mu.Lock()
		info.jobs = len(s.jobs.jobs)
		s.jobs.mu.Unlock()
	}
	if strings.Contains(ps, `\l`) {
		if t, err := os.Readlink("/proc/self/fd/0"); err == nil {
			info.terminal = filepath.Base(t)
		}
	}
	return s.expandPrompt(ctx, decodePrompt(ps, info, getenv), last)
}
