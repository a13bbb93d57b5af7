package lineedit

import (
	"strings"
	"testing"

	"github.com/goshell/gosh/completion"
)

// wordCompleter completes the word before the cursor from a fixed list.
type wordCompleter []string

func (w wordCompleter) Complete(line string, cursor int) completion.Result {
	start := strings.LastIndexByte(line[:cursor], ' ') + 1
	word := line[start:cursor]
	r := completion.Result{Start: start, End: cursor}
	for _, c := range w {
		if strings.HasPrefix(c, word) {
			kind := completion.KindWord
			if strings.HasSuffix(c, "/") {
				kind = completion.KindDirectory
			}
			r.Candidates = append(r.Candidates, completion.Candidate{Text: strings.TrimSuffix(c, "/"), Kind: kind})
		}
	}
	return r
}

func TestComplete(t *testing.T) {
	words := wordCompleter{"status", "stash", "show", "src/", "commit"}
	tests := []struct {
		name, before, keys, after, output string
	}{
		{"unique", "git c|", "\t", "git commit |", ""},
		{"directory", "cd sr|", "\t", "cd src/|", ""},
		{"common prefix", "git st|", "\t", "git sta|", ""},
		{"second tab lists", "git sta|", "\t\t", "git sta|", "stash   status  \n"},
		{"tab after extending lists on the third", "git st|", "\t\t", "git sta|", ""},
		{"third tab lists", "git st|", "\t\t\t", "git sta|", "stash   status  \n"},
		{"possible-completions", "git s|", `\e?`, "git s|", "show    src/    stash   status\n"},
		{"insert-completions", "git st|", `\e*`, "git stash status |", ""},
		{"menu-complete", "git st|", `\C-xm\C-xm`, "git status |", ""},
		{"menu-complete wraps to the prefix", "git st|", `\C-xm\C-xm\C-xm`, "git sta|", ""},
		{"no match", "git x|", "\t", "git x|", ""},
		{"delete-char-or-list", "git s|", `\e\C-d`, "git s|", "show    src/    stash   status\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.ParseLine(`"\C-xm": menu-complete`)
			cfg.ParseLine(`"\e\C-d": delete-char-or-list`)
			e := New(cfg, nil)
			e.Completer = words
			e.Width = 40
			setState(e, tt.before)
			e.Feed(keys(t, tt.keys))
			if got := state(e); got != tt.after {
				t.Errorf("line %q, want %q", got, tt.after)
			}
			if got := e.TakeEffects().Output; got != tt.output {
				t.Errorf("output %q, want %q", got, tt.output)
			}
		})
	}
}

func TestCompletionQuery(t *testing.T) {
	var many wordCompleter
	for i := 0; i < 120; i++ {
		many = append(many, "w"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	e := New(testConfig(), nil)
	e.Completer = many
	e.Feed([]byte("w\t\t"))
	if out := e.TakeEffects().Output; out != "Display all 120 possibilities? (y or n)" {
		t.Fatalf("question %q", out)
	}
	e.Feed([]byte("n"))
	if out := e.TakeEffects().Output; out != "\n" {
		t.Errorf("after n: %q", out)
	}
}
