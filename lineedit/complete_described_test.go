package lineedit

import (
	"strings"
	"testing"

	"github.com/goshell/gosh/completion"
)

// markMenu renders the parts of a menu in brackets, so that tests see
// the styles: [item], <selected>, (description), {more}.
func markMenu(p MenuPart, s string) string {
	switch p {
	case MenuSelected:
		return "<" + s + ">"
	case MenuDescription:
		return "(" + s + ")"
	case MenuMore:
		return "{" + s + "}"
	}
	return "[" + s + "]"
}

func TestMenuRows(t *testing.T) {
	described := []completion.Candidate{
		{Text: "cd", Description: "Change the shell working directory."},
		{Text: "command", Description: "Execute a simple command."},
		{Text: "compgen"},
		{Text: "écho", Display: "écho*", Description: "a line\nwith a newline"},
	}
	var plain []completion.Candidate
	for _, w := range strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu") {
		plain = append(plain, completion.Candidate{Text: w})
	}
	tests := []struct {
		name                string
		items               []completion.Candidate
		sel, width, maxRows int
		want                string
	}{
		{"descriptions aligned", described, -1, 80, 0, `
[cd     ]  (Change the shell working directory.)
[command]  (Execute a simple command.)
[compgen]
[écho*  ]  (a line with a newline)`},
		{"descriptions cut to the width", described, 1, 24, 0, `
[cd     ]  (Change the she…)
<command>  (Execute a simp…)
[compgen]
[écho*  ]  (a line with a …)`},
		{"no room for descriptions", described, -1, 8, 0, `
[cd     ]
[command]
[compgen]
[écho*  ]`},
		{"items cut to the width", described, -1, 5, 0, `
[cd   ]
[comm…]
[comp…]
[écho*]`},
		{"a window around the selection", described, 3, 40, 3, `
[compgen]
<écho*  >  (a line with a newline)
{(2 more)}`},
		{"columns", plain, -1, 30, 10, `
[alpha]    [epsilon]  [iota]
[beta]     [zeta]     [kappa]
[gamma]    [eta]      [lambda]
[delta]    [theta]    [mu]`},
		{"columns in a window", plain, 11, 30, 3, `
[gamma]    [eta]      [lambda]
[delta]    [theta]    <mu>
{(6 more)}`},
		{"none", nil, -1, 30, 3, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(MenuRows(tc.items, tc.sel, tc.width, tc.maxRows, markMenu), "\n")
			if want := strings.TrimPrefix(tc.want, "\n"); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			// The marks aside, no row is wider than the width.
			unmark := strings.NewReplacer("[", "", "]", "", "<", "", ">", "", "(", "", ")", "", "{", "", "}", "")
			for _, row := range MenuRows(tc.items, tc.sel, tc.width, tc.maxRows, func(_ MenuPart, s string) string { return s }) {
				if w := Width(unmark.Replace(row)); w > tc.width {
					t.Errorf("row %q is %d columns wide, more than %d", row, w, tc.width)
				}
			}
		})
	}
}

// TestMenuStyleRender: each part gets its SGR sequences.
func TestMenuStyleRender(t *testing.T) {
	st := MenuStyle{Item: SGR{"<i>", "</i>"}, Selected: SGR{"<s>", "</s>"}, Description: SGR{"<d>", "</d>"}, More: SGR{"<m>", "</m>"}}
	for p, want := range map[MenuPart]string{MenuItem: "<i>x</i>", MenuSelected: "<s>x</s>", MenuDescription: "<d>x</d>", MenuMore: "<m>x</m>"} {
		if got := st.Render(p, "x"); got != want {
			t.Errorf("part %d: %q, want %q", p, got, want)
		}
	}
	if got := (SGR{}).Render("x"); got != "x" {
		t.Errorf("no style: %q", got)
	}
}

var describedCands = candCompleter{
	{Text: "cd", Description: "Change the shell working directory."},
	{Text: "command", Description: "Execute a simple command."},
	{Text: "compgen", Description: "Display possible completions depending on the options."},
	{Text: "complete", Description: "Specify how arguments are to be completed by Readline."},
}

var testMenuStyle = MenuStyle{Item: SGR{"\x1b[1m", "\x1b[m"}, Selected: SGR{"\x1b[7m", "\x1b[m"},
	Description: SGR{"\x1b[2m", "\x1b[m"}, More: SGR{"\x1b[2m", "\x1b[m"}}

