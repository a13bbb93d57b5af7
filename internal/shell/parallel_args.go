package shell

import (
	"bufio"
	"context"
	"io"
	"os"
	"strconv"
	"strings"
)

// This file holds what parallel does with its arguments, the way GNU
// parallel does it: the input sources (":::" lists, "::::" files, standard
// input), their cartesian product, grouping by -N, and the replacement
// strings that put each job's arguments into the command.

// parInput yields the argument lists of parallel's jobs, in order: one
// value per input source (their cartesian product, the first source
// varying slowest), or, with -N n, n values of the single source.
type parInput struct {
	sources [][]string // the ":::" and "::::" sources, read whole
	stdin   io.Reader  // the source when there is no other
	n       int        // -N: arguments per job (0: one per source)
}

// parSourceFile reads an argument file of "::::" (or -a): one argument a
// line, "-" being standard input.
func parSourceFile(name, dir string, stdin io.Reader) ([]string, error) {
	var r io.Reader
	if name == "-" {
		if stdin == nil {
			return nil, nil
		}
		r = stdin
	} else {
		if dir != "" && !strings.HasPrefix(name, "/") {
			name = dir + "/" + name
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var out []string
	err := eachLine(r, func(s string) bool {
		out = append(out, s)
		return true
	})
	return out, err
}

// eachLine calls fn with each line of r, without its newline, until fn
// returns false or r ends. A last line without a newline counts.
func eachLine(r io.Reader, fn func(string) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := br.ReadString('\n')
		if len(line) > 0 {
			if !fn(strings.TrimSuffix(line, "\n")) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// jobs sends each job's arguments on the returned channel, which is
// closed after the last one or when ctx is done. Standard input is read
// as the jobs need it, so that a producer that never ends (tail -f) works.
func (in *parInput) jobs(ctx context.Context) <-chan []string {
	ch := make(chan []string, 64)
	send := func(args []string) bool {
		select {
		case ch <- args:
			return true
		case <-ctx.Done():
			return false
		}
	}
	go func() {
		defer close(ch)
		n := max(in.n, 1)
		var group []string
		emit := func(vals ...string) bool {
			if in.n == 0 {
				return send(vals)
			}
			group = append(group, vals...)
			if len(group) >= n {
				g := group
				group = nil
				return send(g)
			}
			return true
		}
		switch {
		case len(in.sources) == 0 && in.stdin != nil:
			eachLine(in.stdin, func(s string) bool { return emit(s) }) //nolint:errcheck // a read error ends the input
		case len(in.sources) > 0:
			in.product(emit)
		}
		if len(group) > 0 {
			send(group)
		}
	}()
	return ch
}

// product calls emit with each combination of one value from each
// source, the first source varying slowest, until emit returns false.
func (in *parInput) product(emit func(...string) bool) {
	for _, s := range in.sources {
		if len(s) == 0 {
			return
		}
	}
	idx := make([]int, len(in.sources))
	for {
		vals := make([]string, len(in.sources))
		for i, s := range in.sources {
			vals[i] = s[idx[i]]
		}
		if !emit(vals...) {
			return
		}
		i := len(idx) - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(in.sources[i]) {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return
		}
	}
}

// count returns the number of jobs, when it is known before they run
// (no standard input), or -1.
func (in *parInput) count() int {
	if len(in.sources) == 0 {
		return -1
	}
	total := 1
	for _, s := range in.sources {
		total *= len(s)
	}
	if in.n > 0 {
		total = (total*len(in.sources) + in.n - 1) / in.n
	}
	return total
}

// parQuote quotes s for the shell as GNU parallel does: as it is if it
// is made of letters, digits and "_-+./" only, else in single quotes (a
// quote inside becoming '"'"').
func parQuote(s string) string {
	if s == "" {
		return "''"
	}
	safe := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '_' || c == '-' || c == '+' || c == '.' || c == '/') {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
}

// The transformations of the replacement strings: {.} {/} {//} {/.}.

// noExt removes the extension: the last "." and what follows it, if no
// "/" follows it ({.}).
func noExt(s string) string {
	i := strings.LastIndexByte(s, '.')
	if i < 0 || strings.ContainsRune(s[i+1:], '/') {
		return s
	}
	return s[:i]
}

// baseName removes everything up to the last "/" ({/}).
func baseName(s string) string {
	return s[strings.LastIndexByte(s, '/')+1:]
}

// dirName is Perl's File::Basename::dirname, which GNU parallel uses for
// {//}: trailing slashes go first; "." when there is no directory.
func dirName(s string) string {
	t := strings.TrimRight(s, "/")
	if t == "" {
		if s == "" {
			return "."
		}
		return "/"
	}
	i := strings.LastIndexByte(t, '/')
	if i < 0 {
		return "."
	}
	d := strings.TrimRight(t[:i], "/")
	if d == "" {
		return "/"
	}
	return d
}

// transform applies a replacement string's modifier ("", ".", "/", "//",
// "/.") to a value.
func transform(mod, s string) string {
	switch mod {
	case ".":
		return noExt(s)
	case "/":
		return baseName(s)
	case "//":
		return dirName(s)
	case "/.":
		return noExt(baseName(s))
	}
	return s
}

// parToken is one piece of a command template: literal text, or a
// replacement string.
type parToken struct {
	lit  string
	kind byte   // 0: literal; 'a': {} and its forms; 'p': {N} forms; '#'; '%'
	pos  int    // for 'p': the position, from 1
	mod  string // "", ".", "/", "//", "/."
}

// parTemplate is a command with its replacement strings found.
type parTemplate struct {
	toks    []parToken
	hasArgs bool // some replacement string; without one, the arguments are appended
	bare    bool // no command: each job's arguments are the command
}

// parseTemplate finds the replacement strings of GNU parallel in cmd:
// {} {.} {/} {//} {/.} {#} {%} and {N} {N.} {N/} {N//} {N/.}.
func parseTemplate(cmd string) *parTemplate {
	t := &parTemplate{}
	lit := 0
	flush := func(end int) {
		if end > lit {
			t.toks = append(t.toks, parToken{lit: cmd[lit:end]})
		}
	}
	for i := 0; i < len(cmd); i++ {
		if cmd[i] != '{' {
			continue
		}
		j := strings.IndexByte(cmd[i:], '}')
		if j < 0 {
			break
		}
		tok, ok := parseReplacement(cmd[i+1 : i+j])
		if !ok {
			continue
		}
		flush(i)
		t.toks = append(t.toks, tok)
		t.hasArgs = true
		i += j
		lit = i + 1
	}
	flush(len(cmd))
	return t
}

// parseReplacement reads what is between the braces of a replacement
// string.
func parseReplacement(s string) (parToken, bool) {
	switch s {
	case "#":
		return parToken{kind: '#'}, true
	case "%":
		return parToken{kind: '%'}, true
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	mod := s[digits:]
	switch mod {
	case "", ".", "/", "//", "/.":
	default:
		return parToken{}, false
	}
	if digits == 0 {
		return parToken{kind: 'a', mod: mod}, true
	}
	n, err := strconv.Atoi(s[:digits])
	if err != nil || n < 1 {
		return parToken{}, false
	}
	return parToken{kind: 'p', pos: n, mod: mod}, true
}

// expand returns the command of job seq, run in slot, with args.
func (t *parTemplate) expand(args []string, seq, slot int) string {
	if t.bare {
		return strings.Join(args, " ")
	}
	var b strings.Builder
	for _, tok := range t.toks {
		switch tok.kind {
		case 0:
			b.WriteString(tok.lit)
		case '#':
			b.WriteString(strconv.Itoa(seq))
		case '%':
			b.WriteString(strconv.Itoa(slot))
		case 'a':
			for i, a := range args {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(parQuote(transform(tok.mod, a)))
			}
		case 'p':
			if tok.pos <= len(args) {
				b.WriteString(parQuote(transform(tok.mod, args[tok.pos-1])))
			}
		}
	}
	if !t.hasArgs {
		for _, a := range args {
			b.WriteByte(' ')
			b.WriteString(parQuote(a))
		}
	}
	return b.String()
}
