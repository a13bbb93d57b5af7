package completion

import (
	"io/fs"
	"strings"
)

// LSColors is a parsed LS_COLORS value: the colours GNU ls (and readline's
// colored-stats) give files by type and by name suffix. The zero value and
// nil colour nothing.
type LSColors struct {
	types map[string]string // two-letter type key ("di", "ln", ...) -> SGR
	exts  []lsExt           // "*suffix" entries, last defined first
	// LinkTarget is set by "ln=target": a symbolic link is coloured as
	// the file it points to, so callers pass the target's mode to Style.
	LinkTarget bool
}

// lsExt is one "*suffix=SGR" entry.
type lsExt struct{ suffix, sgr string }

// lsDefaults are the colours ls gives file types before LS_COLORS
// changes them (coreutils' color_indicator table). This and lsTypeKey
// are a list and a switch rather than maps, so that no program that links
// the package builds them at start.
var lsDefaults = [...]struct{ key, sgr string }{
	{"di", "01;34"}, {"ln", "01;36"},
	{"pi", "33"}, {"so", "01;35"}, {"bd", "01;33"}, {"cd", "01;33"}, {"ex", "01;32"},
	{"do", "01;35"}, {"su", "37;41"}, {"sg", "30;43"}, {"st", "37;44"}, {"ow", "34;42"},
	{"tw", "30;42"},
}

// lsTypeKey reports whether key is one of the two-letter keys GNU ls 9
// knows.
func lsTypeKey(key string) bool {
	switch key {
	case "lc", "rc", "ec", "rs", "no", "fi",
		"di", "ln", "pi", "so", "bd", "cd",
		"mi", "or", "ex", "do", "su", "sg",
		"st", "ow", "tw", "ca", "mh", "cl":
		return true
	}
	return false
}

// ParseLSColors parses an LS_COLORS value, which changes the default
// colours of ls (directories 01;34, links 01;36, ...): entries
// "key=value" separated by ':', where key is a two-letter file type
// (di, ln, ex, ...) or "*suffix", and value is an SGR parameter list such as "01;34". Keys and
// values may hold the escapes GNU ls accepts (\e, \033, \x1b, ^[, ...).
//
// Like ls, it gives up on a value it cannot parse and returns nil, which
// colours nothing. Unknown two-letter keys are ignored.
func ParseLSColors(s string) *LSColors {
	c := &LSColors{types: map[string]string{}}
	for _, d := range lsDefaults {
		c.types[d.key] = d.sgr
	}
	for len(s) > 0 {
		var entry string
		entry, s, _ = cutUnescaped(s, ':')
		if entry == "" {
			continue
		}
		rawKey, rawVal, found := cutUnescaped(entry, '=')
		if !found {
			return nil
		}
		key, ok1 := lsUnescape(rawKey)
		val, ok2 := lsUnescape(rawVal)
		if !ok1 || !ok2 {
			return nil
		}
		switch {
		case strings.HasPrefix(key, "*"):
			suffix := key[1:]
			c.exts = append(c.exts, lsExt{suffix: suffix, sgr: val})
		case len(key) == 2:
			if !lsTypeKey(key) {
				continue
			}
			if key == "ln" && val == "target" {
				c.LinkTarget = true
				continue
			}
			c.types[key] = val
		default:
			return nil
		}
	}
	// Later entries are tried first, as ls does.
	for i, j := 0, len(c.exts)-1; i < j; i, j = i+1, j-1 {
		c.exts[i], c.exts[j] = c.exts[j], c.exts[i]
	}
	return c
}

