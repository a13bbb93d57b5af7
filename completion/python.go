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
		r.Candidates = append(r.Candidates, Candidate{Text: m})
	}
	return r
}

// Begidx and Endidx return where the word of the last completion began
// and ended. Python: readline.get_begidx, readline.get_endidx.
func (p *Python) Begidx() int { return p.begidx }

// Endidx is described with Begidx.
func (p *Python) Endidx() int { return p.endidx }

// ToPython turns a Completer into Python's shape, for programs written
// against Python's protocol: state-th match of the word that ends the
// given line.
func ToPython(c Completer, line func() (string, int)) PythonFunc {
	var cached []Candidate
	var word string
	return func(text string, state int) (string, bool) {
		if state == 0 || text != word {
			l, cur := line()
			r := c.Complete(l, cur)
			cached, word = r.Candidates, text
		}
		if state < 0 || state >= len(cached) {
			return "", false
		}
		return cached[state].Text, true
	}
}
