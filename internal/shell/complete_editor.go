package shell

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/expand"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/lineedit"
)

// prefetchDir reads the current directory's listing into shellDirCache
// in the background while the prompt waits for keys, so that the first
// TAB there finds it: the kernel takes some 40 ms to list 100,000
// entries, which the user would otherwise wait for on that TAB. Later
// prompts in an unchanged directory cost one stat. One read runs at a
// time.
func (s *Shell) prefetchDir() {
	if dir := s.runner.Dir; dir != "" {
		s.lastTypedDir = "" // a new line: a directory typed again is read again if it changed
		prefetcher.ask(filepath.Clean(dir))
	}
}

// prefetcher reads the directories prefetchDir and prefetchTyped ask for.
var prefetcher dirPrefetcher

// A dirPrefetcher reads directories into shellDirCache in the background,
// one at a time. A directory asked for while another is read waits for
// its turn, in place of any that waited before it: only the latest one
// typed matters, and it must not be dropped (the TAB comes for it).
type dirPrefetcher struct {
	mu      sync.Mutex
	running bool
	next    string
}

// ask has dir read now, or after the read under way.
func (p *dirPrefetcher) ask(dir string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running {
		p.next = dir
		return
	}
	p.running = true
	go p.run(dir)
}

// busy reports whether a read is under way or waiting.
func (p *dirPrefetcher) busy() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.running
}

func (p *dirPrefetcher) run(dir string) {
	for dir != "" {
		shellDirCache.Prefetch(dir)
		p.mu.Lock()
		dir, p.next = p.next, ""
		p.running = dir != ""
		p.mu.Unlock()
	}
}

// typedDirHinter wraps the editor's Hinter (nil when suggestions are off),
// which the editor asks at every change of a line whose cursor is at its
// end: as a word that names a directory is typed ("ls /data/big/"), it
// starts reading that directory into shellDirCache, so that the TAB
// typed after it finds the listing, as prefetchDir does for the current
// directory. The hint is the wrapped Hinter's.
type typedDirHinter struct {
	s    *Shell
	next lineedit.Hinter
}

// Hint starts the prefetch and returns the wrapped Hinter's hint.
func (h typedDirHinter) Hint(line string, cursor int) string {
	h.s.prefetchTyped(line[:cursor])
	if h.next == nil {
		return ""
	}
	return h.next.Hint(line, cursor)
}

// typedDir returns the directory part of the last word of before, made
// absolute against cwd, when the word has one that can be read without
// expanding anything but a leading ~; else "".
func typedDir(before, cwd, home string) string {
	return resolveTypedDir(typedDirPart(before), cwd, home)
}

// typedDirPart returns the directory part of the last word of before, as
// typed ("../x/"), or "" when the word has none or needs expanding.
func typedDirPart(before string) string {
	start := strings.LastIndexAny(before, " \t\n|;&<>()=") + 1
	if start >= 2 && before[start-2] == '\\' {
		return "" // an escaped blank: the word goes on before it
	}
	word := before[start:]
	slash := strings.LastIndexByte(word, '/')
	if slash < 0 || strings.ContainsAny(word[:slash], "\\'\"$`*?[{") {
		return ""
	}
	return word[:slash+1]
}

// resolveTypedDir makes a directory part absolute: a leading ~/ is home,
// a relative one is under cwd. ~user gives "".
func resolveTypedDir(dir, cwd, home string) string {
	switch {
	case dir == "":
		return ""
	case strings.HasPrefix(dir, "~/"):
		if home == "" {
			return ""
		}
		dir = home + dir[1:]
	case strings.HasPrefix(dir, "~"):
		return "" // ~user: not worth a lookup for a prefetch
	case !filepath.IsAbs(dir):
		if cwd == "" {
			return ""
		}
		dir = filepath.Join(cwd, dir)
	}
	return filepath.Clean(dir)
}

// prefetchTyped reads the directory of the word being typed at the end of
// before into shellDirCache in the background, unless it was the last
// one asked for on this line. The part as typed is
// compared first, so that a keystroke that leaves it as it was costs no
// allocation (the hinter runs at every keystroke).
func (s *Shell) prefetchTyped(before string) {
	part := typedDirPart(before)
	if part == "" || part == s.lastTypedDir {
		return
	}
	if dir := resolveTypedDir(part, s.runner.Dir, runnerEnv{s}.Get("HOME").String()); dir != "" {
		s.lastTypedDir = part
		prefetcher.ask(dir)
	}
}

// editorCompleter returns what completes at the shell's prompt, as bash
// does: a compspec for the command (complete), then -D; in command
// position, commands (aliases, keywords, functions, built-ins, $PATH);
// $VAR and ${VAR, ~user, @host; file names elsewhere, quoted as bash
// quotes them. compType reports readline's completion type, for
// COMP_TYPE.
func (s *Shell) editorCompleter(compType func() byte) completion.Completer {
	return completion.CompleterFunc(func(line string, cursor int) completion.Result {
		typ := byte('\t')
		if compType != nil && compType() != 0 {
			typ = compType()
		}
		return s.completeLine(context.Background(), line, cursor, typ)
	})
}

