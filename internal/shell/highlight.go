package shell

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/goshell/gosh/lineedit"
)

// Highlighting as you type (shopt gosh_highlight, on by default): the
// command line is parsed with mvdan.cc/sh's parser at each keystroke and
// coloured: command names that would run (a function, an alias, a
// built-in, a file on $PATH) and those that would not, reserved words,
// quoted strings, parameter expansions, comments, and a syntax error
// from where the parser found it. Input the parser finds incomplete (an
// open quote, an if without fi) is not an error: it is coloured as the
// parser reads it once closed. The lines of a command read before (PS2)
// are parsed with the line, so that "fi" on a line of its own is a
// reserved word, not an error.
//
// Colours are lipgloss styles pre-rendered for the terminal's colour
// profile (styles.go, styles_gen.go); with NO_COLOR set
// (https://no-color.org) only bold, underline, faint and reverse video
// are used.

// A palette holds the SGR sequences of each kind of text.
type palette struct {
	command, unknown, keyword, str, param, comment, errs string
	exit, took                                           string // status.go
}

// newPalette returns the highlighting and status styles of the colour
// profile p, from the generated table of lipgloss styles.
func newPalette(p colorProfile) *palette {
	t := p.styles()
	return &palette{
		command: t.hlCommand.Open,
		unknown: t.hlUnknown.Open,
		keyword: t.hlKeyword.Open,
		str:     t.hlString.Open,
		param:   t.hlParam.Open,
		comment: t.hlComment.Open,
		errs:    t.hlError.Open,
		exit:    t.statusExit.Open,
		took:    t.statusTook.Open,
	}
}

// highlight is the shell's lineedit.Highlighter. The editor asks for the
// same line again when only the cursor or the region changed: the last
// answer is kept until the line, the lines before it or the prompt change
// (beforeRead forgets it), so a megabyte pasted is parsed once, not once
// for each frame drawn with it.
func (s *Shell) highlight(line string) []lineedit.StyleSpan {
	x := s.extras()
	x.mu.Lock()
	pending, pal := x.pending, x.palette
	if c := &x.hlCache; c.valid && c.pal == pal && c.pending == pending && c.line == line {
		spans := c.spans
		x.mu.Unlock()
		return spans
	}
	x.mu.Unlock()
	if pal == nil {
		pal = newPalette(profileANSI)
	}
	h := highlighter{pal: pal, known: s.commandKnown}
	spans := h.spans(pending, line)
	x.mu.Lock()
	if x.palette == pal && x.pending == pending {
		x.hlCache = highlightCache{valid: true, pal: pal, pending: pending, line: line, spans: spans}
	}
	x.mu.Unlock()
	return spans
}

// highlightCache is the last line the highlighter coloured and its spans.
type highlightCache struct {
	valid         bool
	pal           *palette
	pending, line string
	spans         []lineedit.StyleSpan
}

// highlighter colours the text of a command line byte by byte.
type highlighter struct {
	pal    *palette
	known  func(name string) bool
	src    string
	paint  []uint8  // the style of each byte of src: an index in styles, 0 for none
	styles []string // the styles painted, "" first
	limit  int      // the end of the text being parsed: what closers add is not painted
}

// spans returns the styles of line, read after the lines of pending.
func (h *highlighter) spans(pending, line string) []lineedit.StyleSpan {
	h.src = pending + line
	h.paint = make([]uint8, len(h.src))
	h.styles = append(h.styles[:0], "")
	h.parse(h.src)
	var spans []lineedit.StyleSpan
	off := len(pending)
	for i := off; i < len(h.src); {
		p := h.paint[i]
		j := i + 1
		for j < len(h.src) && h.paint[j] == p {
			j++
		}
		if st := h.styles[p]; st != "" {
			spans = append(spans, lineedit.StyleSpan{Start: i - off, End: j - off, Style: st})
		}
		i = j
	}
	return spans
}

// styleIndex returns the index of style in h.styles, adding it.
func (h *highlighter) styleIndex(style string) uint8 {
	for i, s := range h.styles {
		if s == style {
			return uint8(i)
		}
	}
	h.styles = append(h.styles, style)
	return uint8(len(h.styles) - 1)
}

// closers are what is tried after incomplete input to make it parse.
var closers = []string{"\"", "'", "`", ")", "}", " ]]", "\nfi", "\ndone", "\nesac", "\n}", "\n)", " ]",
	"\n:\nfi", "\n:\ndone", "\n:\n}", "\nthen :\nfi", "\ndo :\ndone", " in x) :;;\nesac"}

// parse parses src, or src and a few closing tokens when it is
// incomplete, and paints what it finds. A syntax error is painted from
// where it is to the end of its word, the text before it as it parses.
func (h *highlighter) parse(src string) {
	h.limit = len(src)
	f, err := parseLine(src)
	if err == nil {
		h.walk(f)
		return
	}
	if syntax.IsIncomplete(err) {
		for _, c1 := range closers {
			if f, err := parseLine(src + c1); err == nil {
				h.walk(f)
				return
			}
		}
		for _, c1 := range closers[:3] { // a quote inside a clause
			for _, c2 := range closers[3:] {
				if f, err := parseLine(src + c1 + c2); err == nil {
					h.walk(f)
					return
				}
			}
		}
		return
	}
	at := errorOffset(err)
	if at < 0 || at > len(src) {
		return
	}
	if at > 0 && at < len(src) {
		h.parse(src[:at])
		h.limit = len(src)
	}
	end := at
	for end < len(src) && !strings.ContainsRune(" \t\n;|&", rune(src[end])) {
		end++
	}
	if end == at && end < len(src) {
		end++
	}
	h.fill(at, end, h.pal.errs)
}

