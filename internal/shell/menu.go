package shell

import (
	"context"
	"strings"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/lineedit"
)

// The completion menu (shopt gosh_menu, off by default): when the
// candidates of a completion have descriptions, the line editor lists
// them under the line one a row, each description beside its candidate
// (lineedit's described menu), in the palette's lipgloss styles. Command
// names are what gosh can describe: a built-in by its line of help -d, a
// reserved word, a function, an alias by what it stands for, a command
// on $PATH by the file that would run. (complete and compgen have no way
// to give descriptions, as in bash.)

// menuStyle returns the editor's menu style for the colour profile p, or
// nil with gosh_menu off or on a dumb terminal (no TERM, TERM=dumb: the
// profile without escape sequences), where the editor draws nothing
// under the line and lists as readline does. x.mu is held.
func (x *editorExtras) menuStyle(p colorProfile) *lineedit.MenuStyle {
	if x.off[optMenu] || p == profileNoTTY {
		return nil
	}
	t := p.styles()
	return &lineedit.MenuStyle{Item: t.menuItem, Selected: t.menuSelected, Description: t.menuDesc, More: t.menuMore}
}

// describingCompleter wraps the editor's completer c: with gosh_menu on,
// the command names it proposes get descriptions.
func (s *Shell) describingCompleter(c completion.Completer) completion.Completer {
	return completion.CompleterFunc(func(line string, cursor int) completion.Result {
		r := c.Complete(line, cursor)
		if s.extraOn(optMenu) && len(r.Candidates) > 1 {
			s.describeCommands(r.Candidates)
		}
		return r
	})
}

// describeCommands gives the command names among cands (by their Kind)
// a description, unless they have one.
func (s *Shell) describeCommands(cands []completion.Candidate) {
	var aliases map[string]string
	var paths map[string]string
	for i := range cands {
		c := &cands[i]
		if c.Description != "" {
			continue
		}
		switch c.Kind {
		case completion.KindBuiltin:
			if t, ok := s.helpTopicFor(c.Text); ok && t.short != "" {
				c.Description = t.short
			} else {
				c.Description = "shell built-in"
			}
		case completion.KindKeyword:
			c.Description = "shell keyword"
		case completion.KindFunction:
			c.Description = "function"
		case completion.KindAlias:
			if aliases == nil {
				aliases = s.aliasValues(context.Background())
			}
			if v, ok := aliases[c.Text]; ok {
				c.Description = "alias for " + v
			} else {
				c.Description = "alias"
			}
		case completion.KindCommand:
			if paths == nil {
				paths = s.commandPaths(cands)
			}
			c.Description = paths[c.Text]
		}
	}
}

// commandPaths returns where the executables among cands are found on
// $PATH: the first directory that has each, as the shell would run it.
func (s *Shell) commandPaths(cands []completion.Candidate) map[string]string {
	prefix := ""
	first := true
	for _, c := range cands {
		if c.Kind != completion.KindCommand {
			continue
		}
		if first {
			prefix, first = c.Text, false
			continue
		}
		n := 0
		for n < len(prefix) && n < len(c.Text) && prefix[n] == c.Text[n] {
			n++
		}
		prefix = prefix[:n]
	}
	paths := map[string]string{}
	path := s.varGetter()("PATH")
	if path == unsetMarker {
		return paths
	}
	for d := range strings.SplitSeq(path, ":") {
		if d == "" {
			continue // the current directory: no path worth showing
		}
		for _, n := range shellPathCache.Executables(d, s.runner.Dir, prefix) {
			if _, seen := paths[n]; !seen {
				paths[n] = strings.TrimSuffix(d, "/") + "/" + n
			}
		}
	}
	return paths
}

// aliasValues returns the shell's aliases and what each stands for, read
// from what alias prints in a subshell (the interpreter keeps them to
// itself).
func (s *Shell) aliasValues(ctx context.Context) map[string]string {
	values := map[string]string{}
	for line := range strings.SplitSeq(s.subshellOutput(ctx, []string{"alias"}), "\n") {
		rest, ok := strings.CutPrefix(line, "alias ")
		if !ok {
			continue
		}
		name, v, ok := strings.Cut(rest, "=")
		if !ok {
			continue
		}
		values[name] = unquoteSingle(v)
	}
	return values
}

// unquoteSingle undoes the quoting alias prints values with: the text in
// single quotes, each single quote in it closing the quotes, escaped,
// and opening them again.
func unquoteSingle(v string) string {
	if len(v) < 2 || v[0] != '\'' || v[len(v)-1] != '\'' {
		return v
	}
	return strings.ReplaceAll(v[1:len(v)-1], `'\''`, `'`)
}
