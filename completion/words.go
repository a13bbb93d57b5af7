package completion

import "strings"

// DefaultWordBreaks is bash's default COMP_WORDBREAKS: the characters
// that end the word being completed and split a command line into
// COMP_WORDS.
const DefaultWordBreaks = " \t\n\"'><=;|&(:"

// commandSeparators end a command for completion, as bash's
// COMMAND_SEPARATORS.
const commandSeparators = ";|&{(`"

// A Word is a word of a command line as bash splits it for programmable
// completion.
type Word struct {
	Start, End int    // byte offsets in the line
	Text       string // line[Start:End], quotes and all
}

// scan walks line and calls f for each byte with whether it is quoted
// (by a backslash, inside quotes, or inside $(...) or `...`). It returns
// the quote open at the end (a double quote, a single quote, or 0) and where it opened.
func scan(line string, f func(i int, quoted bool)) (open byte, openAt int) {
	depth := 0 // nesting of $( and `
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case open == '\'':
			f(i, true)
			if c == '\'' {
				open = 0
			}
		case c == '\\':
			f(i, open != 0 || depth > 0)
			if i+1 < len(line) {
				i++
				f(i, true)
			}
		case open == '"':
			f(i, true)
			if c == '"' {
				open = 0
			}
		case depth > 0:
			f(i, true)
			switch c {
			case ')', '`':
				depth--
			case '(':
				depth++
			}
		case c == '\'' || c == '"':
			f(i, false)
			open, openAt = c, i
		case c == '$' && i+1 < len(line) && line[i+1] == '(':
			f(i, false)
			i++
			f(i, true)
			depth++
		case c == '`':
			f(i, false)
			depth++
		default:
			f(i, false)
		}
	}
	return open, openAt
}

// quotedMap returns which bytes of line are quoted, and the quote open at
// its end.
func quotedMap(line string) ([]bool, byte) {
	q := make([]bool, len(line))
	open, _ := scan(line, func(i int, quoted bool) { q[i] = quoted })
	return q, open
}

// WordStart returns where the word ending at the cursor begins, as
// readline finds it: after the last break character before the cursor
// that is not quoted (a quote still open at the cursor is part of the
// word, as is what comes before it: dir/"a b is one word). It also
// returns that open quote (a double quote, a single quote, or 0). breaks is DefaultWordBreaks
// when empty.
func WordStart(line string, cursor int, breaks string) (start int, open byte) {
	if breaks == "" {
		breaks = DefaultWordBreaks
	}
	head := line[:cursor]
	quoted := make([]bool, len(head))
	open, openAt := scan(head, func(i int, q bool) { quoted[i] = q })
	from := len(head) - 1
	if open != 0 {
		// The word goes back to the open quote, and on to the break
		// before it: dir/"a b is one word.
		from = openAt - 1
	}
	for i := from; i >= 0; i-- {
		if !quoted[i] && strings.IndexByte(breaks, head[i]) >= 0 && head[i] != '"' && head[i] != '\'' {
			return i + 1, open
		}
	}
	return 0, open
}

// CommandBounds returns the part of line holding the command the cursor
// is in: from after the last command separator (; | & { ( `) before the
// cursor to the next one after it, as bash computes COMP_LINE.
func CommandBounds(line string, cursor int) (start, end int) {
	quoted, _ := quotedMap(line)
	end = len(line)
	for i := 0; i < len(line); i++ {
		if quoted[i] || strings.IndexByte(commandSeparators, line[i]) < 0 {
			continue
		}
		if i < cursor {
			if line[i] == '|' && i > 0 && line[i-1] == '>' {
				continue // >| is a redirection
			}
			start = i + 1
		} else {
			end = i
			break
		}
	}
	return start, end
}

// SplitLine splits line into words as bash does for COMP_WORDS: at
// unquoted blanks and break characters, where a run of break characters
// other than blanks and quotes is a word of its own ("--opt=val" is
// "--opt", "=", "val"). Quotes, backslashes, $(...) and `...` keep their
// contents in one word. cword is the index of the word the cursor is in
// or just after; when the cursor is between words, an empty word is
// inserted there. breaks is DefaultWordBreaks when empty.
func SplitLine(line string, cursor int, breaks string) (words []Word, cword int) {
	if breaks == "" {
		breaks = DefaultWordBreaks
	}
	quoted, _ := quotedMap(line)
	kind := func(i int) int { // 0 word, 1 blank, 2 break run
		c := line[i]
		if quoted[i] || c == '"' || c == '\'' || strings.IndexByte(breaks, c) < 0 {
			return 0
		}
		if c == ' ' || c == '\t' || c == '\n' {
			return 1
		}
		return 2
	}
	for i := 0; i < len(line); {
		k := kind(i)
		if k == 1 {
			i++
			continue
		}
		j := i + 1
		for j < len(line) && kind(j) == k {
			j++
		}
		words = append(words, Word{Start: i, End: j, Text: line[i:j]})
		i = j
	}
	cword = -1
	for i, w := range words {
		if w.Start <= cursor && cursor <= w.End {
			cword = i
			break
		}
	}
	if cword < 0 {
		cword = len(words)
		for i, w := range words {
			if w.Start > cursor {
				cword = i
				break
			}
		}
		words = append(words, Word{})
		copy(words[cword+1:], words[cword:])
		words[cword] = Word{Start: cursor, End: cursor}
	}
	return words, cword
}
