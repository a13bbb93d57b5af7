package completion

import "strings"

// filenameQuoteChars are the characters whose presence makes bash quote a
// completed file name (bash's default_filename_quote_characters).
const filenameQuoteChars = " \t\n\\\"'@<>=;|&()#$`?*[!:{~"

// backslashChars are the characters bash escapes with a backslash once a
// file name needs quoting. '#' and '~' are escaped only where they start
// the word.
const backslashChars = " \t\n!\"$&'()*,:;<=>?@[\\]^`{|}"

// quoteTable and backslashTable hold the two sets for quick lookups.
var quoteTable, backslashTable = byteSet(filenameQuoteChars), byteSet(backslashChars)

func byteSet(chars string) (t [256]bool) {
	for i := 0; i < len(chars); i++ {
		t[chars[i]] = true
	}
	return t
}

// NeedsQuoting reports whether bash would quote name when completing it.
func NeedsQuoting(name string) bool {
	for i := 0; i < len(name); i++ {
		if quoteTable[name[i]] {
			return true
		}
	}
	return false
}

// Quote quotes name as bash quotes a completed file name, for the quote
// that is open where the word starts: 0 (none), a double quote or a single quote.
//
// With no quote open, a name without special characters comes back as it
// is; one with a newline is put in single quotes; any other gets
// backslashes ("a b" -> a\ b). Inside double quotes, $ ` " and \ are
// escaped; inside single quotes a single quote becomes the four
// characters quote, backslash, quote, quote. The opening quote is not
// part of the result, and no closing quote is added.
func Quote(name string, open byte) string {
	switch open {
	case '"':
		return escapeDouble(name)
	case '\'':
		return strings.ReplaceAll(name, "'", `'\''`)
	}
	if !NeedsQuoting(name) {
		return name
	}
	if strings.Contains(name, "\n") {
		return "'" + strings.ReplaceAll(name, "'", `'\''`) + "'"
	}
	var b strings.Builder
	b.Grow(len(name) + 4)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if backslashTable[c] || i == 0 && (c == '#' || c == '~') {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escapeDouble escapes what is special inside double quotes.
func escapeDouble(s string) string {
	if !strings.ContainsAny(s, "$`\"\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '$', '`', '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Unquote removes the shell quoting of a word that may be cut short at
// the cursor: backslashes, single and double quotes, $'...' (whose escapes
// are decoded) and $"...". It returns the word as the shell would see it
// and the quote character still open at its end (a double quote, a single quote, or 0). A
// trailing lone backslash is dropped.
func Unquote(raw string) (word string, open byte) {
	if !strings.ContainsAny(raw, "\\'\"") {
		return raw, 0
	}
	var b strings.Builder
	b.Grow(len(raw))
	ansi := false // inside $'...'
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch open {
		case 0:
			switch {
			case c == '\\':
				if i+1 < len(raw) {
					i++
					if raw[i] != '\n' {
						b.WriteByte(raw[i])
					}
				}
			case c == '\'' || c == '"':
				open = c
			case c == '$' && i+1 < len(raw) && (raw[i+1] == '\'' || raw[i+1] == '"'):
				i++
				open = raw[i]
				ansi = open == '\''
			default:
				b.WriteByte(c)
			}
		case '\'':
			switch {
			case c == '\'':
				open, ansi = 0, false
			case c == '\\' && ansi && i+1 < len(raw):
				n := ansiEscape(&b, raw[i+1:])
				i += n
			default:
				b.WriteByte(c)
			}
		case '"':
			switch {
			case c == '"':
				open = 0
			case c == '\\' && i+1 < len(raw) && strings.IndexByte("$`\"\\\n", raw[i+1]) >= 0:
				i++
				if raw[i] != '\n' {
					b.WriteByte(raw[i])
				}
			case c == '\\' && i+1 == len(raw):
				// cut short: the backslash may yet escape something
			default:
				b.WriteByte(c)
			}
		}
	}
	return b.String(), open
}

// ansiEscape decodes the escape at the start of s (after a backslash in
// $'...'), writes it to b and returns how many bytes of s it used.
func ansiEscape(b *strings.Builder, s string) int {
	simple := map[byte]byte{'a': 7, 'b': 8, 'e': 27, 'E': 27, 'f': 12, 'n': '\n', 'r': '\r', 't': '\t', 'v': 11, '\\': '\\', '\'': '\'', '"': '"', '?': '?'}
	if c, ok := simple[s[0]]; ok {
		b.WriteByte(c)
		return 1
	}
	switch {
	case s[0] >= '0' && s[0] <= '7':
		n, i := 0, 0
		for ; i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '7'; i++ {
			n = n*8 + int(s[i]-'0')
		}
		b.WriteByte(byte(n))
		return i
	case s[0] == 'x':
		n, i := 0, 1
		for ; i < len(s) && i < 3 && isHex(s[i]); i++ {
			n = n*16 + hexVal(s[i])
		}
		if i == 1 {
			b.WriteString(`\x`)
			return 1
		}
		b.WriteByte(byte(n))
		return i
	}
	b.WriteByte('\\')
	b.WriteByte(s[0])
	return 1
}

// Requote quotes match, an unquoted word, to replace raw, the text of a
// word on the line, in raw's style: when raw leaves a quote open
// (`"my fi`), the result opens the same quote and quotes inside it;
// otherwise it quotes as Quote does with no quote open. It returns the
// quote left open, which the caller closes after a lone candidate.
func Requote(match, raw string) (text string, open byte) {
	_, open = Unquote(raw)
	if open == 0 {
		return Quote(match, 0), 0
	}
	return string(open) + Quote(match, open), open
}
