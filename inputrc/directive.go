package inputrc

import "strings"

// Version is the GNU Readline version whose behaviour this package
// follows; `$if version` compares with it.
const Version = "8.2"

const versionNumber = 8*10 + 2 // major*10 + minor, as readline compares

// directive handles a line starting with $ (without the $).
func (c *Config) directive(s string) {
	s = strings.TrimLeft(s, " \t")
	name, args := s, ""
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		name, args = s[:i], strings.TrimLeft(s[i+1:], " \t")
	}
	switch strings.ToLower(name) {
	case "if":
		c.ifStack = append(c.ifStack, c.skipping)
		if !c.skipping {
			c.skipping = !c.condition(args)
		}
	case "else":
		if len(c.ifStack) == 0 {
			c.warnf("$else found without matching $if")
			return
		}
		for _, outer := range c.ifStack {
			if outer {
				return
			}
		}
		c.skipping = !c.skipping
	case "endif":
		if len(c.ifStack) == 0 {
			c.warnf("$endif without matching $if")
			return
		}
		c.skipping = c.ifStack[len(c.ifStack)-1]
		c.ifStack = c.ifStack[:len(c.ifStack)-1]
	case "include":
		if c.skipping {
			return
		}
		if args == "" {
			c.warnf("$include: missing file name")
			return
		}
		if err := c.readFile(args, true); err != nil {
			c.warnf("$include %s: %v", args, unwrapPathError(err))
		}
	default:
		c.warnf("%s: unknown parser directive", name)
	}
}

func unwrapPathError(err error) error {
	if pe, ok := err.(interface{ Unwrap() error }); ok && pe.Unwrap() != nil {
		return pe.Unwrap()
	}
	return err
}

// condition evaluates the test of a $if line (readline's parser_if).
func (c *Config) condition(args string) bool {
	word := args
	if i := strings.IndexAny(args, " \t"); i >= 0 {
		word = args[:i]
	}
	switch {
	case len(word) >= 5 && strings.EqualFold(word[:5], "term="):
		if c.opts.Term == "" {
			return false
		}
		want := word[5:]
		short, _, _ := strings.Cut(c.opts.Term, "-")
		return strings.EqualFold(want, short) || strings.EqualFold(want, c.opts.Term)
	case len(word) >= 5 && strings.EqualFold(word[:5], "mode="):
		switch strings.ToLower(word[5:]) {
		case "emacs":
			return c.Vars.EditingMode == EmacsMode
		case "vi":
			return c.Vars.EditingMode == ViMode
		}
		return false
	case len(word) >= 7 && strings.EqualFold(word[:7], "version"):
		return c.versionCondition(args[7:])
	case strings.EqualFold(word, c.opts.App):
		return true
	}
	v := findVar(BoolVars, word)
	if v == "" {
		v = findVar(StringVars, word)
	}
	if v == "" {
		return false
	}
	return c.varCondition(v, args[len(word):])
}

const (
	opEQ = iota + 1
	opNE
	opGT
	opGE
	opLT
	opLE
)

// comparisonOp parses an operator at the start of s; it returns the
// operator and its length, or 0.
func comparisonOp(s string) (int, int) {
	two := ""
	if len(s) >= 2 {
		two = s[:2]
	}
	switch {
	case two == "==":
		return opEQ, 2
	case two == "!=":
		return opNE, 2
	case two == "<=":
		return opLE, 2
	case two == ">=":
		return opGE, 2
	case strings.HasPrefix(s, "="):
		return opEQ, 1
	case strings.HasPrefix(s, "<"):
		return opLT, 1
	case strings.HasPrefix(s, ">"):
		return opGT, 1
	}
	return 0, 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func orEOL(s string) string {
	if s == "" {
		return "end-of-line"
	}
	return s
}

// versionCondition evaluates `$if version OP MAJOR[.MINOR]`; s follows the
// word "version".
func (c *Config) versionCondition(s string) bool {
	s = strings.TrimLeft(s, " \t")
	if s == "" || !strings.ContainsRune("=!<>", rune(s[0])) {
		c.warnf("comparison operator expected, found `%s'", orEOL(s))
		return false
	}
	op, n := comparisonOp(s)
	if op == 0 {
		c.warnf("comparison operator expected, found `%s'", s)
		return false
	}
	s = strings.TrimLeft(s[n:], " \t")
	if s == "" || !isDigit(s[0]) {
		c.warnf("numeric argument expected, found `%s'", s)
		return false
	}
	num := s
	major, minor := 0, 0
	i := 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		major = major*10 + int(s[i]-'0')
	}
	if i < len(s) && s[i] == '.' {
		if i+1 < len(s) && !isDigit(s[i+1]) {
			c.warnf("numeric argument expected, found `%s'", num)
			return false
		}
		for i++; i < len(s) && isDigit(s[i]); i++ {
			minor = minor*10 + int(s[i]-'0')
		}
	}
	tail := s[i:]
	if t := strings.TrimLeft(tail, " \t"); t != "" && t[0] != '#' {
		c.warnf("trailing garbage on line: `%s'", tail)
		return false
	}
	v := major*10 + minor
	switch op {
	case opEQ:
		return versionNumber == v
	case opNE:
		return versionNumber != v
	case opGT:
		return versionNumber > v
	case opGE:
		return versionNumber >= v
	case opLT:
		return versionNumber < v
	default:
		return versionNumber <= v
	}
}

// varCondition evaluates `$if VARIABLE == VALUE` (or !=); s follows the
// variable name.
func (c *Config) varCondition(name, s string) bool {
	s = strings.TrimLeft(s, " \t")
	if s == "" || (s[0] != '=' && s[0] != '!') {
		c.warnf("equality comparison operator expected, found `%s'", orEOL(s))
		return false
	}
	op, n := comparisonOp(s)
	if op != opEQ && op != opNE {
		c.warnf("equality comparison operator expected, found `%s'", s)
		return false
	}
	s = strings.TrimLeft(s[n:], " \t")
	if s == "" {
		c.warnf("argument expected, found `%s'", s)
		return false
	}
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		s = s[:i]
	}
	val, _ := c.VarValue(name)
	if op == opEQ {
		return strings.EqualFold(val, s)
	}
	return !strings.EqualFold(val, s)
}
