package tea

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/lineedit"
)

// driver runs a Model as a bubbletea program would: it sends messages to
// Update, runs the commands that come back (sequences in order) and sends
// their messages on, keeping those meant for the program.
type driver struct {
	t   *testing.T
	m   *Model
	out []tea.Msg
}

// markStyles makes each style visible in plain text.
func markStyles() Styles {
	mark := func(l, r string) lipgloss.Style {
		return lipgloss.NewStyle().Transform(func(s string) string { return l + s + r })
	}
	return Styles{
		Prompt: mark("", ""), Text: mark("", ""), Hint: mark("{", "}"),
		MenuItem: mark("", ""), MenuSelected: mark("[", "]"), MenuDescription: mark("(", ")"),
		MenuMore: mark("", ""), Message: mark("", ""),
	}
}

func newDriver(t *testing.T, opts lineedit.Options) *driver {
	t.Helper()
	opts.NoInitFile = true
	m, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	m.TermKeys = nil
	m.Styles = markStyles()
	m.SetPrompt("> ")
	d := &driver{t: t, m: m}
	d.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	return d
}

func (d *driver) send(msgs ...tea.Msg) {
	d.t.Helper()
	for len(msgs) > 0 {
		msg := msgs[0]
		msgs = msgs[1:]
		switch msg.(type) {
		case AcceptMsg, EOFMsg, InterruptMsg, tea.SuspendMsg:
			d.out = append(d.out, msg)
			continue
		}
		_, cmd := d.m.Update(msg)
		msgs = append(d.run(cmd), msgs...)
	}
}

// run runs cmd and returns its messages, those of a sequence in order.
func (d *driver) run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var msgs []tea.Msg
		for i := 0; i < v.Len(); i++ {
			msgs = append(msgs, d.run(v.Index(i).Interface().(tea.Cmd))...)
		}
		return msgs
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// typeText sends each rune of s as a key press.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (d *driver) key(code rune, mod tea.KeyMod) {
	d.t.Helper()
	d.send(tea.KeyPressMsg{Code: code, Mod: mod})
}

