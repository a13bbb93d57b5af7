// Package completion proposes completions for the word at the cursor:
// the candidates a line editor offers on TAB.
//
// A Completer takes a line and a cursor and returns a Result: the range
// of the line to replace and Candidates, each with its text, what a list
// shows (Display, Description), what follows a lone candidate (Suffix)
// and its Kind (file, directory, command, ...), which the editor uses to
// mark and colour it. Python's shape, complete(text, state) with
// begidx/endidx and completer delimiters, converts both ways: Python
// wraps a PythonFunc as a Completer, ToPython the reverse.
//
// The completers:
//
//   - Namespace: Python's rlcompleter for Go values: names, dotted paths
//     through struct fields and methods (by reflection), Packages of
//     functions, "(" after callables, Go keywords on request.
//   - Files: readline's file-name completion with bash's additions:
//     ~ and ~user, $VAR in directories, quoting as bash quotes (a\ b,
//     "a b"), hidden files, case folding, marked directories and links,
//     visible-stats; DirCache keeps big directories' listings, in
//     memory and, with Persist, on disk for the next process.
//   - Commands and PathCache, VariableCandidates, UserCandidates,
//     HostCandidates: command names, $VAR and ${VAR, ~user, hosts from
//     /etc/hosts.
//
// The helpers a shell needs to complete as bash does are here too:
// WordStart and SplitLine (COMP_WORDS, COMP_CWORD), CommandBounds
// (COMP_LINE), Quote, Unquote and Requote; and ParseLSColors, whose Style
// gives the SGR colour of a file as GNU ls would.
package completion

import "io/fs"

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
	// Mode is a file candidate's mode: its type bits, and its permission
	// bits when the completer stats files (see Files.Stat). The display
	// colours files with LSColors.Style(name, Mode).
	Mode fs.FileMode
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
	KindAlias    // a shell alias
	KindBuiltin  // a shell built-in command
	KindKeyword  // a reserved word of a language
	KindUser     // a user name (~user)
	KindHost     // a host name
	KindField    // a struct field or other attribute
	KindMethod   // a method
	KindPackage  // a namespace of names (a Go package, a map)
	KindConstant // a constant value
)

// A Result is what a completer proposes: candidates for the part of the
// line from Start to End (End is normally the cursor).
type Result struct {
	Start, End int
	Candidates []Candidate
	// NoSort keeps the candidates in the order given: the editor neither
	// sorts them nor removes duplicates other than adjacent ones, as
	// readline does with rl_sort_completion_matches off (bash's
	// complete -o nosort).
	NoSort bool
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
