package tea

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"github.com/goshell/gosh/lineedit"
)

// rows builds the rows of the view, wrapping at width columns (0: never),
// and collects runs of one style before rendering them.
type rows struct {
	width int
	done  []string
	cur   strings.Builder
	col   int

	run      strings.Builder
	runStyle *lipgloss.Style
	runSGR   string // a highlighting style (lineedit.StyleSpan) over runStyle
}

// flushRun renders the run of text waiting in one style.
func (b *rows) flushRun() {
	if b.run.Len() == 0 {
		return
	}
	if b.runSGR != "" {
		b.cur.WriteString(b.runSGR + b.runStyle.Render(b.run.String()) + "\x1b[m")
	} else {
		b.cur.WriteString(b.runStyle.Render(b.run.String()))
	}
	b.run.Reset()
}

// newRow ends the row being built.
func (b *rows) newRow() {
	b.flushRun()
	b.done = append(b.done, b.cur.String())
	b.cur.Reset()
	b.col = 0
}

// fits reports whether w more columns fit in the row.
func (b *rows) fits(w int) bool {
	return b.width <= 0 || b.col+w <= b.width || b.col == 0
}

// put adds s, w columns wide, in style st, to the row; the caller has
// wrapped already.
func (b *rows) put(st *lipgloss.Style, s string, w int) {
	b.putSGR(st, "", s, w)
}

// putSGR is put with the SGR sequence sgr written before the run.
func (b *rows) putSGR(st *lipgloss.Style, sgr, s string, w int) {
	if b.runStyle != st || b.runSGR != sgr {
		b.flushRun()
		b.runStyle, b.runSGR = st, sgr
	}
	b.run.WriteString(s)
	b.col += w
}

// styled adds a string that may hold escape sequences (a prompt), cut
// into rows of the width.
func (b *rows) styled(st *lipgloss.Style, s string) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.newRow()
		}
		for line != "" {
			w := ansi.StringWidth(line)
			if b.width <= 0 || b.col+w <= b.width {
				b.flushRun()
				b.cur.WriteString(st.Render(line))
				b.col += w
				break
			}
			room := b.width - b.col
			head := ansi.Truncate(line, room, "")
			hw := ansi.StringWidth(head)
			if hw == 0 {
				if b.col == 0 {
					return // a character wider than the window
				}
				// A character wider than the room left: on the next row.
				b.newRow()
				continue
			}
			b.flushRun()
			b.cur.WriteString(st.Render(head))
			b.col += hw
			line = ansi.TruncateLeft(line, hw, "")
			if line != "" {
				b.newRow()
			}
		}
	}
}

// plain adds text shown as the terminal shows readline's line: newlines
// start rows, tabs go to the next multiple of 8 columns, other control
// characters show as ^X. at, when >= 0, is a byte offset in text whose
// position is returned (-1, -1 if it is not in text).
func (b *rows) plain(st *lipgloss.Style, text string, at int) (cx, cy int) {
	return b.text(st, text, at, nil, nil, "")
}

// text is plain with the highlighting spans over text, and cont (in
// style cst) at the start of each row after a newline.
func (b *rows) text(st *lipgloss.Style, text string, at int, spans []lineedit.StyleSpan, cst *lipgloss.Style, cont string) (cx, cy int) {
	cx, cy = -1, -1
	state := -1
	for i := 0; i < len(text); {
		sgr := ""
		for len(spans) > 0 && spans[0].End <= i {
			spans = spans[1:]
		}
		if len(spans) > 0 && spans[0].Start <= i {
			sgr = spans[0].Style
		}
		cluster, rest, w, newState := uniseg.FirstGraphemeClusterInString(text[i:], state)
		state = newState
		show := cluster
		switch c := cluster[0]; {
		case cluster == "\n" || cluster == "\r\n":
			if i == at {
				cx, cy = b.col, len(b.done)
				if b.width > 0 && cx >= b.width {
					cx = b.width - 1 // the last column, where the terminal waits
				}
			}
			b.newRow()
			if cont != "" {
				b.styled(cst, cont)
			}
			i = len(text) - len(rest)
			continue
		case c == '\t':
			w = 8 - b.col%8
			if b.width > 0 && b.col+w > b.width {
				w = b.width - b.col
			}
			show = strings.Repeat(" ", max(w, 1))
		case c < 0x20 || c == 0x7f:
			show, w = "^"+string(rune(c^0x40)), 2
		}
		if !b.fits(w) {
			b.newRow()
		}
		if i == at {
			cx, cy = b.col, len(b.done)
		}
		b.putSGR(st, sgr, show, w)
		i = len(text) - len(rest)
	}
	return cx, cy
}

// layoutFrame lays f out in rows of at most width columns (0: no limit)
// and returns them with the cursor's column and row.
func layoutFrame(f lineedit.Frame, width int, st *Styles) (lines []string, cx, cy int) {
	b := &rows{width: width}
	prompt := stripMarkers(f.Prompt)
	if f.Mode != "" {
		// The mode string goes at the start of the prompt's last line.
		k := strings.LastIndexByte(prompt, '\n') + 1
		prompt = prompt[:k] + stripMarkers(f.Mode) + prompt[k:]
	}
	b.styled(&st.Prompt, prompt)
	if width > 0 && b.col >= width {
		b.newRow()
	}
	cx, cy = b.text(&st.Text, f.Text, f.Cursor, f.Styles, &st.Prompt, stripMarkers(f.Continuation))
	if cx < 0 {
		if width > 0 && b.col >= width {
			b.newRow()
		}
		cx, cy = b.col, len(b.done)
	}
	if f.Hint != "" {
		b.plain(&st.Hint, f.Hint, -1)
	}
	b.newRow()
	for _, l := range f.Below {
		b.styled(&st.Message, l)
		b.newRow()
	}
	return b.done, cx, cy
}

// stripMarkers removes readline's \001 and \002 markers around the
// invisible parts of a prompt.
func stripMarkers(s string) string {
	return strings.NewReplacer("\x01", "", "\x02", "").Replace(s)
}
