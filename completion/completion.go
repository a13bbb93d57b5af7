// Package completion proposes completions for the word at the cursor:
// the candidates a line editor offers on TAB. It holds the types the
// editor and the completers share; the completers themselves (names,
// files, commands, variables, Python's rlcompleter shape) build on them.
package completion

// A Candidate is one possible completion.
type Candidate struct {
	// Text replaces the completed part of the line.
	Text string
	// Display is what a list of candidates shows; Text when empty.
	Display string
	// Description is shown beside Display when there is room.
	Description string
	// Suffix is appended when this candidate is the only one: a space
	// after a word, "/" after a directory, "(" after a function. Empty
	// means a space, as readline appends; NoSuffix means nothing.
	Suffix string
	// Kind says what the candidate is (file, directory, command, ...),
	// for colouring and marking.
	Kind Kind
}

// NoSuffix as a Candidate's Suffix appends nothing after it.
const NoSuffix = "\x00"

// Kind classifies a candidate.
type Kind uint8

// The kinds of candidate.
const (
	KindWord Kind = iota
	KindFile
	KindDirectory
	KindSymlink
	KindExecutable
	KindCommand
	KindVariable
	KindFunction
)

// A Result is what a completer proposes: candidates for the part of the
// line from Start to End (End is normally the cursor).
type Result struct {
	Start, End int
	Candidates []Candidate
}

// A Completer proposes completions for a line with the cursor at byte
// offset cursor.
type Completer interface {
	Complete(line string, cursor int) Result
}

// CompleterFunc adapts a function to the Completer interface.
type CompleterFunc func(line string, cursor int) Result

// Complete calls f.
func (f CompleterFunc) Complete(line string, cursor int) Result { return f(line, cursor) }

// DisplayText returns what a list shows for c.
func (c Candidate) DisplayText() string {
	if c.Display != "" {
		return c.Display
	}
	return c.Text
}
