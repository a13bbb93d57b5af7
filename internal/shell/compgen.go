package shell

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/pattern"
	"mvdan.cc/sh/v3/syntax"

	"github.com/goshell/gosh/completion"
)

func init() { registerDefault("compgen", (*Shell).compgenBuiltin) }

// compgenBuiltin is bash's compgen: print the matches of a word for the
// options given, one per line, without quoting. Its status is 1 when
// nothing matches.
func (s *Shell) compgenBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		a, err := parseCompArgs("compgen", args[1:])
		if err != nil {
			return reportCompError(ctx, "compgen", err)
		}
		word := ""
		if len(a.rest) > 0 {
			word = a.rest[0]
		}
		hc := interp.HandlerCtx(ctx)
		env := &compEnv{vars: hc.Env, dir: hc.Dir, stderr: stderrOf(ctx)}
		sp := a.spec
		res := s.generate(ctx, env, &sp, &compContext{cmd: "compgen", word: word}, nil)
		if len(res.words) == 0 {
			return interp.ExitStatus(1)
		}
		w := bufio.NewWriter(stdoutOf(ctx))
		for _, m := range res.words {
			w.WriteString(m)
			w.WriteByte('\n')
		}
		return w.Flush()
	}
}

// compEnv is where completions are generated: the variables, the
// directory, and where warnings go.
type compEnv struct {
	vars   expand.Environ
	dir    string
	stderr io.Writer
}

func (e *compEnv) get(name string) (string, bool) {
	v := e.vars.Get(name)
	return v.String(), v.IsSet()
}

// compContext is the command line being completed, for -F and -C.
type compContext struct {
	cmd, word, prev string
	line            string
	point           int
	words           []string
	cword           int
	typ, key        int
	// editor is set when completing at the prompt: functions then run in
	// the shell itself, as in bash, rather than in a subshell.
	editor bool
	// cmdPos says the word is a command name.
	cmdPos bool
}

// compResult is what a specification generates.
type compResult struct {
	words []string
	// options are the spec's -o options, as compopt left them.
	options compOption
	// filenames says the words are file names: the editor quotes them
	// and marks directories (-o filenames, or file and directory
	// actions, or the default fallbacks).
	filenames bool
	// retry is set when a -F function returned 124: the specification
	// changed and completion should start again.
	retry bool
}

// generate produces the matches of a specification for cc.word, in
// bash's order: actions, -G, -W, -F, -C; then -X filters, -P and -S are
// added, and -o dirnames, plusdirs, bashdefault and default apply.
func (s *Shell) generate(ctx context.Context, env *compEnv, sp *compSpec, cc *compContext, files *completion.Files) compResult {
	store := s.completions()
	cur := *sp
	store.mu.Lock()
	prev := store.current
	store.current = &cur
	store.mu.Unlock()
	defer func() {
		store.mu.Lock()
		store.current = prev
		store.mu.Unlock()
	}()
	word := cc.word
	if files == nil {
		files = s.fileCompleter(env.dir, env.get)
	}
	var res compResult
	res.words = s.actionMatches(ctx, env, sp.actions, word, files)
	if sp.actions&(actFile|actDirectory) != 0 {
		res.filenames = true
	}
	if sp.set['G'] {
		res.words = append(res.words, globMatches(env.dir, sp.globPat)...)
	}
	if sp.set['W'] {
		res.words = append(res.words, completion.MatchPrefix(s.expandWordList(ctx, env, sp.words), word)...)
	}
	if sp.set['F'] {
		reply, status := s.runCompFunc(ctx, env, sp.funcName, cc)
		res.words = append(res.words, reply...)
		if status == 124 {
			res.retry = true
		}
	}
	if sp.set['C'] {
		res.words = append(res.words, s.runCompCommand(ctx, env, sp.command, cc)...)
	}
	if sp.set['X'] {
		res.words = filterMatches(res.words, sp.filterPat, word)
	}
	if sp.prefix != "" || sp.suffix != "" {
		for i, m := range res.words {
			res.words[i] = sp.prefix + m + sp.suffix
		}
	}
	store.mu.Lock()
	res.options = cur.options
	store.mu.Unlock()
	if res.options&optFilenames != 0 {
		res.filenames = true
	}
	dirs := func() []string {
		d := *files
		d.DirsOnly = true
		return fileWords(&d, word)
	}
	if res.options&optDirnames != 0 && len(res.words) == 0 {
		res.words, res.filenames = dirs(), true
	}
	if res.options&optPlusdirs != 0 {
		res.words = append(res.words, dirs()...)
		res.filenames = true
	}
	if len(res.words) == 0 && res.options&optBashDefault != 0 {
		res.words = s.bashDefault(ctx, env, word, cc.cmdPos, files)
	}
	if len(res.words) == 0 && res.options&optDefault != 0 {
		res.words, res.filenames = fileWords(files, word), true
	}
	return res
}

