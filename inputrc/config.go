package inputrc

import (
	"os"
	"strings"
)

// Options describe the program and terminal that init files are read for.
type Options struct {
	// App is the application name that `$if NAME` compares with, ignoring
	// case (rl_readline_name). Empty means "other", readline's default.
	App string
	// Term is the terminal name that `$if term=NAME` compares with. Empty
	// means no terminal name: `$if term=` blocks are skipped, and the
	// terminal counts as "dumb".
	Term string
	// Locale is the LC_CTYPE locale (from LC_ALL, LC_CTYPE or LANG). Any
	// locale but "", "C" and "POSIX" turns on eight-bit input and output
	// and turns off convert-meta, as readline does.
	Locale string
	// Getenv looks up INPUTRC and HOME; nil means os.Getenv.
	Getenv func(string) string
	// TermKeys are the key sequences the terminal sends for named keys,
	// by terminfo capability name (kcuu1, kcud1, kcuf1, kcub1, khome, kend,
	// kdch1, kich1, knp, kpp). Readline binds them, if unbound, before
	// reading the init file.
	TermKeys map[string]string
	// TermUnknown says that the terminal has no terminfo entry. Readline
	// then assumes it can do neither bracketed paste nor the active region,
	// as for a terminal named "dumb".
	TermUnknown bool
	// Warn, if set, receives each warning as it is found; warnings are
	// also kept in Config.Warnings.
	Warn func(Warning)
}

// OptionsFromEnv fills Options from the process environment: TERM, and
// the locale from LC_ALL, LC_CTYPE or LANG.
func OptionsFromEnv(app string) Options {
	return Options{App: app, Term: os.Getenv("TERM"), Locale: LocaleFromEnv(os.Getenv)}
}

