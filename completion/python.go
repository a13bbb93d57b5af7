package completion

import "strings"

// DefaultDelims is Python's readline.get_completer_delims() default: the
// characters that separate words for completion.
const DefaultDelims = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?"

// A PythonFunc is a completer in Python's shape: called with the word
// being completed and state 0, 1, 2, ..., it returns the state-th match
// and true, or false when there are no more (Python's completer returning
// None).
type PythonFunc func(text string, state int) (string, bool)

// Python turns a Python-shaped completer into a Completer: the word is
// the text after the last delimiter before the cursor, and the matches
// replace it. It records begidx and endidx of the last completion, as
// Python's readline.get_begidx and get_endidx report them.
type Python struct {
	Func   PythonFunc
	Delims string // DefaultDelims when empty

	begidx, endidx int
}

// maxMatches bounds the matches asked of a Python-shaped completer, in
// case it never says there are no more.
const maxMatches = 100000

// Complete asks Func for every match of the word before the cursor.
func (p *Python) Complete(line string, cursor int) Result {
	delims := p.Delims
	if delims == "" {
		delims = DefaultDelims
	}
	start := strings.LastIndexAny(line[:cursor], delims) + 1
	p.begidx, p.endidx = start, cursor
	r := Result{Start: start, End: cursor}
	if p.Func == nil {
		return r
	}
	text := line[start:cursor]
	for state := 0; state < maxMatches; state++ {
		m, ok := p.Func(text, state)
		if !ok {
			break
		}
		// Python's readline appends nothing after a match: the
		// completer adds what it wants ("for ", "len(").
		r.Candidates = append(r.Candidates, Candidate{Text: m, Suffix: NoSuffix})
	}
	return r
}

// Begidx and Endidx return where the word of the last completion began
// and ended. Python: readline.get_begidx, readline.get_endidx.
func (p *Python) Begidx() int { return p.begidx }

// Endidx is described with Begidx.
func (p *Python) Endidx() int { return p.endidx }

// ToPython turns a Completer into Python's shape, for programs written
// against Python's protocol. line returns the line and cursor being
// completed; text, the word Python's readline passes, is taken to end at
// the cursor. Each match is made to replace text: the part of the line
// between the completer's Start and text's start is cut from the front of
// a candidate, or added to it, and the suffix a lone candidate would get
// is appended (a space by default, '/' for a directory), since Python's
// readline appends nothing itself.
func ToPython(c Completer, line func() (string, int)) PythonFunc {
	var cached []string
	var word string
	return func(text string, state int) (string, bool) {
		if state == 0 || text != word {
			l, cur := line()
			r := c.Complete(l, cur)
			cached, word = pythonMatches(l, cur, text, r), text
		}
		if state < 0 || state >= len(cached) {
			return "", false
		}
		return cached[state], true
	}
}

// pythonMatches turns a Result into the strings that replace text.
func pythonMatches(line string, cursor int, text string, r Result) []string {
	begidx := cursor - len(text)
	if begidx < 0 || r.Start < 0 || r.Start > len(line) || begidx > len(line) {
		begidx = r.Start
	}
	var out []string
	for _, c := range r.Candidates {
		m := c.Text
		switch {
		case r.Start < begidx:
			cut := line[r.Start:begidx]
			if !strings.HasPrefix(m, cut) {
				continue // it would change text before the word
			}
			m = m[len(cut):]
		case r.Start > begidx:
			m = line[begidx:r.Start] + m
		}
		switch {
		case c.Suffix == NoSuffix:
		case c.Suffix != "":
			m += c.Suffix
		case c.Kind == KindDirectory:
			m += "/"
		default:
			m += " "
		}
		out = append(out, m)
	}
	return out
}