// TestEngineDescribedMenu: with CompletionMenu set, a list of candidates
// with descriptions is shown under the line (Frame.Below) rather than
// printed, stays while completion commands repeat, shows the candidate
// menu-complete put in the line as selected, and goes with another key.
func TestEngineDescribedMenu(t *testing.T) {
	cfg := testConfig()
	cfg.ParseLine(`"\C-xm": menu-complete`)
	cfg.ParseLine("set show-all-if-ambiguous on")
	e := New(cfg, nil)
	e.Completer = describedCands
	e.Width, e.Height = 41, 24
	st := testMenuStyle
	e.CompletionMenu = &st
	setState(e, "c|")
	e.Feed(keys(t, `\t`))
	if out := e.TakeEffects().Output; out != "" {
		t.Errorf("the list was printed too: %q", out)
	}
	plain := func(rows []string) string {
		return strings.NewReplacer("\x1b[1m", "[", "\x1b[7m", "<", "\x1b[2m", "(", "\x1b[m", "|").Replace(strings.Join(rows, "\n"))
	}
	want := `[cd      |  (Change the shell working dire…|
[command |  (Execute a simple command.|
[compgen |  (Display possible completions …|
[complete|  (Specify how arguments are to …|`
	if got := plain(e.Frame().Below); got != want {
		t.Errorf("menu after TAB:\n%s\nwant:\n%s", got, want)
	}
	e.Feed(keys(t, `o`))
	if got := e.Frame().Below; got != nil {
		t.Errorf("the menu stayed after a key: %q", got)
	}
	// menu-complete: the candidate in the line is selected.
	e.Feed(keys(t, `\C-xm`))
	if got := state(e); got != "command |" {
		t.Errorf("line %q", got)
	}
	want = `<command |  (Execute a simple command.|
[compgen |  (Display possible completions …|
[complete|  (Specify how arguments are to …|`
	if got := plain(e.Frame().Below); got != want {
		t.Errorf("menu after menu-complete:\n%s\nwant:\n%s", got, want)
	}
	e.Feed(keys(t, `\C-xm`))
	if got := plain(e.Frame().Below); !strings.HasPrefix(got, "[command |  (Execute a simple command.|\n<compgen |") {
		t.Errorf("menu after menu-complete again:\n%s", got)
	}
	// A TAB that lists nothing takes the menu away.
	e.Feed(keys(t, `\C-a\C-kcd\t`))
	if got := e.Frame().Below; got != nil {
		t.Errorf("a stale menu: %q", got)
	}
	// The menu is limited to MaxRows rows.
	st.MaxRows = 2
	e.Feed(keys(t, `\C-a\C-kc\t`))
	if got := plain(e.Frame().Below); got != "[cd      |  (Change the shell working dire…|\n((3 more)|" {
		t.Errorf("menu in 2 rows:\n%s", got)
	}

	// Candidates without descriptions, or a menu not asked for, are
	// listed as readline lists them.
	for _, tc := range []struct {
		name, line string
		menu       *MenuStyle
		comp       completion.Completer
	}{{"no descriptions", "al|", &st, files}, {"no menu", "c|", nil, describedCands}} {
		e := New(cfg, nil)
		e.Completer, e.Width, e.CompletionMenu = tc.comp, 80, tc.menu
		setState(e, tc.line)
		e.Feed(keys(t, `\t`))
		if out := e.TakeEffects().Output; out == "" || e.Frame().Below != nil {
			t.Errorf("%s: printed %q, below %q", tc.name, out, e.Frame().Below)
		}
	}
}

// TestOptionsCompletionMenu: Options.CompletionMenu reaches the engine.
func TestOptionsCompletionMenu(t *testing.T) {
	st := testMenuStyle
	s, err := Open(Options{NoInitFile: true, CompletionMenu: &st})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.Editor().Engine().CompletionMenu; got != &st {
		t.Errorf("engine's CompletionMenu %p, want %p", got, &st)
	}
}

// TestDescribedMenuStale: delete-char-or-list that deletes a character
// (it lists only at the end of the line) takes the menu away.
func TestDescribedMenuStale(t *testing.T) {
	cfg := testConfig()
	cfg.ParseLine(`"\C-xd": delete-char-or-list`)
	e := New(cfg, nil)
	e.Completer = describedCands
	st := testMenuStyle
	e.CompletionMenu = &st
	setState(e, "x c|")
	e.Feed(keys(t, `\C-xd`))
	if got := len(e.Frame().Below); got != 4 {
		t.Fatalf("delete-char-or-list at the end: %d rows", got)
	}
	setState(e, "x c|z")
	e.Feed(keys(t, `\e?`))
	if got := len(e.Frame().Below); got != 4 {
		t.Fatalf("possible-completions: %d rows", got)
	}
	e.Feed(keys(t, `\C-xd`))
	if got := e.Frame().Below; got != nil || state(e) != "x c|" {
		t.Errorf("after deleting a character: line %q, menu %q", state(e), got)
	}
}
