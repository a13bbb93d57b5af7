package lineedit

import (
	"io"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/internal/vtscreen"
)

func histOf(entries ...string) *history.List {
	h := history.New()
	for _, e := range entries {
		h.Add(e)
	}
	return h
}

func TestHistoryHinter(t *testing.T) {
	h := histOf("git status", "git stash pop", "ls -l", "git stash", "cd /tmp", "git")
	dirOf := map[string]bool{"git status": true}
	tests := []struct {
		name, line string
		cursor     int
		prefer     func(string) bool
		want       string
	}{
		{"most recent with the prefix", "git st", -1, nil, "ash"},
		{"an entry equal to the line gives none", "git stash", -1, nil, " pop"},
		{"no entry", "make", -1, nil, ""},
		{"blank line", "  ", -1, nil, ""},
		{"empty line", "", -1, nil, ""},
		{"cursor not at the end", "git st", 2, nil, ""},
		{"preferred first", "git st", -1, func(e string) bool { return dirOf[e] }, "atus"},
		{"preferred none: the most recent", "git st", -1, func(string) bool { return false }, "ash"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hh := &HistoryHinter{History: h, Prefer: tc.prefer}
			c := tc.cursor
			if c < 0 {
				c = len(tc.line)
			}
			if got := hh.Hint(tc.line, c); got != tc.want {
				t.Errorf("Hint(%q, %d) = %q, want %q", tc.line, c, got, tc.want)
			}
		})
	}
	if got := (&HistoryHinter{History: h, IgnoreCase: true}).Hint("GIT ST", 6); got != "ash" {
		t.Errorf("IgnoreCase: %q", got)
	}
	if got := (&HistoryHinter{History: h, PreferLimit: 1, Prefer: func(e string) bool { return dirOf[e] }}).Hint("git st", 6); got != "ash" {
		t.Errorf("PreferLimit 1 looked past the first match: %q", got)
	}
}

// TestHistoryHinterLongLine: a line longer than what the history is
// asked to find (a paste) is hinted from the entries that start with all
// of it, not with its start only.
func TestHistoryHinterLongLine(t *testing.T) {
	long := strings.Repeat("é0123456789abc", 90) // 1,350 bytes
	cut := long[:hintProbe+1]                    // byte 256 is inside an é
	if utf8.RuneStart(cut[hintProbe]) {
		t.Fatal("the probe does not end inside a character")
	}
	h := histOf(long+" older", long[:900]+"X"+long[901:]+" newer", cut+"Y")
	hh := &HistoryHinter{History: h}
	if got := hh.Hint(long, len(long)); got != " older" {
		t.Errorf("Hint(long) = %q, want %q", got, " older")
	}
	if got := hh.Hint(cut, len(cut)); got != "Y" {
		t.Errorf("Hint(cut) = %q, want %q", got, "Y")
	}
	upper := strings.ToUpper(long)
	if got := (&HistoryHinter{History: h, IgnoreCase: true}).Hint(upper, len(upper)); got != " older" {
		t.Errorf("IgnoreCase: Hint(upper) = %q, want %q", got, " older")
	}
	if got := hh.Hint(long+"Z", len(long)+1); got != "" {
		t.Errorf("no entry: %q", got)
	}
}

