package shell

import (
	"context"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/lineedit"
)

// shell-expand-line (M-C-e) expands the line as the shell would, without
// running it: parameters, command substitutions, arithmetic and quote
// removal, the results of unquoted expansions split into words; no
// pathname expansion. fzf's Alt-C binding relies on it: it types
// `__fzf_cd__` and expands the line into the cd command to run.

// registerShellExpandLine gives shell-expand-line its behaviour for the
// engines of a shell's editor.
func registerShellExpandLine(cfg *inputrc.Config) {
	prev := lineedit.RegisteredCommand("shell-expand-line")
	lineedit.Register(cfg, "shell-expand-line", func(e *lineedit.Engine, count int, key byte) {
		s := shellOfEngine(e)
		if s == nil {
			if prev != nil {
				prev(e, count, key)
			}
			return
		}
		line := e.Line()
		out, ok := s.expandLineWords(context.Background(), line)
		if !ok {
			return
		}
		point := e.Point()
		if point == len(line) {
			point = len(out)
		}
		e.SetLine(out, point, e.Mark())
	})
}

// expandLineWords expands each word of line in place, in a copy of the
// shell (as bash's command substitutions run in a subshell), and reports
// whether the line could be parsed.
func (s *Shell) expandLineWords(ctx context.Context, line string) (string, bool) {
	f, err := syntax.NewParser().Parse(strings.NewReader(line), "")
	if err != nil {
		return line, false
	}
	var words []*syntax.Word
	syntax.Walk(f, func(n syntax.Node) bool {
		if w, ok := n.(*syntax.Word); ok {
			words = append(words, w)
			return false
		}
		return true
	})
	var b strings.Builder
	last := 0
	for _, w := range words {
		start, end := int(w.Pos().Offset()), int(w.End().Offset())
		if start < last || end > len(line) {
			continue
		}
		b.WriteString(line[last:start])
		b.WriteString(s.expandWord(ctx, line[start:end]))
		last = end
	}
	b.WriteString(line[last:])
	return b.String(), true
}

// expandWord expands one word's source text into its fields joined by
// spaces, with pathname expansion off.
func (s *Shell) expandWord(ctx context.Context, src string) string {
	const name = "GOSH_EXPANDED_WORD"
	f, err := syntax.NewParser().Parse(strings.NewReader("set -f; "+name+"=("+src+")"), "")
	if err != nil {
		return src
	}
	sub := s.runner.Subshell()
	interp.StdIO(nil, nil, s.stderr())(sub) //nolint:errcheck
	for _, st := range f.Stmts {
		sub.Run(ctx, st) //nolint:errcheck
	}
	v := sub.Vars[name]
	if v.Kind != expand.Indexed {
		return src
	}
	return strings.Join(v.List, " ")
}
