package lineedit

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/internal/terminfo"
)

// Options describe a Session: where its key bindings, history and
// completions come from. The zero value reads the user's init file, keeps
// no history file and completes nothing. docs/embedding.md walks through
// them.
type Options struct {
	// App is the program's name, which init files test with `$if App`
	// (readline's rl_readline_name). Empty means "other".
	App string
	// InitFile is the init file read at Open. Empty means readline's
	// choice: $INPUTRC, else ~/.inputrc, else /etc/inputrc (a missing
	// file is no error). NoInitFile reads none: readline's defaults only.
	InitFile   string
	NoInitFile bool
	// Bindings are init-file lines applied after the init file, as
	// Python's readline.parse_and_bind: `"\C-o": kill-whole-line`,
	// `set completion-ignore-case on`.
	Bindings []string
	// Config, when set, is used as it is in place of App, InitFile and
	// NoInitFile (Bindings are still applied to it).
	Config *inputrc.Config

	// HistoryFile is read at Open (a missing file is no error); each line
	// added to the history is appended to it at once, under a lock, so
	// that several programs can share the file; Close cuts it to
	// HistorySize lines. Empty means no file.
	HistoryFile string
	// HistorySize is the most entries kept, in memory and in the file: 0
	// means 1000, a negative size no limit.
	HistorySize int
	// History, when set, is the list used in place of a new one.
	History *history.List
	// NoAutoHistory leaves accepted lines out of the history: the
	// program adds what it wants with Session.Editor().History.Add.
	NoAutoHistory bool

	// Completer proposes completions on TAB; nil inserts a tab.
	Completer completion.Completer

	// Beyond readline, each off unless set (docs/embedding.md,
	// "Highlighting and hints"). Hinter proposes a hint shown dimmed
	// after the line, which forward-char or end-of-line at the end of
	// the line accept (HistoryHinter: fish's autosuggestions); HintStyle
	// is its SGR style, "" for faint. Highlighter colours the line as it
	// is typed. Validator tells accept-line whether the input is complete;
	// when it is not, a newline goes into the line and editing goes on,
	// each line after the first starting with Continuation (PS2).
	Hinter       Hinter
	HintStyle    string
	Highlighter  Highlighter
	Validator    Validator
	Continuation string
	// CompletionMenu, when set, lists candidates that have descriptions
	// one a row under the line, each description beside its candidate,
	// in these styles (see MenuStyle; lineedit/lipstyle makes them from
	// lipgloss styles). Nil lists them as readline does.
	CompletionMenu *MenuStyle

	// Stdin and Stdout are the terminal; nil means os.Stdin and
	// os.Stderr (the editor draws on standard error, as bash does, so
	// that standard output can be redirected).
	Stdin, Stdout *os.File
}

// historySize is the limit HistorySize stands for.
func (o *Options) historySize() int {
	switch {
	case o.HistorySize == 0:
		return 1000
	case o.HistorySize < 0:
		return -1
	}
	return o.HistorySize
}

// NewConfig returns the key bindings and variables o describes: readline's
// defaults for $TERM with the keys its terminfo entry gives (as readline
// binds them from termcap), the init file, then o.Bindings. Problems in
// the init file are warnings (Config.Warnings); the error is for an
// InitFile that cannot be read.
func (o Options) NewConfig() (*inputrc.Config, error) {
	cfg := o.Config
	var err error
	if cfg == nil {
		term := os.Getenv("TERM")
		keys, known := TerminalKeys(term)
		cfg = inputrc.New(inputrc.Options{
			App:         o.App,
			Term:        term,
			Locale:      inputrc.LocaleFromEnv(os.Getenv),
			TermKeys:    keys,
			TermUnknown: term != "" && !known,
		})
		switch {
		case o.NoInitFile:
			cfg.Finish()
		case o.InitFile != "":
			err = cfg.ReadFile(o.InitFile)
			cfg.Finish()
		default:
			cfg.Init()
		}
	}
	for _, line := range o.Bindings {
		cfg.ParseLine(line)
	}
	return cfg, err
}

// LoadHistory returns the history list o describes, with HistoryFile read
// into it and limited to HistorySize entries.
func (o Options) LoadHistory() (*history.List, error) {
	h := o.History
	if h == nil {
		h = history.New()
	}
	if o.HistoryFile != "" {
		if err := h.ReadFile(o.HistoryFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return h, err
		}
	}
	h.SetMax(o.historySize())
	return h, nil
}

