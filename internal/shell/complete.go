package shell

import (
	"context"
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"weak"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

func init() {
	registerDefault("complete", (*Shell).completeBuiltin)
	registerDefault("compopt", (*Shell).compoptBuiltin)
}

// compAction is a set of bash's completion actions (-A NAME, or a letter).
type compAction uint32

// The actions, in the order bash generates their matches.
const (
	actAlias compAction = 1 << iota
	actArrayVar
	actBinding
	actBuiltin
	actDisabled
	actEnabled
	actExport
	actFunction
	actHelpTopic
	actHostname
	actJob
	actKeyword
	actRunning
	actSetopt
	actShopt
	actSignal
	actStopped
	actVariable
	actCommand
	actFile
	actUser
	actGroup
	actService
	actDirectory
)

// actionNames are the names -A takes.
var actionNames = map[string]compAction{
	"alias": actAlias, "arrayvar": actArrayVar, "binding": actBinding,
	"builtin": actBuiltin, "command": actCommand, "directory": actDirectory,
	"disabled": actDisabled, "enabled": actEnabled, "export": actExport,
	"file": actFile, "function": actFunction, "group": actGroup,
	"helptopic": actHelpTopic, "hostname": actHostname, "job": actJob,
	"keyword": actKeyword, "running": actRunning, "service": actService,
	"setopt": actSetopt, "shopt": actShopt, "signal": actSignal,
	"stopped": actStopped, "user": actUser, "variable": actVariable,
}

// actionLetters are the one-letter options for actions, in the order
// complete -p prints them.
var actionLetters = []struct {
	letter byte
	act    compAction
}{
	{'a', actAlias}, {'b', actBuiltin}, {'c', actCommand}, {'d', actDirectory},
	{'e', actExport}, {'f', actFile}, {'g', actGroup}, {'j', actJob},
	{'k', actKeyword}, {'s', actService}, {'u', actUser}, {'v', actVariable},
}

// namedActions are the actions complete -p prints with -A, in its order.
var namedActions = []string{
	"arrayvar", "binding", "disabled", "enabled", "function", "helptopic",
	"hostname", "running", "setopt", "shopt", "signal", "stopped",
}

// compOption is a set of -o options.
type compOption uint16

// The -o options.
const (
	optBashDefault compOption = 1 << iota
	optDefault
	optDirnames
	optFilenames
	optNoquote
	optNospace
	optNosort
	optPlusdirs
)

// optionNames are the -o names, in the order complete -p prints them.
var optionNames = []struct {
	name string
	opt  compOption
}{
	{"bashdefault", optBashDefault}, {"default", optDefault},
	{"dirnames", optDirnames}, {"filenames", optFilenames},
	{"noquote", optNoquote}, {"nosort", optNosort},
	{"nospace", optNospace}, {"plusdirs", optPlusdirs},
}

// optionByName returns the -o option called name.
func optionByName(name string) (compOption, bool) {
	for _, o := range optionNames {
		if o.name == name {
			return o.opt, true
		}
	}
	return 0, false
}

// A compSpec is how to complete a command's arguments: what complete
// stores and compgen uses.
type compSpec struct {
	actions compAction
	options compOption
	// The arguments of -G -W -P -S -X -C -F; set records which were
	// given, since an empty one is still printed.
	globPat, words, prefix, suffix, filterPat, command, funcName string
	set                                                          map[byte]bool
}

// The names bash stores the -D, -E and -I specifications under.
const (
	specDefault = "_DefaultCmD_"
	specEmpty   = "_EmptycmD_"
	specInitial = "_InitialWorD_"
)

// compStore holds the shell's completion specifications.
type compStore struct {
	mu    sync.Mutex
	specs map[string]*compSpec
	// current is the completion being generated, which compopt without
	// names changes; nil outside completion functions.
	current *compSpec
}

func (c *compStore) get(name string) *compSpec {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.specs[name]
}

func (c *compStore) set(name string, s *compSpec) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.specs == nil {
		c.specs = map[string]*compSpec{}
	}
	c.specs[name] = s
}

// remove removes a specification and reports whether there was one. As
// in bash, removing from a shell that never had any succeeds.
func (c *compStore) remove(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.specs == nil {
		return true
	}
	_, ok := c.specs[name]
	delete(c.specs, name)
	return ok
}

// names returns the names with a specification, sorted.
func (c *compStore) names() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for n := range c.specs {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// compStores holds each Shell's completion specifications, keyed weakly
// so that a Shell that is no longer used takes its store with it.
var compStores sync.Map // weak.Pointer[Shell] -> *compStore

// completions returns the shell's completion specifications.
func (s *Shell) completions() *compStore {
	key := weak.Make(s)
	if v, ok := compStores.Load(key); ok {
		return v.(*compStore)
	}
	v, loaded := compStores.LoadOrStore(key, &compStore{})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Shell]) { compStores.Delete(k) }, key)
	}
	return v.(*compStore)
}

