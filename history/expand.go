package history

// History expansion: the csh-style "!" expansion of GNU History
// (histexpand.c in GNU Readline 8.2), as used by bash with `set -H`.
//
// The code follows the C library closely, including its quirks, so that
// expansion results and error messages agree with bash. Where the C code
// reads beyond the end of a string (undefined behaviour) the Go code
// stops at the end of the string instead.

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"unicode/utf8"
)

// Events is what expansion needs from a history list: entries oldest first.
type Events interface {
	// Len returns the number of entries.
	Len() int
	// At returns entry i, from 0 (oldest) to Len()-1 (newest).
	At(i int) string
}

// Expander holds the settings of history expansion (the GNU History and
// bash variables that control it) and the state that expansion keeps from
// one call to the next: the last substitution (for :& and :g&) and the last
// !?string? search (for :% and for an empty :s pattern).
//
// The zero value expands like GNU History with its default settings
// (those of a program that links readline without changing anything);
// [BashExpander] returns one set up the way bash sets it up.
//
// An Expander is not safe for concurrent use.
type Expander struct {
	// Base is the number of the oldest entry in the list (history_base),
	// used by !n. Zero means 1, the GNU History default.
	Base int

	// Char starts a history expansion (history_expansion_char).
	// Zero means '!'.
	Char byte

	// SubstChar, as the first character of a line, makes the line a quick
	// substitution ^old^new^ (history_subst_char). Zero means '^'.
	SubstChar byte

	// CommentChar, at the start of a word, stops expansion for the rest of
	// the line and ends word splitting (history_comment_char). Zero means
	// none, the GNU History default; bash uses '#'.
	CommentChar byte

	// NoExpandChars are the characters that, following Char, keep it from
	// starting an expansion (history_no_expand_chars). Empty means the
	// GNU History default " \t\n\r=".
	NoExpandChars string

	// SearchDelimChars are additional characters that end the string of a
	// !string event (history_search_delimiter_chars). Empty means none, the
	// GNU History default; bash uses ";&()|<>".
	SearchDelimChars string

	// QuotesInhibit makes single quotes inhibit expansion and gives double
	// quotes and backslashes their shell meaning while looking for Char
	// (history_quotes_inhibit_expansion). GNU History defaults to false;
	// bash sets it.
	QuotesInhibit bool

	// QuotingState tells that the line continues a quoted string of an
	// earlier line: '\'' or '"', or 0 for none (history_quoting_state).
	QuotingState byte

	// Inhibit, if not nil, is asked about each Char that would start an
	// expansion; if it returns true the character is left alone
	// (history_inhibit_expansion_function). line is the text examined so far
	// and i the index of Char in it. See [BashInhibit].
	Inhibit func(line string, i int) bool

	// ByteOriented makes expansion treat the line as bytes. By default a
	// multibyte UTF-8 character is treated as one character, as GNU History
	// does in a UTF-8 locale (rl_byte_oriented).
	ByteOriented bool

	// MaxLen bounds the length in bytes of the expanded line and of every
	// string built on the way; beyond it expansion fails with [ErrTooLong].
	// Zero means 4 MiB, a negative value means no limit. GNU History has no
	// such limit; it guards against lines such as "!#!#!#…" or
	// ":gs/a/aa/:g&:g&…" whose expansion doubles again and again, and
	// against the :Gs substitutions on which GNU History loops forever
	// because the new string contains the old one in a new word, such as
	// "!!:Gs/o/o o/".
	MaxLen int

	substLHS     string // subst_lhs: "" when there is none
	substRHS     string // subst_rhs, with & already replaced by the lhs
	searchString string // search_string: "" when there is none
	searchMatch  string // search_match
}

// BashExpander returns an Expander set up the way bash 5.2 sets up GNU
// History for `set -H` with the default histchars "!^#": Char '!',
// SubstChar '^', CommentChar '#', QuotesInhibit, SearchDelimChars
// ";&()|<>" and [BashInhibit] (with extglob off and no pending quote) as
// Inhibit.
//
// bash: bash_initialize_history, sv_histchars
func BashExpander() *Expander {
	return &Expander{
		Char:             '!',
		SubstChar:        '^',
		CommentChar:      '#',
		QuotesInhibit:    true,
		SearchDelimChars: ";&()|<>",
		Inhibit: func(line string, i int) bool {
			return BashInhibit(line, i, 0, false)
		},
	}
}

// Errors that Expand wraps in an [*ExpandError]. Their texts are GNU
// History's messages, except for ErrTooLong, which GNU History lacks (see
// Expander.MaxLen).
var (
	// ErrEventNotFound: no history entry matches the event designator.
	ErrEventNotFound = errors.New("event not found")
	// ErrBadWordSpec: the event has no such words.
	ErrBadWordSpec = errors.New("bad word specifier")
	// ErrSubstFailed: the old string of :s or :& is not in the text.
	ErrSubstFailed = errors.New("substitution failed")
	// ErrBadModifier: a colon is followed by no known modifier.
	ErrBadModifier = errors.New("unrecognized history modifier")
	// ErrNoPrevSubst: :& or an empty :s pattern with nothing to reuse.
	ErrNoPrevSubst = errors.New("no previous substitution")
	// ErrTooLong: the expansion would be longer than Expander.MaxLen.
	ErrTooLong = errors.New("expansion too long")
)

