package lineedit

import (
	"strings"
	"unicode/utf8"
)

// vi mode's history search: / and ? read a string on the line under a
// prompt of the prompt and the key typed; in command mode the string is
// a shell pattern (*, ?, [...]) matched anywhere in a history line, or
// from its start after a leading ^. n and N search again. This is
// readline's non-incremental search (search.c) with SF_PATTERN.

type viSearch struct {
	dir     int
	pchar   byte
	pattern bool
	text    []byte
	// Where the point and the mark were, to put back when the search is
	// given up; the line itself is the saved line (history_edits.go).
	origPoint int
	origMark  int
	origPos   int
}

func (s *viSearch) frame(e *Engine) Frame {
	p := e.prompt
	if i := strings.LastIndexByte(p, '\n'); i >= 0 {
		p = p[i+1:]
	}
	return Frame{Prompt: p + string(s.pchar), Text: string(s.text), Cursor: len(s.text)}
}

// viStartSearch starts reading a search string: dir < 0 searches older
// lines.
func (e *Engine) viStartSearch(dir int, pchar byte) {
	s := &viSearch{
		dir: dir, pchar: pchar,
		pattern:   e.viCommandMode() && (pchar == '?' || pchar == '/'),
		origPoint: e.buf.point,
		origMark:  e.buf.mark,
		origPos:   e.histPos,
	}
	// rl_vi_search forgets the saved line, then the search saves the
	// line as it is (_rl_nsearch_init): a line being typed saved before
	// is lost.
	e.histFreeSaved()
	e.histMaybeSave()
	e.vi.search = s
	e.readChar = e.viSearchKey
}

// viSearchKey takes a character typed while the search string is read.
func (e *Engine) viSearchKey(ch []byte) {
	s := e.vi.search
	if s == nil {
		return
	}
	c := byte(0)
	if len(ch) == 1 {
		c = ch[0]
	}
	switch {
	case len(ch) == 1 && c == 0x17: // C-w
		p := len(s.text)
		for p > 0 && isBlank(rune(s.text[p-1])) {
			p--
		}
		for p > 0 && !isBlank(rune(s.text[p-1])) {
			p--
		}
		s.text = s.text[:p]
	case len(ch) == 1 && c == 0x15: // C-u
		s.text = s.text[:0]
	case len(ch) == 1 && (c == '\r' || c == '\n'):
		e.vi.search = nil
		e.viDoSearch(s)
		return
	case len(ch) == 1 && (c == 0x08 || c == 0x7f):
		if len(s.text) == 0 {
			e.viSearchAbort(s, false)
			return
		}
		_, n := utf8.DecodeLastRune(s.text)
		s.text = s.text[:len(s.text)-n]
	case len(ch) == 1 && (c == 0x03 || c == 0x07):
		e.viSearchAbort(s, true)
		return
	default:
		s.text = append(s.text, ch...)
	}
	e.readChar = e.viSearchKey
}

// viSearchAbort gives the search up and puts the line back.
func (e *Engine) viSearchAbort(s *viSearch, bell bool) {
	e.vi.search = nil
	if bell {
		e.ding()
	}
	e.histUnsave()
	e.buf.point = clamp(s.origPoint, 0, len(e.buf.text))
	e.buf.mark = s.origMark
}

// viDoSearch runs the search for the string read (or the last one when
// none was typed).
func (e *Engine) viDoSearch(s *viSearch) {
	if len(s.text) == 0 {
		if !e.vi.hasSearch {
			// readline leaves the (empty) search line in place, with
			// the undo list of the search string (none).
			e.ding()
			e.buf.text = e.buf.text[:0]
			e.buf.point = 0
			e.undo.clear()
			e.hs.owner, e.hs.shared = -1, 0
			return
		}
	} else {
		e.vi.searchPos = s.origPos
		e.vi.searchStr = append(e.vi.searchStr[:0], s.text...)
		e.vi.hasSearch = true
	}
	e.viSearchFrom(s.dir, s.pattern, s)
}

// viSearchAgain is n and N.
func (e *Engine) viSearchAgain(dir int, pattern bool) {
	if !e.vi.hasSearch {
		e.ding()
		return
	}
	e.viSearchFrom(dir, pattern, nil)
}

