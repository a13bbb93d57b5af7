package lineedit

import (
	"reflect"
	"slices"
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

const (
	pasteStart = "\x1b[200~"
	pasteStop  = "\x1b[201~"
)

// TestActiveRegion checks the active region against readline 8.2: the
// match of an incremental search and the text just pasted are shown in
// active-region-start-color (standout by default) until the search ends
// or fails, or the next command after the paste.
func TestActiveRegion(t *testing.T) {
	hist := []string{"echo status", "printf one two", `echo "a b" c`, "cd /tmp; echo lib"}
	so := "\x1b[7m"
	tests := []struct {
		name   string
		rc     []string
		keys   string // as keys() reads them
		raw    string // then typed as it is
		text   string
		cursor int
		styles []StyleSpan
	}{
		{name: "search match", keys: `\C-rech`, text: "cd /tmp; echo lib", cursor: 9, styles: []StyleSpan{{9, 12, so}}},
		{name: "search again", keys: `\C-rech\C-r`, text: `echo "a b" c`, styles: []StyleSpan{{0, 3, so}}},
		{name: "search C-w", keys: `\C-rpri\C-w`, text: "printf one two", styles: []StyleSpan{{0, 6, so}}},
		{name: "search failed", keys: `\C-rzz`, text: ""},
		{name: "search failed after a match", keys: `\C-rechzz`, text: "cd /tmp; echo lib", cursor: 9},
		{name: "search rubout to nothing", keys: `\C-re\C-?`, text: "cd /tmp; echo lib", cursor: 9},
		{name: "search ended", keys: `\C-rech\C-j`, text: "cd /tmp; echo lib", cursor: 9},
		{name: "search off", rc: []string{"set enable-active-region off"}, keys: `\C-rech`, text: "cd /tmp; echo lib", cursor: 9},
		{name: "search colour", rc: []string{`set active-region-start-color "\e[01;33m"`}, keys: `\C-rech`, text: "cd /tmp; echo lib", cursor: 9, styles: []StyleSpan{{9, 12, "\x1b[01;33m"}}},
		{name: "paste", keys: "ab", raw: pasteStart + "xyz" + pasteStop, text: "abxyz", cursor: 5, styles: []StyleSpan{{2, 5, so}}},
		{name: "paste in the middle", keys: `ab\C-b`, raw: pasteStart + "x\ry" + pasteStop, text: "ax\nyb", cursor: 4, styles: []StyleSpan{{1, 4, so}}},
		{name: "paste then a key", keys: "ab", raw: pasteStart + "xyz" + pasteStop + "q", text: "abxyzq", cursor: 6},
		{name: "paste then a movement", keys: "ab", raw: pasteStart + "xyz" + pasteStop + "\x02", text: "abxyz", cursor: 4},
		{name: "paste then clear-screen", keys: "ab", raw: pasteStart + "xyz" + pasteStop + "\x0c", text: "abxyz", cursor: 5, styles: []StyleSpan{{2, 5, so}}},
		{name: "paste then clear-screen then a key", keys: "ab", raw: pasteStart + "xyz" + pasteStop + "\x0c\x02", text: "abxyz", cursor: 4},
		{name: "paste into a search", keys: `\C-r`, raw: pasteStart + "tmp" + pasteStop, text: "cd /tmp; echo lib", cursor: 4, styles: []StyleSpan{{4, 7, so}}},
		{name: "paste into a search, then a key", keys: `\C-r`, raw: pasteStart + "ech" + pasteStop + "o", text: "cd /tmp; echo lib", cursor: 9, styles: []StyleSpan{{9, 13, so}}},
		{name: "empty paste into a search", keys: `\C-rtmp`, raw: pasteStart + pasteStop, text: "cd /tmp; echo lib", cursor: 4, styles: []StyleSpan{{4, 7, so}}},
		{name: "arrow key ends a search", keys: `\C-rtmp`, raw: "\x1b[D", text: "cd /tmp; echo lib", cursor: 3},
		{name: "M-f ends a search", keys: `\C-rtmp`, raw: "\x1bf", text: "cd /tmp; echo lib", cursor: 7},
		{name: "paste of nothing", keys: "ab", raw: pasteStart + pasteStop, text: "ab", cursor: 2},
		{name: "paste off", rc: []string{"set enable-bracketed-paste off"}, keys: "ab", raw: pasteStart + "xyz" + pasteStop, text: "abxyz", cursor: 5},
		{name: "paste region off", rc: []string{"set enable-active-region off"}, keys: "ab", raw: pasteStart + "xyz" + pasteStop, text: "abxyz", cursor: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			for _, l := range tt.rc {
				cfg.ParseLine(l)
			}
			e := New(cfg, histOf(hist...))
			e.Reset("$ ")
			e.Feed(keys(t, tt.keys))
			e.Feed([]byte(tt.raw))
			f := e.Frame()
			if f.Text != tt.text || f.Cursor != tt.cursor {
				t.Errorf("got %q at %d, want %q at %d", f.Text, f.Cursor, tt.text, tt.cursor)
			}
			if len(f.Styles) != 0 || len(tt.styles) != 0 {
				if !reflect.DeepEqual(f.Styles, tt.styles) {
					t.Errorf("styles %+v, want %+v", f.Styles, tt.styles)
				}
			}
		})
	}
}

// TestActiveRegionReset: a region left when a line ends is not shown on
// the next line.
func TestActiveRegionReset(t *testing.T) {
	e := New(testConfig(), nil)
	e.Reset("$ ")
	e.Feed([]byte(pasteStart + "abc" + pasteStop))
	if len(e.Frame().Styles) != 1 {
		t.Fatalf("no region after a paste: %+v", e.Frame().Styles)
	}
	e.Reset("$ ")
	e.Feed([]byte("x"))
	if s := e.Frame().Styles; len(s) != 0 {
		t.Fatalf("styles on a new line: %+v", s)
	}
}

