package lineedit

import (
	"fmt"
	"strings"
)

// The list of completions shown below the line: readline's
// display_matches and rl_display_match_list.

// displayMatches shows the candidates of m below the line. A single one
// is shown alone; for at least completion-query-items of them the user
// is asked first.
func (e *Engine) displayMatches(m *matchSet) {
	p := e.itemPrinter()
	if m.single() {
		var b strings.Builder
		p.print(&b, m.cands[0], 0)
		e.effects.Output += b.String() + "\n"
		return
	}
	longest := 0
	for _, c := range m.cands {
		longest = max(longest, displayWidth(c.DisplayText()))
	}
	if e.DisplayMatches != nil {
		matches := make([]string, len(m.cands))
		for i, c := range m.cands {
			matches[i] = c.Text
		}
		e.DisplayMatches(m.lcd, matches, longest)
		e.effects.Redraw = true
		return
	}
	if e.showDescribed(m) { // the described menu (complete_described.go)
		return
	}
	n := len(m.cands)
	if q := e.cfg.Vars.CompletionQueryItems; q > 0 && n >= q {
		e.effects.Output += fmt.Sprintf("Display all %d possibilities? (y or n)", n)
		e.askYesNo(false, func(yes bool) {
			e.effects.Output += "\n"
			if yes {
				e.showRows(e.listRows(m, p, longest), 0)
			}
		})
		return
	}
	e.showRows(e.listRows(m, p, longest), 0)
}

// listWidth is the width lists are laid out in: completion-display-width
// when it is set and fits, else the terminal's.
func (e *Engine) listWidth() int {
	if w := e.cfg.Vars.CompletionDisplayWidth; w >= 0 && w <= e.Width {
		return w
	}
	return e.Width
}

// listRows lays the candidates out in rows, as rl_display_match_list:
// columns as wide as the longest item (longest, in columns) plus two,
// as many as fit in the width without filling it exactly, sorted down
// the columns, or across with print-completions-horizontally. A common
// prefix longer than completion-prefix-display-length is shown as an
// ellipsis, which narrows the columns.
func (e *Engine) listRows(m *matchSet, p *itemPrinter, longest int) []string {
	prefix := e.listPrefixBytes(m, p, &longest)
	items := make([]string, len(m.cands))
	widths := make([]int, len(m.cands))
	for i, c := range m.cands {
		var b strings.Builder
		widths[i] = p.print(&b, c, prefix)
		items[i] = b.String()
	}
	return layoutColumns(items, widths, longest, e.listWidth(), e.cfg.Vars.Get("print-completions-horizontally"))
}

// listPrefixBytes returns how many bytes at the start of each item are
// the prefix common to all, for the ellipsis or the prefix colour (0
// when neither applies), and narrows longest for the ellipsis.
func (e *Engine) listPrefixBytes(m *matchSet, p *itemPrinter, longest *int) int {
	if p.prefixDisplay <= 0 && !p.coloredPrefix {
		return 0
	}
	fold := e.cfg.Vars.Get("completion-ignore-case")
	first := m.cands[0].DisplayText()
	sind := len(first)
	for _, c := range m.cands[1:] {
		sind = min(sind, sharedPrefixLen(first, c.DisplayText(), fold))
	}
	common := displayWidth(first[:sind])
	if common > *longest || sind > *longest {
		return 0
	}
	if p.prefixDisplay > 0 {
		if common > p.prefixDisplay && common > ellipsisLen {
			*longest -= common - ellipsisLen
		} else if !p.coloredPrefix {
			return 0
		}
	}
	return sind
}

// layoutColumns joins the items (of the given widths) in rows of
// columns longest+2 wide fitting in width, as rl_display_match_list.
// Each row ends with a newline.
func layoutColumns(items []string, widths []int, longest, width int, across bool) []string {
	colWidth := longest + 2
	limit := width / colWidth
	if limit != 1 && limit*colWidth == width {
		limit--
	}
	limit = max(limit, 1)
	count := (len(items) + limit - 1) / limit
	pad := func(b *strings.Builder, w int) {
		if colWidth <= w {
			b.WriteByte(' ')
			return
		}
		b.WriteString(strings.Repeat(" ", colWidth-w))
	}
	var rows []string
	var b strings.Builder
	if !across {
		for i := 0; i < count; i++ {
			b.Reset()
			for j, l := 0, i; j < limit && l < len(items); j, l = j+1, l+count {
				b.WriteString(items[l])
				if j+1 < limit {
					pad(&b, widths[l])
				}
			}
			rows = append(rows, b.String())
		}
		return rows
	}
	b.Reset()
	for i := range items {
		b.WriteString(items[i])
		if i+1 == len(items) {
			break
		}
		if limit == 1 || (i+1)%limit == 0 {
			rows = append(rows, b.String())
			b.Reset()
		} else {
			pad(&b, widths[i])
		}
	}
	return append(rows, b.String())
}
