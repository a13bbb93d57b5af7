package lineedit

import (
	"testing"
)

// TestExpandTildeCompletion is readline's expand-tilde: on, completing a
// file name under ~ puts the home directory's path in the line; off (the
// default), the ~ stays. The list shows the names as before either way.
func TestExpandTildeCompletion(t *testing.T) {
	t.Setenv("HOME", "/home/tester")
	words := wordCompleter{"~/Documents/", "~/Downloads/", "~notes"}
	tests := []struct {
		name, set, before, keys, after, output string
	}{
		{"off", "off", "ls ~/Doc|", "\t", "ls ~/Documents/|", ""},
		{"on", "on", "ls ~/Doc|", "\t", "ls /home/tester/Documents/|", ""},
		{"on, common prefix", "on", "ls ~/D|", "\t", "ls /home/tester/Do|", ""},
		{"on, the list unchanged", "on", "ls ~/D|", `\e?`, "ls ~/D|", "~/Documents/ ~/Downloads/ \n"},
		{"on, not a file name", "on", "ls ~n|", "\t", "ls ~notes |", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.ParseLine("set expand-tilde " + tt.set)
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