// viSearchFrom looks for the search string from the line after (or
// before) the last match, as noninc_dosearch does.
func (e *Engine) viSearchFrom(dir int, pattern bool, s *viSearch) {
	fail := func() {
		// rl_maybe_unsave_line: the line saved when the search started,
		// or, searching again, whatever line is saved (none after a
		// search found one).
		e.histUnsave()
		e.buf.point = 0
		e.ding()
	}
	str := string(e.vi.searchStr)
	if str == "" || e.vi.searchPos < 0 || e.hist == nil {
		fail()
		return
	}
	pos := e.vi.searchPos + dir
	n := e.hist.Len()
	if pos < 0 || pos > n || n == 0 || (dir > 0 && pos >= n) {
		fail()
		return
	}
	if dir < 0 && pos >= n {
		pos = n - 1
	}
	match := func(line string) bool { return strings.Contains(line, str) }
	if strings.HasPrefix(str, "^") && !pattern {
		match = func(line string) bool { return strings.HasPrefix(line, str[1:]) }
	}
	if pattern {
		pat := str
		anchored := strings.HasPrefix(pat, "^")
		if anchored {
			pat = pat[1:]
		}
		if endsInBackslash(pat) || pat == "" {
			fail()
			return
		}
		if !anchored && pat[0] != '*' {
			pat = "*" + pat
		}
		if pat[len(pat)-1] != '*' {
			pat += "*"
		}
		match = func(line string) bool { return globMatch(pat, line) }
	}
	for i := pos; i >= 0 && i < n; i += dir {
		if match(e.hist.Line(i)) {
			e.vi.searchPos = i
			e.histJump(i)
			e.buf.point = 0
			e.buf.mark = len(e.buf.text)
			return
		}
	}
	fail()
}

// endsInBackslash reports whether s ends with an unescaped backslash,
// which fnmatch rejects.
func endsInBackslash(s string) bool {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// globMatch matches s against a shell pattern as fnmatch(3) with no
// flags: * and ? match any characters, / included; [...] is a set, with
// ! or ^ to negate; \ quotes the next character.
func globMatch(pat, s string) bool {
	for len(pat) > 0 {
		switch pat[0] {
		case '*':
			for len(pat) > 0 && pat[0] == '*' {
				pat = pat[1:]
			}
			if pat == "" {
				return true
			}
			for i := 0; i <= len(s); {
				if globMatch(pat, s[i:]) {
					return true
				}
				if i == len(s) {
					break
				}
				_, n := utf8.DecodeRuneInString(s[i:])
				i += n
			}
			return false
		case '?':
			if s == "" {
				return false
			}
			_, n := utf8.DecodeRuneInString(s)
			pat, s = pat[1:], s[n:]
		case '[':
			if s == "" {
				return false
			}
			r, n := utf8.DecodeRuneInString(s)
			ok, rest, valid := globSet(pat, r)
			if !valid {
				// An unclosed [ is an ordinary character.
				if s[0] != '[' {
					return false
				}
				pat, s = pat[1:], s[1:]
				continue
			}
			if !ok {
				return false
			}
			pat, s = rest, s[n:]
		case '\\':
			if len(pat) > 1 {
				pat = pat[1:]
			}
			fallthrough
		default:
			pr, pn := utf8.DecodeRuneInString(pat)
			if s == "" {
				return false
			}
			r, n := utf8.DecodeRuneInString(s)
			if pr != r {
				return false
			}
			pat, s = pat[pn:], s[n:]
		}
	}
	return s == ""
}

// globSet matches r against the bracket expression at the start of pat;
// it returns the pattern after it, and valid false when the bracket is
// not closed.
func globSet(pat string, r rune) (ok bool, rest string, valid bool) {
	i := 1
	neg := false
	if i < len(pat) && (pat[i] == '!' || pat[i] == '^') {
		neg = true
		i++
	}
	first := true
	for i < len(pat) {
		if pat[i] == ']' && !first {
			return ok != neg, pat[i+1:], true
		}
		first = false
		lo, n := utf8.DecodeRuneInString(pat[i:])
		if lo == '\\' && i+1 < len(pat) {
			i++
			lo, n = utf8.DecodeRuneInString(pat[i:])
		}
		i += n
		hi := lo
		if i+1 < len(pat) && pat[i] == '-' && pat[i+1] != ']' {
			h, m := utf8.DecodeRuneInString(pat[i+1:])
			hi = h
			i += 1 + m
		}
		if lo <= r && r <= hi {
			ok = true
		}
	}
	return false, "", false
}
