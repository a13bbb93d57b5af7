package inputrc

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// BoolVars lists readline's boolean variables in the order bind -v prints
// them (GNU Readline 8.2's boolean_varlist).
var BoolVars = []string{
	"bind-tty-special-chars",
	"blink-matching-paren",
	"byte-oriented",
	"colored-completion-prefix",
	"colored-stats",
	"completion-ignore-case",
	"completion-map-case",
	"convert-meta",
	"disable-completion",
	"echo-control-characters",
	"enable-active-region",
	"enable-bracketed-paste",
	"enable-keypad",
	"enable-meta-key",
	"expand-tilde",
	"history-preserve-point",
	"horizontal-scroll-mode",
	"input-meta",
	"mark-directories",
	"mark-modified-lines",
	"mark-symlinked-directories",
	"match-hidden-files",
	"menu-complete-display-prefix",
	"meta-flag",
	"output-meta",
	"page-completions",
	"prefer-visible-bell",
	"print-completions-horizontally",
	"revert-all-at-newline",
	"show-all-if-ambiguous",
	"show-all-if-unmodified",
	"show-mode-in-prompt",
	"skip-completed-text",
	"visible-stats",
}

// StringVars lists readline's string and numeric variables in the order
// bind -v prints them (GNU Readline 8.2's string_varlist).
var StringVars = []string{
	"active-region-end-color",
	"active-region-start-color",
	"bell-style",
	"comment-begin",
	"completion-display-width",
	"completion-prefix-display-length",
	"completion-query-items",
	"editing-mode",
	"emacs-mode-string",
	"history-size",
	"isearch-terminators",
	"keymap",
	"keyseq-timeout",
	"vi-cmd-mode-string",
	"vi-ins-mode-string",
}

// boolVarAlias returns the name that holds the value of a variable that
// shares one with another, or "".
func boolVarAlias(name string) string {
	if name == "meta-flag" {
		return "input-meta"
	}
	return ""
}

// BellStyle is the value of the bell-style variable.
type BellStyle int

// The bell styles.
const (
	BellNone BellStyle = iota
	BellAudible
	BellVisible
)

func (b BellStyle) String() string {
	switch b {
	case BellNone:
		return "none"
	case BellVisible:
		return "visible"
	}
	return "audible"
}

// EditingMode is emacs or vi.
type EditingMode int

// The editing modes.
const (
	EmacsMode EditingMode = iota
	ViMode
)

func (m EditingMode) String() string {
	if m == ViMode {
		return "vi"
	}
	return "emacs"
}

// Vars holds the values of readline's variables. Booleans are kept by name
// (meta-flag is stored as input-meta); the rest have typed fields.
type Vars struct {
	Bool map[string]bool

	Bell                   BellStyle
	CommentBegin           string
	CompletionDisplayWidth int
	CompletionPrefixLength int
	CompletionQueryItems   int
	EditingMode            EditingMode
	// HistorySize is the history-size limit; HistoryStifled is false when
	// history is unlimited (readline prints 0 then).
	HistorySize    int
	HistoryStifled bool
	// IsearchTerminators is nil when unset: then ESC and C-J end a search.
	IsearchTerminators []byte
	KeyseqTimeout      int // milliseconds
	EmacsModeString    []byte
	ViCmdModeString    []byte
	ViInsModeString    []byte
	RegionStartColor   []byte
	RegionEndColor     []byte
}

// Get returns a boolean variable by its name, ignoring case.
func (v *Vars) Get(name string) bool {
	n := strings.ToLower(name)
	if a := boolVarAlias(n); a != "" {
		n = a
	}
	return v.Bool[n]
}

func (v *Vars) clone() Vars {
	c := *v
	c.Bool = make(map[string]bool, len(v.Bool))
	for k, b := range v.Bool {
		c.Bool[k] = b
	}
	return c
}