// ExpandError is the error of a failed expansion. Its message is GNU
// History's, as bash prints it after "bash: ": the offending part of the
// line, a colon and the reason, as in "!foo: event not found" or
// ":s/x/y/: substitution failed".
//
// GNU History: hist_error
type ExpandError struct {
	Text string // the part of the line the error is about
	Err  error  // one of the Err… values of this package
}

// Error returns Text, ": " and the message of Err.
func (e *ExpandError) Error() string { return e.Text + ": " + e.Err.Error() }

// Unwrap returns Err.
func (e *ExpandError) Unwrap() error { return e.Err }

// Fixed sets of characters of GNU History.
const (
	hxWordDelims   = " \t\n;&()|<>" // HISTORY_WORD_DELIMITERS
	hxQuoteChars   = "\"'`"         // HISTORY_QUOTE_CHARACTERS
	hxEventDelims  = "^$*%-"        // HISTORY_EVENT_DELIMITERS
	hxSlashifyInDQ = "\\`\"$"       // slashify_in_quotes
	hxDefNoExpand  = " \t\n\r="     // default history_no_expand_chars
	hxDefMaxLen    = 4 << 20
	hxNone         = -2 // "no character": matches no byte and not the end (-1)
)

// hxConf is an Expander's settings with the defaults filled in.
type hxConf struct {
	hc, subst, comment byte
	noExpand, searchDl string
	qi                 bool
	qstate             byte
	inhibit            func(string, int) bool
	bytes              bool
	base, max          int
}

func (x *Expander) hxSettings() *hxConf {
	c := &hxConf{
		hc: x.Char, subst: x.SubstChar, comment: x.CommentChar,
		noExpand: x.NoExpandChars, searchDl: x.SearchDelimChars,
		qi: x.QuotesInhibit, qstate: x.QuotingState, inhibit: x.Inhibit,
		bytes: x.ByteOriented, base: x.Base, max: x.MaxLen,
	}
	if c.hc == 0 {
		c.hc = '!'
	}
	if c.subst == 0 {
		c.subst = '^'
	}
	if c.noExpand == "" {
		c.noExpand = hxDefNoExpand
	}
	if c.base == 0 {
		c.base = 1
	}
	if c.max == 0 {
		c.max = hxDefMaxLen
	}
	return c
}

func (c *hxConf) tooLong(n int) bool { return c.max >= 0 && n > c.max }

// hxAt returns s[i] as an int, or -1 (the C string terminator) when i is
// out of range.
func hxAt(s string, i int) int {
	if i >= 0 && i < len(s) {
		return int(s[i])
	}
	return -1
}

// hxMember reports whether byte c is in set; like GNU History's member
// macro it is false for the terminator.
func hxMember(c int, set string) bool {
	return c > 0 && c < 256 && strings.IndexByte(set, byte(c)) >= 0
}

func hxDigit(c int) bool { return c >= '0' && c <= '9' }

func hxFieldDelim(c int) bool { return c == ' ' || c == '\t' || c == '\n' }

// hxNumber reads the digits at s[i:]. The value stops at MaxInt32
// instead of overflowing as a C int does.
func hxNumber(s string, i int) (n, end int) {
	for ; i < len(s) && hxDigit(int(s[i])); i++ {
		if n <= (math.MaxInt32-9)/10 {
			n = n*10 + int(s[i]-'0')
		} else {
			n = math.MaxInt32
		}
	}
	return n, i
}

