package lineedit

import (
	"fmt"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/goshell/gosh/completion"
)

// The described completion menu, beyond readline and off unless a program
// sets Engine.CompletionMenu (Options.CompletionMenu): when the
// candidates a completion would list carry descriptions
// (completion.Candidate.Description), they are shown under the line one a
// row, each description aligned beside its candidate and cut to the
// width, in the menu's styles, instead of readline's columns. The menu
// stays while completion commands repeat (TAB, M-?, menu-complete), with
// the candidate menu-complete put in the line drawn as selected, and goes
// with the next other key. MenuRows lays such a menu out; lineedit/tea
// draws its menu with it too.

// A MenuPart is a part of the completion menu, which a menu's render
// function styles.
type MenuPart uint8

// The parts of the completion menu.
const (
	MenuItem        MenuPart = iota // a candidate
	MenuSelected                    // the candidate menu-complete put in the line
	MenuDescription                 // a candidate's description
	MenuMore                        // the row saying how many are not shown
)

// SGR is a style as the escape sequences written before and after the
// text it styles: Open "\x1b[1;32m", Close "\x1b[m". The zero SGR is no
// style. lineedit/lipstyle makes them from lipgloss styles.
type SGR struct{ Open, Close string }

// Render returns text in the style.
func (s SGR) Render(text string) string {
	if s.Open == "" && s.Close == "" {
		return text
	}
	return s.Open + text + s.Close
}

// A MenuStyle turns the described completion menu on and says how it
// looks: the SGR styles of its parts, and how many rows it may take. A
// dumb terminal (TERM=dumb or unset) draws nothing under the line: leave
// the menu off there, and lists are printed as readline prints them.
type MenuStyle struct {
	Item, Selected, Description, More SGR
	// MaxRows is the most rows the menu takes, the row saying how many
	// candidates are not shown included; 0 means half the terminal's
	// height (at least 3).
	MaxRows int
}

// Render styles text as the part p of the menu; it is what MenuRows
// takes.
func (st *MenuStyle) Render(p MenuPart, text string) string {
	switch p {
	case MenuSelected:
		return st.Selected.Render(text)
	case MenuDescription:
		return st.Description.Render(text)
	case MenuMore:
		return st.More.Render(text)
	}
	return st.Item.Render(text)
}

// MenuRows lays items out as a completion menu for width columns (0 means
// 80) in at most maxRows rows (0: no limit), render styling each piece.
// When any item has a description, each item gets a row: its display text
// padded to the longest, two spaces, and its description cut with "…" to
// what is left of the width. Otherwise the items go in columns two spaces
// apart, sorted down the columns as readline lists them. Items wider than
// the width are cut too, so that no row is wider than width. When there
// are more rows than maxRows, a window of them around the selected item
// sel (-1 for none) is shown and a last row says how many items are not.
// Descriptions and display texts are shown as plain text: control
// characters in them become spaces.
func MenuRows(items []completion.Candidate, sel, width, maxRows int, render func(MenuPart, string) string) []string {
	if len(items) == 0 {
		return nil
	}
	if width <= 0 {
		width = 80
	}
	texts := make([]string, len(items))
	widths := make([]int, len(items))
	longest, described := 0, false
	for i, c := range items {
		texts[i] = truncateWidth(plainText(c.DisplayText()), width)
		widths[i] = displayWidth(texts[i])
		longest = max(longest, widths[i])
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
	var line strings.Builder
	for r := first; r < last; r++ {
		line.Reset()
		for c := 0; c < cols; c++ {
			i := c*nrows + r
			if i >= len(items) {
				break
			}
			count++
			pad := longest - widths[i]
			if c > 0 {
				line.WriteString("  ")
			}
			part := MenuItem
			if i == sel {
				part = MenuSelected
			}
			if described {
				line.WriteString(render(part, texts[i]+strings.Repeat(" ", pad)))
				if d := items[i].Description; d != "" {
					if room := width - longest - 2; room > 0 {
						line.WriteString("  " + render(MenuDescription, truncateWidth(plainText(d), room)))
					}
				}
				continue
			}
			line.WriteString(render(part, texts[i]))
			if c+1 < cols && (c+1)*nrows+r < len(items) {
				line.WriteString(strings.Repeat(" ", pad))
			}
		}
		out = append(out, line.String())
	}
	if hidden := len(items) - count; hidden > 0 {
		out = append(out, render(MenuMore, fmt.Sprintf("(%d more)", hidden)))
	}
	return out
}

// plainText returns s with each control character replaced by a space.
func plainText(s string) string {
	if strings.IndexFunc(s, isControlRune) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControlRune(r) {
			return ' '
		}
		return r
	}, s)
}

func isControlRune(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }

// truncateWidth returns s cut to width columns, its last column "…" when
// it was cut.
func truncateWidth(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	var b strings.Builder
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := displayWidth(g.Str())
		if w+cw > width-1 {
			break
		}
		b.WriteString(g.Str())
		w += cw
	}
	return b.String() + "…"
}

// describedCandidates reports whether the menu shows m: it is on and a
// candidate has a description.
func (e *Engine) describedCandidates(m *matchSet) bool {
	if e.CompletionMenu == nil {
		return false
	}
	for _, c := range m.cands {
		if c.Description != "" {
			return true
		}
	}
	return false
}

// showDescribed puts m in the described menu, when the menu shows it
// (describedCandidates), and reports whether it did; Frame then shows
// the menu under the line.
func (e *Engine) showDescribed(m *matchSet) bool {
	if !e.describedCandidates(m) {
		return false
	}
	e.compl.described = m
	e.compl.describedText = string(e.buf.text)
	return true
}

// menuKeepers are the commands after which the described menu stays on
// the screen.
var menuKeepers = []string{"complete", "possible-completions", "menu-complete",
	"menu-complete-backward", "old-menu-complete", "delete-char-or-list"}

// describedBelow returns the rows of the described menu for Frame.Below,
// or nil when no menu is shown: none was listed, or since it was another
// command has run, or a completion command has changed the line other
// than by cycling through the menu.
func (e *Engine) describedBelow() []string {
	m := e.compl.described
	if m == nil {
		return nil
	}
	if !e.lastWas(menuKeepers...) {
		// Gone for good: only a new list shows a menu again.
		e.compl.described = nil
		return nil
	}
	if e.CompletionMenu == nil || e.status != Editing || e.confirm != nil || e.search != nil || e.vi.search != nil {
		return nil
	}
	sel := -1
	cycling := e.menu != nil && e.menu.m == m && e.lastWas("menu-complete", "menu-complete-backward", "old-menu-complete")
	if cycling && e.menu.index > 0 {
		sel = e.menu.index - 1
	}
	if !cycling && string(e.buf.text) != e.compl.describedText {
		return nil // delete-char-or-list deleted a character, say
	}
	st := e.CompletionMenu
	rows := st.MaxRows
	if rows <= 0 {
		rows = max(e.Height/2, 3)
	}
	// A column short of the width, so that no row fills the last column
	// (readline's lists do not either).
	return MenuRows(m.cands, sel, max(e.listWidth()-1, 1), rows, st.Render)
}