// fileCompleter returns file completion as the shell's readline
// variables configure it.
func (s *Shell) fileCompleter(dir string, getenv func(string) (string, bool)) *completion.Files {
	f := &completion.Files{Dir: dir, Cache: shellDirCache, Home: func(user string) (string, bool) {
		if user == "" {
			if h, ok := getenv("HOME"); ok {
				return h, true
			}
		}
		return completion.HomeDir(user)
	}}
	s.rlMu.Lock()
	cfg := s.rl
	s.rlMu.Unlock()
	if cfg != nil {
		v := cfg.Vars
		f.IgnoreCase = v.Get("completion-ignore-case")
		f.MapCase = v.Get("completion-map-case")
		f.SkipHidden = !v.Get("match-hidden-files")
		f.MarkSymlinkedDirs = v.Get("mark-symlinked-directories")
		f.VisibleStats = v.Get("visible-stats")
		f.Stat = v.Get("colored-stats")
	}
	return f
}

// shellDirCache keeps directory listings for file completion, big ones
// on disk too (dircache_persist.go).
var shellDirCache = &completion.DirCache{Persist: dirCacheDir(os.Getenv)}

// shellPathCache keeps the executables of $PATH.
var shellPathCache = &completion.PathCache{}

// fileWords returns the file names completing word, as compgen -f
// prints them.
func fileWords(f *completion.Files, word string) []string {
	dirPart, matches := f.Match(word)
	out := make([]string, len(matches))
	for i, m := range matches {
		out[i] = dirPart + m.Name
	}
	return out
}

// actionMatches generates the matches of the actions, in bash's order.
func (s *Shell) actionMatches(ctx context.Context, env *compEnv, acts compAction, word string, files *completion.Files) []string {
	var out []string
	add := func(list []string) { out = append(out, completion.MatchPrefix(list, word)...) }
	for bit := compAction(1); bit != 0 && bit <= acts; bit <<= 1 {
		if acts&bit == 0 {
			continue
		}
		switch bit {
		case actAlias:
			add(s.aliasNames(ctx))
		case actArrayVar:
			add(varNames(env.vars, func(v expand.Variable) bool { return v.Kind == expand.Indexed || v.Kind == expand.Associative }))
		case actBinding:
			add(s.bindingNames())
		case actBuiltin, actEnabled:
			// gosh cannot disable a built-in (no enable -n): all are
			// enabled and -A disabled gives nothing.
			add(s.builtinNames())
		case actHelpTopic:
			// What help knows: the built-ins, and the names the
			// interpreter reserves without running them.
			add(s.helpNames())
		case actJob:
			add(s.jobNames(-1))
		case actRunning:
			add(s.jobNames(jobRunning))
		case actStopped:
			add(s.jobNames(jobStopped))
		case actExport:
			add(varNames(env.vars, func(v expand.Variable) bool { return v.Exported }))
		case actFunction:
			add(s.functionNames())
		case actHostname:
			h, ok := env.get("HOSTFILE")
			if !ok {
				h = ""
			}
			add(completion.Hosts(h))
		case actKeyword:
			add(completion.Keywords)
		case actSetopt:
			add(setoptNames())
		case actShopt:
			add(shoptNames())
		case actSignal:
			add(signalNames())
		case actVariable:
			add(varNames(env.vars, nil))
		case actCommand:
			out = append(out, s.commandWords(ctx, env, word, files)...)
		case actFile:
			out = append(out, fileWords(files, word)...)
		case actUser:
			for _, u := range completion.Users("") {
				if strings.HasPrefix(u.Name, word) {
					out = append(out, u.Name)
				}
			}
		case actGroup:
			add(completion.Groups(""))
		case actService:
			add(serviceNames())
		case actDirectory:
			d := *files
			d.DirsOnly = true
			out = append(out, fileWords(&d, word)...)
		}
	}
	return out
}