// compArgs are the parsed arguments of complete, compgen or compopt.
type compArgs struct {
	spec             compSpec
	print, remove    bool
	dflt, empty, ini bool // -D -E -I
	offOptions       compOption
	rest             []string
}

// compUsage are the usage lines bash prints.
var compUsage = map[string]string{
	"complete": "complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]",
	"compgen":  "compgen: usage: compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]",
	"compopt":  "compopt: usage: compopt [-o|+o option] [-DEI] [name ...]",
}

// compError is a usage error: its message is printed, then the usage
// line when usage is set, and the status is 2.
type compError struct {
	msg   string
	usage bool
}

// Error returns the message.
func (e *compError) Error() string { return e.msg }

// parseCompArgs parses the options of cmd (complete, compgen or compopt)
// as bash's internal_getopt does: grouped flags, an option's argument in
// the same word or the next, "--" or the first non-option ending them.
func parseCompArgs(cmd string, args []string) (*compArgs, error) {
	a := &compArgs{spec: compSpec{set: map[byte]bool{}}}
	allowed := "abcdefgjksuvo:A:G:W:F:C:X:P:S:"
	switch cmd {
	case "complete":
		allowed += "prDEI"
	case "compopt":
		allowed = "o:DEI"
	}
	i := 0
	for ; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			i++
			break
		}
		if len(arg) < 2 || arg[0] != '-' && !(cmd == "compopt" && arg[0] == '+') {
			break
		}
		plus := arg[0] == '+'
		for j := 1; j < len(arg); j++ {
			c := arg[j]
			k := strings.IndexByte(allowed, c)
			if k < 0 || c == ':' {
				return nil, &compError{msg: fmt.Sprintf("%c%c: invalid option", arg[0], c), usage: true}
			}
			takesArg := k+1 < len(allowed) && allowed[k+1] == ':'
			var val string
			if takesArg {
				val = arg[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						return nil, &compError{msg: fmt.Sprintf("-%c: option requires an argument", c), usage: true}
					}
					i++
					val = args[i]
				}
				j = len(arg)
			}
			if err := a.apply(c, val, plus); err != nil {
				return nil, err
			}
		}
	}
	a.rest = args[i:]
	return a, nil
}

// special returns the name of the specification -D, -E or -I selects,
// the first of them in that order, or "".
func (a *compArgs) special() string {
	switch {
	case a.dflt:
		return specDefault
	case a.empty:
		return specEmpty
	case a.ini:
		return specInitial
	}
	return ""
}

// apply records one option.
func (a *compArgs) apply(c byte, val string, plus bool) error {
	sp := &a.spec
	for _, l := range actionLetters {
		if l.letter == c {
			sp.actions |= l.act
			return nil
		}
	}
	switch c {
	case 'p':
		a.print = true
	case 'r':
		a.remove = true
	case 'D':
		a.dflt = true
	case 'E':
		a.empty = true
	case 'I':
		a.ini = true
	case 'o':
		o, ok := optionByName(val)
		if !ok {
			return &compError{msg: val + ": invalid option name"}
		}
		if plus {
			a.offOptions |= o
		} else {
			sp.options |= o
		}
	case 'A':
		act, ok := actionNames[val]
		if !ok {
			return &compError{msg: val + ": invalid action name"}
		}
		sp.actions |= act
	default:
		sp.set[c] = true
		switch c {
		case 'G':
			sp.globPat = val
		case 'W':
			sp.words = val
		case 'F':
			sp.funcName = val
		case 'C':
			sp.command = val
		case 'X':
			sp.filterPat = val
		case 'P':
			sp.prefix = val
		case 'S':
			sp.suffix = val
		}
	}
	return nil
}

// reportCompError prints err as bash does and returns the status.
func reportCompError(ctx context.Context, cmd string, err error) error {
	w := stderrOf(ctx)
	fmt.Fprintf(w, "gosh: %s: %v\n", cmd, err)
	if ce, ok := err.(*compError); ok && ce.usage {
		fmt.Fprintln(w, compUsage[cmd])
	}
	return interp.ExitStatus(2)
}

