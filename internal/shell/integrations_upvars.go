package shell

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// bash-completion passes variables by reference with _upvars and _upvar
// ("local cur && _upvars -v cur VALUE"): in bash, unset in a function
// removes the caller's local, so the value lands one scope above the
// caller. The interpreter keeps an unset local in its scope (bash's
// localvar_unset), so the value stays in the caller and is lost when it
// returns. gosh makes up for it: a call of a function that uses _upvars or
// _upvar runs as
//
//	__gosh_upvar_frame=TOKEN F ARGS...; __gosh_upvars_done TOKEN $?
//
// from where it was called; the values _upvars assigns while F runs are
// noted under TOKEN, and __gosh_upvars_done assigns them again in the
// calling scope once F has returned, keeping F's status.

// The names the rewritten calls use.
const (
	upvarFrameVar = "__gosh_upvar_frame"
	upvarsDone    = "__gosh_upvars_done"
)

// An upvarFrame is one call of a function that uses _upvars.
type upvarFrame struct {
	fn      string
	entered bool
	assign  []string // the assignments to make in the caller, in order
}

// upvarState holds a shell's frames by token.
type upvarState struct {
	mu     sync.Mutex
	frames map[string]*upvarFrame
	// uses caches whether a function body calls _upvars or _upvar.
	uses map[*syntax.Stmt]bool
}

// upvars returns the shell's upvar state.
func (s *Shell) upvars() *upvarState {
	st := s.integ()
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.upvar == nil {
		st.upvar = &upvarState{frames: map[string]*upvarFrame{}, uses: map[*syntax.Stmt]bool{}}
	}
	return st.upvar
}

// usesUpvars reports whether a function body calls _upvars or _upvar.
func (u *upvarState) usesUpvars(body *syntax.Stmt) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	if v, ok := u.uses[body]; ok {
		return v
	}
	found := false
	syntax.Walk(body, func(n syntax.Node) bool {
		if c, ok := n.(*syntax.CallExpr); ok && len(c.Args) > 0 {
			if name := c.Args[0].Lit(); name == "_upvars" || name == "_upvar" {
				found = true
			}
		}
		return !found
	})
	u.uses[body] = found
	return found
}

// upvarCall handles the calls that take part: a function using _upvars
// (wrapped as described above), _upvars and _upvar inside one (noted),
// and __gosh_upvars_done. handled is false for every other call.
func (s *Shell) upvarCall(ctx context.Context, args []string) ([]string, bool) {
	name := args[0]
	switch name {
	case upvarsDone, "_upvars", "_upvar":
	default:
		if s.functionBody(ctx, name) == nil {
			// Most calls: no state is made for them.
			return args, false
		}
	}
	hc := interp.HandlerCtx(ctx)
	u := s.upvars()
	switch name {
	case upvarsDone:
		if len(args) != 3 {
			return args, false
		}
		u.mu.Lock()
		f := u.frames[args[1]]
		delete(u.frames, args[1])
		u.mu.Unlock()
		if f == nil {
			return args, false
		}
		status, _ := strconv.Atoi(args[2])
		script := strings.Join(f.assign, "\n")
		if script != "" {
			script += "\n"
		}
		return []string{"eval", script + statusScript(status)}, true
	case "_upvars", "_upvar":
		token := hc.Env.Get(upvarFrameVar).String()
		u.mu.Lock()
		f := u.frames[token]
		u.mu.Unlock()
		if f == nil {
			return args, false
		}
		var assign []string
		if name == "_upvar" {
			assign = upvarAssign(args[1:])
		} else {
			assign = upvarsAssign(args[1:])
		}
		u.mu.Lock()
		f.assign = append(f.assign, assign...)
		u.mu.Unlock()
		return args, false // the function itself runs too
	}
	body := s.functionBody(ctx, name)
	if body == nil || !u.usesUpvars(body) {
		return args, false
	}
	token := hc.Env.Get(upvarFrameVar).String()
	u.mu.Lock()
	if f := u.frames[token]; f != nil && f.fn == name && !f.entered {
		f.entered = true // the call the wrapper makes
		u.mu.Unlock()
		return args, false
	}
	var tok [8]byte
	rand.Read(tok[:]) //nolint:errcheck // never fails
	token = hex.EncodeToString(tok[:])
	u.frames[token] = &upvarFrame{fn: name}
	u.mu.Unlock()
	var b strings.Builder
	b.WriteString(upvarFrameVar + "=" + token)
	for _, a := range args {
		b.WriteString(" " + shellQuote(a))
	}
	b.WriteString("\n" + upvarsDone + " " + token + " $?")
	return []string{"eval", b.String()}, true
}

// functionBody returns the body of the shell function name, where the
// shell's functions can be read.
func (s *Shell) functionBody(ctx context.Context, name string) *syntax.Stmt {
	if t := taskOf(ctx); t != nil && t.async {
		return nil
	}
	return s.runner.Funcs[name]
}

// upvarsAssign returns the assignments _upvars makes, or nothing when its
// arguments are wrong (it reports them itself).
func upvarsAssign(args []string) []string {
	var out []string
	for len(args) > 0 {
		switch opt := args[0]; {
		case opt == "-v":
			if len(args) < 3 || args[1] == "" || !syntax.ValidName(args[1]) {
				return nil
			}
			out = append(out, args[1]+"="+shellQuote(args[2]))
			args = args[3:]
		case strings.HasPrefix(opt, "-a"):
			n, err := strconv.Atoi(opt[2:])
			if err != nil || n < 0 || len(args) < 2 || args[1] == "" || !syntax.ValidName(args[1]) || len(args) < 2+n {
				return nil
			}
			out = append(out, arrayAssign(args[1], args[2:2+n]))
			args = args[2+n:]
		default:
			return nil
		}
	}
	return out
}

// upvarAssign returns the assignment _upvar NAME VALUE... makes.
func upvarAssign(args []string) []string {
	if len(args) < 1 || !syntax.ValidName(args[0]) {
		return nil
	}
	if len(args) == 2 {
		return []string{args[0] + "=" + shellQuote(args[1])}
	}
	return []string{arrayAssign(args[0], args[1:])}
}

// arrayAssign returns NAME=(VALUES...).
func arrayAssign(name string, values []string) string {
	var b strings.Builder
	b.WriteString(name + "=(")
	for i, v := range values {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(shellQuote(v))
	}
	b.WriteString(")")
	return b.String()
}