// commandWords completes a command name as bash's compgen -c does: with a
// '/' in the word, executable files and directories; else aliases,
// keywords, functions, built-ins and $PATH.
func (s *Shell) commandWords(ctx context.Context, env *compEnv, word string, files *completion.Files) []string {
	if strings.Contains(word, "/") {
		dirPart, matches := files.Match(word)
		var out []string
		for _, m := range matches {
			if m.Dir || isExecutable(env.dir, dirPart+m.Name, files) {
				out = append(out, dirPart+m.Name)
			}
		}
		return out
	}
	path, _ := env.get("PATH")
	c := completion.Commands{
		Aliases: s.aliasNames(ctx), Keywords: completion.Keywords,
		Functions: s.functionNames(), Builtins: s.builtinNames(),
		Path: path, Dir: env.dir, Cache: shellPathCache,
	}
	var out []string
	for _, cand := range c.Candidates(word) {
		out = append(out, cand.Text)
	}
	return out
}

// isExecutable reports whether the file name (relative to dir, ~
// expanded) is an executable regular file.
func isExecutable(dir, name string, files *completion.Files) bool {
	if strings.HasPrefix(name, "~") {
		user, rest, _ := strings.Cut(name[1:], "/")
		h, ok := files.Home(user)
		if !ok {
			return false
		}
		name = filepath.Join(h, rest)
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(dir, name)
	}
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

// subshellOutput returns what the commands print when run in a subshell
// of the shell: how state the interpreter keeps to itself (aliases, shopt
// options) is read.
func (s *Shell) subshellOutput(ctx context.Context, cmds ...[]string) string {
	sub := s.runner.Subshell()
	var buf strings.Builder
	if err := interp.StdIO(nil, &buf, io.Discard)(sub); err != nil {
		return ""
	}
	f := &syntax.File{}
	for _, c := range cmds {
		f.Stmts = append(f.Stmts, &syntax.Stmt{Cmd: &syntax.CallExpr{Args: litWords(c)}})
	}
	sub.Run(ctx, f) //nolint:errcheck // the output is the point
	return buf.String()
}

// aliasNames returns the shell's aliases, sorted, read from what alias
// prints.
func (s *Shell) aliasNames(ctx context.Context) []string {
	var names []string
	for _, line := range strings.Split(s.subshellOutput(ctx, []string{"alias"}), "\n") {
		if rest, ok := strings.CutPrefix(line, "alias "); ok {
			if name, _, ok := strings.Cut(rest, "="); ok {
				names = append(names, name)
			}
		}
	}
	slices.Sort(names)
	return names
}

// lit is a word of one literal.
func lit(s string) *syntax.Word {
	return &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{Value: s}}}
}