// LocaleFromEnv returns the LC_CTYPE locale named by the environment: the
// first non-empty of LC_ALL, LC_CTYPE and LANG.
func LocaleFromEnv(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// A Config is the whole state an init file acts on: the function names,
// the keymaps and the variables, plus the parser's conditional stack. The
// zero value is not usable; call New.
type Config struct {
	Funmap *Funmap
	Vars   Vars
	// Warnings collects what was wrong with the lines read so far.
	Warnings []Warning

	opts    Options
	keymaps map[string]*Keymap
	keymap  *Keymap // where bindings go: `set keymap` changes it

	// The conditional-parsing state of $if/$else/$endif.
	skipping bool
	ifStack  []bool

	lastFile  string   // the init file read last, for re-read-init-file
	including []string // files being read, outermost first
	file      string   // the file being read, for warnings
	line      int
}

// keymapNames lists the names of the built-in keymaps; the first name of
// each keymap is the one it is printed under.
var keymapNames = []string{
	"emacs", "emacs-standard", "emacs-meta", "emacs-ctlx",
	"vi", "vi-move", "vi-command", "vi-insert",
}

// New returns a Config holding GNU Readline 8.2's defaults for a terminal
// and locale: its default keymaps, its variables, and the terminal's keys.
// It does not read an init file; see Init and ReadFile.
func New(opts Options) *Config {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.App == "" {
		opts.App = "other"
	}
	loc := opts.Locale
	eightBit := loc != "" && loc != "C" && loc != "POSIX"
	c := &Config{
		Funmap: NewFunmap(),
		Vars:   defaultVars(eightBit, opts.Term == "" || opts.Term == "dumb" || opts.TermUnknown),
		opts:   opts,
	}
	c.buildDefaultKeymaps()
	return c
}

func (c *Config) buildDefaultKeymaps() {
	fill := func(ranges []keyRange) *Keymap {
		km := newDenseKeymap()
		for _, r := range ranges {
			fn := c.Funmap.Lookup(r.name)
			for k := r.lo; k <= r.hi; k++ {
				km.set(k, Entry{Kind: KindFunc, Func: fn})
			}
		}
		return km
	}
	std := fill(emacsStandardDefaults)
	metaMap := fill(emacsMetaDefaults)
	ctlx := fill(emacsCtlxDefaults)
	std.set(0x18, Entry{Kind: KindKeymap, Map: ctlx})
	std.set(keyESC, Entry{Kind: KindKeymap, Map: metaMap})
	move := fill(viMovementDefaults)
	ins := fill(viInsertionDefaults)
	c.keymaps = map[string]*Keymap{
		"emacs": std, "emacs-standard": std, "emacs-meta": metaMap, "emacs-ctlx": ctlx,
		"vi": move, "vi-move": move, "vi-command": move, "vi-insert": ins,
	}
	c.keymap = std
	c.bindTermKeys()
}

// keyRange binds the keys lo..hi of a default keymap to one function.
type keyRange struct {
	lo, hi int
	name   string
}

// bindTermKeys binds the terminal's own key sequences (readline's
// bind_termcap_arrow_keys) where they are unbound.
func (c *Config) bindTermKeys() {
	if len(c.opts.TermKeys) == 0 {
		return
	}
	caps := []struct{ cap, fn string }{
		{"kcuu1", "previous-history"}, {"kcud1", "next-history"},
		{"kcuf1", "forward-char"}, {"kcub1", "backward-char"},
		{"khome", "beginning-of-line"}, {"kend", "end-of-line"},
		{"kdch1", "delete-char"}, {"kich1", "overwrite-mode"},
		{"knp", "history-search-forward"}, {"kpp", "history-search-backward"},
	}
	for _, name := range []string{"emacs", "vi-command", "vi-insert"} {
		km := c.keymaps[name]
		for _, k := range caps {
			if seq := c.opts.TermKeys[k.cap]; seq != "" {
				km.bindIfUnbound([]byte(seq), c.Funmap.Lookup(k.fn), c.convertMeta())
			}
		}
	}
}

// Finish does what readline does after reading the init file at start-up:
// it selects the keymap of the editing mode, binds the common arrow-key,
// Home, End and modified-arrow sequences wherever the init file left them
// unbound, unbinds a lone ESC in vi command mode so that it can be typed
// repeatedly, and binds the bracketed-paste prefix.
func (c *Config) Finish() {
	c.SetKeymapFromEditingMode()
	arrows := []struct{ seq, fn string }{
		{"\x1b[A", "previous-history"}, {"\x1b[B", "next-history"},
		{"\x1b[C", "forward-char"}, {"\x1b[D", "backward-char"},
		{"\x1b[H", "beginning-of-line"}, {"\x1b[F", "end-of-line"},
		{"\x1bOA", "previous-history"}, {"\x1bOB", "next-history"},
		{"\x1bOC", "forward-char"}, {"\x1bOD", "backward-char"},
		{"\x1bOH", "beginning-of-line"}, {"\x1bOF", "end-of-line"},
		{"\x1b[1;5C", "forward-word"}, {"\x1b[1;5D", "backward-word"},
		{"\x1b[3;5~", "kill-word"},
		{"\x1b[1;3C", "forward-word"}, {"\x1b[1;3D", "backward-word"},
	}
	bindArrows := func(km *Keymap) {
		for _, a := range arrows {
			km.bindIfUnbound([]byte(a.seq), c.Funmap.Lookup(a.fn), c.convertMeta())
		}
	}
	bindArrows(c.keymaps["emacs"])
	move := c.keymaps["vi-command"]
	bindArrows(move)
	if move.Entry(keyESC).Kind == KindKeymap {
		move.bind([]byte{keyESC}, Entry{Kind: KindFunc})
	}
	bindArrows(c.keymaps["vi-insert"])
	paste := c.Funmap.Lookup("bracketed-paste-begin")
	for _, name := range []string{"emacs", "vi-insert"} {
		c.keymaps[name].bindIfUnbound([]byte("\x1b[200~"), paste, c.convertMeta())
	}
}

// Init reads the user's init file as readline does when it starts: the
// file named by INPUTRC, else ~/.inputrc, else /etc/inputrc; then it calls
// Finish. A missing file is not an error; problems inside it are warnings.
func (c *Config) Init() {
	c.ReadFile(c.DefaultFile())
	c.Finish()
}

// DefaultFile returns the init file readline would read: $INPUTRC if set,
// else ~/.inputrc if it exists, else /etc/inputrc.
func (c *Config) DefaultFile() string {
	if f := c.opts.Getenv("INPUTRC"); f != "" {
		return f
	}
	home := c.expandTilde("~/.inputrc")
	if _, err := os.Stat(home); err == nil {
		return home
	}
	return "/etc/inputrc"
}

func (c *Config) expandTilde(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		home := c.opts.Getenv("HOME")
		if home == "" {
			if h, err := os.UserHomeDir(); err == nil {
				home = h
			}
		}
		return home + p[1:]
	}
	return p
}

// convertMeta reports whether meta characters are bound and looked up as
// ESC-prefixed sequences (the convert-meta variable).
func (c *Config) convertMeta() bool { return c.Vars.Bool["convert-meta"] }

// Keymap returns the keymap that bindings currently go to.
func (c *Config) Keymap() *Keymap { return c.keymap }

// SetKeymap makes km the keymap that bindings go to (rl_set_keymap).
func (c *Config) SetKeymap(km *Keymap) {
	if km != nil {
		c.keymap = km
	}
}

// SetKeymapFromEditingMode selects emacs or vi-insert by editing-mode.
func (c *Config) SetKeymapFromEditingMode() {
	if c.Vars.EditingMode == ViMode {
		c.keymap = c.keymaps["vi-insert"]
	} else {
		c.keymap = c.keymaps["emacs"]
	}
}