// TestEngineHints: the hint follows the line; forward-char and
// end-of-line at the end accept all of it, forward-word one word; any
// other command leaves it to be found again for the new line.
func TestEngineHints(t *testing.T) {
	hist := []string{"git stash pop --index", "ls -l"}
	tests := []struct {
		name, keys, line, hint string
	}{
		{"shown", "git s", "git s", "tash pop --index"},
		{"typing narrows it", "git stash p", "git stash p", "op --index"},
		{"typing off it", "git x", "git x", ""},
		{"forward-char accepts", `git s\C-f`, "git stash pop --index", ""},
		{"right arrow accepts", `git s\e[C`, "git stash pop --index", ""},
		{"end-of-line accepts", `git s\C-e`, "git stash pop --index", ""},
		{"forward-word accepts a word", `git s\ef`, "git stash", " pop --index"},
		{"forward-word twice", `git s\ef\ef`, "git stash pop", " --index"},
		{"forward-char inside the line moves", `git s\C-b\C-f`, "git s", "tash pop --index"},
		{"not at the end: no hint", `git s\C-b`, "git s", ""},
		{"backspace recomputes", "git sx\x7f", "git s", "tash pop --index"},
		{"undo after accepting", `git s\C-e\C-_`, "git s", "tash pop --index"},
		{"kill-line at the end leaves it", `git s\C-k`, "git s", "tash pop --index"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := New(testConfig(), histOf(hist...))
			e.Hinter = &HistoryHinter{History: e.hist}
			e.Reset("$ ")
			e.Feed(keys(t, tc.keys))
			f := e.Frame()
			if f.Text != tc.line || f.Hint != tc.hint {
				t.Errorf("line %q hint %q, want %q %q", f.Text, f.Hint, tc.line, tc.hint)
			}
		})
	}
	// Without a Hinter forward-char at the end does nothing and rings.
	e := New(testConfig(), histOf(hist...))
	e.Feed(keys(t, `git s\C-f`))
	if f := e.Frame(); f.Text != "git s" || f.Hint != "" {
		t.Errorf("no Hinter: %q %q", f.Text, f.Hint)
	}
}

// TestEngineValidator: accept-line on incomplete input inserts a newline
// at the end and goes on; on complete input it accepts.
func TestEngineValidator(t *testing.T) {
	complete := ValidatorFunc(func(line string) bool {
		return strings.Count(line, "{") <= strings.Count(line, "}")
	})
	e := New(testConfig(), nil)
	e.Validator = complete
	e.Continuation = "> "
	e.Reset("$ ")
	if st := e.Feed(keys(t, `f {\r`)); st != Editing {
		t.Fatalf("incomplete input: status %v", st)
	}
	if e.Line() != "f {\n" || e.Point() != 4 {
		t.Fatalf("after Enter on incomplete input: %q point %d", e.Line(), e.Point())
	}
	if f := e.Frame(); f.Continuation != "> " {
		t.Errorf("Frame.Continuation %q", f.Continuation)
	}
	// Enter with the cursor inside incomplete input: the newline goes at
	// the end.
	if st := e.Feed(keys(t, `x\C-a\r`)); st != Editing || e.Line() != "f {\nx\n" {
		t.Fatalf("Enter in the middle: %v %q", st, e.Line())
	}
	if st := e.Feed(keys(t, `}\r`)); st != Accepted || e.Line() != "f {\nx\n}" {
		t.Fatalf("complete input: %v %q", st, e.Line())
	}
	// Without a Validator, Enter accepts.
	e = New(testConfig(), nil)
	if st := e.Feed(keys(t, `f {\r`)); st != Accepted {
		t.Errorf("no Validator: %v", st)
	}
}

// TestEngineHighlighter: Frame carries the Highlighter's spans for the
// line; none without one.
func TestEngineHighlighter(t *testing.T) {
	e := New(testConfig(), nil)
	calls := 0
	e.Highlighter = HighlighterFunc(func(line string) []StyleSpan {
		calls++
		if i := strings.IndexByte(line, ' '); i > 0 {
			return []StyleSpan{{0, i, "\x1b[32m"}}
		}
		return []StyleSpan{{0, len(line), "\x1b[31m"}}
	})
	e.Feed([]byte("ls -l"))
	f := e.Frame()
	if len(f.Styles) != 1 || f.Styles[0] != (StyleSpan{0, 2, "\x1b[32m"}) {
		t.Errorf("Styles = %+v", f.Styles)
	}
	e.Highlighter = nil
	if f := e.Frame(); f.Styles != nil {
		t.Errorf("no Highlighter: %+v", f.Styles)
	}
	e.Reset("$ ")
	e.Highlighter = HighlighterFunc(func(string) []StyleSpan { calls++; return nil })
	before := calls
	e.Frame()
	if calls != before {
		t.Errorf("an empty line was highlighted")
	}
}

