package lipstyle

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/lineedit"
)

// TestSGR: the sequences around a style's text are lipgloss's own, with
// the colours downsampled to the profile; what is not colour or
// attribute (padding, a transform) is left out.
func TestSGR(t *testing.T) {
	st := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#ff5f5f")).Padding(0, 3).
		Transform(strings.ToUpper)
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.ASCII, colorprofile.NoTTY} {
		got := SGR(st, p)
		// What lipgloss renders for the text, downsampled, is the text in
		// those sequences.
		plain := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#ff5f5f"))
		var b strings.Builder
		w := &colorprofile.Writer{Forward: &b, Profile: p}
		w.WriteString(plain.Render("menu"))
		if want := got.Render("menu"); b.String() != want {
			t.Errorf("%v: %q, lipgloss renders %q", p, want, b.String())
		}
		if strings.Contains(got.Open+got.Close, " ") {
			t.Errorf("%v: padding in %+v", p, got)
		}
		switch p {
		case colorprofile.TrueColor:
			if !strings.Contains(got.Open, "38;2;255;95;95") {
				t.Errorf("truecolor: %q", got.Open)
			}
		case colorprofile.ANSI256:
			if !strings.Contains(got.Open, "38;5;") {
				t.Errorf("256 colours: %q", got.Open)
			}
		case colorprofile.ANSI:
			if strings.Contains(got.Open, "38;") {
				t.Errorf("16 colours: %q", got.Open)
			}
		case colorprofile.ASCII:
			if got.Open != "\x1b[1m" {
				t.Errorf("no colour: %q, want bold only", got.Open)
			}
		case colorprofile.NoTTY:
			if got != (lineedit.SGR{}) {
				t.Errorf("no tty: %+v", got)
			}
		}
	}
	if got := SGR(lipgloss.NewStyle(), colorprofile.TrueColor); got != (lineedit.SGR{}) {
		t.Errorf("a plain style: %+v", got)
	}
}

func TestForProfile(t *testing.T) {
	st := ForProfile(colorprofile.ANSI, lipgloss.NewStyle(), lipgloss.NewStyle().Reverse(true), lipgloss.NewStyle().Faint(true))
	if st.Item != (lineedit.SGR{}) || st.Selected.Open != "\x1b[7m" || st.Description.Open != "\x1b[2m" || st.More != st.Description {
		t.Errorf("menu style %+v", st)
	}
	rows := lineedit.MenuRows([]completion.Candidate{{Text: "ls", Description: "list"}}, 0, 20, 0, st.Render)
	if len(rows) != 1 || rows[0] != "\x1b[7mls\x1b[m  \x1b[2mlist\x1b[m" {
		t.Errorf("rows %q", rows)
	}
}
