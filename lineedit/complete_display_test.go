package lineedit

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/goshell/gosh/completion"
)

// candCompleter completes the word before the cursor from fixed
// candidates, by prefix.
type candCompleter []completion.Candidate

func (cs candCompleter) Complete(line string, cursor int) completion.Result {
	start := strings.LastIndexByte(line[:cursor], ' ') + 1
	word := line[start:cursor]
	r := completion.Result{Start: start, End: cursor}
	for _, c := range cs {
		if strings.HasPrefix(c.Text, word) {
			r.Candidates = append(r.Candidates, c)
		}
	}
	return r
}

func file(name string) completion.Candidate {
	return completion.Candidate{Text: name, Kind: completion.KindFile}
}

func dir(name string) completion.Candidate {
	return completion.Candidate{Text: name, Kind: completion.KindDirectory}
}

var files = candCompleter{
	file("alpha"), file("alphabet"), dir("alpine"), file("beta.txt"),
	{Text: "bin-tool", Kind: completion.KindExecutable}, dir("build"),
	{Text: "link", Kind: completion.KindSymlink}, file("zeta"),
}

// TestLayoutColumns checks rl_display_match_list's layout: columns two
// wider than the longest item, one fewer when they would fill the width
// exactly, items down the columns or across.
func TestLayoutColumns(t *testing.T) {
	items := []string{"a", "bb", "ccc", "dddd", "e"}
	widths := []int{1, 2, 3, 4, 1}
	tests := []struct {
		name   string
		width  int
		across bool
		want   []string
	}{
		{"down", 20, false, []string{"a     ccc   e", "bb    dddd  "}},
		{"across", 20, true, []string{"a     bb    ccc", "dddd  e"}},
		{"exact fit drops a column", 18, false, []string{"a     dddd", "bb    e", "ccc   "}},
		{"one more than exact", 19, false, []string{"a     ccc   e", "bb    dddd  "}},
		{"one column", 6, false, []string{"a", "bb", "ccc", "dddd", "e"}},
		{"exact one column", 6, true, []string{"a", "bb", "ccc", "dddd", "e"}},
		{"zero width", 0, false, []string{"a", "bb", "ccc", "dddd", "e"}},
		{"wide", 80, false, []string{"a     bb    ccc   dddd  e     "}},
		{"wide across", 80, true, []string{"a     bb    ccc   dddd  e"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := layoutColumns(items, widths, 4, tt.width, tt.across)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// listing completes before with keys and returns the line and what was
// printed, for an engine with the given init file lines.
func listing(t *testing.T, inputrc []string, comp completion.Completer, before, keysTyped string, setup func(*Engine)) (string, string, bool) {
	t.Helper()
	cfg := testConfig()
	for _, l := range inputrc {
		cfg.ParseLine(l)
	}
	e := New(cfg, nil)
	e.Completer = comp
	e.Width = 40
	e.Getenv = func(string) string { return "" }
	if setup != nil {
		setup(e)
	}
	setState(e, before)
	e.Feed(keys(t, keysTyped))
	return state(e), e.TakeEffects().Output, e.Bell()
}

// TestDisplayVariables checks the list and the line for each display
// variable of readline.
func TestDisplayVariables(t *testing.T) {
	links := func(e *Engine) {
		e.Completer = candCompleter{
			{Text: "dl", Kind: completion.KindSymlink, Mode: fs.ModeSymlink | 0o777, Suffix: completion.NoSuffix},
			{Text: "fl", Kind: completion.KindSymlink, Mode: fs.ModeSymlink | 0o777},
		}
	}
	lsColors := func(v string) func(*Engine) {
		return func(e *Engine) { e.Getenv = func(string) string { return v } }
	}
	tests := []struct {
		name      string
		inputrc   []string
		before    string
		keys      string
		setup     func(*Engine)
		line, out string
	}{
		{name: "mark-directories", before: "ls |", keys: `\e?`,
			line: "ls |", out: "alpha     beta.txt  link\nalphabet  bin-tool  zeta\nalpine/   build/    \n"},
		{name: "mark-directories off", inputrc: []string{"set mark-directories off"}, before: "ls |", keys: `\e?`,
			line: "ls |", out: "alpha     beta.txt  link\nalphabet  bin-tool  zeta\nalpine    build     \n"},
		{name: "visible-stats", inputrc: []string{"set visible-stats on"}, before: "ls |", keys: `\e?`,
			line: "ls |", out: "alpha     beta.txt  link@\nalphabet  bin-tool* zeta\nalpine/   build/    \n"},
		{name: "single match listed", before: "ls alpi|", keys: `\e?`, line: "ls alpi|", out: "alpine/\n"},
		{name: "directory completed", before: "ls alpi|", keys: `\t`, line: "ls alpine/|"},
		{name: "directory without mark", inputrc: []string{"set mark-directories off"}, before: "ls alpi|", keys: `\t`, line: "ls alpine|"},
		{name: "space only at the end", before: "ls bet| x", keys: `\t`, line: "ls beta.txt| x"},
		{name: "slash not doubled", before: "ls alpi|/x", keys: `\t`, line: "ls alpine|/x"},
		{name: "show-all-if-ambiguous", inputrc: []string{"set show-all-if-ambiguous on"}, before: "ls alph|", keys: `\t`,
			line: "ls alpha|", out: "alpha     alphabet  \n"},
		{name: "show-all-if-ambiguous inserts first", inputrc: []string{"set show-all-if-ambiguous on"}, before: "ls al|", keys: `\t`,
			line: "ls alp|", out: "alpha     alphabet  alpine/\n"},
		{name: "show-all-if-unmodified inserts", inputrc: []string{"set show-all-if-unmodified on"}, before: "ls al|", keys: `\t`, line: "ls alp|"},
		{name: "show-all-if-unmodified lists", inputrc: []string{"set show-all-if-unmodified on"}, before: "ls alp|", keys: `\t`,
			line: "ls alp|", out: "alpha     alphabet  alpine/\n"},
		{name: "print-completions-horizontally", inputrc: []string{"set print-completions-horizontally on"}, before: "ls |", keys: `\e?`,
			line: "ls |", out: "alpha     alphabet  alpine/\nbeta.txt  bin-tool  build/\nlink      zeta\n"},
		{name: "completion-display-width", inputrc: []string{"set completion-display-width 25"}, before: "ls |", keys: `\e?`,
			line: "ls |", out: "alpha     bin-tool\nalphabet  build/\nalpine/   link\nbeta.txt  zeta\n"},
		{name: "completion-display-width wider than the screen", inputrc: []string{"set completion-display-width 200"}, before: "ls |", keys: `\e?`,
			line: "ls |", out: "alpha     beta.txt  link\nalphabet  bin-tool  zeta\nalpine/   build/    \n"},
		{name: "completion-prefix-display-length", inputrc: []string{"set completion-prefix-display-length 2"}, before: "ls alph|", keys: `\e?`,
			line: "ls alph|", out: "alpha   ...bet  \n"},
		{name: "ellipsis before a period", inputrc: []string{"set completion-prefix-display-length 2"}, before: "ls pre|", keys: `\e?`,
			setup: func(e *Engine) { e.Completer = candCompleter{file("prefix.one"), file("prefix.two"), file("prefixes")} },
			line:  "ls pre|", out: "___.one  ___.two  ...es    \n"},
		{name: "colored-completion-prefix", inputrc: []string{"set colored-completion-prefix on"}, before: "ls al|", keys: `\e?`,
			line: "ls al|", out: "\x1b[01;35malp\x1b[0m\x1b[Kha     \x1b[01;35malp\x1b[0m\x1b[Khabet  \x1b[01;35malp\x1b[0m\x1b[Kine/\n"},
		{name: "colored prefix from LS_COLORS", inputrc: []string{"set colored-completion-prefix on"}, before: "ls al|", keys: `\e?`,
			setup: lsColors("*readline-colored-completion-prefix=04"),
			line:  "ls al|", out: "\x1b[04malp\x1b[0m\x1b[Kha     \x1b[04malp\x1b[0m\x1b[Khabet  \x1b[04malp\x1b[0m\x1b[Kine/\n"},
		{name: "colored-stats", inputrc: []string{"set colored-stats on"}, before: "ls b|", keys: `\e?`,
			line: "ls b|", out: "beta.txt\x1b[0m\x1b[K  \x1b[01;32mbin-tool\x1b[0m\x1b[K  \x1b[01;34mbuild\x1b[0m\x1b[K/\n"},
		{name: "colored-stats from LS_COLORS", inputrc: []string{"set colored-stats on"}, before: "ls b|", keys: `\e?`,
			setup: lsColors("di=33:*.txt=35"),
			line:  "ls b|", out: "\x1b[35mbeta.txt\x1b[0m\x1b[K  \x1b[01;32mbin-tool\x1b[0m\x1b[K  \x1b[33mbuild\x1b[0m\x1b[K/\n"},
		{name: "colored prefix and stats", inputrc: []string{"set colored-stats on", "set colored-completion-prefix on"}, before: "ls bu|", keys: `\e?`,
			line: "ls bu|", out: "\x1b[01;34mbuild\x1b[0m\x1b[K/\n"},
		{name: "link to a directory listed", before: "ls |", keys: `\e?`, setup: links,
			line: "ls |", out: "dl/ fl  \n"},
		{name: "link to a directory with visible-stats", inputrc: []string{"set visible-stats on"}, before: "ls |", keys: `\e?`, setup: links,
			line: "ls |", out: "dl@ fl@ \n"},
		{name: "link to a directory completed", before: "ls d|", keys: `\t`, setup: links, line: "ls dl|"},
		{name: "link to a directory typed whole", before: "ls dl|", keys: `\t`, setup: links, line: "ls dl/|"},
		{name: "mark-symlinked-directories", inputrc: []string{"set mark-symlinked-directories on"}, before: "ls d|", keys: `\t`, setup: links, line: "ls dl/|"},
		{name: "link to a file completed", before: "ls f|", keys: `\t`, setup: links, line: "ls fl |"},
		{name: "colours from the mode", inputrc: []string{"set colored-stats on"}, before: "ls |", keys: `\e?`,
			setup: func(e *Engine) {
				e.Completer = candCompleter{{Text: "su", Kind: completion.KindExecutable, Mode: fs.ModeSetuid | 0o755}, {Text: "tw", Kind: completion.KindDirectory, Mode: fs.ModeDir | fs.ModeSticky | 0o777}}
			},
			line: "ls |", out: "\x1b[37;41msu\x1b[0m\x1b[K  \x1b[30;42mtw\x1b[0m\x1b[K/ \n"},
		{name: "control characters", before: "ls a|", keys: `\e?`,
			setup: func(e *Engine) { e.Completer = candCompleter{file("a\x01b"), file("a\x7fc")} },
			line:  "ls a|", out: "a^Ab  a^?c  \n"},
		{name: "skip-completed-text", inputrc: []string{"set skip-completed-text on"}, before: "ls alph|abet", keys: `\t`, line: "ls alpha|bet"},
		{name: "without skip-completed-text", before: "ls alph|abet", keys: `\t`, line: "ls alpha|abet"},
		{name: "insert-completions", before: "ls b|", keys: `\e*`, line: "ls beta.txt bin-tool build |"},
		{name: "possible-completions after a failure inserts", before: "ls bu|", keys: `\e?`,
			setup: func(e *Engine) { e.compl.failed = true }, line: "ls build/|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, out, _ := listing(t, tt.inputrc, files, tt.before, tt.keys, tt.setup)
			if line != tt.line {
				t.Errorf("line %q, want %q", line, tt.line)
			}
			if out != tt.out {
				t.Errorf("output\n%q, want\n%q", out, tt.out)
			}
		})
	}
}

// TestIgnoreCase checks completion-ignore-case for the common prefix
// and completion-map-case for MatchPrefix.
func TestIgnoreCase(t *testing.T) {
	words := candCompleter{file("README"), file("Readme.txt"), file("readme.md")}
	fold := completion.CompleterFunc(func(line string, cursor int) completion.Result {
		start := strings.LastIndexByte(line[:cursor], ' ') + 1
		r := completion.Result{Start: start, End: cursor}
		for _, c := range words {
			if MatchPrefix(c.Text, line[start:cursor], true, false) {
				r.Candidates = append(r.Candidates, c)
			}
		}
		return r
	})
	for _, tt := range []struct{ before, want string }{
		{"ls rea|", "ls readme|"},
		{"ls REA|", "ls README|"},
		{"ls ReA|", "ls README|"},
		{"ls Rea|", "ls Readme|"},
	} {
		line, _, _ := listing(t, []string{"set completion-ignore-case on"}, fold, tt.before, `\t`, nil)
		if line != tt.want {
			t.Errorf("%s: got %q, want %q", tt.before, line, tt.want)
		}
	}
	for _, tt := range []struct {
		cand, word    string
		fold, mapCase bool
		want          bool
	}{
		{"my-file", "my_", true, true, true},
		{"my_file", "MY-", true, true, true},
		{"my-file", "my_", true, false, false},
		{"my-file", "MY-", false, false, false},
		{"My-File", "my-f", true, false, true},
		{"ab", "abc", true, true, false},
	} {
		if got := MatchPrefix(tt.cand, tt.word, tt.fold, tt.mapCase); got != tt.want {
			t.Errorf("MatchPrefix(%q, %q, %v, %v) = %v", tt.cand, tt.word, tt.fold, tt.mapCase, got)
		}
	}
}

// TestQueryAndPager checks completion-query-items' question and the
// --More-- pager of page-completions.
func TestQueryAndPager(t *testing.T) {
	var many candCompleter
	for i := 0; i < 30; i++ {
		many = append(many, completion.Candidate{Text: "w" + string(rune('0'+i/10)) + string(rune('0'+i%10))})
	}
	// 30 items 3 columns wide: 7 columns of 5 fit in 40 (8 would fill
	// it exactly), so 5 rows, and 6 columns are used.
	rows := []string{
		"w00  w05  w10  w15  w20  w25  ",
		"w01  w06  w11  w16  w21  w26  ",
		"w02  w07  w12  w17  w22  w27  ",
		"w03  w08  w13  w18  w23  w28  ",
		"w04  w09  w14  w19  w24  w29  ",
	}
	list := strings.Join(rows, "\n") + "\n"
	tests := []struct {
		name    string
		inputrc []string
		height  int
		steps   []string // keys, then the output they give, in turn
		bells   []bool
	}{
		{name: "no question below the limit", inputrc: []string{"set completion-query-items 31"},
			steps: []string{"w\t\t", list}, bells: []bool{true}},
		{name: "question answered no", inputrc: []string{"set completion-query-items 30"},
			steps: []string{"w\t\t", "Display all 30 possibilities? (y or n)", "x", "", "n", "\n"}, bells: []bool{true, true, false}},
		{name: "question answered yes", inputrc: []string{"set completion-query-items 10"},
			steps: []string{"w\t\t", "Display all 30 possibilities? (y or n)", " ", "\n" + list}, bells: []bool{true, false}},
		{name: "question answered with DEL", inputrc: []string{"set completion-query-items 10"},
			steps: []string{"w\t\t", "Display all 30 possibilities? (y or n)", "\x7f", "\n"}, bells: []bool{true, false}},
		{name: "query off", inputrc: []string{"set completion-query-items 0"},
			steps: []string{"w\t\t", list}, bells: []bool{true}},
		{name: "pager space", height: 4,
			steps: []string{"w\t\t", strings.Join(rows[:3], "\n") + "\n--More--", " ", eraseMore + strings.Join(rows[3:], "\n") + "\n"},
			bells: []bool{true, false}},
		{name: "pager return", height: 4,
			steps: []string{"w\t\t", strings.Join(rows[:3], "\n") + "\n--More--", "\r", eraseMore + rows[3] + "\n--More--", "\r", eraseMore + rows[4] + "\n"},
			bells: []bool{true, false, false}},
		{name: "pager quit", height: 4,
			steps: []string{"w\t\t", strings.Join(rows[:3], "\n") + "\n--More--", "z", "", "q", eraseMore},
			bells: []bool{true, true, false}},
		{name: "pager off", inputrc: []string{"set page-completions off"}, height: 4,
			steps: []string{"w\t\t", list}, bells: []bool{true}},
		{name: "pager after the question", inputrc: []string{"set completion-query-items 10"}, height: 4,
			steps: []string{"w\t\t", "Display all 30 possibilities? (y or n)", "y", "\n" + strings.Join(rows[:3], "\n") + "\n--More--", "n", eraseMore},
			bells: []bool{true, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			for _, l := range tt.inputrc {
				cfg.ParseLine(l)
			}
			e := New(cfg, nil)
			e.Completer = many
			e.Width = 40
			if tt.height > 0 {
				e.Height = tt.height
			}
			for i := 0; i < len(tt.steps); i += 2 {
				e.Feed([]byte(tt.steps[i]))
				if out := e.TakeEffects().Output; out != tt.steps[i+1] {
					t.Errorf("after %q: output %q, want %q", tt.steps[i], out, tt.steps[i+1])
				}
				if bell := e.Bell(); bell != tt.bells[i/2] {
					t.Errorf("after %q: bell %v", tt.steps[i], bell)
				}
			}
			if e.confirm != nil {
				t.Errorf("still asking")
			}
			if state(e) != "w|" {
				t.Errorf("line %q", state(e))
			}
		})
	}
}

// TestMenuComplete checks menu-complete, menu-complete-backward and
// old-menu-complete: the common prefix first, then each candidate with
// what follows it, a bell when the menu comes round.
func TestMenuComplete(t *testing.T) {
	tests := []struct {
		name    string
		inputrc []string
		keys    string
		lines   []string // after each C-x m
		bells   []bool
		out     string
	}{
		{name: "cycle", keys: `\C-xm`, lines: []string{"ls alpha |", "ls alphabet |", "ls alpine/|", "ls alp|", "ls alpha |"},
			bells: []bool{false, false, false, true, false}},
		{name: "backward", inputrc: []string{`"\C-xm": menu-complete-backward`}, keys: `\C-xm`,
			lines: []string{"ls alpine/|", "ls alphabet |", "ls alpha |", "ls alp|"}, bells: []bool{false, false, false, true}},
		{name: "argument", keys: `\e2\C-xm`, lines: []string{"ls alphabet |"}, bells: []bool{false}},
		{name: "display prefix", inputrc: []string{"set menu-complete-display-prefix on"}, keys: `\C-xm`,
			lines: []string{"ls alp|", "ls alpha |"}, bells: []bool{true, false}},
		{name: "show all", inputrc: []string{"set show-all-if-ambiguous on"}, keys: `\C-xm`,
			lines: []string{"ls alpha |"}, bells: []bool{false}, out: "alpha     alphabet  alpine/\n"},
		{name: "old", inputrc: []string{`"\C-xm": old-menu-complete`}, keys: `\C-xm`,
			lines: []string{"ls alpha |", "ls alphabet |", "ls alpine/|", "ls al|"}, bells: []bool{false, false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.ParseLine(`"\C-xm": menu-complete`)
			for _, l := range tt.inputrc {
				cfg.ParseLine(l)
			}
			e := New(cfg, nil)
			e.Completer = files
			e.Width = 40
			setState(e, "ls al|")
			for i, want := range tt.lines {
				e.Feed(keys(t, tt.keys))
				if got := state(e); got != want {
					t.Errorf("step %d: line %q, want %q", i+1, got, want)
				}
				if bell := e.Bell(); bell != tt.bells[i] {
					t.Errorf("step %d: bell %v", i+1, bell)
				}
				if out := e.TakeEffects().Output; i == 0 && out != tt.out {
					t.Errorf("output %q, want %q", out, tt.out)
				}
			}
		})
	}
	// A single candidate is completed, and the next menu-complete starts
	// afresh.
	cfg := testConfig()
	cfg.ParseLine(`"\C-xm": menu-complete`)
	e := New(cfg, nil)
	e.Completer = files
	setState(e, "ls alpi|")
	e.Feed(keys(t, `\C-xm`))
	if got := state(e); got != "ls alpine/|" {
		t.Errorf("unique: %q", got)
	}
}