// functionNames returns the shell's functions, sorted.
func (s *Shell) functionNames() []string {
	names := make([]string, 0, len(s.runner.Funcs))
	for n := range s.runner.Funcs {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// builtinNames returns the built-ins gosh runs: the interpreter's own
// and gosh's, in bash's order for those bash has, then gosh's others.
func (s *Shell) builtinNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, n := range bashBuiltins() {
		if _, ok := s.lookupBuiltin(n); ok || interp.IsBuiltin(n) && !takenOver[n] {
			names = append(names, n)
			seen[n] = true
		}
	}
	for _, n := range s.Builtins() {
		if !seen[n] {
			names = append(names, n)
		}
	}
	return names
}

// jobNames returns the jobs as bash's compgen -j lists them: the first
// word of each job's command, from the highest job number down; only
// those in state st unless st is negative (-A running, -A stopped). A
// job that ended is listed until its end is reported.
func (s *Shell) jobNames(st jobState) []string {
	if s.jobs == nil {
		return nil
	}
	jt := s.jobs
	jt.mu.Lock()
	defer jt.mu.Unlock()
	var names []string
	for i := len(jt.jobs) - 1; i >= 0; i-- {
		j := jt.jobs[i]
		if j.disowned || st >= 0 && j.state() != st {
			continue
		}
		names = append(names, jobName(j.text))
	}
	return names
}

// jobName returns the first word of a job's command, as bash prints it:
// "(" for a subshell, "((" for an arithmetic command (bash prints
// "( cmd )" and "(( expr ))" where gosh keeps "(cmd)").
func jobName(text string) string {
	switch {
	case strings.HasPrefix(text, "(("):
		return "(("
	case strings.HasPrefix(text, "("):
		return "("
	}
	if k := strings.IndexAny(text, " \t\n"); k >= 0 {
		return text[:k]
	}
	return text
}

// bindingNames returns readline's command names, sorted.
func (s *Shell) bindingNames() []string {
	cfg := s.readlineConfig(s.varGetter())
	names := slices.Clone(cfg.Funmap.Names())
	slices.Sort(names)
	return names
}

// varNames returns the names of the set variables that keep says to
// (all when keep is nil), sorted.
func varNames(env expand.Environ, keep func(expand.Variable) bool) []string {
	seen := map[string]bool{}
	var names []string
	for name := range env.Each {
		if seen[name] {
			continue
		}
		seen[name] = true
		if v := env.Get(name); v.IsSet() && (keep == nil || keep(v)) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// serviceNames returns the service names of /etc/services, in order.
func serviceNames() []string {
	data, err := os.ReadFile("/etc/services")
	if err != nil {
		return nil
	}
	var names []string
	for _, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		if f := strings.Fields(line); len(f) >= 2 {
			names = append(names, f[0])
		}
	}
	return names
}

// globMatches expands a -G pattern relative to dir. Like bash, which
// does not sort these, the names of one directory come in reverse
// directory order; hidden files need a pattern starting with '.'.
func globMatches(dir, pat string) []string {
	if pat == "" {
		return nil
	}
	base := ""
	if filepath.IsAbs(pat) {
		base = "/"
	}
	parts := strings.Split(strings.Trim(pat, "/"), "/")
	trailing := strings.HasSuffix(pat, "/")
	var walk func(prefix string, parts []string) []string
	walk = func(prefix string, parts []string) []string {
		p := parts[0]
		last := len(parts) == 1
		if !hasGlobMeta(p) {
			name := prefix + unescapeGlob(p)
			fi, err := os.Stat(resolve(dir, name))
			if err != nil || !last && !fi.IsDir() || last && trailing && !fi.IsDir() {
				return nil
			}
			if last {
				if trailing {
					name += "/"
				}
				return []string{name}
			}
			return walk(name+"/", parts[1:])
		}
		re, err := pattern.Regexp(p, pattern.EntireString|pattern.Filenames)
		if err != nil {
			return nil
		}
		rx, err := regexp.Compile(re)
		if err != nil {
			return nil
		}
		var names []string
		d := resolve(dir, prefix)
		if d == "" {
			d = "."
		}
		entries := readNames(d)
		for i := len(entries) - 1; i >= 0; i-- {
			n := entries[i]
			if n == "." || n == ".." || n[0] == '.' && p[0] != '.' || !rx.MatchString(n) {
				continue
			}
			full := prefix + n
			if !last || trailing {
				fi, err := os.Stat(resolve(dir, full))
				if err != nil || !fi.IsDir() {
					continue
				}
			}
			if last {
				if trailing {
					full += "/"
				}
				names = append(names, full)
				continue
			}
			names = append(names, walk(full+"/", parts[1:])...)
		}
		return names
	}
	return walk(base, parts)
}

// resolve makes name relative to dir unless it is absolute.
func resolve(dir, name string) string {
	if filepath.IsAbs(name) || dir == "" {
		return name
	}
	return filepath.Join(dir, name)
}

// readNames returns the entries of a directory in directory order.
func readNames(dir string) []string {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	entries, _ := f.ReadDir(-1)
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}

// hasGlobMeta reports whether p has unescaped glob characters.
func hasGlobMeta(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '*', '?', '[':
			return true
		}
	}
	return false
}

