package lineedit

import (
	"strings"
	"testing"

	"github.com/goshell/gosh/history"
)

// histSession types lines into an engine as a shell would: each line of
// lines is accepted (or given up, when it ends in interrupt) and added to
// the history when not empty, then keys are typed on one more line.
func histSession(t *testing.T, rc []string, lines []string, keyseq string) (*Engine, *history.List) {
	t.Helper()
	cfg := testConfig()
	for _, l := range rc {
		cfg.ParseLine(l)
	}
	cfg.ParseLine(`"\C-xf": fetch-history`)
	cfg.ParseLine(`"\C-xs": history-search-backward`)
	cfg.Finish()
	h := history.New()
	for _, s := range []string{"echo one", "echo two", "echo three"} {
		h.Add(s)
	}
	e := New(cfg, h)
	for _, l := range lines {
		e.Reset("$ ")
		k, interrupt := strings.CutSuffix(l, "<interrupt>")
		st := e.Feed(keys(t, k))
		if interrupt {
			if st != Editing {
				t.Fatalf("line %q ended before the interrupt: %v", l, st)
			}
			continue // as the editor does on C-c: the next Reset ends it
		}
		if st != Accepted {
			t.Fatalf("line %q not accepted: %v", l, st)
		}
		if line := e.Line(); line != "" {
			h.Add(line)
		}
	}
	e.Reset("$ ")
	e.Feed(keys(t, keyseq))
	if e.WantsTimeout() {
		e.Timeout()
	}
	return e, h
}

// histShow lists the history, * before an entry that has an undo list,
// as bash's history built-in marks it.
func histShow(e *Engine, h *history.List) string {
	var out []string
	for i := 0; i < h.Len(); i++ {
		m := ""
		if e.HistoryModified(i) {
			m = "*"
		}
		out = append(out, m+h.Line(i))
	}
	return strings.Join(out, ", ")
}

