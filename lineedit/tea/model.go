// Package tea is gosh's line editor as a Bubble Tea v2 component: a
// tea.Model around the same lineedit.Engine that Editor.ReadLine drives,
// so the user's ~/.inputrc bindings and variables, the history and its
// file, completion (with a menu) and every readline command work inside
// a bubbletea program, drawn with lipgloss styles.
//
//	import edtea "github.com/goshell/gosh/lineedit/tea"
//
//	ed, err := edtea.New(lineedit.Options{HistoryFile: ".chat_history", Completer: c})
//	ed.SetPrompt("> ")
//	...
//	// in the parent's Update:
//	case edtea.AcceptMsg: // the user pressed Enter: msg.Line
//	default:
//		_, cmd := ed.Update(msg)
//	// in the parent's View: ed.View(), or ed.Render() to place it
//
// Keys arrive decoded (tea.KeyPressMsg); KeyBytes encodes them back into
// the bytes the keymaps are written in (C-Right is ESC [ 1 ; 5 C), and a
// paste (tea.PasteMsg) goes in as a bracketed paste. C-c abandons the line
// (InterruptMsg), C-d on an empty line is EOFMsg, C-z suspends the program
// (tea.Suspend), as the terminal's own line discipline would.
//
// The package is named tea after its directory; import it under another
// name next to Bubble Tea's, e.g. edtea.
package tea

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/lineedit"
)

// AcceptMsg is sent when the user accepts a line (accept-line: Enter, or
// a macro or an external editor that ends the line). The Model is ready
// for the next line already; the line is in the history if AutoHistory
// added it.
type AcceptMsg struct {
	Line string
}

// EOFMsg is sent for the end of input: C-d (the engine's EOFChar) on an
// empty line.
type EOFMsg struct{}

// InterruptMsg is sent when the user types the interrupt key (C-c): the
// line is abandoned and a new one begins, as in bash.
type InterruptMsg struct{}

// timeoutMsg ends a keyseq-timeout started by the Model id.
type timeoutMsg struct {
	id  int64
	gen int
}

// externalEditMsg brings back what an external editor left.
type externalEditMsg struct {
	id   int64
	text string
	ok   bool
}

var lastID atomic.Int64

// A Model is the line editor as a bubbletea component. Use it through a
// pointer: Update returns the same *Model.
type Model struct {
	// Styles draw the prompt, the text, the hint and the menu.
	Styles Styles
	// MaxMenuRows is the most rows the completion menu takes, the row
	// saying how many more there are included; 0 means 10.
	MaxMenuRows int
	// TermKeys are the sequences the terminal sends for the named keys
	// (by terminfo capability: khome, kcuu1, ...); New reads them from
	// $TERM's terminfo entry. See KeyBytes.
	TermKeys map[string]string
	// InterruptKey abandons the line (InterruptMsg) and SuspendKey
	// suspends the program (tea.Suspend), where a terminal's VINTR and
	// VSUSP would; 0 turns either off and lets the keymaps have the key.
	InterruptKey, SuspendKey byte
	// AutoHistory adds each accepted line that is not blank to the
	// history, and to the history file of the Options.
	AutoHistory bool

	id      int64
	opts    lineedit.Options
	cfg     *inputrc.Config
	hist    *history.List
	engine  *lineedit.Engine
	rec     *recorder
	prompt  string
	focused bool
	width   int
	gen     int // the keyseq-timeout running

	menu      []completion.Candidate // the completions listed
	menuFresh bool                   // listed by the last key
	message   []string               // other output of the last key
}

// New returns a Model over the configuration, history and completer opts
// describe (lineedit.Options; Stdin and Stdout are not used: bubbletea has
// the terminal). As with lineedit.Open, an error comes with a usable
// Model when the init file or the history file could not be read.
func New(opts lineedit.Options) (*Model, error) {
	cfg, err := opts.NewConfig()
	hist, herr := opts.LoadHistory()
	keys, _ := lineedit.TerminalKeys(os.Getenv("TERM"))
	m := &Model{
		Styles:       DefaultStyles(),
		TermKeys:     keys,
		InterruptKey: 0x03,
		SuspendKey:   0x1a,
		AutoHistory:  !opts.NoAutoHistory,
		id:           lastID.Add(1),
		opts:         opts,
		cfg:          cfg,
		hist:         hist,
		engine:       lineedit.New(cfg, hist),
		focused:      true,
	}
	if opts.Completer != nil {
		m.rec = &recorder{c: opts.Completer}
		m.engine.Completer = m.rec
	}
	m.engine.DisplayMatches = m.displayMatches
	m.engine.Hinter, m.engine.Highlighter, m.engine.Validator = opts.Hinter, opts.Highlighter, opts.Validator
	m.engine.Continuation, m.engine.HintStyle = opts.Continuation, opts.HintStyle
	return m, errors.Join(err, herr)
}

