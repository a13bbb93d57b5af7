package shell

import (
	"context"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// promptInfo is what the prompt escapes show that does not come from the
// shell's variables.
type promptInfo struct {
	now      time.Time
	histNum  int  // \!: the history number of the command being typed
	cmdNum   int  // \#: the command number of the command being typed
	jobs     int  // \j
	root     bool // \$ shows '#'
	shell    string
	terminal string // \l
}

// hostInfo and userName are looked up once, as bash does at start-up.
var (
	hostOnce sync.Once
	hostName string
	userOnce sync.Once
	userName string
)

func hostname() string {
	hostOnce.Do(func() { hostName, _ = os.Hostname() })
	return hostName
}

func username() string {
	userOnce.Do(func() {
		if u, err := user.Current(); err == nil {
			userName = u.Username
		} else {
			userName = os.Getenv("USER")
		}
	})
	return userName
}

// decodePrompt replaces bash's prompt escapes in ps (PROMPTING in bash's
// manual): \a \d \D{fmt} \e \h \H \j \l \n \r \s \t \T \@ \A \u \v \V \w
// \W \! \# \$ \NNN \\ \[ \]. \[ and \] become readline's \001 and \002
// markers, which the line editor takes as "no width". What an escape
// inserts is quoted against the expansions that follow ($, ` and \ get a
// backslash), as bash does with promptvars on. getenv reads the shell's
// variables (HOME, PWD, PROMPT_DIRTRIM).
func decodePrompt(ps string, info promptInfo, getenv func(string) string) string {
	var b strings.Builder
	quoted := func(s string) {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '$' || c == '`' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
	}
	for i := 0; i < len(ps); i++ {
		c := ps[i]
		if c != '\\' || i+1 == len(ps) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := ps[i]; e {
		case 'a':
			b.WriteByte('\a')
		case 'e':
			b.WriteByte('\x1b')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case '[':
			b.WriteByte('\x01')
		case ']':
			b.WriteByte('\x02')
		case '\\':
			b.WriteString(`\\`)
		case '$':
			if info.root {
				b.WriteByte('#')
			} else {
				b.WriteString(`\$`)
			}
		case 'd':
			quoted(info.now.Format("Mon Jan 02"))
		case 't':
			quoted(info.now.Format("15:04:05"))
		case 'T':
			quoted(info.now.Format("03:04:05"))
		case '@':
			quoted(info.now.Format("03:04 PM"))
		case 'A':
			quoted(info.now.Format("15:04"))
		case 'D':
			if i+1 < len(ps) && ps[i+1] == '{' {
				if end := strings.IndexByte(ps[i+2:], '}'); end >= 0 {
					format := ps[i+2 : i+2+end]
					if format == "" {
						format = "%X"
					}
					quoted(strftime(format, info.now))
					i += 2 + end
					break
				}
			}
			b.WriteString(`\D`)
		case 'h':
			h, _, _ := strings.Cut(hostname(), ".")
			quoted(h)
		case 'H':
			quoted(hostname())
		case 'u':
			quoted(username())
		case 's':
			quoted(info.shell)
		case 'v':
			v := strings.SplitN(Version, ".", 3)
			quoted(strings.Join(v[:min(2, len(v))], "."))
		case 'V':
			quoted(strings.SplitN(Version, "-", 2)[0])
		case 'j':
			b.WriteString(strconv.Itoa(info.jobs))
		case 'l':
			quoted(info.terminal)
		case '!':
			b.WriteString(strconv.Itoa(info.histNum))
		case '#':
			b.WriteString(strconv.Itoa(info.cmdNum))
		case 'w':
			quoted(promptDir(getenv, false))
		case 'W':
			quoted(promptDir(getenv, true))
		case '0', '1', '2', '3', '4', '5', '6', '7':
			// As bash: three octal digits (fewer only at the end of
			// the prompt), else the escape stays as it is.
			digits := ps[i:min(i+3, len(ps))]
			if strings.Trim(digits, "01234567") != "" {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			n := 0
			for _, d := range []byte(digits) {
				n = n*8 + int(d-'0')
			}
			i += len(digits) - 1
			switch {
			case byte(n) == 0:
			case n > 0o377 && byte(n) == 1:
				// bash writes the byte, its quoting character, which
				// its quote removal then takes away.
			case byte(n) == '$' || byte(n) == '`' || byte(n) == '\\':
				b.WriteByte('\\')
				b.WriteByte(byte(n))
			default:
				b.WriteByte(byte(n))
			}
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String()
}

// promptDir is \w (the working directory, with $HOME as ~ and
// PROMPT_DIRTRIM applied) or, with base, \W (its last element).
func promptDir(getenv func(string) string, base bool) string {
	dir, _ := lookupVar(getenv, "PWD")
	if dir == "" {
		dir, _ = os.Getwd()
	}
	home, _ := lookupVar(getenv, "HOME")
	if base {
		if dir == home && home != "" {
			return "~"
		}
		if dir == "/" {
			return dir
		}
		return filepath.Base(dir)
	}
	if home != "" && home != "/" && (dir == home || strings.HasPrefix(dir, strings.TrimSuffix(home, "/")+"/")) {
		dir = "~" + dir[len(strings.TrimSuffix(home, "/")):]
	}
	if v, _ := lookupVar(getenv, "PROMPT_DIRTRIM"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			dir = trimDir(dir, n)
		}
	}
	return dir
}

// trimDir keeps the last n elements of dir, as bash's PROMPT_DIRTRIM does:
// "~/a/b/c/d" with 2 becomes "~/.../c/d".
func trimDir(dir string, n int) string {
	prefix := ""
	rest := dir
	if strings.HasPrefix(dir, "~/") {
		prefix, rest = "~", dir[1:]
	}
	parts := strings.Split(strings.TrimPrefix(rest, "/"), "/")
	if len(parts) <= n {
		return dir
	}
	return prefix + "/.../" + strings.Join(parts[len(parts)-n:], "/")
}

// expandPrompt expands what decodePrompt left: parameters, command
// substitutions and arithmetic, as bash does with promptvars on. A prompt
// that does not expand is shown decoded.
func (s *Shell) expandPrompt(ctx context.Context, ps string, last int) string {
	if !strings.ContainsAny(ps, "$`\\") {
		return ps
	}
	word, err := syntax.NewParser().Document(strings.NewReader(ps))
	if err != nil {
		return ps
	}
	cfg := &expand.Config{
		Env: promptEnviron{s: s, last: last},
		CmdSubst: func(w io.Writer, cs *syntax.CmdSubst) error {
			r := s.runner.Subshell()
			if err := interpStdIO(r, w, s.opts.Stderr); err != nil {
				return err
			}
			for _, st := range cs.Stmts {
				r.Run(ctx, st) //nolint:errcheck // the status does not matter here
			}
			return nil
		},
	}
	out, err := expand.Document(cfg, word)
	if err != nil {
		return ps
	}
	return out
}

// promptEnviron is the shell's variables as the prompt sees them: those the
// last command left, with $? as it ended.
type promptEnviron struct {
	s    *Shell
	last int
}

func (e promptEnviron) Get(name string) expand.Variable {
	str := func(v string) expand.Variable {
		return expand.Variable{Set: true, Kind: expand.String, Str: v}
	}
	switch name {
	case "?":
		return str(strconv.Itoa(e.last))
	case "$":
		return str(strconv.Itoa(os.Getpid()))
	case "0":
		return str(e.s.name())
	case "!":
		return e.s.runner.Env.Get(bgPidVar)
	case "#":
		return str(strconv.Itoa(len(e.s.runner.Params)))
	case "@", "*":
		return expand.Variable{Set: true, Kind: expand.Indexed, List: e.s.runner.Params}
	}
	if v, ok := e.s.runner.Vars[name]; ok {
		return v
	}
	return e.s.runner.Env.Get(name)
}

func (e promptEnviron) Each(fn func(name string, vr expand.Variable) bool) {
	for name, v := range e.s.runner.Vars {
		if !fn(name, v) {
			return
		}
	}
}

// interpStdIO gives r no standard input and the given output and error.
func interpStdIO(r *interp.Runner, out, errw io.Writer) error {
	return interp.StdIO(nil, out, errw)(r)
}