// The expectations come from bash 5.2 (GNU Readline 8.2) on a terminal,
// the history read by `history` after the same keys.
func TestHistoryEdits(t *testing.T) {
	tests := []struct {
		name  string
		rc    []string
		lines []string
		keys  string
		want  string // the last line, | at the point
		hist  string
	}{
		{name: "edit kept when leaving", keys: `\C-p\C-pX\C-n\C-p`, want: "echo twoX|",
			hist: "echo one, *echo twoX, echo three"},
		{name: "edits of the line left", keys: `\C-p\C-pX\C-n`, want: "echo three|",
			hist: "echo one, *echo twoX, echo three"},
		{name: "undo on a revisited entry", keys: `\C-p\C-pX\C-n\C-p\C-_`, want: "echo two|",
			hist: "echo one, echo two, echo three"},
		{name: "undo back into the entry's list", keys: `\C-p\C-pX\C-n\C-pY\C-_\C-_`, want: "echo two|",
			hist: "echo one, echo two, echo three"},
		{name: "undo past the entry's list", keys: `\C-p\C-pX\C-n\C-p\C-_\C-_`, want: "echo two|",
			hist: "echo one, echo two, echo three"},
		{name: "revert-line over visits", keys: `\C-p\C-p\C-wX\C-nY\C-pZ\er`, want: "echo two|",
			hist: "echo one, echo two, *echo threeY"},
		{name: "revert-line then leave", keys: `\C-p\C-p\C-wX\C-n\C-p\er\C-n\C-p`, want: "echo two|",
			hist: "echo one, echo two, echo three"},
		{name: "line being typed keeps its undo list", keys: `echo abc\C-p\C-n\C-w\C-_\C-_`, want: "|",
			hist: "echo one, echo two, echo three"},
		{name: "line being typed through two entries", keys: `echo ab\C-p\C-p\C-n\C-n\C-_`, want: "|",
			hist: "echo one, echo two, echo three"},
		{name: "end-of-history brings it back", keys: `draft\C-p\C-pX\e>`, want: "draft|",
			hist: "echo one, *echo twoX, echo three"},
		{name: "accepted entry reverts", lines: []string{`\C-pX\r`},
			want: "|", hist: "echo one, echo two, echo three, echo threeX"},
		{name: "accepted entry edited before reverts", lines: []string{`\C-pX\C-p\C-n\r`},
			want: "|", hist: "echo one, echo two, echo three, echo threeX"},
		{name: "edits outlive the line", lines: []string{`\C-p\C-pX\C-n\r`}, keys: `\C-p\C-p\C-p`,
			want: "echo twoX|", hist: "echo one, *echo twoX, echo three, echo three"},
		{name: "undo on a later line", lines: []string{`\C-p\C-pX\C-n\r`}, keys: `\C-p\C-p\C-p\C-_`,
			want: "echo two|", hist: "echo one, echo two, echo three, echo three"},
		{name: "revert-all-at-newline", rc: []string{"set revert-all-at-newline on"},
			lines: []string{`\C-p\C-pX\C-nY\r`}, want: "|",
			hist: "echo one, echo two, echo three, echo threeY"},
		{name: "revert-all-at-newline off", lines: []string{`\C-p\C-pX\C-nY\r`}, want: "|",
			hist: "echo one, *echo twoX, echo three, echo threeY"},
		// Typing on a revisited entry extends its last insertion in place:
		// the entry's text keeps only the first visit's edit.
		{name: "insertion grown in place", lines: []string{`\C-pX\C-n\C-pY\C-n\C-p\r`},
			want: "|", hist: "echo one, echo two, echo three, echo threeX"},
		{name: "interrupted on an edited entry", lines: []string{`\C-p\C-pX\C-n\C-pY<interrupt>`},
			keys: `\C-p\C-p\C-_`, want: "echo twoX|", hist: "echo one, echo twoX, echo three"},
		{name: "interrupted line being typed", lines: []string{`draft\C-p\C-p<interrupt>`},
			keys: `\C-n`, want: "|", hist: "echo one, echo two, echo three"},

		// The non-incremental search saves the line when none is saved,
		// and puts the saved line back when it fails or is given up.
		{name: "M-p given up on an entry", lines: []string{`echo draft\C-p\epab\C-g\r`},
			want: "|", hist: "echo one, echo two, , echo draft"},
		{name: "M-p failing on an entry", lines: []string{`echo draft\C-p\epzzz\r\r`},
			want: "|", hist: "echo one, echo two, , echo draft"},
		{name: "M-p found, then down", lines: []string{`echo draft\C-p\eptwo\r\C-n\r`},
			want: "|", hist: "echo one, echo two, echo two, echo two"},
		{name: "M-p undo gives the string", keys: `echo draft\eptwo\r\C-_`, want: "two|",
			hist: "echo one, echo two, echo three"},
		{name: "M-p empty string", keys: `echo draft\ep\r`, want: "|",
			hist: "echo one, echo two, echo three"},
		{name: "M-p again failing", keys: `echo draft\eptwo\r\ep\r\C-_`, want: "two|",
			hist: "echo one, echo two, echo three"},
		// history-search-backward forgets the saved line and puts the
		// entry found in the line, which the move then writes into the
		// entry the line is.
		{name: "history-search forgets the saved line", keys: `draft\C-p\C-a\C-kecho t\C-xs\C-n`,
			want: "echo t|wo", hist: "echo one, echo two, *echo two"},

		// yank-last-arg and yank-nth-arg take the words of the entry
		// before the line's; a repeated yank-last-arg takes back its
		// insertion with undo.
		{name: "yank-last-arg from an entry", keys: `\C-p\C-e \e.`, want: "echo three two|",
			hist: "echo one, echo two, echo three"},
		{name: "yank-last-arg twice", keys: `\e.\e.`, want: "two|", hist: "echo one, echo two, echo three"},
		{name: "yank-last-arg twice undone", keys: `x\e.\e.\C-_`, want: "x|", hist: "echo one, echo two, echo three"},
		{name: "yank-last-arg turned around", keys: `\e.\e.\e.\e-\e.`, want: "two|", hist: "echo one, echo two, echo three"},
		{name: "yank-last-arg argument", keys: `\e0\e.\e.`, want: "echo|", hist: "echo one, echo two, echo three"},
		{name: "yank-nth-arg from an entry", keys: `\C-p\C-p\C-e \e\C-y`, want: "echo two one|",
			hist: "echo one, echo two, echo three"},
		{name: "yank-nth-arg before the first", keys: `\C-p\C-p\C-p\e\C-y`, want: "echo one|",
			hist: "echo one, echo two, echo three"},

		// isearch starts from the entry's text: the line it is not,
		// after M-p given up on it, comes back with C-g.
		{name: "isearch given up after M-p given up", keys: `\C-p\C-p\C-a\ep\C-g\C-re\C-g`, want: "|echo two",
			hist: "echo one, echo two, echo three"},
		// M-p leaves the mark at the end, or the match's end with the
		// point at its start.
		{name: "M-p mark", keys: `\epecho\r\C-x\C-x`, want: "echo three|", hist: "echo one, echo two, echo three"},
		{name: "M-p mark at the match", keys: `\ephr\r\C-x\C-x`, want: "echo thr|ee", hist: "echo one, echo two, echo three"},

		// fetch-history: the first entry without an argument.
		{name: "fetch-history", keys: `\C-xf`, want: "echo one|", hist: "echo one, echo two, echo three"},
		{name: "fetch-history number", keys: `\e2\C-xf`, want: "echo two|", hist: "echo one, echo two, echo three"},
		{name: "fetch-history out of range", keys: `\e9\C-xf`, want: "echo one|", hist: "echo one, echo two, echo three"},
		{name: "fetch-history negative", keys: `\C-p\e-1\C-xf`, want: "echo two|", hist: "echo one, echo two, echo three"},
		{name: "fetch-history keeps edits", keys: `\C-pX\C-xf\C-n\C-n`, want: "echo threeX|",
			hist: "echo one, echo two, *echo threeX"},

		// operate-and-get-next.
		{name: "operate-and-get-next", lines: []string{`\C-p\C-p\C-o`}, want: "echo three|",
			hist: "echo one, echo two, echo three, echo two"},
		{name: "operate-and-get-next argument", lines: []string{`\C-p\C-p\e1\C-o`}, want: "echo one|",
			hist: "echo one, echo two, echo three, echo two"},
		{name: "operate-and-get-next edited", lines: []string{`\C-p\C-pX\C-n\C-p\C-p\C-o`}, want: "echo twoX|",
			hist: "echo one, *echo twoX, echo three, echo one"},

		// history-preserve-point: the point of the first move is kept.
		{name: "history-preserve-point", rc: []string{"set history-preserve-point on"},
			keys: `\C-p\C-p\C-a\C-f\C-f\C-p\C-e\C-n`, want: "ec|ho two", hist: "echo one, echo two, echo three"},
		{name: "history-preserve-point at the end", rc: []string{"set history-preserve-point on"},
			keys: `abc\C-b\C-p\C-n`, want: "abc|", hist: "echo one, echo two, echo three"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, h := histSession(t, tt.rc, tt.lines, tt.keys)
			if got := state(e); got != tt.want {
				t.Errorf("line %q, want %q", got, tt.want)
			}
			if got := histShow(e, h); got != tt.hist {
				t.Errorf("history %q, want %q", got, tt.hist)
			}
		})
	}
}

