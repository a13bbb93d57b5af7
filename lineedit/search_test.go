package lineedit

import (
	"testing"

	"github.com/goshell/gosh/history"
)

// TestIncrementalSearch checks the incremental search against what
// readline's isearch.c does, quirks included: C-r repeated moves one
// character back in the line before leaving it, rubbing out searches
// again from where the search is, and a failed search keeps the line
// found last.
func TestIncrementalSearch(t *testing.T) {
	hist := []string{"echo status", "printf one two", `echo "a b" c`, "cd /tmp; echo lib"}
	tests := []struct {
		name, keys, prompt, line string
		cursor                   int
	}{
		{"found", `\C-rech`, "(reverse-i-search)`ech': ", "cd /tmp; echo lib", 9},
		{"again", `\C-rech\C-r`, "(reverse-i-search)`ech': ", `echo "a b" c`, 0},
		{"again in the same line", `\C-ro\C-r`, "(reverse-i-search)`o': ", `echo "a b" c`, 3},
		{"failed", `\C-rzz`, "(failed reverse-i-search)`zz': ", "", 0},
		{"rubout", `\C-rechx\C-?`, "(reverse-i-search)`ech': ", "cd /tmp; echo lib", 0},
		{"rubout to nothing", `\C-re\C-?`, "(failed reverse-i-search)`': ", "cd /tmp; echo lib", 9},
		{"C-w adds a word", `\C-rpri\C-w`, "(reverse-i-search)`printf': ", "printf one two", 0},
		{"turn around", `\C-rech\C-r\C-s`, "(i-search)`ech': ", `echo "a b" c`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := history.New()
			for _, l := range hist {
				h.Add(l)
			}
			e := New(testConfig(), h)
			e.Reset("$ ")
			e.Feed(keys(t, tt.keys))
			f := e.Frame()
			if f.Prompt != tt.prompt || f.Text != tt.line || f.Cursor != tt.cursor {
				t.Errorf("got %q %q at %d, want %q %q at %d", f.Prompt, f.Text, f.Cursor, tt.prompt, tt.line, tt.cursor)
			}
		})
	}
}

// TestHistorySearchKeepsPosition checks that history-search-backward
// and the non-incremental search put the entry in the line without
// moving in the history, as readline in emacs mode.
func TestHistorySearchKeepsPosition(t *testing.T) {
	h := history.New()
	for _, l := range []string{"make all", "ls", "make test", "pwd"} {
		h.Add(l)
	}
	cfg := testConfig()
	cfg.ParseLine(`"\C-xp": history-search-backward`)
	e := New(cfg, h)
	e.Reset("$ ")
	e.Feed(keys(t, `make\C-xp`))
	if got := state(e); got != "make| test" {
		t.Fatalf("search: %q", got)
	}
	e.Feed(keys(t, `\C-xp`))
	if got := state(e); got != "make| all" {
		t.Fatalf("search again: %q", got)
	}
	e.Feed(keys(t, `\C-p`))
	if got := state(e); got != "pwd|" {
		t.Errorf("previous-history after the search: %q", got)
	}
	e.Reset("$ ")
	e.Feed(keys(t, `\epls\r`))
	if got := state(e); got != "|ls" {
		t.Errorf("non-incremental search: %q", got)
	}
	e.Feed(keys(t, `\ept\r`))
	if got := state(e); got != "make tes|t" {
		t.Errorf("non-incremental search inside the line: %q", got)
	}
	e.Feed(keys(t, `\epnothing\r`))
	if got := state(e); got != "|make test" {
		t.Errorf("failed search: %q", got)
	}
}