// Engine returns the editing engine, to look at or change the line.
func (m *Model) Engine() *lineedit.Engine { return m.engine }

// Config returns the key bindings and variables.
func (m *Model) Config() *inputrc.Config { return m.cfg }

// History returns the history list.
func (m *Model) History() *history.List { return m.hist }

// Value returns the line being edited.
func (m *Model) Value() string { return m.engine.Line() }

// SetPrompt sets the prompt of the lines to come; when nothing has been
// typed yet it also replaces the prompt shown. It may hold ANSI colours
// and readline's \001 \002 markers.
func (m *Model) SetPrompt(p string) {
	m.prompt = p
	if m.engine.Line() == "" {
		m.engine.Reset(p)
	}
}

// SetCompleter sets the completer (nil: TAB inserts a tab).
func (m *Model) SetCompleter(c completion.Completer) {
	m.rec = nil
	m.engine.Completer = nil
	if c != nil {
		m.rec = &recorder{c: c}
		m.engine.Completer = m.rec
	}
}

// Focus lets the Model take keys and show its cursor; Blur stops both.
// A new Model is focused.
func (m *Model) Focus() { m.focused = true }

// Blur stops the Model from taking keys; see Focus.
func (m *Model) Blur() { m.focused = false }

// Focused reports whether the Model takes keys.
func (m *Model) Focused() bool { return m.focused }

// Close cuts the history file to the history size of the Options, as
// lineedit's Session.Close does.
func (m *Model) Close() error {
	n := m.opts.HistorySize
	if m.opts.HistoryFile == "" || n < 0 {
		return nil
	}
	if n == 0 {
		n = 1000
	}
	return m.hist.TruncateFile(m.opts.HistoryFile, n)
}

// Init does nothing: the Model waits for keys.
func (m *Model) Init() tea.Cmd { return nil }

// Update takes keys, pastes, window sizes and the Model's own messages.
// It returns m itself and the commands that carry AcceptMsg, EOFMsg and
// InterruptMsg to the program.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width = msg.Width
		m.engine.Width, m.engine.Height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if !m.focused {
			return m, nil
		}
		b := keyBytes(msg.Key(), m.cfg, m.TermKeys)
		switch {
		case len(b) == 0:
			return m, nil
		case len(b) == 1 && b[0] == m.InterruptKey && m.InterruptKey != 0:
			m.menu, m.message = nil, nil
			m.engine.Unconsumed()
			m.reset()
			return m, msgCmd(InterruptMsg{})
		case len(b) == 1 && b[0] == m.SuspendKey && m.SuspendKey != 0:
			return m, tea.Suspend
		}
		return m, m.feed(b)
	case tea.PasteMsg:
		if !m.focused {
			return m, nil
		}
		return m, m.feed(m.pasteBytes(msg.Content))
	case timeoutMsg:
		if msg.id == m.id && msg.gen == m.gen {
			m.engine.Timeout()
			return m, m.settle()
		}
	case externalEditMsg:
		if msg.id == m.id {
			m.engine.FinishExternalEdit(msg.text, msg.ok)
			return m, m.settle()
		}
	}
	return m, nil
}

