package tea

import "charm.land/lipgloss/v2"

// Styles say how the Model draws each part of the editor. Each is applied
// with lipgloss to a piece of one row at a time, so only its colours and
// attributes count (no padding, borders or widths), except Menu, which
// wraps the whole completion menu.
type Styles struct {
	// Prompt styles the prompt (and the search prompt of C-r, the
	// numeric argument shown in its place, the mode string). Colours in
	// the prompt itself are kept.
	Prompt lipgloss.Style
	// Text styles the line being edited.
	Text lipgloss.Style
	// Hint styles the hint shown after the text (Frame.Hint).
	Hint lipgloss.Style
	// Menu wraps the completion menu shown below the line; MenuItem
	// styles its candidates, MenuSelected the one in the line (while
	// menu-complete cycles), MenuDescription their descriptions, and
	// MenuMore the line saying how many are not shown.
	Menu            lipgloss.Style
	MenuItem        lipgloss.Style
	MenuSelected    lipgloss.Style
	MenuDescription lipgloss.Style
	MenuMore        lipgloss.Style
	// Message styles text the editor shows below the line: a single
	// completion listed, a y-or-n question, dump-functions.
	Message lipgloss.Style
}

// DefaultStyles returns the styles a Model starts with: a bold prompt,
// plain text, a faint hint, and a menu with the selected candidate in
// reverse video.
func DefaultStyles() Styles {
	return Styles{
		Prompt:          lipgloss.NewStyle().Bold(true),
		Text:            lipgloss.NewStyle(),
		Hint:            lipgloss.NewStyle().Faint(true),
		Menu:            lipgloss.NewStyle(),
		MenuItem:        lipgloss.NewStyle(),
		MenuSelected:    lipgloss.NewStyle().Reverse(true),
		MenuDescription: lipgloss.NewStyle().Faint(true),
		MenuMore:        lipgloss.NewStyle().Faint(true),
		Message:         lipgloss.NewStyle(),
	}
}