// parseLine parses a command line as the shell does, with its comments.
func parseLine(src string) (*syntax.File, error) {
	return syntax.NewParser(syntax.KeepComments(true)).Parse(strings.NewReader(src), "")
}

// errorOffset returns the byte offset of a parse error, or -1.
func errorOffset(err error) int {
	var pe syntax.ParseError
	if errors.As(err, &pe) && pe.Pos.IsValid() {
		return int(pe.Pos.Offset())
	}
	var le syntax.LangError
	if errors.As(err, &le) && le.Pos.IsValid() {
		return int(le.Pos.Offset())
	}
	return -1
}

// fill paints src[from:to] (clipped to src) in style.
func (h *highlighter) fill(from, to int, style string) {
	from, to = max(from, 0), min(to, h.limit, len(h.paint))
	if from >= to {
		return
	}
	p := h.styleIndex(style)
	for i := from; i < to; i++ {
		h.paint[i] = p
	}
}

// node paints n in style.
func (h *highlighter) node(n syntax.Node, style string) {
	if n == nil || !n.Pos().IsValid() || !n.End().IsValid() {
		return
	}
	h.fill(int(n.Pos().Offset()), int(n.End().Offset()), style)
}

// keyword paints the reserved word at p.
func (h *highlighter) keyword(p syntax.Pos) {
	if !p.IsValid() {
		return
	}
	i := int(p.Offset())
	j := i
	for j < len(h.src) && (h.src[j] >= 'a' && h.src[j] <= 'z' || h.src[j] == '[' || h.src[j] == ']' || h.src[j] == '{' || h.src[j] == '}') {
		j++
	}
	if j == i && i < len(h.src) {
		j = i + 1
	}
	h.fill(i, j, h.pal.keyword)
}

// walk paints the nodes of f, outer ones first so that inner ones (a
// parameter in a string, a command in a substitution) keep their own.
func (h *highlighter) walk(f *syntax.File) {
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Comment:
			h.node(n, h.pal.comment)
		case *syntax.CallExpr:
			if len(n.Args) > 0 {
				h.command(n.Args[0])
			}
		case *syntax.SglQuoted, *syntax.DblQuoted:
			h.node(n, h.pal.str)
		case *syntax.ParamExp, *syntax.ArithmExp:
			h.node(n, h.pal.param)
		case *syntax.IfClause:
			for c := n; c != nil; c = c.Else {
				h.keyword(c.Position)
				h.keyword(c.ThenPos)
			}
			h.keyword(n.FiPos)
		case *syntax.WhileClause:
			h.keyword(n.WhilePos)
			h.keyword(n.DoPos)
			h.keyword(n.DonePos)
		case *syntax.ForClause:
			h.keyword(n.ForPos)
			h.keyword(n.DoPos)
			h.keyword(n.DonePos)
		case *syntax.CaseClause:
			h.keyword(n.Case)
			h.keyword(n.In)
			h.keyword(n.Esac)
		case *syntax.FuncDecl:
			if n.RsrvWord {
				h.keyword(n.Position)
			}
		case *syntax.TestClause:
			h.keyword(n.Left)
			h.keyword(n.Right)
		case *syntax.Block:
			h.keyword(n.Lbrace)
			h.keyword(n.Rbrace)
		}
		return true
	})
}

// command paints the word that names a command: known or unknown when it
// is a plain word; nothing when it is computed ($cmd).
func (h *highlighter) command(w *syntax.Word) {
	name := w.Lit()
	if name == "" {
		return
	}
	style := h.pal.unknown
	if h.known(name) {
		style = h.pal.command
	}
	h.node(w, style)
}

// commandKnown reports whether name would run something: a function, an
// alias, a built-in, a reserved word, or an executable file (on $PATH
// when name has no slash). The answers are kept until the next prompt.
func (s *Shell) commandKnown(name string) bool {
	x := s.extras()
	x.mu.Lock()
	if k, ok := x.known[name]; ok {
		x.mu.Unlock()
		return k
	}
	x.mu.Unlock()
	k := s.lookupCommand(name)
	x.mu.Lock()
	if x.known != nil {
		x.known[name] = k
	}
	x.mu.Unlock()
	return k
}

func (s *Shell) lookupCommand(name string) bool {
	if syntax.IsKeyword(name) || s.isBuiltinName(name) {
		return true
	}
	if _, ok := s.runner.Funcs[name]; ok {
		return true
	}
	dir := s.runner.Dir
	if strings.Contains(name, "/") {
		if len(name) >= pathMax {
			return false // no file has such a name: do not build paths of it
		}
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		return executableFile(p)
	}
	if path := s.varGetter()("PATH"); path != unsetMarker && len(name) <= nameMax {
		for d := range strings.SplitSeq(path, ":") {
			if d == "" {
				d = "."
			}
			p := filepath.Join(d, name)
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			if executableFile(p) {
				return true
			}
		}
	}
	return s.isAlias(name)
}

// isAlias reports whether name is an alias; the aliases are read once a
// prompt, and only when a name is not found otherwise.
func (s *Shell) isAlias(name string) bool {
	x := s.extras()
	x.mu.Lock()
	aliases := x.aliases
	x.mu.Unlock()
	if aliases == nil {
		aliases = map[string]bool{}
		for _, a := range s.aliasNames(context.Background()) {
			aliases[a] = true
		}
		x.mu.Lock()
		x.aliases = aliases
		x.mu.Unlock()
	}
	return aliases[name]
}

// The longest file name and path Linux takes (NAME_MAX, PATH_MAX): a
// longer command name, a pasted megabyte say, is no file on $PATH.
const (
	nameMax = 255
	pathMax = 4096
)

// executableFile reports whether p is a file someone may execute.
func executableFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
}
