package lineedit

import (
	"unicode"
	"unicode/utf8"

	"github.com/goshell/gosh/completion"
)

// commonPrefix returns what readline's compute_lcd_of_matches puts in
// place of the word text for the sorted candidates cs: their longest
// common prefix, compared character by character (ignoring case with
// fold). When they share nothing and text is not empty, it is text.
// Ignoring case, the prefix is taken from the first candidate that
// starts with text as it was typed, to keep the case the user typed.
func commonPrefix(cs []completion.Candidate, text string, fold bool) string {
	if len(cs) == 1 {
		return cs[0].Text
	}
	low := len(cs[0].Text)
	for i := 0; i+1 < len(cs); i++ {
		low = min(low, sharedPrefixLen(cs[i].Text, cs[i+1].Text, fold))
	}
	if low == 0 && text != "" {
		return text
	}
	if fold {
		lx := min(len(text), low)
		for _, c := range cs {
			if c.Text[:lx] == text[:lx] {
				return c.Text[:low]
			}
		}
	}
	return cs[0].Text[:low]
}

// sharedPrefixLen returns the length in bytes of the prefix a and b
// share, by character, ignoring case with fold.
func sharedPrefixLen(a, b string, fold bool) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[n:])
		rb, sb := utf8.DecodeRuneInString(b[n:])
		if ra == utf8.RuneError && sa <= 1 || rb == utf8.RuneError && sb <= 1 {
			// Invalid bytes compare as bytes.
			if a[n] != b[n] {
				break
			}
			n++
			continue
		}
		if fold {
			ra, rb = unicode.ToLower(ra), unicode.ToLower(rb)
		}
		if ra != rb || sa != sb {
			break
		}
		n += sa
	}
	return n
}

// MatchPrefix reports whether candidate starts with word the way
// readline's filename completion compares them: exactly, or ignoring
// case when ignoreCase is set (completion-ignore-case), with '-' and '_'
// also taken as equal when mapCase is set too (completion-map-case).
// Completers use it to honour those variables (see
// Engine.CompletionMatcher).
func MatchPrefix(candidate, word string, ignoreCase, mapCase bool) bool {
	if len(candidate) < len(word) {
		return false
	}
	if !ignoreCase {
		return candidate[:len(word)] == word
	}
	i := 0
	for i < len(word) {
		rc, sc := utf8.DecodeRuneInString(candidate[i:])
		rw, sw := utf8.DecodeRuneInString(word[i:])
		if rc == utf8.RuneError && sc <= 1 || rw == utf8.RuneError && sw <= 1 {
			if candidate[i] != word[i] {
				return false
			}
			i++
			continue
		}
		if mapCase && (rc == '-' || rc == '_') && (rw == '-' || rw == '_') {
			i += sw
			continue
		}
		if unicode.ToLower(rc) != unicode.ToLower(rw) || sc != sw {
			return false
		}
		i += sw
	}
	return true
}

// CompletionMatcher returns the prefix test completers should use for
// the current settings of completion-ignore-case and completion-map-case
// (see MatchPrefix).
func (e *Engine) CompletionMatcher() func(candidate, word string) bool {
	fold := e.cfg.Vars.Get("completion-ignore-case")
	mapCase := fold && e.cfg.Vars.Get("completion-map-case")
	return func(candidate, word string) bool { return MatchPrefix(candidate, word, fold, mapCase) }
}