// AppendHistory appends the last n entries of h to HistoryFile, if there
// is one: what Session does after each line it adds, and what a program
// that adds lines itself (or lineedit/tea) calls.
func (o Options) AppendHistory(h *history.List, n int) error {
	if o.HistoryFile == "" || n <= 0 {
		return nil
	}
	return h.AppendFile(o.HistoryFile, n)
}

// TerminalKeys returns the key sequences the terminfo entry of term gives
// for the keys readline binds (kcuu1, kcud1, kcuf1, kcub1, khome, kend,
// kdch1, kich1, knp, kpp), for inputrc.Options.TermKeys; known is false
// when term has no entry.
func TerminalKeys(term string) (keys map[string]string, known bool) {
	if term == "" {
		return nil, false
	}
	ti, err := terminfo.Load(term)
	if err != nil {
		return nil, false
	}
	keys = map[string]string{}
	for _, c := range []string{"kcuu1", "kcud1", "kcuf1", "kcub1", "khome", "kend", "kdch1", "kich1", "knp", "kpp"} {
		if seq, ok := ti.Strings[c]; ok {
			keys[c] = seq
		}
	}
	return keys, true
}

// A Session reads lines for a program: an Editor with the init file, the
// history file and the completer its Options name.
//
//	s, err := lineedit.Open(lineedit.Options{HistoryFile: ".calc_history", Completer: c})
//	defer s.Close()
//	for {
//		line, err := s.ReadLine("> ")
//		if err == io.EOF { break }                  // C-d
//		if err == lineedit.ErrInterrupt { continue } // C-c
//		...
//	}
//
// Between two calls of ReadLine the terminal is the program's, in the
// modes it had, and nothing reads its input: a child process the program
// runs gets the terminal and what the user types ahead. Write, Printf and
// Suspend are for output and children while a line is being edited.
type Session struct {
	ed   *Editor
	opts Options

	mu     sync.Mutex // guards closed
	closed bool
}

// Open returns a Session as opts describe it. The history file, if
// any, is read now; the terminal is only touched by ReadLine. An error
// comes with a usable Session when only the init file or the history file
// could not be read.
func Open(opts Options) (*Session, error) {
	cfg, err := opts.NewConfig()
	hist, herr := opts.LoadHistory()
	in, out := opts.Stdin, opts.Stdout
	if in == nil {
		in = os.Stdin
	}
	if out == nil {
		out = os.Stderr
	}
	ed := NewEditorWith(cfg, hist, in, out)
	ed.AutoHistory = !opts.NoAutoHistory
	ed.Completer = opts.Completer
	ed.Hinter, ed.HintStyle, ed.Highlighter = opts.Hinter, opts.HintStyle, opts.Highlighter
	ed.Validator, ed.Continuation = opts.Validator, opts.Continuation
	ed.Engine().CompletionMenu = opts.CompletionMenu
	s := &Session{ed: ed, opts: opts}
	return s, errors.Join(err, herr)
}

// Editor returns the editor the session reads with, for what Options do
// not cover: hooks, Register'ed commands, the Engine.
func (s *Session) Editor() *Editor { return s.ed }

// ReadLine shows prompt and returns the line the user edits, without the
// newline. It returns io.EOF at the end of input (C-d on an empty line)
// and ErrInterrupt when the user types C-c. A line added to the history
// is appended to the history file at once. Input that is not a terminal
// is read line by line, without editing.
func (s *Session) ReadLine(prompt string) (string, error) {
	h := s.ed.History
	before, base := h.Len(), h.Base()
	line, err := s.ed.ReadLine(prompt)
	// Entries added: the list may have dropped old ones to keep its size.
	if added := h.Len() + h.Base() - before - base; added > 0 {
		if herr := s.opts.AppendHistory(h, added); err == nil {
			err = herr
		}
	}
	return line, err
}

// Close cuts the history file down to HistorySize lines. The session
// must not be used afterwards.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.opts.HistoryFile == "" {
		return nil
	}
	if n := s.opts.historySize(); n >= 0 {
		err := s.ed.History.TruncateFile(s.opts.HistoryFile, n)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	return nil
}

// crlf turns "\n" into "\r\n" for a terminal in raw mode.
func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}