// completeBuiltin is bash's complete: store, print or remove completion
// specifications.
func (s *Shell) completeBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		a, err := parseCompArgs("complete", args[1:])
		if err != nil {
			return reportCompError(ctx, "complete", err)
		}
		store := s.completions()
		names := a.rest
		if sp := a.special(); sp != "" {
			// Like bash, -D, -E and -I name one specification, and
			// the others are ignored.
			names = []string{sp}
		}
		noFlags := len(args) == 1
		switch {
		case noFlags || a.print:
			status := 0
			if len(names) == 0 {
				names = store.names()
			}
			for _, n := range names {
				sp := store.get(n)
				if sp == nil {
					fmt.Fprintf(stderrOf(ctx), "gosh: complete: %s: no completion specification\n", n)
					status = 1
					continue
				}
				printSpec(stdoutOf(ctx), n, sp)
			}
			return interp.ExitStatus(status)
		case a.remove:
			if len(names) == 0 {
				for _, n := range store.names() {
					store.remove(n)
				}
				return nil
			}
			status := 0
			for _, n := range names {
				if !store.remove(n) {
					fmt.Fprintf(stderrOf(ctx), "gosh: complete: %s: no completion specification\n", n)
					status = 1
				}
			}
			return interp.ExitStatus(status)
		case len(names) == 0:
			fmt.Fprintln(stderrOf(ctx), compUsage["complete"])
			return interp.ExitStatus(2)
		}
		for _, n := range names {
			sp := a.spec
			sp.set = maps.Clone(a.spec.set)
			store.set(n, &sp)
		}
		return nil
	}
}

// printSpec prints a specification as complete -p does, in a form that
// can be read back.
func printSpec(w io.Writer, name string, sp *compSpec) {
	var b strings.Builder
	b.WriteString("complete")
	for _, o := range optionNames {
		if sp.options&o.opt != 0 {
			b.WriteString(" -o " + o.name)
		}
	}
	for _, l := range actionLetters {
		if sp.actions&l.act != 0 {
			b.WriteString(" -" + string(l.letter))
		}
	}
	for _, n := range namedActions {
		if sp.actions&actionNames[n] != 0 {
			b.WriteString(" -A " + n)
		}
	}
	for _, arg := range []struct {
		flag byte
		val  string
	}{{'G', sp.globPat}, {'W', sp.words}, {'P', sp.prefix}, {'S', sp.suffix}, {'X', sp.filterPat}, {'C', sp.command}} {
		if sp.set[arg.flag] {
			b.WriteString(" -" + string(arg.flag) + " " + singleQuote(arg.val))
		}
	}
	if sp.set['F'] {
		b.WriteString(" -F " + sp.funcName)
	}
	switch name {
	case specDefault:
		b.WriteString(" -D")
	case specEmpty:
		b.WriteString(" -E")
	case specInitial:
		b.WriteString(" -I")
	default:
		b.WriteString(" " + quoteIfNeeded(name))
	}
	fmt.Fprintln(w, b.String())
}

// singleQuote quotes s in single quotes, as bash's sh_single_quote.
func singleQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// quoteIfNeeded single-quotes s when it holds characters special to the
// shell.
func quoteIfNeeded(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\|&;()<>!{}*[?]^$`~#") {
		return s
	}
	q, err := syntax.Quote(s, syntax.LangBash)
	if err != nil {
		return singleQuote(s)
	}
	return q
}

// compoptBuiltin is bash's compopt: change the -o options of the
// completion being generated (no names) or of the specifications of the
// names given.
func (s *Shell) compoptBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		a, err := parseCompArgs("compopt", args[1:])
		if err != nil {
			return reportCompError(ctx, "compopt", err)
		}
		store := s.completions()
		names := a.rest
		if sp := a.special(); sp != "" {
			names = []string{sp}
		}
		var specs []*compSpec
		if len(names) == 0 {
			store.mu.Lock()
			cur := store.current
			store.mu.Unlock()
			if cur == nil {
				fmt.Fprintln(stderrOf(ctx), "gosh: compopt: not currently executing completion function")
				return interp.ExitStatus(1)
			}
			specs = append(specs, cur)
			names = []string{""}
		} else {
			for _, n := range names {
				sp := store.get(n)
				if sp == nil {
					fmt.Fprintf(stderrOf(ctx), "gosh: compopt: %s: no completion specification\n", n)
					return interp.ExitStatus(1)
				}
				specs = append(specs, sp)
			}
		}
		set, off := a.spec.options, a.offOptions
		for i, sp := range specs {
			if set == 0 && off == 0 {
				printOptions(stdoutOf(ctx), names[i], sp.options)
				continue
			}
			store.mu.Lock()
			sp.options = sp.options | set&^off
			sp.options &^= off
			store.mu.Unlock()
		}
		return nil
	}
}

// printOptions prints a spec's options as compopt does without options.
func printOptions(w io.Writer, name string, opts compOption) {
	var b strings.Builder
	b.WriteString("compopt")
	for _, o := range optionNames {
		if opts&o.opt != 0 {
			b.WriteString(" -o " + o.name)
		} else {
			b.WriteString(" +o " + o.name)
		}
	}
	switch name {
	case "":
	case specDefault:
		b.WriteString(" -D")
	case specEmpty:
		b.WriteString(" -E")
	case specInitial:
		b.WriteString(" -I")
	default:
		b.WriteString(" " + quoteIfNeeded(name))
	}
	fmt.Fprintln(w, b.String())
}