// hxMBLen returns the length of the multibyte character at s[i:], or 1 or
// less when there is none there (_rl_get_char_len).
func hxMBLen(s string, i int) int {
	if i >= len(s) || s[i] < utf8.RuneSelf {
		return 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n <= 1 {
		return -1
	}
	return n
}

// hxMBUnit returns how many bytes at s[i:] history_expand's copying loop
// takes as one unit: it collects bytes while they form an incomplete
// character, so a complete character, or an incomplete one together with
// the byte that makes it invalid, is one unit.
func hxMBUnit(s string, i int) int {
	for k := 1; i+k <= len(s); k++ {
		if !utf8.FullRuneInString(s[i : i+k]) {
			continue
		}
		return k
	}
	return 1 // the string ends inside a character
}

func hxErr(s string, start, cur int, err error) error {
	text := ""
	if start < len(s) {
		text = s[start:min(max(cur, start), len(s))]
	}
	return &ExpandError{Text: text, Err: err}
}

// Expand expands the history expansions in line against the history ev
// (which may be nil for an empty history). It returns the expanded line,
// which is line itself when there is nothing to expand, and whether the :p
// modifier asked that the result only be printed, not run. When expansion
// fails it returns "", false and an [*ExpandError] whose message is GNU
// History's, such as "!foo: event not found".
//
// Expand supports the event designators !!, !n, !-n, !#, !string,
// !?string? and ^old^new^ quick substitution; the word designators :0, :n,
// :^, :$, :%, :*, :n*, :n-, :x-y and :-y, also without the colon after an
// event when they start with ^, $, *, % or -, and !^, !$, !*, !% and !: for
// the previous command; and the modifiers :h, :t, :r, :e, :p, :q, :x,
// :s/old/new/, :gs, :as, :Gs, :& and :g&, repeated as wanted.
//
// Expand updates the state kept in x: the last substitution and the last
// !?string? search.
//
// GNU History: history_expand
func (x *Expander) Expand(line string, ev Events) (out string, printOnly bool, err error) {
	c := x.hxSettings()
	if ev == nil {
		ev = hxNoEvents{}
	}
	s := line
	if len(line) > 0 && line[0] == c.subst {
		// ^old^new^ is !!:s^old^new^.
		s = string([]byte{c.hc, c.hc, ':', 's'}) + line
	} else if !hxFind(s, c) {
		return line, false, nil
	}
	return x.hxExpandLine(s, c, ev)
}

type hxNoEvents struct{}

func (hxNoEvents) Len() int      { return 0 }
func (hxNoEvents) At(int) string { return "" }
func hxEntry(ev Events, i int) (string, bool) {
	if i < 0 || i >= ev.Len() {
		return "", false
	}
	return ev.At(i), true
}

// hxSingleQuoted returns the index of the single quote that ends the
// single-quoted string starting at s[i], or len(s). If backslash, a
// backslash quotes the next character ($'...').
//
// GNU History: hist_string_extract_single_quoted
func hxSingleQuoted(s string, i int, backslash bool) int {
	for ; i < len(s) && s[i] != '\''; i++ {
		if backslash && s[i] == '\\' && i+1 < len(s) {
			i++
		}
	}
	return min(i, len(s))
}

// hxFind reports whether s has an expansion character that starts an
// expansion; it is history_expand's first scan, which is not quite the
// same as the second one, in hxExpandLine.
func hxFind(s string, c *hxConf) bool {
	dquote := c.qstate == '"'
	squote := c.qstate == '\''
	i := 0
	if squote && c.qi {
		i = hxSingleQuoted(s, 0, false)
		if i < len(s) {
			i++
		}
	}
	for ; i < len(s); i++ {
		if !c.bytes {
			if v := hxMBLen(s, i); v > 1 {
				i += v - 1
				continue
			}
		}
		ch := int(s[i])
		cc := hxAt(s, i+1)
		switch {
		case c.comment != 0 && ch == int(c.comment) && !dquote &&
			(i == 0 || hxMember(int(s[i-1]), hxWordDelims)):
			return false
		case ch == int(c.hc):
			if cc < 0 || hxMember(cc, c.noExpand) || (dquote && cc == '"') ||
				(c.inhibit != nil && c.inhibit(s, i)) {
				continue
			}
			return true
		case dquote && ch == '\\' && cc == '"':
			i++
		case c.qi && ch == '"':
			dquote = !dquote
		case !dquote && c.qi && ch == '\'':
			flag := i > 0 && s[i-1] == '$'
			i = hxSingleQuoted(s, i+1, flag)
		case c.qi && ch == '\\':
			if cc == '\'' || cc == int(c.hc) {
				i++
			}
		}
	}
	return false
}

// hxExpandLine is history_expand's second scan, which copies s and expands
// what it finds on the way.
func (x *Expander) hxExpandLine(s string, c *hxConf, ev Events) (string, bool, error) {
	var out []byte
	dquote := c.qstate == '"'
	squote := c.qstate == '\''
	i := 0
	if squote && c.qi {
		i = hxSingleQuoted(s, 0, false)
		squote = false
		out = append(out, s[:i]...)
		if i < len(s) {
			out = append(out, s[i])
			i++
		}
	}
	printOnly := false
	passc := false
	for ; i < len(s); i++ {
		if c.tooLong(len(out)) {
			return "", false, hxErr(s, 0, len(s), ErrTooLong)
		}
		ch := s[i]
		if passc {
			passc = false
			out = append(out, ch)
			continue
		}
		if !c.bytes && ch >= utf8.RuneSelf {
			if n := hxMBUnit(s, i); n > 1 {
				out = append(out, s[i:i+n]...)
				i += n - 1
				continue
			}
		}
		switch {
		case ch == c.hc:
			cc := hxAt(s, i+1)
			if cc < 0 || hxMember(cc, c.noExpand) || (dquote && cc == '"') {
				out = append(out, ch)
				break
			}
			if c.inhibit != nil {
				// The function sees the text expanded so far, this
				// character and the next.
				if c.inhibit(string(out)+s[i:i+2], len(out)) {
					out = append(out, ch)
					break
				}
			}
			qc := hxNone
			if squote {
				qc = '\''
			} else if dquote {
				qc = '"'
			}
			text, end, p, err := x.hxExpandOne(s, i, qc, string(out), c, ev)
			if err != nil {
				return "", false, err
			}
			out = append(out, text...)
			printOnly = printOnly || p
			i = end
		case c.comment != 0 && ch == c.comment:
			if (!dquote || !c.qi) && (i == 0 || hxMember(int(s[i-1]), hxWordDelims)) {
				out = append(out, s[i:]...)
				i = len(s)
			} else {
				out = append(out, ch)
			}
		case ch == '\\':
			passc = true
			out = append(out, ch)
		case ch == '"':
			dquote = !dquote
			out = append(out, ch)
		case ch == '\'':
			switch {
			case squote:
				squote = false
				out = append(out, ch)
			case !dquote && c.qi:
				flag := i > 0 && s[i-1] == '$'
				q := i
				i = hxSingleQuoted(s, i+1, flag)
				out = append(out, s[q:min(i+1, len(s))]...)
			case !dquote && !squote && !c.qi:
				squote = true
				out = append(out, ch)
			default:
				out = append(out, ch)
			}
		default:
			out = append(out, ch)
		}
	}
	if c.tooLong(len(out)) {
		return "", false, hxErr(s, 0, len(s), ErrTooLong)
	}
	return string(out), printOnly, nil
}

// hxExpandOne expands the history expansion at s[start] (the expansion
// character). qc is a quote character that may end a !string search
// string (hxNone for none) and cur is the line expanded so far, for !#. It
// returns the expansion, the index of its last character in s and whether
// the :p modifier was given.
//
// GNU History: history_expand_internal
func (x *Expander) hxExpandOne(s string, start, qc int, cur string, c *hxConf, ev Events) (string, int, bool, error) {
	i := start
	var event string
	var ok bool
	switch next := hxAt(s, i+1); {
	case hxMember(next, ":$*%^"):
		// A word designator right after the expansion character means
		// the previous command.
		i++
		event, ok = hxEntry(ev, ev.Len()-1)
	case next == '#':
		i += 2
		event, ok = cur, true
	default:
		event, i, ok = x.hxEvent(s, i, qc, c, ev)
	}
	if !ok {
		return "", 0, false, hxErr(s, start, i, ErrEventNotFound)
	}

	wstart := i
	word, kind, i := x.hxWordSpec(s, event, i, c)
	if kind == hxWordBad {
		return "", 0, false, hxErr(s, wstart, i, ErrBadWordSpec)
	}
	temp := event
	if kind == hxWordOK {
		temp = word
	}
	if c.tooLong(len(temp)) {
		return "", 0, false, hxErr(s, start, i, ErrTooLong)
	}

	var wantQuotes int
	global := 0
	byWords, printOnly := false, false
	mstart := i
	for hxAt(s, i) == ':' {
		m := hxAt(s, i+1)
		if m == 'g' || m == 'a' {
			global = 1
			i++
			m = hxAt(s, i+1)
		} else if m == 'G' {
			byWords = true
			i++
			m = hxAt(s, i+1)
		}
		switch m {
		default:
			return "", 0, false, hxErr(s, i+1, i+2, ErrBadModifier)
		case 'q', 'x':
			wantQuotes = m
		case 'p':
			printOnly = true
		case 't':
			if k := strings.LastIndexByte(temp, '/'); k >= 0 {
				temp = temp[k+1:]
			}
		case 'h':
			if k := strings.LastIndexByte(temp, '/'); k >= 0 {
				temp = temp[:k]
			}
		case 'r':
			if k := strings.LastIndexByte(temp, '.'); k >= 0 {
				temp = temp[:k]
			}
		case 'e':
			if k := strings.LastIndexByte(temp, '.'); k >= 0 {
				temp = temp[k:]
			}
		case '&', 's':
			if m == 's' {
				if i+2 >= len(s) {
					break // no delimiter: :s at the end does nothing
				}
				delim := int(s[i+2])
				if !c.bytes && hxMBLen(s, i+2) > 1 {
					delim = hxNone // a multibyte delimiter matches nothing
				}
				i += 3
				var lhs, rhs string
				var found bool
				lhs, found, i = hxSubstPattern(s, i, delim, false, c)
				if found {
					x.substLHS = lhs
				} else if x.substLHS == "" {
					// An empty lhs with no previous substitution is
					// the last !?string? search string.
					x.substLHS = x.searchString
				}
				rhs, _, i = hxSubstPattern(s, i, delim, true, c)
				if strings.IndexByte(rhs, '&') >= 0 {
					var err error
					if rhs, err = hxExpandAmp(rhs, x.substLHS, c); err != nil {
						return "", 0, false, hxErr(s, mstart, i, err)
					}
				}
				x.substRHS = rhs
			} else {
				i += 2
			}
			if x.substLHS == "" {
				return "", 0, false, hxErr(s, mstart, i, ErrNoPrevSubst)
			}
			if len(x.substLHS) > len(temp) {
				return "", 0, false, hxErr(s, mstart, i, ErrSubstFailed)
			}
			var failed bool
			var err error
			temp, failed, global, err = hxSubstitute(temp, x.substLHS, x.substRHS, global, byWords, c)
			if err != nil {
				return "", 0, false, hxErr(s, mstart, i, err)
			}
			if global > 1 {
				global = 0
				continue
			}
			if !failed {
				continue
			}
			return "", 0, false, hxErr(s, mstart, i, ErrSubstFailed)
		}
		i += 2
	}
	i--

	switch wantQuotes {
	case 'q':
		temp = hxSingleQuote(temp)
	case 'x':
		temp = hxQuoteBreaks(temp)
	}
	if c.tooLong(len(temp)) {
		return "", 0, false, hxErr(s, start, i+1, ErrTooLong)
	}
	return temp, i, printOnly, nil
}

// hxEvent finds the event of the designator at s[i] (the expansion
// character). It returns the event, the index after the designator and
// whether the event exists.
//
// GNU History: get_history_event
func (x *Expander) hxEvent(s string, i, qc int, c *hxConf, ev Events) (string, int, bool) {
	i++
	n := ev.Len()
	if hxAt(s, i) == int(c.hc) {
		line, ok := hxEntry(ev, n-1)
		return line, i + 1, ok
	}
	sign := 1
	if hxAt(s, i) == '-' && hxDigit(hxAt(s, i+1)) {
		sign = -1
		i++
	}
	if hxDigit(hxAt(s, i)) {
		which, end := hxNumber(s, i)
		idx := which - c.base
		if sign < 0 {
			idx = n - which
		}
		line, ok := hxEntry(ev, idx)
		return line, end, ok
	}

	substr := false
	if hxAt(s, i) == '?' {
		substr = true
		i++
	}
	local := i
	for ; i < len(s); i++ {
		if !c.bytes {
			if v := hxMBLen(s, i); v > 1 {
				i += v - 1
				continue
			}
		}
		ch := int(s[i])
		if (!substr && (ch == ' ' || ch == '\t' || ch == ':' ||
			(i > local && ch == '-') ||
			(ch != '-' && hxMember(ch, hxEventDelims)) ||
			hxMember(ch, c.searchDl) || ch == qc)) ||
			ch == '\n' || (substr && ch == '?') {
			break
		}
	}
	i = min(i, len(s))
	str := s[local:i]
	if substr && hxAt(s, i) == '?' {
		i++
	}
	if str == "" && substr {
		if x.searchString == "" {
			return "", i, false
		}
		str = x.searchString
	}
	if str == "" {
		return "", i, false
	}
	for k := n - 1; k >= 0; k-- {
		line := ev.At(k)
		if !substr {
			if strings.HasPrefix(line, str) {
				return line, i, true
			}
			continue
		}
		if at := strings.LastIndex(line, str); at >= 0 {
			x.searchString = str
			x.searchMatch = hxFindWord(line, at, c)
			return line, i, true
		}
	}
	return "", i, false
}

// Results of hxWordSpec.
const (
	hxWordNone = iota // no word designator
	hxWordOK
	hxWordBad
)

// hxDollar stands for "the last word" in word ranges. Like GNU History,
// which uses the character '$' for it, a word number of 36 is taken for it
// too.
const hxDollar = '$'

// hxWordSpec reads the word designator at s[i] and extracts the words it
// designates from the event from. It returns the words, the kind of
// result and the index after the designator.
//
// GNU History: get_history_word_specifier
func (x *Expander) hxWordSpec(s, from string, i int, c *hxConf) (string, int, int) {
	orig := i
	expecting := false
	if hxAt(s, i) == ':' {
		i++
		expecting = true
	}
	switch hxAt(s, i) {
	case '%':
		return x.searchMatch, hxWordOK, i + 1
	case '*':
		w, _ := hxArgExtract(1, hxDollar, from, c)
		return w, hxWordOK, i + 1
	case '$':
		if w, ok := hxArgExtract(hxDollar, hxDollar, from, c); ok {
			return w, hxWordOK, i + 1
		}
		return "", hxWordNone, i + 1
	}
	var first, last int
	switch ch := hxAt(s, i); {
	case ch == '-':
		first = 0
	case ch == '^':
		first = 1
		i++
	case hxDigit(ch) && expecting:
		first, i = hxNumber(s, i)
	default:
		return "", hxWordNone, orig
	}
	switch ch := hxAt(s, i); ch {
	case '^', '*':
		last = 1
		if ch == '*' {
			last = hxDollar // x* is x-$
		}
		i++
	default:
		last = first
	case '-':
		i++
		switch ch := hxAt(s, i); {
		case hxDigit(ch):
			last, i = hxNumber(s, i)
		case ch == '$':
			i++
			last = hxDollar
		case ch == '^':
			i++
			last = 1
		default:
			last = -1 // x- is x-$ without the last word
		}
	}
	if last >= first || last == hxDollar || last < 0 {
		if w, ok := hxArgExtract(first, last, from, c); ok {
			return w, hxWordOK, i
		}
	}
	return "", hxWordBad, i
}

// hxArgExtract returns words first to last of s, joined by spaces. A
// negative first or last counts from the end (-1 being the word before
// the last), and hxDollar is the last word. It reports false if there are
// no such words.
//
// GNU History: history_arg_extract
func hxArgExtract(first, last int, s string, c *hxConf) (string, bool) {
	words, _ := hxTokenize(s, -1, c)
	n := len(words)
	if n == 0 {
		return "", false
	}
	if last < 0 {
		last = n + last - 1
	}
	if first < 0 {
		first = n + first - 1
	}
	if last == hxDollar {
		last = n - 1
	}
	if first == hxDollar {
		first = n - 1
	}
	last++
	if first >= n || last > n || first < 0 || last < 0 || first > last {
		return "", false
	}
	return strings.Join(words[first:last], " "), true
}

// hxText is a string that hxTokenizeWord can read: a plain string or the
// gap buffer of a substitution.
type hxText interface {
	at(i int) int // byte i, or -1 out of range
	size() int
}

type hxStr string

func (s hxStr) at(i int) int { return hxAt(string(s), i) }
func (s hxStr) size() int    { return len(s) }

// hxTokenize splits s into words the way the shell would. It also returns
// the index of the word containing byte wind, or -1.
//
// GNU History: history_tokenize_internal
func hxTokenize(s string, wind int, c *hxConf) ([]string, int) {
	var words []string
	ind := -1
	t := hxStr(s)
	for i := 0; i < len(s); {
		for i < len(s) && hxFieldDelim(int(s[i])) {
			i++
		}
		if i >= len(s) || (c.comment != 0 && s[i] == c.comment) {
			break
		}
		start := i
		i = hxTokenizeWord(t, start)
		if i == start {
			i++
			for i < len(s) && hxMember(int(s[i]), hxWordDelims) {
				i++
			}
		}
		if wind >= start && wind < i {
			ind = len(words)
		}
		words = append(words, s[start:i])
	}
	return words, ind
}

// hxFindWord returns the word of line that contains byte ind, or "".
//
// GNU History: history_find_word
func hxFindWord(line string, ind int, c *hxConf) string {
	words, w := hxTokenize(line, ind, c)
	if w < 0 {
		return ""
	}
	return words[w]
}

// hxTokenizeWord returns the index just after the word that starts at
// s[i].
//
// GNU History: history_tokenize_word
func hxTokenizeWord(s hxText, i int) int {
	n := s.size()
	if i >= n {
		return i
	}
	delimiter, nest, open := 0, 0, 0
	ch := s.at(i)
	if hxMember(ch, "()\n") {
		return i + 1
	}
	if hxDigit(ch) {
		j := i
		for hxDigit(s.at(j)) {
			j++
		}
		if j >= n {
			return j
		}
		i = j // a file descriptor before < or >, else part of a word
		if c := s.at(j); c != '<' && c != '>' {
			goto word
		}
	}
	if ch = s.at(i); hxMember(ch, "<>;&|") {
		peek := s.at(i + 1)
		switch {
		case peek == ch:
			if peek == '<' && (s.at(i+2) == '-' || s.at(i+2) == '<') {
				i++
			}
			return i + 2
		case peek == '&' && (ch == '>' || ch == '<'):
			j := i + 2
			for hxDigit(s.at(j)) {
				j++
			}
			if s.at(j) == '-' {
				j++
			}
			return j
		case (peek == '>' && ch == '&') || (peek == '|' && ch == '>'):
			return i + 2
		case peek == '(' && (ch == '>' || ch == '<'):
			i += 2
			open, delimiter, nest = '(', ')', 1
			goto word
		}
		return i + 1
	}

word:
	if delimiter == 0 && hxMember(s.at(i), hxQuoteChars) {
		delimiter = s.at(i)
		i++
	}
	for ; i < n; i++ {
		ch := s.at(i)
		if ch == '\\' && s.at(i+1) == '\n' {
			i++
			continue
		}
		if ch == '\\' && delimiter != '\'' && (delimiter != '"' || hxMember(ch, hxSlashifyInDQ)) {
			i++
			continue
		}
		if nest > 0 && ch == open {
			nest++
			continue
		}
		if nest > 0 && ch == delimiter {
			nest--
			if nest == 0 {
				delimiter = 0
			}
			continue
		}
		if delimiter != 0 && ch == delimiter {
			delimiter = 0
			continue
		}
		if nest == 0 && delimiter == 0 && hxMember(ch, "<>$!@?+*") && s.at(i+1) == '(' {
			i += 2
			open, delimiter, nest = '(', ')', 1
			continue
		}
		if delimiter == 0 && hxMember(ch, hxWordDelims) {
			break
		}
		if delimiter == 0 && hxMember(ch, hxQuoteChars) {
			delimiter = ch
		}
	}
	return min(i, n)
}

// hxSubstPattern reads the old or new string of a :s modifier at s[i],
// up to delim, which a backslash quotes. It returns the string, whether
// one was read (an empty old string is not, an empty new one is) and the
// index after the delimiter.
//
// GNU History: get_subst_pattern
func hxSubstPattern(s string, i, delim int, isRHS bool, c *hxConf) (string, bool, int) {
	si := i
	for ; si < len(s) && int(s[si]) != delim; si++ {
		if !c.bytes {
			if v := hxMBLen(s, si); v > 1 {
				si += v - 1
				continue
			}
		}
		if s[si] == '\\' && hxAt(s, si+1) == delim {
			si++
		}
	}
	si = min(si, len(s))
	var pat string
	ok := si > i || isRHS
	if ok {
		b := make([]byte, 0, si-i)
		for k := i; k < si; k++ {
			if s[k] == '\\' && hxAt(s, k+1) == delim {
				k++
			}
			b = append(b, s[k])
		}
		pat = string(b)
	}
	if si < len(s) {
		si++
	}
	return pat, ok, si
}

// hxExpandAmp replaces each & in the new string of a substitution by the
// old string; a backslash before & makes it a plain &.
//
// GNU History: postproc_subst_rhs
func hxExpandAmp(rhs, lhs string, c *hxConf) (string, error) {
	if c.tooLong(len(rhs) + strings.Count(rhs, "&")*len(lhs)) {
		return "", ErrTooLong
	}
	var b strings.Builder
	for i := 0; i < len(rhs); i++ {
		if rhs[i] == '&' {
			b.WriteString(lhs)
			continue
		}
		if rhs[i] == '\\' && i+1 < len(rhs) && rhs[i+1] == '&' {
			i++
		}
		b.WriteByte(rhs[i])
	}
	return b.String(), nil
}

// hxSubstitute replaces lhs by rhs in temp: the first occurrence, every
// occurrence if global is set (then it returns global incremented) or the
// first occurrence in each word if byWords is set. It reports whether
// nothing was replaced. It runs GNU History's loop, quirks included, on a
// gap buffer so that many replacements in a long string stay cheap.
//
// GNU History: the 's' and '&' cases of history_expand_internal
func hxSubstitute(temp, lhs, rhs string, global int, byWords bool, c *hxConf) (string, bool, int, error) {
	g := hxNewGap(temp)
	failed := true
	si, we := 0, 0
	// GNU History tries each position in turn; this loop jumps to the
	// next match instead, or to the end of the word with :G.
	for si+len(lhs) <= g.size() {
		if byWords && si > we {
			for hxFieldDelim(g.at(si)) {
				si++
			}
			we = hxTokenizeWord(g, si)
		}
		p := g.index(si, lhs)
		if p < 0 {
			break
		}
		if byWords && p > we {
			si = we + 1
			continue
		}
		if c.tooLong(g.size() - len(lhs) + len(rhs)) {
			return "", false, global, ErrTooLong
		}
		g.replace(p, len(lhs), rhs)
		failed = false
		if global > 0 {
			si = p + len(rhs)
			global++
			continue
		} else if byWords {
			si = we + 1 // we is not adjusted for the replacement
			continue
		}
		break
	}
	return g.String(), failed, global, nil
}

// hxGap is a gap buffer: the text b[:g1] + b[g2:].
type hxGap struct {
	b      []byte
	g1, g2 int
}

func hxNewGap(s string) *hxGap { return &hxGap{b: []byte(s)} }

func (g *hxGap) size() int { return g.g1 + len(g.b) - g.g2 }

func (g *hxGap) at(i int) int {
	if i < 0 {
		return -1
	}
	if i < g.g1 {
		return int(g.b[i])
	}
	i += g.g2 - g.g1
	if i < len(g.b) {
		return int(g.b[i])
	}
	return -1
}

// hasPrefix reports whether p occurs at text index i.
func (g *hxGap) hasPrefix(i int, p string) bool {
	if i < 0 || i+len(p) > g.size() {
		return false
	}
	if n := min(max(g.g1-i, 0), len(p)); n > 0 {
		if string(g.b[i:i+n]) != p[:n] {
			return false
		}
		i, p = g.g1, p[n:]
	}
	j := i + g.g2 - g.g1
	return string(g.b[j:j+len(p)]) == p
}

// index returns the text index of the first occurrence of p at or after
// text index i, or -1.
func (g *hxGap) index(i int, p string) int {
	for ; i < g.g1; i++ {
		if g.hasPrefix(i, p) {
			return i
		}
	}
	j := i + g.g2 - g.g1
	if j > len(g.b) {
		return -1
	}
	k := bytes.Index(g.b[j:], []byte(p))
	if k < 0 {
		return -1
	}
	return i + k
}

// moveTo moves the gap to text index p.
func (g *hxGap) moveTo(p int) {
	if p < g.g1 {
		n := g.g1 - p
		copy(g.b[g.g2-n:g.g2], g.b[p:g.g1])
		g.g1, g.g2 = p, g.g2-n
	} else if p > g.g1 {
		n := p - g.g1
		copy(g.b[g.g1:g.g1+n], g.b[g.g2:g.g2+n])
		g.g1, g.g2 = g.g1+n, g.g2+n
	}
}

// replace replaces the n bytes at text index p by r.
func (g *hxGap) replace(p, n int, r string) {
	g.moveTo(p)
	g.g2 += n
	if g.g2-g.g1 < len(r) {
		tail := len(g.b) - g.g2
		nb := make([]byte, 2*len(g.b)+len(r))
		copy(nb, g.b[:g.g1])
		copy(nb[len(nb)-tail:], g.b[g.g2:])
		g.b, g.g2 = nb, len(nb)-tail
	}
	g.g1 += copy(g.b[g.g1:], r)
}

func (g *hxGap) String() string { return string(g.b[:g.g1]) + string(g.b[g.g2:]) }

// hxSingleQuote quotes s for the shell with single quotes (:q). Like bash's
// sh_single_quote, which bash uses instead of readline's own, it quotes a
// lone single quote as \'.
func hxSingleQuote(s string) string {
	if s == "'" {
		return `\'`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// hxQuoteBreaks quotes s like :q but also breaks the quoting at blanks
// and newlines, so the shell splits it into words there (:x).
//
// GNU History: quote_breaks
func hxQuoteBreaks(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case '\'':
			b.WriteString(`'\''`)
		case ' ', '\t', '\n':
			b.WriteByte('\'')
			b.WriteByte(ch)
			b.WriteByte('\'')
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// BashInhibit reports whether the history expansion character at line[i]
// is one that bash leaves alone: the ! of [!...], ${!...}, $! and, if
// extglob, !(...), and one that bash's quoting and command substitution
// rules skip, such as one in single quotes inside "$(...)". quoting is the
// pending quote of the line, as in Expander.QuotingState; for '\” bash
// parses the text up to the closing quote as the shell would, while here
// it is taken to end at the first single quote. BashExpander installs it
// as Expander.Inhibit with no pending quote and extglob off.
//
// bash: bash_history_inhibit_expansion
func BashInhibit(line string, i int, quoting byte, extglob bool) bool {
	if i < 0 || i >= len(line) {
		return false
	}
	s := line
	hx := s[i]
	switch {
	case i > 0 && s[i-1] == '[' && strings.IndexByte(s[i+1:], ']') >= 0:
		return true
	case i > 1 && s[i-1] == '{' && s[i-2] == '$' && strings.IndexByte(s[i+1:], '}') >= 0:
		return true
	case i > 1 && s[i-1] == '$' && s[i] == '!':
		return true
	case extglob && i > 1 && hxAt(s, i+1) == '(' && strings.IndexByte(s[min(i+2, len(s)):], ')') >= 0:
		return true
	}
	si := 0
	if quoting == '\'' {
		si = strings.IndexByte(s, '\'')
		if si < 0 || si >= i {
			return true
		}
		si++
	}
	t := hxSkipToHistexp(s, si, hx)
	if t <= 0 {
		return false
	}
	for t < i {
		t = hxSkipToHistexp(s, t+1, hx)
		if t <= 0 {
			return false
		}
	}
	return t > i
}

// hxSkipToHistexp returns the index of the first hx in s from start on
// that the shell's quoting and command substitutions do not hide, or
// len(s).
//
// bash: skip_to_histexp
func hxSkipToHistexp(s string, start int, hx byte) int {
	i := start
	passNext, backq, dquote, oldDquote := false, false, false, false
	comsub := 0
	for i < len(s) {
		c := s[i]
		switch {
		case passNext:
			passNext = false
			i++
		case c == '\\':
			passNext = true
			i++
		case backq && c == '`':
			backq = false
			dquote = oldDquote
			i++
		case c == '`':
			backq = true
			oldDquote, dquote = dquote, false
			i++
		case dquote && c == hx && hxAt(s, i+1) == '"':
			i++
		case c == hx:
			return i
		case dquote && c == '\'':
			i++
		case c == '\'':
			i++
			for i < len(s) && s[i] != '\'' {
				i++
			}
			if i < len(s) {
				i++
			}
		case c == '"':
			dquote = !dquote
			i++
		case (c == '$' || c == '<' || c == '>') && hxAt(s, i+1) == '(' && hxAt(s, i+2) != '(':
			if i+2 >= len(s) {
				return i + 2
			}
			i += 2
			comsub++
			oldDquote, dquote = dquote, false
		case comsub > 0 && c == ')':
			comsub--
			dquote = oldDquote
			i++
		default:
			i++
		}
	}
	return i
}