func defaultVars(eightBit, dumbTerm bool) Vars {
	v := Vars{
		Bool:                   make(map[string]bool),
		Bell:                   BellAudible,
		CommentBegin:           "#",
		CompletionDisplayWidth: -1,
		CompletionQueryItems:   100,
		KeyseqTimeout:          500,
		EmacsModeString:        []byte("@"),
		ViCmdModeString:        []byte("(cmd)"),
		ViInsModeString:        []byte("(ins)"),
	}
	for _, n := range []string{
		"bind-tty-special-chars", "echo-control-characters", "enable-active-region",
		"enable-bracketed-paste", "enable-meta-key", "mark-directories",
		"match-hidden-files", "page-completions", "prefer-visible-bell",
	} {
		v.Bool[n] = true
	}
	// Readline turns on eight-bit input and output and stops converting
	// meta characters to ESC-prefixed sequences in any locale but C/POSIX.
	v.Bool["convert-meta"] = !eightBit
	v.Bool["input-meta"] = eightBit
	v.Bool["output-meta"] = eightBit
	// It assumes a terminal named "dumb" cannot do bracketed paste.
	if dumbTerm {
		v.Bool["enable-bracketed-paste"] = false
		v.Bool["enable-active-region"] = false
	}
	return v
}

// varIndex maps the lower-case name of every variable to its name, per
// list; built on first use (a shell that reads no init file and binds
// nothing never needs it).
var (
	varIndex     map[*string]map[string]string
	varIndexOnce sync.Once
)

func buildVarIndex() {
	varIndex = map[*string]map[string]string{}
	for _, list := range [][]string{BoolVars, StringVars} {
		m := make(map[string]string, len(list))
		for _, n := range list {
			m[n] = n
		}
		varIndex[&list[0]] = m
	}
}

// findVar returns the canonical name of a variable of list, ignoring case,
// or "".
func findVar(list []string, name string) string {
	varIndexOnce.Do(buildVarIndex)
	m := varIndex[&list[0]]
	if n, ok := m[name]; ok {
		return n
	}
	return m[strings.ToLower(name)]
}

// boolValue is readline's bool_to_int: empty, "on" (any case) or "1" is on.
func boolValue(s string) bool {
	return s == "" || strings.EqualFold(s, "on") || s == "1"
}

// atoi converts like C's atoi: leading blanks, a sign, digits, and
// anything after them ignored; no digits is 0.
func atoi(s string) int {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	end := 0
	if end < len(s) && (s[end] == '+' || s[end] == '-') {
		end++
	}
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	n, err := strconv.ParseInt(s[:end], 10, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return int(int32(n)) // strtol saturates; the cast to int truncates
		}
		return 0
	}
	return int(int32(n))
}

