// Package lipstyle turns lipgloss styles into the SGR escape sequences
// the line editor draws with (lineedit.SGR, lineedit.MenuStyle), so that
// a program can style the editor's completion menu with lipgloss while
// the lineedit package itself does not import lipgloss.
//
//	st := lipstyle.FromLipgloss(
//		lipgloss.NewStyle(),                                 // a candidate
//		lipgloss.NewStyle().Reverse(true),                   // the selected one
//		lipgloss.NewStyle().Foreground(lipgloss.Color("8")), // descriptions
//	)
//	s, err := lineedit.Open(lineedit.Options{CompletionMenu: &st, ...})
//
// Only a style's colours and text attributes count: padding, margins,
// borders, widths and transforms are left out, since the menu lays its
// rows out itself. Colours are downsampled to what the terminal shows,
// as colorprofile detects it (FromLipgloss), or to a given profile
// (ForProfile).
package lipstyle

import (
	"bytes"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/goshell/gosh/lineedit"
)

// marker stands for the text a style is rendered around; no SGR
// sequence holds it.
const marker = "x"

// SGR returns the escape sequences that open and close style st, its
// colours downsampled to profile p: nothing at all for colorprofile.NoTTY,
// attributes but no colours for colorprofile.ASCII (NO_COLOR).
func SGR(st lipgloss.Style, p colorprofile.Profile) lineedit.SGR {
	st = st.UnsetPadding().UnsetMargins().UnsetBorderStyle().
		UnsetBorderTop().UnsetBorderRight().UnsetBorderBottom().UnsetBorderLeft().
		UnsetWidth().UnsetHeight().UnsetMaxWidth().UnsetMaxHeight().
		UnsetAlign().UnsetTransform().UnsetString().UnsetInline().UnsetHyperlink()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: p}
	if _, err := w.WriteString(st.Render(marker)); err != nil {
		return lineedit.SGR{}
	}
	out := buf.String()
	i, j := strings.Index(out, marker), strings.LastIndex(out, marker)
	if i < 0 {
		return lineedit.SGR{}
	}
	return lineedit.SGR{Open: out[:i], Close: out[j+len(marker):]}
}

// ForProfile returns the menu style of the three lipgloss styles, their
// colours downsampled to profile p. The row saying how many candidates
// are not shown is drawn as the descriptions.
func ForProfile(p colorprofile.Profile, item, selected, desc lipgloss.Style) lineedit.MenuStyle {
	d := SGR(desc, p)
	return lineedit.MenuStyle{Item: SGR(item, p), Selected: SGR(selected, p), Description: d, More: d}
}

// FromLipgloss returns the menu style of the three lipgloss styles, their
// colours downsampled for the terminal on standard error (where the
// editor draws by default) as colorprofile.Detect finds it: NO_COLOR,
// CLICOLOR_FORCE, COLORTERM, TERM.
func FromLipgloss(item, selected, desc lipgloss.Style) lineedit.MenuStyle {
	return ForProfile(colorprofile.Detect(os.Stderr, os.Environ()), item, selected, desc)
}