// runnerEnv gives the shell's variables between commands, when no
// handler context is at hand.
type runnerEnv struct{ s *Shell }

// Get returns a variable: as the last command left it, else from the
// environment the shell started with.
func (e runnerEnv) Get(name string) expand.Variable {
	if v, ok := e.s.runner.Vars[name]; ok {
		return v
	}
	return e.s.runner.Env.Get(name)
}

// Each calls f with each variable once.
func (e runnerEnv) Each(f func(name string, vr expand.Variable) bool) {
	for name, v := range e.s.runner.Vars {
		if !f(name, v) {
			return
		}
	}
	e.s.runner.Env.Each(func(name string, v expand.Variable) bool {
		if _, ok := e.s.runner.Vars[name]; ok {
			return true
		}
		return f(name, v)
	})
}

// completeLine completes the word before the cursor.
func (s *Shell) completeLine(ctx context.Context, line string, cursor int, typ byte) completion.Result {
	env := &compEnv{vars: runnerEnv{s}, dir: s.runner.Dir, stderr: s.stderr()}
	breaks, ok := env.get("COMP_WORDBREAKS")
	if !ok {
		breaks = completion.DefaultWordBreaks
	}
	start, _ := completion.WordStart(line, cursor, breaks)
	if start > 0 && strings.IndexByte("$@", line[start-1]) >= 0 && strings.IndexByte(breaks, line[start-1]) >= 0 {
		// readline's rl_special_prefixes: a $ or @ that breaks words
		// (the @ of hostcomplete) starts the word.
		start--
	}
	raw := line[start:cursor]
	word, _ := completion.Unquote(raw)
	files := s.fileCompleter(env.dir, env.get)
	files.Getenv = env.get

	cc, cmdPos := commandContext(line, cursor, breaks)
	cc.word, cc.typ, cc.key, cc.editor, cc.cmdPos = word, int(typ), '\t', true, cmdPos

	var sp *compSpec
	store := s.completions()
	switch {
	case strings.TrimSpace(line) == "":
		sp = store.get(specEmpty)
	case cmdPos:
		sp = store.get(specInitial)
	default:
		sp = store.get(cc.cmd)
		if sp == nil && strings.Contains(cc.cmd, "/") {
			sp = store.get(filepath.Base(cc.cmd))
		}
		if sp == nil {
			sp = store.get(specDefault)
		}
	}
	if sp != nil {
		res := s.generate(ctx, env, sp, cc, files)
		for tries := 0; res.retry && tries < 3; tries++ {
			// 124: the function loaded a new compspec; start again.
			if sp = store.get(cc.cmd); sp == nil {
				sp = store.get(specDefault)
			}
			if sp == nil {
				break
			}
			res = s.generate(ctx, env, sp, cc, files)
		}
		return progResult(res, raw, start, cursor, env.dir, files)
	}
	return s.defaultCompletion(ctx, env, line, start, cursor, raw, word, cmdPos, files)
}

// commandContext finds the command the cursor is in, as bash does for
// COMP_LINE and COMP_WORDS: the line from the command's name (after any
// assignments) to the end of the command. cmdPos reports whether the
// word being completed is the command name itself.
func commandContext(line string, cursor int, breaks string) (cc *compContext, cmdPos bool) {
	cs, ce := completion.CommandBounds(line, cursor)
	// The command name: the first word that is not an assignment.
	words, _ := completion.SplitLine(line[cs:ce], cursor-cs, " \t\n")
	nameAt, name := -1, ""
	for _, w := range words {
		if w.Text == "" {
			continue
		}
		if isAssignment(w.Text) && w.End+cs < cursor {
			continue
		}
		nameAt, name = cs+w.Start, w.Text
		break
	}
	if nameAt < 0 || cursor <= nameAt+len(name) {
		// Nothing but assignments before the cursor, or the cursor in
		// the name: the command name is being completed.
		cmdPos = true
		if nameAt < 0 {
			nameAt = cursor
			for nameAt > cs && line[nameAt-1] != ' ' && line[nameAt-1] != '\t' && line[nameAt-1] != '\n' {
				nameAt--
			}
		}
	}
	cmdLine := line[nameAt:max(ce, nameAt)]
	point := cursor - nameAt
	cw, cword := completion.SplitLine(cmdLine, point, breaks)
	cc = &compContext{line: cmdLine, point: point, cword: cword}
	for _, w := range cw {
		cc.words = append(cc.words, w.Text)
	}
	if len(cc.words) > 0 {
		cc.cmd, _ = completion.Unquote(cc.words[0])
	}
	if cword > 0 {
		cc.prev = cc.words[cword-1]
	}
	return cc, cmdPos
}