// TestAddRegionOverHighlight: the region is drawn over the highlighter's
// spans, which are cut around it.
func TestAddRegionOverHighlight(t *testing.T) {
	r, g, so := "\x1b[31m", "\x1b[32m", "\x1b[7m"
	f := Frame{Text: "0123456789", Styles: []StyleSpan{{0, 3, r}, {4, 8, g}, {8, 9, r}}}
	got := addRegion(f, 2, 6, so).Styles
	want := []StyleSpan{{0, 2, r}, {2, 6, so}, {6, 8, g}, {8, 9, r}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := addRegion(Frame{Text: "ab"}, 1, 9, so).Styles; !reflect.DeepEqual(got, []StyleSpan{{1, 2, so}}) {
		t.Errorf("clamped: %+v", got)
	}
	if got := addRegion(f, 3, 3, so).Styles; !reflect.DeepEqual(got, f.Styles) {
		t.Errorf("empty region: %+v", got)
	}
}

// TestActiveRegionScreen draws a search match and shows it in reverse
// video on the screen, the rest of the line plain.
func TestActiveRegionScreen(t *testing.T) {
	e := New(testConfig(), histOf("make test", "git status"))
	e.Reset("$ ")
	e.Feed(keys(t, `\C-rsta`))
	rt := newRenderTerm(t, 40, 4)
	rt.render(e.Frame())
	vtscreen.WantScreen(t, rt.s, "(reverse-i-search)`sta': git ▌status")
	rev := vtscreen.Style("\x1b[7m")
	for col := 19; col < 34; col++ {
		want := ""
		if col >= 29 && col < 32 {
			want = rev
		}
		if got := rt.s.StyleAt(0, col); got != want {
			t.Errorf("col %d: style %q, want %q", col, got, want)
		}
	}
	e.Feed([]byte("\x06")) // C-f ends the search and moves
	rt.render(e.Frame())
	vtscreen.WantScreen(t, rt.s, "$ git s▌tatus")
	for col := range 12 {
		if got := rt.s.StyleAt(0, col); got != "" {
			t.Errorf("after the search, col %d: style %q", col, got)
		}
	}
}

// TestSearchPasteByteByByte: outside a paste the terminal's bytes come
// one read at a time; a paste into a search is taken all the same, and an
// arrow key, coming the same way, still ends the search and acts.
func TestSearchPasteByteByByte(t *testing.T) {
	for _, tt := range []struct {
		keys, raw, prompt, text string
		styles                  []StyleSpan
	}{
		{`\C-r`, pasteStart + "tmp" + pasteStop, "(reverse-i-search)`tmp': ", "cd /tmp; echo lib", []StyleSpan{{4, 7, "\x1b[7m"}}},
		{`\C-rtmp`, "\x1b[A", "$ ", "echo status", nil},
	} {
		e := New(testConfig(), histOf("echo status", "cd /tmp; echo lib"))
		e.Reset("$ ")
		e.Feed(keys(t, tt.keys))
		for i := range len(tt.raw) {
			e.Feed([]byte{tt.raw[i]})
		}
		f := e.Frame()
		if f.Prompt != tt.prompt || f.Text != tt.text || !reflect.DeepEqual(f.Styles, tt.styles) {
			t.Errorf("%q: got %q %q %+v, want %q %q %+v", tt.raw, f.Prompt, f.Text, f.Styles, tt.prompt, tt.text, tt.styles)
		}
	}
}

// TestRegionOverWholeLineSkipsHighlighter: while the active region covers
// the whole line (a paste into an empty line), its style replaces all the
// highlighting, and the highlighter is not asked; once the region goes,
// or when it covers only part of the line, it is.
func TestRegionOverWholeLineSkipsHighlighter(t *testing.T) {
	e := New(testConfig(), nil)
	var asked []string
	e.Highlighter = HighlighterFunc(func(line string) []StyleSpan {
		asked = append(asked, line)
		return []StyleSpan{{Start: 0, End: len(line), Style: "\x1b[32m"}}
	})
	e.Reset("$ ")
	e.Feed([]byte("\x1b[200~pasted text\x1b[201~"))
	f := e.Frame()
	if len(asked) != 0 {
		t.Errorf("highlighter asked about %q under a region over the whole line", asked)
	}
	if want := []StyleSpan{{Start: 0, End: len("pasted text"), Style: defaultRegionColor}}; !slices.Equal(f.Styles, want) {
		t.Errorf("styles %+v, want %+v", f.Styles, want)
	}
	e.Feed([]byte("X"))
	f = e.Frame()
	if len(asked) != 1 || asked[0] != "pasted textX" || len(f.Styles) != 1 || f.Styles[0].Style != "\x1b[32m" {
		t.Errorf("after a key: asked %q, styles %+v", asked, f.Styles)
	}
	// A paste after text: the region covers part of the line.
	e.Feed([]byte("\x1b[200~ more\x1b[201~"))
	f = e.Frame()
	want := []StyleSpan{{Start: 0, End: len("pasted textX"), Style: "\x1b[32m"}, {Start: len("pasted textX"), End: len("pasted textX more"), Style: defaultRegionColor}}
	if len(asked) != 2 || !slices.Equal(f.Styles, want) {
		t.Errorf("a paste after text: asked %q, styles %+v, want %+v", asked, f.Styles, want)
	}
}
