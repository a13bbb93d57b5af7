package tea

import (
	"strings"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/lineedit"
)

// The completion menu. The engine lists completions through its
// DisplayMatches hook, which gives the texts of the matches; the Model
// wraps the Completer to keep the last Result, so that the menu can show
// each candidate's Display and Description too.

// recorder is a Completer that keeps the last Result of the one it wraps.
type recorder struct {
	c    completion.Completer
	last completion.Result
}

// Complete calls the wrapped completer and keeps its result.
func (r *recorder) Complete(line string, cursor int) completion.Result {
	r.last = r.c.Complete(line, cursor)
	return r.last
}

// candidates returns the candidates whose texts are matches, from the
// last result when it has them.
func (r *recorder) candidates(matches []string) []completion.Candidate {
	byText := make(map[string]completion.Candidate, len(r.last.Candidates))
	for _, c := range r.last.Candidates {
		if _, dup := byText[c.Text]; !dup {
			byText[c.Text] = c
		}
	}
	out := make([]completion.Candidate, len(matches))
	for i, t := range matches {
		c, ok := byText[t]
		if !ok {
			c = completion.Candidate{Text: t}
		}
		out[i] = c
	}
	return out
}

// selected returns the index of the candidate the text before the cursor
// ends with (menu-complete put it there), or -1: the longest that
// matches, with or without what follows it.
func selected(items []completion.Candidate, before string) int {
	best, bestLen := -1, 0
	for i, c := range items {
		t := c.Text
		if t == "" || len(t) <= bestLen {
			continue
		}
		ok := strings.HasSuffix(before, t) || strings.HasSuffix(before, t+" ")
		if c.Suffix != "" && c.Suffix != completion.NoSuffix {
			ok = ok || strings.HasSuffix(before, t+c.Suffix)
		}
		if ok {
			best, bestLen = i, len(t)
		}
	}
	return best
}

// menuRows lays items out as lineedit.MenuRows does (the terminal
// editor's described menu shares the layout), in the Styles' menu styles.
func menuRows(items []completion.Candidate, sel, width, maxRows int, st *Styles) []string {
	return lineedit.MenuRows(items, sel, width, maxRows, st.renderMenu)
}

// renderMenu renders text as the part p of the menu.
func (st *Styles) renderMenu(p lineedit.MenuPart, text string) string {
	switch p {
	case lineedit.MenuSelected:
		return st.MenuSelected.Render(text)
	case lineedit.MenuDescription:
		return st.MenuDescription.Render(text)
	case lineedit.MenuMore:
		return st.MenuMore.Render(text)
	}
	return st.MenuItem.Render(text)
}
