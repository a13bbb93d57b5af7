package inputrc

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A Warning is a problem found in an init file. Readline reports the same
// problems and goes on with the next line; so does this package.
type Warning struct {
	File string // "" for a line that did not come from a file
	Line int
	Msg  string
}

func (w Warning) Error() string {
	if w.File == "" {
		return w.Msg
	}
	return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg)
}

func (c *Config) warnf(format string, args ...any) {
	w := Warning{Msg: fmt.Sprintf(format, args...)}
	if c.file != "" {
		w.File, w.Line = c.file, c.line
	}
	c.Warnings = append(c.Warnings, w)
	if c.opts.Warn != nil {
		c.opts.Warn(w)
	}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// ReadFile reads an init file, as `bind -f FILE` and `$include` do. A
// leading ~/ is expanded. It returns an error if the file cannot be read;
// problems inside it are recorded as Warnings.
func (c *Config) ReadFile(name string) error {
	return c.readFile(name, false)
}

func (c *Config) readFile(name string, include bool) error {
	path := c.expandTilde(name)
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	for _, f := range c.including {
		if f == abs {
			c.warnf("$include %s: include loop, file is already being read", name)
			return nil
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !include {
		c.lastFile = name
	}
	oldFile, oldLine := c.file, c.line
	c.including = append(c.including, abs)
	defer func() {
		c.including = c.including[:len(c.including)-1]
		c.file, c.line = oldFile, oldLine
	}()
	c.file = name
	depth := len(c.ifStack)
	c.parseLines(data)
	if len(c.ifStack) > depth && !include {
		// Readline carries the open $if over to whatever it reads next.
		c.warnf("$if without matching $endif at end of file")
	}
	return nil
}

// ReadString reads init-file lines from a string, with warnings naming
// name as the file.
func (c *Config) ReadString(name, text string) {
	oldFile, oldLine := c.file, c.line
	c.file = name
	c.parseLines([]byte(text))
	c.file, c.line = oldFile, oldLine
}

// LastFile returns the init file read last by ReadFile or Init, which
// re-read-init-file reads again.
func (c *Config) LastFile() string { return c.lastFile }

func (c *Config) parseLines(data []byte) {
	c.line = 0
	for len(data) > 0 {
		c.line++
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		// Readline reads the line as a C string: a NUL ends it.
		line = cutAtNUL(line)
		for len(line) > 0 && isBlank(line[0]) {
			line = line[1:]
		}
		if len(line) > 0 && line[0] != '#' {
			c.parseLine(string(line))
		}
	}
}

// ParseLine acts on one line of init-file syntax: a variable setting, a key
// binding, or a parser directive (rl_parse_and_bind; the line given to
// `bind 'LINE'` and Python's readline.parse_and_bind).
func (c *Config) ParseLine(line string) {
	oldFile := c.file
	if len(c.including) == 0 {
		c.file = ""
	}
	c.parseLine(string(cutAtNUL([]byte(line))))
	c.file = oldFile
}

// skipToDelim returns the index of delim in s at or after start, skipping
// characters quoted by a backslash, or len(s).
func skipToDelim(s string, start int, delim byte) int {
	for i := start; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == delim {
			return i
		}
	}
	return len(s)
}

func (c *Config) parseLine(s string) {
	for len(s) > 0 && isBlank(s[0]) {
		s = s[1:]
	}
	if s == "" || s[0] == '#' {
		return
	}
	if s[0] == '$' {
		c.directive(s[1:])
		return
	}
	if c.skipping {
		return
	}
	i := 0
	if s[0] == '"' {
		i = skipToDelim(s, 1, '"')
		if i >= len(s) {
			c.warnf("%s: no closing `\"' in key binding", s)
			return
		}
		i++
	}
	for i < len(s) && s[i] != ':' && !isBlank(s[i]) {
		i++
	}
	if i == 0 {
		c.warnf("`%s': invalid key binding: missing key sequence", s)
		return
	}
	equivalency := i+1 < len(s) && s[i] == ':' && s[i+1] == '='
	foundSep := i < len(s)
	name := s[:i]
	if i < len(s) {
		i++
	}
	if equivalency {
		i++
	}
	rest := s[i:]
	if strings.EqualFold(name, "set") {
		c.parseSet(rest)
		return
	}
	for len(rest) > 0 && isBlank(rest[0]) {
		rest = rest[1:]
	}
	// The function name, or a quoted macro followed by anything up to the
	// next blank, as readline takes it.
	j := 0
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		j = skipToDelim(rest, 1, rest[0])
		if j >= len(rest) {
			c.warnf("`%s': missing closing quote for macro", rest)
			return
		}
		j++
	}
	for j < len(rest) && !isBlank(rest[j]) {
		j++
	}
	funname := rest[:j]
	if equivalency {
		return // readline accepts and ignores "key:= value"
	}
	if !foundSep {
		c.warnf("%s: no key sequence terminator", name)
		return
	}
	isMacro := funname != "" && (funname[0] == '"' || funname[0] == '\'')
	var macro string
	if isMacro {
		macro = funname[1:]
		if strings.HasSuffix(funname, funname[:1]) && len(funname) > 1 {
			macro = funname[1 : len(funname)-1]
		}
	}
	if name[0] == '"' {
		seq := quotedKeyseq(name)
		c.noteOddEscapes(seq)
		if isMacro {
			c.noteOddEscapes(macro)
			if seq == "" {
				return
			}
			m, _ := TranslateKeyseq(macro, c.convertMeta())
			keys, _ := TranslateKeyseq(seq, c.convertMeta())
			c.keymap.bind(keys, Entry{Kind: KindMacro, Macro: cutAtNUL(m)})
			return
		}
		fn := c.lookupFunction(funname)
		if seq == "" {
			return
		}
		keys, _ := TranslateKeyseq(seq, c.convertMeta())
		c.keymap.bind(keys, Entry{Kind: KindFunc, Func: fn})
		return
	}
	c.bindKeyName(name, funname, isMacro, macro)
}

// quotedKeyseq returns the text between the double quotes of a key
// sequence, backslashes kept for TranslateKeyseq.
func quotedKeyseq(name string) string {
	var b strings.Builder
	pass := false
	for j := 1; j < len(name); j++ {
		if pass || name[j] == '\\' {
			b.WriteByte(name[j])
			pass = !pass
			continue
		}
		if name[j] == '"' {
			break
		}
		b.WriteByte(name[j])
	}
	return b.String()
}

func (c *Config) noteOddEscapes(seq string) {
	_, odd := TranslateKeyseq(seq, false)
	for _, o := range odd {
		c.warnf("%s in `%s'", o, seq)
	}
}

// lookupFunction finds a bindable function by name. An unknown name binds
// nothing, which unbinds the key, as in readline; it is also reported.
func (c *Config) lookupFunction(name string) *Function {
	fn := c.Funmap.Lookup(name)
	if fn == nil {
		if name == "" {
			c.warnf("missing function name")
		} else {
			c.warnf("%s: unknown function name", name)
		}
	}
	return fn
}

// keyNames are the names a key can be given in a binding by name.
var keyNames = []struct {
	name string
	key  int
}{
	{"DEL", keyRubout}, {"ESC", keyESC}, {"Escape", keyESC}, {"LFD", '\n'},
	{"Newline", '\n'}, {"RET", '\r'}, {"Return", '\r'}, {"Rubout", keyRubout},
	{"SPC", ' '}, {"Space", ' '}, {"Tab", '\t'},
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// bindKeyName handles "Control-u: function" and its kin.
func (c *Config) bindKeyName(name, funname string, isMacro bool, macro string) {
	kname := name
	if i := strings.LastIndexByte(name, '-'); i >= 0 {
		kname = name[i+1:]
	}
	key := -1
	for _, k := range keyNames {
		if strings.EqualFold(kname, k.name) {
			key = k.key
			break
		}
	}
	if key < 0 {
		if len(kname) > 1 {
			c.warnf("%s: unknown key name, using `%c'", kname, kname[0])
		}
		if kname == "" {
			key = 0
		} else {
			key = int(kname[0])
		}
	}
	mod := false
	if containsFold(name, "Control-") || containsFold(name, "C-") || containsFold(name, "CTRL-") {
		key = ctrl(toUpper(key))
		mod = true
	}
	if containsFold(name, "Meta") || containsFold(name, "M-") {
		key = meta(key)
		mod = true
	}
	if !mod && kname != name {
		c.warnf("%s: unknown key modifier", name)
		return
	}
	// A macro or prefix-meta goes through the key sequence translation as
	// a one-byte string, so NUL binds nothing and a meta key may become
	// ESC and the key.
	keys := []byte{byte(key)}
	if isMeta(key) && c.convertMeta() {
		keys = []byte{keyESC, byte(unmeta(key))}
	}
	switch {
	case isMacro:
		c.noteOddEscapes(macro)
		if key == 0 {
			return
		}
		m, _ := TranslateKeyseq(macro, c.convertMeta())
		c.keymap.bind(keys, Entry{Kind: KindMacro, Macro: cutAtNUL(m)})
	case strings.EqualFold(funname, "prefix-meta"):
		if key == 0 {
			return
		}
		c.keymap.bind(keys, Entry{Kind: KindKeymap, Map: c.keymaps["emacs-meta"]})
	default:
		c.bindKey(c.keymap, key, Entry{Kind: KindFunc, Func: c.lookupFunction(funname)})
	}
}

// parseSet handles "set VARIABLE VALUE".
func (c *Config) parseSet(rest string) {
	rest = strings.TrimLeft(rest, " \t")
	v := rest
	value := ""
	if i := strings.IndexAny(rest, " \t"); i >= 0 {
		v, value = rest[:i], strings.TrimLeft(rest[i+1:], " \t")
	}
	switch {
	case findVar(BoolVars, v) != "":
		if i := strings.IndexAny(value, " \t"); i > 0 {
			value = value[:i]
		}
	case findVar(StringVars, v) != "":
		if value != "" && value[0] == '"' {
			i := skipToDelim(value, 1, '"')
			value = value[1:min(i, len(value))]
		} else {
			value = strings.TrimRight(value, " \t")
		}
	default:
		c.warnf("%s: unknown variable name", v)
		return
	}
	if err := c.setVar(v, value); err != nil {
		c.warnf("%s", err)
	}
}