// unescapeGlob removes the backslashes of a pattern without meta
// characters.
func unescapeGlob(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '\\' && i+1 < len(p) {
			i++
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// filterMatches applies -X: matches of pat are removed, or with a
// leading '!' kept; '&' in pat stands for the word (\& for itself).
func filterMatches(matches []string, pat, word string) []string {
	negate := strings.HasPrefix(pat, "!")
	if negate {
		pat = pat[1:]
	}
	var b strings.Builder
	for i := 0; i < len(pat); i++ {
		switch {
		case pat[i] == '\\' && i+1 < len(pat) && pat[i+1] == '&':
			b.WriteString(`\&`)
			i++
		case pat[i] == '&':
			b.WriteString(pattern.QuoteMeta(word, 0))
		default:
			b.WriteByte(pat[i])
		}
	}
	re, err := pattern.Regexp(b.String(), pattern.EntireString)
	if err != nil {
		return matches
	}
	rx, err := regexp.Compile(re)
	if err != nil {
		return matches
	}
	var out []string
	for _, m := range matches {
		if rx.MatchString(m) == negate {
			out = append(out, m)
		}
	}
	return out
}

// expandWordList splits a -W word list at $IFS, minding quotes, and
// expands each word as bash does: parameters, command substitution,
// arithmetic, tilde and quote removal, but no globbing.
func (s *Shell) expandWordList(ctx context.Context, env *compEnv, list string) []string {
	ifs, ok := env.get("IFS")
	if !ok {
		ifs = " \t\n"
	}
	cfg := &expand.Config{
		Env: env.vars,
		CmdSubst: func(w io.Writer, cs *syntax.CmdSubst) error {
			sub := s.runner.Subshell()
			if err := interp.StdIO(nil, w, env.stderr)(sub); err != nil {
				return err
			}
			for _, st := range cs.Stmts {
				sub.Run(ctx, st)
			}
			return nil
		},
	}
	var out []string
	for _, piece := range splitQuoted(list, ifs) {
		f, err := syntax.NewParser().Parse(strings.NewReader("_ "+piece), "")
		if err != nil || len(f.Stmts) != 1 {
			out = append(out, piece)
			continue
		}
		call, ok := f.Stmts[0].Cmd.(*syntax.CallExpr)
		if !ok {
			out = append(out, piece)
			continue
		}
		fields, err := expand.Fields(cfg, call.Args[1:]...)
		if err != nil {
			fmt.Fprintf(env.stderr, "gosh: compgen: %v\n", err)
			continue
		}
		out = append(out, fields...)
	}
	return out
}

// splitQuoted splits s at characters of ifs outside quotes, backslash
// escapes, $(...) and `...`, dropping empty pieces. Blanks and operators
// left unquoted in a piece (when $IFS does not split at them) are
// escaped, so that the piece parses as one word.
func splitQuoted(s, ifs string) []string {
	var out []string
	var cur strings.Builder
	var quote byte
	depth := 0
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			}
			cur.WriteByte(c)
		case c == '\\' && i+1 < len(s):
			cur.WriteByte(c)
			i++
			cur.WriteByte(s[i])
		case quote == '"':
			if c == '"' {
				quote = 0
			}
			cur.WriteByte(c)
		case depth > 0:
			switch c {
			case '(':
				depth++
			case ')', '`':
				depth--
			}
			cur.WriteByte(c)
		case c == '\'' || c == '"':
			quote = c
			cur.WriteByte(c)
		case c == '$' && i+1 < len(s) && s[i+1] == '(':
			depth++
			cur.WriteString("$(")
			i++
		case c == '`':
			depth++
			cur.WriteByte(c)
		case strings.IndexByte(ifs, c) >= 0:
			flush()
		case strings.IndexByte(" \t\n;|&<>()", c) >= 0:
			cur.WriteByte('\\')
			cur.WriteByte(c)
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return out
}

// bashDefault is -o bashdefault: bash's own completion of a word by its
// shape, without file names: $VAR, ~user, @host, and command names in
// command position. The words are not file names.
func (s *Shell) bashDefault(ctx context.Context, env *compEnv, word string, cmdPos bool, files *completion.Files) []string {
	var out []string
	switch {
	case strings.HasPrefix(word, "$"):
		for _, c := range completion.VariableCandidates(word, varNames(env.vars, nil), nil) {
			out = append(out, c.Text)
		}
	case strings.HasPrefix(word, "~") && !strings.Contains(word, "/"):
		for _, c := range completion.UserCandidates(completion.Users(""), word[1:]) {
			out = append(out, c.Text)
		}
	case strings.HasPrefix(word, "@"):
		h, _ := env.get("HOSTFILE")
		for _, c := range completion.HostCandidates(completion.Hosts(h), word[1:]) {
			out = append(out, "@"+c.Text)
		}
	case cmdPos:
		out = s.commandWords(ctx, env, word, files)
	}
	return out
}

// runCompCommand runs a -C command with the command name, the word and
// the word before it as arguments, COMP_LINE and COMP_POINT in its
// environment, and returns the lines it prints.
func (s *Shell) runCompCommand(ctx context.Context, env *compEnv, command string, cc *compContext) []string {
	script := compVarsScript(cc, true) + command + " " + shellQuote(cc.cmd) + " " + shellQuote(cc.word) + " " + shellQuote(cc.prev)
	f, err := syntax.NewParser().Parse(strings.NewReader(script), "")
	if err != nil {
		fmt.Fprintf(env.stderr, "gosh: %v\n", err)
		return nil
	}
	sub := s.runner.Subshell()
	var buf strings.Builder
	if err := interp.StdIO(nil, &buf, env.stderr)(sub); err != nil {
		return nil
	}
	for _, st := range f.Stmts {
		sub.Run(ctx, st)
	}
	var out []string
	for _, line := range strings.Split(buf.String(), "\n") {
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// runCompFunc runs a -F function with COMP_WORDS, COMP_CWORD, COMP_LINE,
// COMP_POINT, COMP_TYPE and COMP_KEY set, and returns COMPREPLY and the
// function's status. At the prompt it runs in the shell itself, so that
// what the function sets stays set, and the variables are unset again
// afterwards; from compgen it runs in a subshell.
func (s *Shell) runCompFunc(ctx context.Context, env *compEnv, name string, cc *compContext) ([]string, int) {
	if s.runner.Funcs[name] == nil {
		fmt.Fprintf(env.stderr, "gosh: completion: function `%s' not found\n", name)
		return nil, 1
	}
	script := compVarsScript(cc, false) + "COMPREPLY=()\n" + shellQuote(name) + " " + shellQuote(cc.cmd) + " " + shellQuote(cc.word) + " " + shellQuote(cc.prev)
	f, err := syntax.NewParser().Parse(strings.NewReader(script), "")
	if err != nil {
		fmt.Fprintf(env.stderr, "gosh: %v\n", err)
		return nil, 1
	}
	r := s.runner
	if !cc.editor {
		r = s.runner.Subshell()
	} else {
		// Keep $? for the next command line, as bash does.
		defer s.keepStatus(ctx)()
	}
	status := 0
	for i, st := range f.Stmts {
		err := r.Run(ctx, st)
		if i == len(f.Stmts)-1 {
			if es, ok := err.(interp.ExitStatus); ok {
				status = int(es)
			}
		}
	}
	reply := r.Vars["COMPREPLY"]
	var out []string
	switch reply.Kind {
	case expand.Indexed:
		out = slices.Clone(reply.List)
	case expand.String:
		if reply.IsSet() {
			out = []string{reply.Str}
		}
	}
	if cc.editor {
		unset, _ := syntax.NewParser().Parse(strings.NewReader("unset COMP_WORDS COMP_CWORD COMP_LINE COMP_POINT COMP_TYPE COMP_KEY COMPREPLY"), "")
		for _, st := range unset.Stmts {
			r.Run(ctx, st)
		}
	}
	return out, status
}

// keepStatus notes $? of the shell and returns a function that sets it
// back, after commands run for completion.
func (s *Shell) keepStatus(ctx context.Context) func() {
	const name = "GOSH_COMP_STATUS"
	save, _ := syntax.NewParser().Parse(strings.NewReader(name+"=$?"), "")
	s.runner.Run(ctx, save.Stmts[0])
	status := s.runner.Vars[name].String()
	return func() {
		restore, err := syntax.NewParser().Parse(strings.NewReader("unset "+name+"; (exit "+status+")"), "")
		if err != nil {
			return
		}
		for _, st := range restore.Stmts {
			s.runner.Run(ctx, st)
		}
	}
}

// compVarsScript assigns the COMP_ variables; for a command they are
// exported and COMP_WORDS and COMP_CWORD are left out, as in bash.
func compVarsScript(cc *compContext, export bool) string {
	var b strings.Builder
	if export {
		fmt.Fprintf(&b, "export COMP_LINE=%s COMP_POINT=%d COMP_TYPE=%d COMP_KEY=%d\n", shellQuote(cc.line), cc.point, cc.typ, cc.key)
		return b.String()
	}
	fmt.Fprintf(&b, "COMP_LINE=%s\nCOMP_POINT=%d\nCOMP_CWORD=%d\nCOMP_TYPE=%d\nCOMP_KEY=%d\nCOMP_WORDS=(", shellQuote(cc.line), cc.point, cc.cword, cc.typ, cc.key)
	for i, w := range cc.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(shellQuote(w))
	}
	b.WriteString(")\n")
	return b.String()
}

// shellQuote quotes s as one shell word.
func shellQuote(s string) string {
	q, err := syntax.Quote(s, syntax.LangBash)
	if err != nil {
		return singleQuote(s)
	}
	return q
}

// Lists of names bash knows and gosh reports the same way, split on first
// use rather than at start-up.
var (
	bashBuiltins = sync.OnceValue(func() []string {
		return strings.Fields(". : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait")
	})
	setoptNames = sync.OnceValue(func() []string {
		return strings.Fields("allexport braceexpand emacs errexit errtrace functrace hashall histexpand history ignoreeof interactive-comments keyword monitor noclobber noexec noglob nolog notify nounset onecmd physical pipefail posix privileged verbose vi xtrace")
	})
	shoptNames = sync.OnceValue(func() []string {
		return strings.Fields("autocd assoc_expand_once cdable_vars cdspell checkhash checkjobs checkwinsize cmdhist compat31 compat32 compat40 compat41 compat42 compat43 compat44 complete_fullquote direxpand dirspell dotglob execfail expand_aliases extdebug extglob extquote failglob force_fignore globasciiranges globskipdots globstar gnu_errfmt histappend histreedit histverify hostcomplete huponexit inherit_errexit interactive_comments lastpipe lithist localvar_inherit localvar_unset login_shell mailwarn no_empty_cmd_completion nocaseglob nocasematch noexpand_translation nullglob patsub_replacement progcomp progcomp_alias promptvars restricted_shell shift_verbose sourcepath varredir_close xpg_echo")
	})
	signalNames = sync.OnceValue(func() []string {
		return strings.Fields("EXIT SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV SIGUSR2 SIGPIPE SIGALRM SIGTERM SIGSTKFLT SIGCHLD SIGCONT SIGSTOP SIGTSTP SIGTTIN SIGTTOU SIGURG SIGXCPU SIGXFSZ SIGVTALRM SIGPROF SIGWINCH SIGIO SIGPWR SIGSYS SIGRTMIN SIGRTMIN+1 SIGRTMIN+2 SIGRTMIN+3 SIGRTMIN+4 SIGRTMIN+5 SIGRTMIN+6 SIGRTMIN+7 SIGRTMIN+8 SIGRTMIN+9 SIGRTMIN+10 SIGRTMIN+11 SIGRTMIN+12 SIGRTMIN+13 SIGRTMIN+14 SIGRTMIN+15 SIGRTMAX-14 SIGRTMAX-13 SIGRTMAX-12 SIGRTMAX-11 SIGRTMAX-10 SIGRTMAX-9 SIGRTMAX-8 SIGRTMAX-7 SIGRTMAX-6 SIGRTMAX-5 SIGRTMAX-4 SIGRTMAX-3 SIGRTMAX-2 SIGRTMAX-1 SIGRTMAX DEBUG ERR RETURN")
	})
)