// KeymapByName returns a built-in keymap by any of its names, ignoring
// case: emacs, emacs-standard, emacs-meta, emacs-ctlx, vi, vi-move,
// vi-command, vi-insert. It returns nil for an unknown name.
func (c *Config) KeymapByName(name string) *Keymap {
	for _, n := range keymapNames {
		if strings.EqualFold(n, name) {
			return c.keymaps[n]
		}
	}
	return nil
}

// KeymapName returns the first name of a built-in keymap, or "".
func (c *Config) KeymapName(km *Keymap) string {
	for _, n := range keymapNames {
		if c.keymaps[n] == km {
			return n
		}
	}
	return ""
}

// Clone returns an independent copy of the configuration, sharing only the
// Function values.
func (c *Config) Clone() *Config {
	n := *c
	n.Funmap = c.Funmap.clone()
	n.Vars = c.Vars.clone()
	n.Warnings = append([]Warning(nil), c.Warnings...)
	n.ifStack = append([]bool(nil), c.ifStack...)
	n.including = nil
	seen := make(map[*Keymap]*Keymap)
	n.keymaps = make(map[string]*Keymap, len(c.keymaps))
	for k, km := range c.keymaps {
		n.keymaps[k] = km.clone(seen)
	}
	n.keymap = c.keymap.clone(seen)
	return &n
}

// BindFunction binds a key sequence, in the textual form of an init file,
// to a function in km (nil: the current keymap); rl_bind_keyseq_in_map.
func (c *Config) BindFunction(km *Keymap, keyseq string, fn *Function) {
	if km == nil {
		km = c.keymap
	}
	if keyseq == "" {
		return
	}
	keys, _ := TranslateKeyseq(keyseq, c.convertMeta())
	km.bind(keys, Entry{Kind: KindFunc, Func: fn})
}

// BindIfUnbound binds keyseq to fn in km unless it is already bound to
// something (rl_bind_keyseq_if_unbound_in_map). It reports whether it bound.
func (c *Config) BindIfUnbound(km *Keymap, keyseq string, fn *Function) bool {
	keys, _ := TranslateKeyseq(keyseq, c.convertMeta())
	return km.bindIfUnbound(keys, fn, c.convertMeta())
}

// BindMacro binds keyseq to a macro, both in textual form, in km.
func (c *Config) BindMacro(km *Keymap, keyseq, macro string) {
	if km == nil {
		km = c.keymap
	}
	if keyseq == "" {
		return
	}
	keys, _ := TranslateKeyseq(keyseq, c.convertMeta())
	m, _ := TranslateKeyseq(macro, c.convertMeta())
	km.bind(keys, Entry{Kind: KindMacro, Macro: cutAtNUL(m)})
}

// BindKey binds a single key to fn in km as rl_bind_key_in_map does: with
// convert-meta on, a meta key is bound in the ESC prefix map.
func (c *Config) BindKey(km *Keymap, key byte, fn *Function) {
	if km == nil {
		km = c.keymap
	}
	c.bindKey(km, int(key), Entry{Kind: KindFunc, Func: fn})
}

func (c *Config) bindKey(km *Keymap, key int, e Entry) {
	if isMeta(key) && c.convertMeta() {
		if esc := km.Entry(keyESC); esc.Kind == KindKeymap {
			esc.Map.set(unmeta(key), e)
			return
		}
		km.bind([]byte{keyESC, byte(unmeta(key))}, e)
		return
	}
	km.bind([]byte{byte(key)}, e)
}

// Lookup returns what a key sequence (bytes as typed) is bound to in km.
func (c *Config) Lookup(km *Keymap, keys []byte) (Entry, bool) {
	if km == nil {
		km = c.keymap
	}
	return km.Lookup(keys, c.convertMeta())
}

// UnbindFunction unbinds every key sequence bound to fn in km.
func (c *Config) UnbindFunction(km *Keymap, fn *Function) bool {
	if km == nil {
		km = c.keymap
	}
	return km.unbindFunction(fn)
}

// enableParenMatching is what setting blink-matching-paren does: the
// closing brackets run an unnamed insert-and-blink command, or
// self-insert again when it is turned off.
func (c *Config) enableParenMatching(on bool) {
	fn := c.Funmap.Lookup("self-insert")
	if on {
		fn = insertCloseFunction
	}
	for _, name := range []string{"emacs", "vi-insert"} {
		for _, k := range []byte(")]}") {
			c.bindKey(c.keymaps[name], int(k), Entry{Kind: KindFunc, Func: fn})
		}
	}
}

// insertCloseFunction is readline's rl_insert_close, which has no name and
// so is never listed by bind -p.
var insertCloseFunction = &Function{Name: "insert-close"}

func cutAtNUL(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}
