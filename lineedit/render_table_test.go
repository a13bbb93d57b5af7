package lineedit

import (
	"fmt"
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

// TestRenderManyStyles: styles pile up in the renderer's table while
// frames keep bringing new ones (a menu in ever new colours); once the
// table is full the renderer starts a new one and draws everything again,
// and the screen stays right.
func TestRenderManyStyles(t *testing.T) {
	rt := newRenderTerm(t, 30, 6)
	var f Frame
	for i := range maxCellTable + 50 {
		f = Frame{Prompt: "$ ", Text: fmt.Sprint("item ", i), Cursor: 0,
			Below: []string{fmt.Sprintf("\x1b[38;2;%d;%d;%dmmenu %d\x1b[0m", i>>16&255, i>>8&255, i&255, i)}}
		rt.render(f)
	}
	n := maxCellTable + 49
	vtscreen.WantScreen(t, rt.s, fmt.Sprintf("$ ▌item %d\nmenu %d", n, n))
	if got, want := rt.s.StyleAt(1, 0), vtscreen.Style(fmt.Sprintf("\x1b[38;2;%d;%d;%dm", n>>16&255, n>>8&255, n&255)); got != want {
		t.Errorf("the menu's style is %q, want %q", got, want)
	}
	if len(rt.r.tab.styles) > maxCellTable {
		t.Errorf("the table holds %d styles", len(rt.r.tab.styles))
	}
}

// TestRenderDumbManyClusters: the same in dumb mode, with long clusters
// (emoji sequences) instead of styles. The frame drawn when the table is
// full has a new cluster where the screen shows the first one the old
// table held: in the new table they have the same index, and the renderer
// must not take them for the same.
func TestRenderDumbManyClusters(t *testing.T) {
	rt := newRenderTerm(t, 30, 4)
	rt.r.SetDumb(true)
	tones := []string{"\U0001F3FB", "\U0001F3FC", "\U0001F3FD", "\U0001F3FE", "\U0001F3FF"}
	cluster := func(i int) string { // six people with skin tones: a long cluster, different for each i
		c := ""
		for k, d := 0, i; k < 6; k, d = k+1, d/5 {
			if k > 0 {
				c += "\u200d"
			}
			c += "👩" + tones[d%5]
		}
		return c
	}
	var text string
	for i := range maxCellTable + 1 {
		text = "x" + cluster(0) + cluster(i+1)
		if i == maxCellTable {
			text = "x" + cluster(9999) + cluster(1)
		}
		rt.render(Frame{Prompt: "$ ", Text: text, Cursor: len(text)})
	}
	if len(rt.r.tab.long) > maxCellTable {
		t.Fatalf("the table holds %d clusters", len(rt.r.tab.long))
	}
	if got, want := rt.s.Line(0), "$ "+text; got != want {
		t.Errorf("screen %q, want %q", got, want)
	}
}