// setVar sets a variable as `set name value` does (rl_variable_bind). It
// returns an error for an unknown name or a value the variable refuses.
func (c *Config) setVar(name, value string) error {
	if n := findVar(BoolVars, name); n != "" {
		on := boolValue(value)
		key := n
		if a := boolVarAlias(n); a != "" {
			key = a
		}
		c.Vars.Bool[key] = on
		switch n {
		case "blink-matching-paren":
			c.enableParenMatching(on)
		case "prefer-visible-bell":
			if on {
				c.Vars.Bell = BellVisible
			} else {
				c.Vars.Bell = BellAudible
			}
		case "enable-bracketed-paste":
			c.Vars.Bool["enable-active-region"] = on
		}
		return nil
	}
	n := findVar(StringVars, name)
	if n == "" {
		return fmt.Errorf("%s: unknown variable name", name)
	}
	bad := errBadValue{n, value}
	v := &c.Vars
	switch n {
	case "active-region-end-color":
		v.RegionEndColor, _ = TranslateKeyseq(value, false)
	case "active-region-start-color":
		v.RegionStartColor, _ = TranslateKeyseq(value, false)
	case "bell-style":
		switch {
		case value == "", strings.EqualFold(value, "audible"), strings.EqualFold(value, "on"):
			v.Bell = BellAudible
		case strings.EqualFold(value, "none"), strings.EqualFold(value, "off"):
			v.Bell = BellNone
		case strings.EqualFold(value, "visible"):
			v.Bell = BellVisible
		default:
			return bad
		}
	case "comment-begin":
		if value == "" {
			return bad
		}
		v.CommentBegin = value
	case "completion-display-width":
		v.CompletionDisplayWidth = -1
		if value != "" {
			v.CompletionDisplayWidth = atoi(value)
		}
	case "completion-prefix-display-length":
		v.CompletionPrefixLength = max(atoi(value), 0)
	case "completion-query-items":
		v.CompletionQueryItems = 100
		if value != "" {
			v.CompletionQueryItems = max(atoi(value), 0)
		}
	case "editing-mode":
		switch {
		case len(value) >= 2 && strings.EqualFold(value[:2], "vi"):
			v.EditingMode = ViMode
			c.keymap = c.keymaps["vi-insert"]
		case len(value) >= 5 && strings.EqualFold(value[:5], "emacs"):
			v.EditingMode = EmacsMode
			c.keymap = c.keymaps["emacs"]
		default:
			return bad
		}
	case "emacs-mode-string":
		v.EmacsModeString, _ = TranslateKeyseq(value, c.convertMeta())
	case "vi-cmd-mode-string":
		v.ViCmdModeString, _ = TranslateKeyseq(value, c.convertMeta())
	case "vi-ins-mode-string":
		v.ViInsModeString, _ = TranslateKeyseq(value, c.convertMeta())
	case "history-size":
		size := 500
		if value != "" {
			size = atoi(value)
			if size < 0 {
				v.HistoryStifled = false
				return nil
			}
		}
		v.HistorySize, v.HistoryStifled = size, true
	case "isearch-terminators":
		s := value
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				s = s[1:]
			} else {
				s = s[1 : end+1]
			}
		} else if i := strings.IndexAny(s, " \t"); i >= 0 {
			s = s[:i]
		}
		v.IsearchTerminators, _ = TranslateKeyseq(s, c.convertMeta())
		if v.IsearchTerminators == nil {
			v.IsearchTerminators = []byte{}
		}
	case "keymap":
		km := c.KeymapByName(value)
		if km == nil {
			return bad
		}
		c.keymap = km
	case "keyseq-timeout":
		v.KeyseqTimeout = max(atoi(value), 0)
	}
	return nil
}

// errBadValue is the error for a value a variable refuses.
type errBadValue struct{ name, value string }

func (e errBadValue) Error() string {
	return fmt.Sprintf("%s: could not set value to `%s'", e.name, e.value)
}

// VarValue returns the value of a variable as bind -v prints it and as
// `$if VAR == VALUE` compares it (rl_variable_value); ok is false for an
// unknown name or an unset value.
func (c *Config) VarValue(name string) (value string, ok bool) {
	if n := findVar(BoolVars, name); n != "" {
		if c.Vars.Get(n) {
			return "on", true
		}
		return "off", true
	}
	v := &c.Vars
	switch findVar(StringVars, name) {
	case "bell-style":
		return v.Bell.String(), true
	case "comment-begin":
		return v.CommentBegin, true
	case "completion-display-width":
		return strconv.Itoa(v.CompletionDisplayWidth), true
	case "completion-prefix-display-length":
		return strconv.Itoa(v.CompletionPrefixLength), true
	case "completion-query-items":
		return strconv.Itoa(v.CompletionQueryItems), true
	case "editing-mode":
		return v.EditingMode.String(), true
	case "history-size":
		if !v.HistoryStifled {
			return "0", true
		}
		return strconv.Itoa(v.HistorySize), true
	case "isearch-terminators":
		if v.IsearchTerminators == nil {
			return "", false
		}
		s := UntranslateMacro(v.IsearchTerminators, false)
		if len(s) > 31 { // readline formats it into a 32-byte buffer
			s = s[:31]
		}
		return s, true
	case "keymap":
		if n := c.KeymapName(c.keymap); n != "" {
			return n, true
		}
		return v.EditingMode.String(), true
	case "keyseq-timeout":
		return strconv.Itoa(v.KeyseqTimeout), true
	case "emacs-mode-string":
		return string(v.EmacsModeString), true
	case "vi-cmd-mode-string":
		return string(v.ViCmdModeString), true
	case "vi-ins-mode-string":
		return string(v.ViInsModeString), true
	}
	return "", false
}
