package tea

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/goshell/gosh/completion"
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

// menuRows lays items out for a width (0: 80) in at most maxRows rows
// (more are cut to a window around the selected one, and a last row says
// how many are not shown). Candidates with descriptions get a row each;
// the others go in columns, sorted down the columns as readline lists
// them.
func menuRows(items []completion.Candidate, sel, width, maxRows int, st *Styles) []string {
	if len(items) == 0 {
		return nil
	}
	if width <= 0 {
		width = 80
	}
	longest, described := 0, false
	for _, c := range items {
		longest = max(longest, ansi.StringWidth(c.DisplayText()))
		described = described || c.Description != ""
	}
	cols := 1
	if !described {
		cols = max(1, (width+2)/(longest+2))
	}
	nrows := (len(items) + cols - 1) / cols
	first, last := 0, nrows
	if maxRows > 0 && nrows > maxRows {
		// Keep a row for the count of what is not shown.
		shown := max(maxRows-1, 1)
		if sel >= 0 {
			first = min(max(sel%nrows-shown/2, 0), nrows-shown)
		}
		last = first + shown
	}
	var out []string
	count := 0
	for r := first; r < last; r++ {
		var line strings.Builder
		for c := 0; c < cols; c++ {
			i := c*nrows + r
			if i >= len(items) {
				break
			}
			count++
			item := items[i]
			text := item.DisplayText()
			pad := longest - ansi.StringWidth(text)
			if c > 0 {
				line.WriteString("  ")
			}
			style := &st.MenuItem
			if i == sel {
				style = &st.MenuSelected
			}
			if described {
				line.WriteString(style.Render(text + strings.Repeat(" ", pad)))
				if item.Description != "" {
					room := width - longest - 2
					if room > 0 {
						line.WriteString("  " + st.MenuDescription.Render(ansi.Truncate(item.Description, room, "…")))
					}
				}
				continue
			}
			line.WriteString(style.Render(text))
			if c+1 < cols && (c+1)*nrows+r < len(items) {
				line.WriteString(strings.Repeat(" ", pad))
			}
		}
		out = append(out, line.String())
	}
	if hidden := len(items) - count; hidden > 0 {
		out = append(out, st.MenuMore.Render(fmt.Sprintf("(%d more)", hidden)))
	}
	return out
}
