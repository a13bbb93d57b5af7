package lineedit

import (
	"testing"

	"github.com/goshell/gosh/completion"
)

// orderedCompleter proposes its words in their order, with NoSort set
// as given.
type orderedCompleter struct {
	words  []string
	noSort bool
}

func (o orderedCompleter) Complete(line string, cursor int) completion.Result {
	r := completion.Result{Start: cursor, End: cursor, NoSort: o.noSort}
	for _, w := range o.words {
		r.Candidates = append(r.Candidates, completion.Candidate{Text: w})
	}
	return r
}

// TestCompleteNoSort checks that Result.NoSort keeps the completer's
// order in the list, in insert-completions and in menu completion, and
// removes only adjacent duplicates, as readline does with
// rl_sort_completion_matches off; without it the candidates are sorted
// and all duplicates go.
func TestCompleteNoSort(t *testing.T) {
	tests := []struct {
		name   string
		comp   orderedCompleter
		keys   string
		after  string
		output string
	}{
		{"sorted list", orderedCompleter{[]string{"c", "b", "a", "b"}, false}, "\t\t", "x |", "a  b  c  \n"},
		{"unsorted list", orderedCompleter{[]string{"c", "b", "a"}, true}, "\t\t", "x |", "c  b  a  \n"},
		{"adjacent duplicates go", orderedCompleter{[]string{"c", "c", "b", "a", "b"}, true}, "\t\t", "x |", "c  b  a  b  \n"},
		{"insert-completions", orderedCompleter{[]string{"zz", "yy", "xx"}, true}, `\e*`, "x zz yy xx |", ""},
		{"menu-complete", orderedCompleter{[]string{"zz", "yy", "xx"}, true}, `\C-xm`, "x zz |", ""},
		{"common prefix", orderedCompleter{[]string{"pq2", "pq1"}, true}, "\t", "x pq|", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.ParseLine(`"\C-xm": menu-complete`)
			e := New(cfg, nil)
			e.Completer = tt.comp
			e.Width = 40
			setState(e, "x |")
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
