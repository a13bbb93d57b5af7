package lineedit

import (
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

// TestRenderColouredMultiLinePrompt: a two-line prompt coloured through
// \001 and \002 markers, then text whose emoji ZWJ sequence does not fit
// in the last column: it moves to the next row, the column left blank,
// and the cursor follows it, typed or moved over.
func TestRenderColouredMultiLinePrompt(t *testing.T) {
	const blue, bold = "\x1b[34m", "\x1b[1m"
	prompt := "\001" + blue + "\002~/src\001\x1b[0m\002\n\001" + bold + "\002$\001\x1b[0m\002 "
	rt := newRenderTerm(t, 10, 5)
	for _, st := range []struct {
		text   string
		cursor int
		want   string
	}{
		{"abcdefg", -1, "~/src\n$ abcdefg▌"},
		{"abcdefg👩\u200d💻", -1, "~/src\n$ abcdefg\n👩\u200d💻▌"},
		{"abcdefg👩\u200d💻", 7, "~/src\n$ abcdefg\n▌👩\u200d💻"},
		{"abcdefg👩\u200d💻中", -1, "~/src\n$ abcdefg\n👩\u200d💻中▌"},
		{"abcdefgh中", 8, "~/src\n$ abcdefgh\n▌中"},
	} {
		f := frameAt(prompt, st.text, st.cursor)
		rt.render(*f)
		vtscreen.WantScreen(t, rt.s, st.want)
		for pos, style := range map[[2]int]string{{0, 0}: blue, {0, 4}: blue, {1, 0}: bold, {1, 1}: "", {1, 2}: ""} {
			if got, want := rt.s.StyleAt(pos[0], pos[1]), vtscreen.Style(style); got != want {
				t.Errorf("%q: style at %v = %q, want %q", st.text, pos, got, want)
			}
		}
		if t.Failed() {
			t.Fatalf("frame %+v wrote %q", *f, rt.last)
		}
	}
}