// TestHistoryEditsAccept checks what the accepted line is when it was a
// history entry: the edited text, while the entry gets back its own.
func TestHistoryEditsAccept(t *testing.T) {
	e, h := histSession(t, nil, nil, `\C-p\C-pX\C-n\C-pY\r`)
	if e.Status() != Accepted || e.Line() != "echo twoXY" {
		t.Fatalf("status %v line %q", e.Status(), e.Line())
	}
	if got := histShow(e, h); got != "echo one, echo two, echo three" {
		t.Errorf("history %q", got)
	}
}

// TestHistoryEditsLostEntry: an entry whose text changed behind the
// engine's back (a program replaced or deleted entries) has no undo list.
func TestHistoryEditsLostEntry(t *testing.T) {
	e, h := histSession(t, nil, []string{`\C-p\C-pX\C-n\r`}, "")
	if !e.HistoryModified(1) {
		t.Fatal("entry 1 not modified")
	}
	h.Remove(0)
	if e.HistoryModified(0) || e.HistoryModified(1) {
		t.Errorf("after a deletion: %s", histShow(e, h))
	}
	e.Reset("$ ")
	e.Feed(keys(t, `\C-p\C-p\C-p\C-_`))
	if got := state(e); got != "echo twoX|" {
		t.Errorf("undo on the entry: %q", got)
	}
}

// TestMarkModifiedLines: a * before the prompt's last line while the line
// is a history entry with changes.
func TestMarkModifiedLines(t *testing.T) {
	for _, tt := range []struct{ keys, mode string }{
		{`\C-p`, ""},
		{`\C-pX`, "*"},
		{`\C-pX\C-_`, ""},
		{`\C-pX\C-n`, ""},
		{`\C-pX\C-n\C-p`, "*"},
		{`abc`, ""},
	} {
		e, _ := histSession(t, []string{"set mark-modified-lines on"}, nil, tt.keys)
		if got := e.Frame().Mode; got != tt.mode {
			t.Errorf("%q: mode %q, want %q", tt.keys, got, tt.mode)
		}
	}
	e, _ := histSession(t, nil, nil, `\C-pX`)
	if got := e.Frame().Mode; got != "" {
		t.Errorf("mark-modified-lines off: mode %q", got)
	}
}

// TestYankArgCommentChar: history_tokenize stops at a word that starts
// with the history list's comment character.
func TestYankArgCommentChar(t *testing.T) {
	h := history.New()
	h.Add("echo a #b c")
	h.CommentChar = '#'
	e := New(testConfig(), h)
	e.Feed(keys(t, `\e.`))
	if got := state(e); got != "a|" {
		t.Errorf("yank-last-arg: %q", got)
	}
	h.Add("#echo x")
	e.Reset("$ ")
	e.Feed(keys(t, `\e.`))
	if got := state(e); got != "|" || !e.Bell() {
		t.Errorf("yank-last-arg of a comment: %q", got)
	}
}