// pasteBytes returns what a terminal sends for pasted text: the text in
// ESC [ 200 ~ and ESC [ 201 ~ when the keymap takes bracketed pastes (the
// engine then inserts it as it is, newlines included), else the text as
// if typed, with Enter for each newline.
func (m *Model) pasteBytes(text string) []byte {
	if m.cfg.Vars.Get("enable-bracketed-paste") && boundInMode(m.cfg, []byte("\x1b[200~")) {
		return []byte("\x1b[200~" + text + "\x1b[201~")
	}
	return []byte(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\r"), "\n", "\r"))
}

// completionCommands keep the menu on the screen while they repeat.
var completionCommands = map[string]bool{
	"complete": true, "menu-complete": true, "menu-complete-backward": true,
	"old-menu-complete": true, "possible-completions": true,
}

// feed gives the engine the bytes of one key or paste.
func (m *Model) feed(b []byte) tea.Cmd {
	keep := false
	if e, ok := bindingInMode(m.cfg, b); ok && e.Kind == inputrc.KindFunc {
		keep = completionCommands[e.Func.Name]
	}
	m.menuFresh = false
	m.message = nil
	m.engine.Feed(b)
	cmd := m.settle()
	if !m.menuFresh && !keep {
		m.menu = nil
	}
	return cmd
}

// settle acts on what the engine did: effects, the bell, a line accepted
// or the end of input, a keyseq-timeout to wait for.
func (m *Model) settle() tea.Cmd {
	var cmds []tea.Cmd
	for {
		cmds = append(cmds, m.effects()...)
		if m.engine.Bell() && m.cfg.Vars.Bell != inputrc.BellNone {
			cmds = append(cmds, tea.Raw("\a"))
		}
		switch m.engine.Status() {
		case lineedit.Accepted:
			line := m.engine.Line()
			rest := m.engine.Unconsumed()
			if m.AutoHistory && strings.TrimSpace(line) != "" {
				m.hist.Add(line)
				m.opts.AppendHistory(m.hist, 1) //nolint:errcheck // a history file that cannot be written loses nothing on the screen
			}
			m.menu = nil
			m.reset()
			cmds = append(cmds, msgCmd(AcceptMsg{Line: line}))
			if len(rest) > 0 {
				// Typed ahead (a macro, a paste without brackets): the
				// next line.
				m.engine.Feed(rest)
				continue
			}
		case lineedit.EOF:
			m.engine.Unconsumed()
			m.reset()
			cmds = append(cmds, msgCmd(EOFMsg{}))
		}
		break
	}
	if m.engine.WantsTimeout() {
		if ms := m.cfg.Vars.KeyseqTimeout; ms > 0 {
			m.gen++
			id, gen := m.id, m.gen
			cmds = append(cmds, tea.Tick(time.Duration(ms)*time.Millisecond, func(time.Time) tea.Msg {
				return timeoutMsg{id: id, gen: gen}
			}))
		}
	}
	switch len(cmds) {
	case 0:
		return nil
	case 1:
		return cmds[0]
	}
	return tea.Sequence(cmds...)
}

// reset starts a new line.
func (m *Model) reset() {
	m.engine.Reset(m.prompt)
}

// effects carries out what commands asked of the screen and the world.
func (m *Model) effects() []tea.Cmd {
	fx := m.engine.TakeEffects()
	var cmds []tea.Cmd
	if fx.ClearScreen {
		cmds = append(cmds, tea.ClearScreen)
	}
	if fx.ReReadInit {
		if f := m.cfg.LastFile(); f != "" {
			m.cfg.ReadFile(f) //nolint:errcheck // problems are warnings in the config
		}
	}
	if fx.Output != "" {
		out := strings.TrimSuffix(strings.ReplaceAll(fx.Output, "\r\n", "\n"), "\n")
		m.message = append(m.message, strings.Split(out, "\n")...)
	}
	if fx.ExternalEdit != nil {
		cmds = append(cmds, m.externalEdit(fx.ExternalEdit))
	}
	return cmds
}

// externalEdit runs the editor an ExternalEdit asks for with the terminal
// given back (tea.ExecProcess), then hands its file to the engine.
func (m *Model) externalEdit(x *lineedit.ExternalEdit) tea.Cmd {
	id := m.id
	f, err := os.CreateTemp("", "lineedit-*.txt")
	if err != nil {
		return msgCmd(externalEditMsg{id: id})
	}
	name := f.Name()
	_, err = f.WriteString(x.Text + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return msgCmd(externalEditMsg{id: id})
	}
	cmd := exec.Command("/bin/sh", "-c", x.Command(os.Getenv, name))
	return tea.ExecProcess(cmd, func(runErr error) tea.Msg {
		defer os.Remove(name)
		data, err := os.ReadFile(name)
		return externalEditMsg{id: id, text: string(data), ok: runErr == nil && err == nil}
	})
}

// displayMatches is the engine's DisplayMatches hook: it puts the
// matches in the menu.
func (m *Model) displayMatches(_ string, matches []string, _ int) {
	if m.rec != nil {
		m.menu = m.rec.candidates(matches)
	} else {
		m.menu = (&recorder{}).candidates(matches)
	}
	m.menuFresh = true
}

// Render returns the rows the Model shows, joined by newlines, and the
// cursor's column and row in them: the line (wrapped at the window's
// width), then the completion menu and messages. A parent model that
// places the editor among other things uses it to put the cursor.
func (m *Model) Render() (content string, x, y int) {
	lines, x, y := layoutFrame(m.engine.Frame(), m.width, &m.Styles)
	if len(m.menu) > 0 {
		f := m.engine.Frame()
		sel := selected(m.menu, f.Text[:min(f.Cursor, len(f.Text))])
		maxRows := m.MaxMenuRows
		if maxRows <= 0 {
			maxRows = 10
		}
		rows := menuRows(m.menu, sel, m.width, maxRows, &m.Styles)
		lines = append(lines, m.Styles.Menu.Render(strings.Join(rows, "\n")))
	}
	for _, l := range m.message {
		lines = append(lines, m.Styles.Message.Render(l))
	}
	return strings.Join(lines, "\n"), x, y
}

// View draws the Model: Render's rows, and the cursor when focused.
func (m *Model) View() tea.View {
	s, x, y := m.Render()
	v := tea.NewView(s)
	if m.focused {
		v.Cursor = tea.NewCursor(x, y)
	}
	return v
}

func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