// isAssignment reports whether a word is NAME=value.
func isAssignment(w string) bool {
	name, _, ok := strings.Cut(w, "=")
	if !ok || name == "" {
		return false
	}
	name = strings.TrimSuffix(name, "+")
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// progResult turns what a compspec generated into the editor's result:
// words replace the whole word; file names are quoted (unless -o
// noquote) and directories marked; -o nospace appends nothing; -o nosort
// keeps the order they came in.
func progResult(res compResult, raw string, start, cursor int, dir string, files *completion.Files) completion.Result {
	r := completion.Result{Start: start, End: cursor, NoSort: res.options&optNosort != 0}
	single := len(res.words) == 1
	for _, m := range res.words {
		c := completion.Candidate{Text: m}
		if res.filenames {
			if i := strings.LastIndexByte(strings.TrimSuffix(m, "/"), '/'); i >= 0 {
				c.Display = m[i+1:]
			}
			if isDirectory(dir, m, files) {
				c.Kind = completion.KindDirectory
			} else {
				c.Kind = completion.KindFile
			}
			if res.options&optNoquote == 0 {
				text, open := completion.Requote(m, raw)
				c.Text = text
				if c.Display == "" && text != m {
					c.Display = m
				}
				if open != 0 && single {
					if c.Kind == completion.KindDirectory {
						c.Text += string(open)
					} else {
						c.Suffix = string(open) + " "
					}
				}
			}
		}
		if res.options&optNospace != 0 && c.Kind != completion.KindDirectory {
			c.Suffix = completion.NoSuffix
		}
		r.Candidates = append(r.Candidates, c)
	}
	return r
}

// isDirectory reports whether the file name m (relative to dir, with ~
// expanded) is a directory.
func isDirectory(dir, m string, files *completion.Files) bool {
	if strings.HasPrefix(m, "~") {
		user, rest, _ := strings.Cut(m[1:], "/")
		h, ok := files.Home(user)
		if !ok {
			return false
		}
		m = filepath.Join(h, rest)
	}
	fi, err := os.Stat(resolve(dir, m))
	return err == nil && fi.IsDir()
}

// defaultCompletion is bash's completion without a compspec.
func (s *Shell) defaultCompletion(ctx context.Context, env *compEnv, line string, start, cursor int, raw, word string, cmdPos bool, files *completion.Files) completion.Result {
	r := completion.Result{Start: start, End: cursor}
	_, open := completion.Unquote(raw)
	switch {
	case strings.HasPrefix(word, "$") && !strings.Contains(word, "/"):
		lead := raw[:max(strings.IndexByte(raw, '$'), 0)]
		isDir := func(name string) bool {
			v, ok := env.get(name)
			if !ok || v == "" {
				return false
			}
			fi, err := os.Stat(resolve(env.dir, v))
			return err == nil && fi.IsDir()
		}
		r.Candidates = completion.VariableCandidates(word, varNames(env.vars, nil), isDir)
		for i := range r.Candidates {
			c := &r.Candidates[i]
			c.Text = lead + c.Text
			if open != 0 && len(r.Candidates) == 1 {
				c.Text += string(open)
			}
		}
		return r
	case strings.HasPrefix(word, "~") && !strings.Contains(word, "/"):
		r.Candidates = completion.UserCandidates(completion.Users(""), word[1:])
		for i := range r.Candidates {
			c := &r.Candidates[i]
			c.Suffix = ""
			if fi, err := os.Stat(c.Description); err == nil && fi.IsDir() {
				c.Kind = completion.KindDirectory
			}
		}
		return r
	case strings.HasPrefix(word, "@") && !cmdPos && s.hostComplete():
		h, ok := env.get("HOSTFILE")
		if !ok {
			h = ""
		}
		for _, c := range completion.HostCandidates(completion.Hosts(h), word[1:]) {
			c.Text = "@" + c.Text
			r.Candidates = append(r.Candidates, c)
		}
		return r
	case cmdPos && !strings.Contains(word, "/"):
		path, _ := env.get("PATH")
		c := completion.Commands{
			Aliases: s.aliasNames(ctx), Keywords: completion.Keywords,
			Functions: s.functionNames(), Builtins: s.builtinNames(),
			Path: path, Dir: env.dir, Cache: shellPathCache,
		}
		for _, cand := range c.Candidates(word) {
			cand.Text, _ = completion.Requote(cand.Text, raw)
			r.Candidates = append(r.Candidates, cand)
		}
		return r
	case cmdPos:
		// A path to a command: directories and executables.
		files.Stat = true
		fr := files.CompleteWord(line, start, cursor)
		keep := fr.Candidates[:0]
		for _, c := range fr.Candidates {
			if c.Kind == completion.KindDirectory || c.Kind == completion.KindExecutable || c.Mode&0o111 != 0 && c.Mode.IsRegular() {
				keep = append(keep, c)
			}
		}
		fr.Candidates = keep
		return fr
	}
	return files.CompleteWord(line, start, cursor)
}