// cutUnescaped cuts s at the first sep not escaped by a backslash.
func cutUnescaped(s string, sep byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// lsUnescape decodes the escapes of GNU ls's get_funky_string: C escapes
// (\a \b \e \f \n \r \t \v \? \_ for space, octal, \x hex) and caret
// notation (^[, ^?). It reports false for a dangling escape.
func lsUnescape(s string) (string, bool) {
	if !strings.ContainsAny(s, `\^`) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch ch {
		case '\\':
			i++
			if i >= len(s) {
				return "", false
			}
			switch c := s[i]; c {
			case 'a':
				b.WriteByte(7)
			case 'b':
				b.WriteByte(8)
			case 'e':
				b.WriteByte(27)
			case 'f':
				b.WriteByte(12)
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'v':
				b.WriteByte(11)
			case '?':
				b.WriteByte(127)
			case '_':
				b.WriteByte(' ')
			case 'x', 'X':
				n, digits := 0, 0
				for i+1 < len(s) && digits < 2 && isHex(s[i+1]) {
					i++
					n = n*16 + hexVal(s[i])
					digits++
				}
				b.WriteByte(byte(n))
			case '0', '1', '2', '3', '4', '5', '6', '7':
				n, digits := int(c-'0'), 1
				for i+1 < len(s) && digits < 3 && s[i+1] >= '0' && s[i+1] <= '7' {
					i++
					n = n*8 + int(s[i]-'0')
					digits++
				}
				b.WriteByte(byte(n))
			default:
				b.WriteByte(c)
			}
		case '^':
			i++
			if i >= len(s) {
				return "", false
			}
			c := s[i]
			switch {
			case c == '?':
				b.WriteByte(127)
			case c >= '@' && c <= '~':
				b.WriteByte(c & 0x1f)
			default:
				return "", false
			}
		default:
			b.WriteByte(ch)
		}
	}
	return b.String(), true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}

// Style returns the SGR parameters (such as "01;34") for a file called
// name with the given mode, as GNU ls chooses them: by file type and
// permission bits (setuid, setgid, executable, sticky, other-writable
// directories), and for regular files without such a colour by the
// last-defined "*suffix" entry the name ends with, ignoring case as
// coreutils 9.1 does. It returns "" for no colour. The display
// writes "\x1b[" + Style + "m" before the name and "\x1b[0m" after it.
//
// mode should come from Lstat, so that links get the "ln" colour; with
// LinkTarget set, callers pass the mode of the link's target instead.
func (c *LSColors) Style(name string, mode fs.FileMode) string {
	if c == nil {
		return ""
	}
	key := "fi"
	switch {
	case mode.IsRegular():
		switch {
		case mode&fs.ModeSetuid != 0 && c.has("su"):
			key = "su"
		case mode&fs.ModeSetgid != 0 && c.has("sg"):
			key = "sg"
		case mode&0o111 != 0 && c.has("ex"):
			key = "ex"
		}
	case mode.IsDir():
		key = "di"
		switch {
		case mode&fs.ModeSticky != 0 && mode&0o002 != 0 && c.has("tw"):
			key = "tw"
		case mode&0o002 != 0 && c.has("ow"):
			key = "ow"
		case mode&fs.ModeSticky != 0 && c.has("st"):
			key = "st"
		}
	case mode&fs.ModeSymlink != 0:
		key = "ln"
	case mode&fs.ModeNamedPipe != 0:
		key = "pi"
	case mode&fs.ModeSocket != 0:
		key = "so"
	case mode&fs.ModeCharDevice != 0:
		key = "cd"
	case mode&fs.ModeDevice != 0:
		key = "bd"
	default:
		key = "or"
	}
	if key == "fi" {
		for _, e := range c.exts {
			if len(e.suffix) > len(name) {
				continue
			}
			tail := name[len(name)-len(e.suffix):]
			if strings.EqualFold(tail, e.suffix) {
				return e.sgr
			}
		}
	}
	if s, ok := c.types[key]; ok {
		return s
	}
	return ""
}

// has reports whether the type key has a non-empty, non-"0" colour, as
// ls's is_colored.
func (c *LSColors) has(key string) bool {
	s := c.types[key]
	return s != "" && s != "0" && s != "00"
}