// TestLayoutDecorations lays out highlighted text, a continuation prompt,
// a right prompt and a styled hint.
func TestLayoutDecorations(t *testing.T) {
	const green, red = "\x1b[32m", "\x1b[1;31m"
	f := Frame{
		Prompt:       "\x1b[1m$\x1b[0m ",
		Text:         "if x\nthen y",
		Cursor:       11,
		Styles:       []StyleSpan{{0, 2, green}, {5, 9, green}, {10, 11, red}},
		Continuation: "..> ",
		Right:        "\x1b[31m[1]\x1b[0m",
		Hint:         " z",
		HintStyle:    "\x1b[36m",
	}
	l := LayoutFrame(f, 20)
	if got, want := strings.Join(l.Lines(), "|"), "$ if x          [1]|..> then y z"; got != want {
		t.Fatalf("lines %q, want %q", got, want)
	}
	if l.CursorRow != 1 || l.CursorCol != 10 {
		t.Errorf("cursor at %d,%d", l.CursorRow, l.CursorCol)
	}
	style := func(row, col int) string { return l.Rows[row].Cells[col].Style }
	for _, c := range []struct {
		row, col int
		want     string
	}{
		{0, 0, "\x1b[1m"},
		{0, 2, green}, {0, 3, green}, {0, 4, ""}, {0, 5, ""},
		{0, 16, "\x1b[31m"}, {0, 18, "\x1b[31m"},
		{1, 0, ""}, {1, 3, ""},
		{1, 4, green}, {1, 7, green}, {1, 8, ""}, {1, 9, red},
		{1, 10, "\x1b[36m"}, {1, 11, "\x1b[36m"},
	} {
		if got := style(c.row, c.col); got != c.want {
			t.Errorf("cell %d,%d %q: style %q, want %q", c.row, c.col, l.Rows[c.row].Cells[c.col].Text, got, c.want)
		}
	}
	if l.Rows[0].Cols != 19 {
		t.Errorf("the right prompt's row is %d columns, want 19: the last column free", l.Rows[0].Cols)
	}

	// The style the prompt leaves in force carries on under the spans.
	l = LayoutFrame(Frame{Prompt: "\x1b[4m> ", Text: "ab", Styles: []StyleSpan{{1, 2, green}}}, 20)
	if a, b := l.Rows[0].Cells[2].Style, l.Rows[0].Cells[3].Style; a != "\x1b[4m" || b != "\x1b[4m"+green {
		t.Errorf("styles over the prompt's: %q %q", a, b)
	}

	// No room for the right prompt: not drawn.
	l = LayoutFrame(Frame{Prompt: "$ ", Text: strings.Repeat("x", 14), Right: "[1]"}, 20)
	if got := l.Lines()[0]; got != "$ "+strings.Repeat("x", 14) {
		t.Errorf("right prompt without room: %q", got)
	}
	l = LayoutFrame(Frame{Prompt: "$ ", Text: strings.Repeat("x", 13), Right: "[1]"}, 20)
	if got := l.Lines()[0]; got != "$ "+strings.Repeat("x", 13)+" [1]" {
		t.Errorf("right prompt with just room: %q", got)
	}
	// Text wrapping: no continuation prompt on a soft-wrapped row.
	l = LayoutFrame(Frame{Prompt: "$ ", Text: "abcdefghij\nk", Continuation: "> "}, 6)
	if got, want := strings.Join(l.Lines(), "|"), "$ abcd|efghij|> k"; got != want {
		t.Errorf("wrapped: %q, want %q", got, want)
	}
}