// screen returns the view as plain text with the cursor marked ▌.
func (d *driver) screen() string {
	v := d.m.View()
	lines := strings.Split(ansi.Strip(v.Content), "\n")
	if v.Cursor != nil {
		y, x := v.Cursor.Y, v.Cursor.X
		for len(lines) <= y {
			lines = append(lines, "")
		}
		l := lines[y]
		if w := ansi.StringWidth(l); w < x {
			l += strings.Repeat(" ", x-w)
		}
		head := ansi.Truncate(l, x, "")
		lines[y] = head + "▌" + l[len(head):]
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}

func (d *driver) wantScreen(want string) {
	d.t.Helper()
	want = strings.TrimPrefix(want, "\n")
	if got := d.screen(); got != want {
		d.t.Errorf("screen:\n%s\nwant:\n%s", got, want)
	}
}

func (d *driver) takeOut() []tea.Msg {
	out := d.out
	d.out = nil
	return out
}

func TestModelTypingAndAccept(t *testing.T) {
	d := newDriver(t, lineedit.Options{})
	d.typeText("hello world")
	d.wantScreen("> hello world▌")
	d.key('a', tea.ModCtrl)          // C-a
	d.key(tea.KeyRight, tea.ModCtrl) // C-Right: ESC [ 1 ; 5 C, forward-word
	d.typeText(",")
	d.wantScreen("> hello,▌ world")
	if out := d.takeOut(); len(out) != 0 {
		t.Fatalf("messages while editing: %v", out)
	}
	d.key(tea.KeyEnter, 0)
	if out := d.takeOut(); !reflect.DeepEqual(out, []tea.Msg{AcceptMsg{Line: "hello, world"}}) {
		t.Fatalf("after Enter: %#v", out)
	}
	d.wantScreen("> ▌")
	d.key(tea.KeyUp, 0)
	d.wantScreen("> hello, world▌")
	if h := d.m.History(); h.Len() != 1 {
		t.Errorf("history: %d entries", h.Len())
	}
}

func TestModelInterruptEOFSuspend(t *testing.T) {
	d := newDriver(t, lineedit.Options{})
	d.typeText("abc")
	d.key('d', tea.ModCtrl) // C-d on a line: delete-char, at the end nothing
	d.key('b', tea.ModCtrl)
	d.key('d', tea.ModCtrl)
	d.wantScreen("> ab▌")
	d.key('c', tea.ModCtrl)
	d.wantScreen("> ▌")
	d.key('d', tea.ModCtrl)
	d.key('z', tea.ModCtrl)
	got := d.takeOut()
	want := []tea.Msg{InterruptMsg{}, EOFMsg{}, tea.SuspendMsg{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("messages %#v, want %#v", got, want)
	}
}

// TestModelInputrc: bindings and macros of an init file, on keys as
// bubbletea delivers them.
func TestModelInputrc(t *testing.T) {
	d := newDriver(t, lineedit.Options{Bindings: []string{
		`"\e[1;5A": "macro!"`,       // C-Up
		`"\C-xq": "quoted"`,         // a two-key sequence
		`"\e[15~": kill-whole-line`, // F5
		`Control-t: unix-word-rubout`,
	}})
	d.key(tea.KeyUp, tea.ModCtrl)
	d.key('x', tea.ModCtrl)
	d.send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	d.typeText(" one two")
	d.key('t', tea.ModCtrl)
	d.wantScreen("> macro!quoted one ▌")
	d.key(tea.KeyF5, 0)
	d.wantScreen("> ▌")
}

// TestModelTermKeys: Home is sent as the terminal's khome when the
// init file binds that sequence.
func TestModelTermKeys(t *testing.T) {
	d := newDriver(t, lineedit.Options{Bindings: []string{`"\eOH": "<khome>"`}})
	d.typeText("ab")
	d.key(tea.KeyHome, 0)
	d.typeText("x")
	d.wantScreen("> x▌ab")
	d.m.TermKeys = map[string]string{"khome": "\x1bOH"}
	d.key(tea.KeyHome, 0)
	d.wantScreen("> x<khome>▌ab")
}

func TestModelPaste(t *testing.T) {
	d := newDriver(t, lineedit.Options{})
	d.send(tea.PasteMsg{Content: "one\ntwo"})
	d.wantScreen("> one\ntwo▌")
	if out := d.takeOut(); len(out) != 0 {
		t.Fatalf("a paste accepted the line: %v", out)
	}
	// Without bracketed paste the text comes as typed: each newline is
	// Enter.
	d = newDriver(t, lineedit.Options{Bindings: []string{"set enable-bracketed-paste off"}})
	d.send(tea.PasteMsg{Content: "one\ntwo"})
	d.wantScreen("> two▌")
	if out := d.takeOut(); !reflect.DeepEqual(out, []tea.Msg{AcceptMsg{Line: "one"}}) {
		t.Fatalf("messages %#v", out)
	}
}

// TestModelViTimeout: vi mode, where ESC alone waits keyseq-timeout.
func TestModelViTimeout(t *testing.T) {
	d := newDriver(t, lineedit.Options{Bindings: []string{"set editing-mode vi", "set keyseq-timeout 10"}})
	d.typeText("abc def")
	d.key(tea.KeyEscape, 0) // the timer runs: command mode
	d.typeText("0x")
	d.wantScreen("> ▌bc def")
	d.typeText("A!")
	d.wantScreen("> bc def!▌")
}

func TestModelCompletionMenu(t *testing.T) {
	ns := &completion.Namespace{Names: map[string]any{
		"sqrt": func(float64) float64 { return 0 }, "sin": func(float64) float64 { return 0 },
		"sinh": func(float64) float64 { return 0 }, "pi": 3.14,
	}}
	d := newDriver(t, lineedit.Options{Completer: ns, Bindings: []string{
		"TAB: menu-complete", "set show-all-if-ambiguous on",
	}})
	d.typeText("x = s")
	d.key(tea.KeyTab, 0)
	// Namespace describes each candidate with its Go type.
	d.wantScreen(`
> x = sin(▌
[sin ]  (func(float64) float64)
sinh  (func(float64) float64)
sqrt  (func(float64) float64)`)
	d.key(tea.KeyTab, 0)
	d.wantScreen(`
> x = sinh(▌
sin   (func(float64) float64)
[sinh]  (func(float64) float64)
sqrt  (func(float64) float64)`)
	// Another key closes the menu.
	d.typeText("2")
	d.wantScreen("> x = sinh(2▌")
}

func TestModelCompletionDescriptions(t *testing.T) {
	c := completion.CompleterFunc(func(line string, cursor int) completion.Result {
		var cs []completion.Candidate
		for i, w := range []string{"/help", "/nick", "/quit", "/me", "/msg", "/names"} {
			cs = append(cs, completion.Candidate{Text: w, Description: strings.Repeat("d", i+1)})
		}
		return completion.Result{Start: 0, End: cursor, Candidates: cs}
	})
	d := newDriver(t, lineedit.Options{Completer: c})
	d.m.MaxMenuRows = 4
	d.typeText("/")
	d.key(tea.KeyTab, 0) // the common prefix
	d.key(tea.KeyTab, 0) // the list
	d.wantScreen(`
> /▌
/help   (d)
/me     (dddd)
/msg    (ddddd)
(3 more)`)
}

// TestModelWrap: a line longer than the window wraps; the cursor follows.
func TestModelWrap(t *testing.T) {
	d := newDriver(t, lineedit.Options{})
	d.send(tea.WindowSizeMsg{Width: 10, Height: 5})
	d.typeText("0123456789abc")
	d.wantScreen(`
> 01234567
89abc▌`)
	d.key('a', tea.ModCtrl)
	d.key('f', tea.ModCtrl)
	d.wantScreen(`
> 0▌1234567
89abc`)
	// A tab shows as blanks to the next stop (TAB inserts one without a
	// completer); a wide character that does not fit goes to the next row.
	d.m.Engine().Reset("> ")
	d.typeText("a\tb")
	d.wantScreen("> a     b▌")
	d.m.Engine().Reset("> ")
	d.typeText("1234567漢")
	d.wantScreen(`
> 1234567
漢▌`)
}

func TestLayoutHintAndStyles(t *testing.T) {
	st := markStyles()
	st.Prompt = lipgloss.NewStyle().Transform(strings.ToUpper)
	lines, x, y := layoutFrame(lineedit.Frame{Prompt: "\x01\x1b[1m\x02ok\x01\x1b[0m\x02> ", Mode: "@", Text: "ls\x01", Cursor: 2, Hint: " -la"}, 0, &st)
	if got := ansi.Strip(strings.Join(lines, "\n")); got != "@OK> ls^A{ -la}" || x != 7 || y != 0 {
		t.Errorf("layout %q, cursor %d,%d", got, x, y)
	}
}

func TestModelBlur(t *testing.T) {
	d := newDriver(t, lineedit.Options{})
	d.m.Blur()
	d.typeText("x")
	if v := d.m.View(); v.Cursor != nil || d.m.Value() != "" {
		t.Errorf("a blurred model took a key or shows its cursor")
	}
	d.m.Focus()
	d.typeText("x")
	d.wantScreen("> x▌")
}

// TestMenuRows lays candidates without descriptions out in columns,
// sorted down, and cuts a long list to a window around the selection.
func TestMenuRows(t *testing.T) {
	st := markStyles()
	var items []completion.Candidate
	for _, w := range strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu") {
		items = append(items, completion.Candidate{Text: w})
	}
	got := strings.Join(menuRows(items, -1, 30, 10, &st), "\n")
	want := strings.Join([]string{
		"alpha    epsilon  iota",
		"beta     zeta     kappa",
		"gamma    eta      lambda",
		"delta    theta    mu",
	}, "\n")
	if got != want {
		t.Errorf("columns:\n%s\nwant:\n%s", got, want)
	}
	got = strings.Join(menuRows(items, 11, 30, 3, &st), "\n")
	want = strings.Join([]string{
		"gamma    eta      lambda",
		"delta    theta    [mu]",
		"(6 more)",
	}, "\n")
	if got != want {
		t.Errorf("window:\n%s\nwant:\n%s", got, want)
	}
}

// TestModelExtensionPoints: a Validator keeps incomplete input going on
// a new row that starts with the continuation prompt, a Hinter's hint is
// drawn and accepted with the right arrow, and the Highlighter's spans
// put their SGR sequences before the text they colour.
func TestModelExtensionPoints(t *testing.T) {
	hist := history.New()
	hist.Add("echo {hello}")
	d := newDriver(t, lineedit.Options{
		History:      hist,
		Hinter:       &lineedit.HistoryHinter{History: hist},
		Validator:    lineedit.ValidatorFunc(func(l string) bool { return !strings.HasSuffix(l, "{") }),
		Continuation: ".. ",
		Highlighter: lineedit.HighlighterFunc(func(l string) []lineedit.StyleSpan {
			return []lineedit.StyleSpan{{Start: 0, End: min(4, len(l)), Style: "\x1b[32m"}}
		}),
	})
	d.m.Styles = markStyles()
	d.typeText("ech")
	d.wantScreen("> ech▌{o {hello}}")
	if v := d.m.View(); !strings.Contains(v.Content, "\x1b[32mech") {
		t.Errorf("highlighted text without its SGR: %q", v.Content)
	}
	d.key(tea.KeyRight, 0)
	d.wantScreen("> echo {hello}▌")
	d.m.Engine().Reset("> ")
	d.typeText("f {")
	d.key(tea.KeyEnter, 0)
	d.typeText("x")
	d.wantScreen("> f {\n.. x▌")
}
