package shell

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// printf -v VAR and %q, which the interpreter's printf lacks and
// bash-completion (_quote_readline_by_ref: printf -v "$2" %q "$1") and
// fzf's key bindings (printf '%q ') use. The call handler formats such a
// printf itself, with the interpreter's formatting for the other
// directives, and hands the interpreter a printf of the result or an
// assignment of it.

// printfCall formats a printf that uses -v or %q; handled is false for
// the others.
func (s *Shell) printfCall(ctx context.Context, args []string) ([]string, bool) {
	rest := args[1:]
	varName := ""
	if len(rest) > 0 && strings.HasPrefix(rest[0], "-v") {
		varName = rest[0][2:]
		rest = rest[1:]
		if varName == "" {
			if len(rest) == 0 {
				return args, false
			}
			varName, rest = rest[0], rest[1:]
		}
	}
	if len(rest) > 0 && rest[0] == "--" {
		rest = rest[1:]
	}
	if len(rest) == 0 || (varName == "" && !strings.Contains(rest[0], "%q")) {
		return args, false
	}
	hc := interp.HandlerCtx(ctx)
	stderr := hc.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	if varName != "" && !validAssignTarget(varName) {
		fmt.Fprintf(stderr, "gosh: printf: `%s': not a valid identifier\n", varName)
		return statusCommand(2), true
	}
	out, err := formatPrintf(&expand.Config{Env: hc.Env}, rest[0], rest[1:])
	if err != nil {
		fmt.Fprintf(stderr, "gosh: printf: %v\n", err)
		if varName == "" {
			return []string{"printf", "%s", out}, true
		}
	}
	if varName == "" {
		return []string{"printf", "%s", out}, true
	}
	return []string{"eval", varName + "=" + shellQuote(out)}, true
}

// validAssignTarget reports whether printf -v may assign to name: a
// variable name, or one with an array subscript.
func validAssignTarget(name string) bool {
	base, sub, ok := strings.Cut(name, "[")
	if ok && !strings.HasSuffix(sub, "]") {
		return false
	}
	return syntax.ValidName(base)
}

// formatPrintf formats as bash's printf: the format is used again while
// arguments remain, and %q quotes its argument for the shell.
func formatPrintf(cfg *expand.Config, format string, args []string) (string, error) {
	var out strings.Builder
	for {
		f, a, takes := quoteDirectives(format, args)
		s, n, err := expand.Format(cfg, f, a)
		out.WriteString(s)
		if err != nil {
			return out.String(), err
		}
		if takes == 0 || n == 0 || len(args) <= takes {
			return out.String(), nil
		}
		args = args[takes:]
	}
}

// quoteDirectives prepares one round of the format: each %q becomes %s
// with its argument quoted (or ” for a missing one). It returns the
// format, the arguments and how many arguments the round takes.
func quoteDirectives(format string, args []string) (string, []string, int) {
	var f strings.Builder
	a := append([]string(nil), args...)
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		f.WriteByte(c)
		if c == '\\' && i+1 < len(format) {
			i++
			f.WriteByte(format[i])
			continue
		}
		if c != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			f.WriteByte('%')
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("-+ #0'", format[j]) >= 0 {
			j++
		}
		for j < len(format) && (format[j] == '*' || format[j] == '.' || format[j] >= '0' && format[j] <= '9') {
			if format[j] == '*' {
				next++
			}
			j++
		}
		if j >= len(format) {
			f.WriteString(format[i+1:])
			break
		}
		spec, conv := format[i+1:j], format[j]
		if conv == 'q' {
			if next < len(a) {
				a[next] = printfQuote(a[next])
				f.WriteString(spec + "s")
			} else {
				f.WriteString("s")
				a = append(a, "''")
			}
		} else {
			f.WriteString(spec)
			f.WriteByte(conv)
		}
		next++
		i = j
	}
	return f.String(), a, next
}

// printfQuote quotes s as bash's printf %q does: ” for nothing, $'...'
// when it holds control characters, else backslashes before the
// characters the shell would treat specially.
func printfQuote(s string) string {
	if s == "" {
		return "''"
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return ansiCQuote(s)
		}
	}
	if !utf8.ValidString(s) {
		return ansiCQuote(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\n', '\'', '"', '\\', '|', '&', ';', '(', ')', '<', '>',
			'!', '{', '}', '*', '[', '?', ']', '^', '$', '`', ',':
			b.WriteByte('\\')
		case '#':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '~':
			if i == 0 || s[i-1] == '=' || s[i-1] == ':' {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// ansiCQuote quotes s in $'...' as bash's ansic_quote does.
func ansiCQuote(s string) string {
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			if r, size := utf8.DecodeRuneInString(s[i:]); r != utf8.RuneError || size > 1 {
				b.WriteString(s[i : i+size])
				i += size
				continue
			}
			fmt.Fprintf(&b, "\\%03o", c)
			i++
			continue
		}
		switch c {
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\v':
			b.WriteString(`\v`)
		case 0x1b:
			b.WriteString(`\E`)
		case '\\', '\'':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, "\\%03o", c)
			} else {
				b.WriteByte(c)
			}
		}
		i++
	}
	b.WriteByte('\'')
	return b.String()
}
