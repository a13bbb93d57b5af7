package inputrc

import "strings"

// Byte values readline gives names to.
const (
	keyESC    = 0x1b
	keyRubout = 0x7f
)

func isCtrl(c int) bool   { return c >= 0 && c < 0x20 }
func isMeta(c int) bool   { return c > 0x7f && c <= 0xff }
func ctrl(c int) int      { return c & 0x1f }
func meta(c int) int      { return c | 0x80 }
func unmeta(c int) int    { return c &^ 0x80 }
func unctrl(c int) int    { return toUpper(c | 0x40) }
func toUpper(c int) int   { return int(asciiUpper(byte(c))) }
func toLower(c int) int   { return int(asciiLower(byte(c))) }
func isOctal(c byte) bool { return c >= '0' && c <= '7' }

func asciiUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c - 'A' + 'a'
	}
	return c
}

func hexValue(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// TranslateKeyseq turns the textual form of a key sequence or macro, as it
// appears between double quotes in an init file, into the bytes it stands
// for. It follows rl_translate_keyseq of GNU Readline 8.2: \C- and \M-
// prefixes, the escapes \a \b \d \e \f \n \r \t \v \\ \" \', octal \NNN
// and hex \xHH; a backslash before any other character is dropped. When
// convertMeta is set (readline's convert-meta), a byte with the eighth bit
// set becomes ESC followed by the byte without it.
//
// The second result lists escapes readline accepts but that are probably
// mistakes (such as \q or \x without digits); they are translated the way
// readline translates them.
func TranslateKeyseq(seq string, convertMeta bool) ([]byte, []string) {
	out := make([]byte, 0, len(seq))
	var odd []string
	hasCtrl, hasMeta := false, false
	for i := 0; i < len(seq) || hasCtrl || hasMeta; i++ {
		var c int
		if i < len(seq) {
			c = int(seq[i])
		}
		if c == '\\' && i+1 < len(seq) {
			i++
			c = int(seq[i])
			if c == 'C' && i+1 < len(seq) && seq[i+1] == '-' {
				i++
				hasCtrl = true
				continue
			}
			if c == 'M' && i+1 < len(seq) && seq[i+1] == '-' {
				i++
				hasMeta = true
				continue
			}
			switch c {
			case 'a':
				c = 0x07
			case 'b':
				c = 0x08
			case 'd':
				c = keyRubout
			case 'e':
				c = keyESC
			case 'f':
				c = 0x0c
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'v':
				c = 0x0b
			case '\\', '"', '\'':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				c -= '0'
				for n := 0; n < 2 && i+1 < len(seq) && isOctal(seq[i+1]); n++ {
					i++
					c = c*8 + int(seq[i]-'0')
				}
				c &= 0xff
			case 'x':
				digits := 0
				v := 0
				for digits < 2 && i+1 < len(seq) {
					h, ok := hexValue(seq[i+1])
					if !ok {
						break
					}
					v = v*16 + h
					digits++
					i++
				}
				if digits == 0 {
					odd = append(odd, `\x without hex digits`)
					c = 'x'
				} else {
					c = v
				}
			default:
				odd = append(odd, "unknown escape \\"+string(rune(c)))
			}
		}
		if hasCtrl {
			if c == '?' {
				c = keyRubout
			} else {
				c = ctrl(toUpper(c))
			}
			hasCtrl = false
		}
		if hasMeta {
			c = meta(c)
			hasMeta = false
		}
		if isMeta(c) && convertMeta {
			out = append(out, keyESC, byte(unmeta(c)))
		} else {
			out = append(out, byte(c))
		}
		if i >= len(seq) {
			break
		}
	}
	return out, odd
}

// keyName is readline's _rl_get_keyname: the printable form of one key of
// a keymap (0-255, or 256 for the key that stands for "any other key").
func keyName(key int) string {
	if key == keyESC {
		return `\e`
	}
	if key == keyRubout {
		return `\C-?`
	}
	var b strings.Builder
	c := key
	if isCtrl(c) {
		b.WriteString(`\C-`)
		c = toLower(unctrl(c))
	}
	switch {
	case c >= 128 && c <= 159:
		b.WriteString(`\2`)
		c -= 128
		b.WriteByte(byte(c/8) + '0')
		c = c%8 + '0'
	case c >= 160:
		b.WriteByte('\\')
		b.WriteByte('0' + byte(c)>>6&7)
		b.WriteByte('0' + byte(c)>>3&7)
		c = c%8 + '0'
	}
	if c == '\\' || c == '"' {
		b.WriteByte('\\')
	}
	b.WriteByte(byte(c))
	return b.String()
}

// prefixName is how rl_invoking_keyseqs_in_map names a key that leads into
// a sub-keymap when it prints a longer sequence.
func prefixName(key int, escIsMetaPrefix bool) string {
	if key == AnyOtherKey {
		// Readline stores the key in a char, where 256 becomes the NUL
		// that ends the string: the prefix prints as nothing.
		return ""
	}
	if key == keyESC {
		if escIsMetaPrefix {
			return `\M-`
		}
		return `\e`
	}
	var b strings.Builder
	c := key
	if isCtrl(c) || c == keyRubout {
		b.WriteString(`\C-`)
		if c == keyRubout {
			c = '?'
		} else {
			c = toLower(unctrl(c))
		}
	}
	if c == '\\' || c == '"' {
		b.WriteByte('\\')
	}
	b.WriteByte(byte(c))
	return b.String()
}

// UntranslateMacro is readline's _rl_untranslate_macro_value: it prints
// bytes back in the quoted form that TranslateKeyseq reads. With
// useEscapes, control characters that have a letter escape (\n, \t, ...)
// are printed that way rather than as \C-x. Bytes above 0x7f are written
// as they are, as readline does.
func UntranslateMacro(seq []byte, useEscapes bool) string {
	var b strings.Builder
	for _, by := range seq {
		c := int(by)
		switch {
		case c == keyESC:
			b.WriteByte('\\')
			c = 'e'
		case isCtrl(c):
			b.WriteByte('\\')
			if e, ok := letterEscape(c); useEscapes && ok {
				c = e
			} else {
				b.WriteString("C-")
				c = toLower(unctrl(c))
			}
		case c == keyRubout:
			b.WriteString(`\C-`)
			c = '?'
		}
		if c == keyESC {
			b.WriteByte('\\')
			c = 'e'
		} else if c == '\\' || c == '"' {
			b.WriteByte('\\')
		}
		b.WriteByte(byte(c))
	}
	return b.String()
}

func letterEscape(c int) (int, bool) {
	switch c {
	case 0x07:
		return 'a', true
	case 0x08:
		return 'b', true
	case 0x0c:
		return 'f', true
	case '\n':
		return 'n', true
	case '\r':
		return 'r', true
	case '\t':
		return 't', true
	case 0x0b:
		return 'v', true
	}
	return 0, false
}