// TestRenderDecorations draws on a terminal: the hint dimmed, highlighted
// cells in their colours, the continuation prompt on each line after the
// first, the right prompt; then the highlighting of the first word
// changes as a letter is typed, which rewrites that word only.
func TestRenderDecorations(t *testing.T) {
	const green, red = "\x1b[32m", "\x1b[31m"
	rt := newRenderTerm(t, 30, 6)
	hl := func(text string) []StyleSpan {
		i := strings.IndexAny(text, " \n")
		if i < 0 {
			i = len(text)
		}
		if text[:i] == "echo" {
			return []StyleSpan{{0, i, green}}
		}
		return []StyleSpan{{0, i, red}}
	}
	f := Frame{Prompt: "$ ", Text: "ech", Cursor: 3, Styles: hl("ech"), Hint: "o hi", Right: "[2]"}
	rt.render(f)
	// [2] in columns 26-28 of 30: the last column stays free.
	pad := func(n int) string { return strings.Repeat(" ", n) }
	vtscreen.WantScreen(t, rt.s, "$ ech▌o hi"+pad(17)+"[2]")
	for col, want := range map[int]string{2: red, 4: red, 5: "\x1b[2m", 8: "\x1b[2m", 9: ""} {
		if got := rt.s.StyleAt(0, col); got != vtscreen.Style(want) {
			t.Errorf("col %d: style %q, want %q", col, got, vtscreen.Style(want))
		}
	}
	f.Text, f.Cursor, f.Hint = "echo", 4, " hi"
	f.Styles = hl(f.Text)
	out := rt.render(f)
	vtscreen.WantScreen(t, rt.s, "$ echo▌ hi"+pad(17)+"[2]")
	if strings.Contains(out, "[2]") || strings.Contains(out, "hi") {
		t.Errorf("typing rewrote more than the word: %q", out)
	}
	for col := 2; col < 6; col++ {
		if got := rt.s.StyleAt(0, col); got != vtscreen.Style(green) {
			t.Errorf("col %d: style %q, want green", col, got)
		}
	}
	f.Text, f.Cursor, f.Hint = "echo {\nx\ny", 11, ""
	f.Styles, f.Continuation = hl(f.Text), "\x1b[2m>\x1b[0m "
	rt.render(f)
	vtscreen.WantScreen(t, rt.s, "$ echo {"+pad(18)+"[2]\n> x\n> y▌")
	if got := rt.s.StyleAt(1, 0); got != vtscreen.Style("\x1b[2m") {
		t.Errorf("continuation prompt style %q", got)
	}
	if got := rt.s.StyleAt(1, 2); got != "" {
		t.Errorf("text after the continuation prompt has style %q", got)
	}
	// Accepted: the hint and the right prompt go (the editor draws the
	// last frame without them).
	f.Right, f.Hint = "", ""
	rt.render(f)
	vtscreen.WantScreen(t, rt.s, `
$ echo {
> x
> y▌`)
}

// TestTypeAtEndAllocsDecorated: with nothing set the extension points
// cost no allocation (TestTypeAtEndAllocs); with a highlighter that
// returns the same spans, typing and drawing allocate nothing either
// beyond what the highlighter does.
func TestTypeAtEndAllocsDecorated(t *testing.T) {
	e := New(testConfig(), nil)
	spans := []StyleSpan{{0, 2, "\x1b[32m"}}
	e.Highlighter = HighlighterFunc(func(string) []StyleSpan { return spans })
	e.Continuation = "> "
	r := NewRenderer(io.Discard, 80)
	key := []byte{'x'}
	typeLine := func(keys int) {
		e.Reset("$ ")
		_ = r.Render(e.Frame())
		for range keys {
			e.Feed(key)
			_ = r.Render(e.Frame())
		}
		_ = r.Finish()
	}
	// What a line costs to start (Reset's bookkeeping) is not a
	// keystroke's: compare a short line with a line three times longer.
	mallocs := func(keys int) uint64 {
		typeLine(keys)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		typeLine(keys)
		runtime.ReadMemStats(&after)
		return after.Mallocs - before.Mallocs
	}
	short, long := mallocs(400), mallocs(1200)
	if long > short+1 || short > 4 {
		t.Fatalf("a highlighted line of 400 keystrokes made %d allocations, one of 1200 made %d: typing allocates", short, long)
	}
}
