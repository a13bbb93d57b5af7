package lineedit

// blink-matching-paren: readline binds ")", "]" and "}" to rl_insert_close
// when the variable is on. The key is inserted and the cursor shows the
// matching opening character for half a second, or until the next key,
// then goes back. The engine stays pure: the blink is a position that
// Frame shows and a timeout that the driver waits for, as for
// keyseq-timeout.

// parenBlinkMillis is readline's _rl_paren_blink_usec, 0.5 s.
const parenBlinkMillis = 500

// blinkCommands registers the command that shows the matching open
// parenthesis (see useRegistry).
func blinkCommands() { register("insert-close", insertClose) }

func insertClose(e *Engine, n int, key byte) {
	selfInsert(e, n, key)
	if n != 1 || len(e.queue) > 0 {
		return // typed ahead, or a macro's keys: nothing to see
	}
	if i := findMatchingOpen(e.buf.text, e.buf.point-2, key); i >= 0 {
		e.blink = i + 1
	}
}

// blinking reports whether the cursor shows a matching opener.
func (e *Engine) blinking() bool { return e.blink > 0 }

// findMatchingOpen is readline's find_matching_open: going back from
// from, the position of the character that opens the closer just typed,
// skipping text inside quotes and nested pairs of the same kind, or -1.
func findMatchingOpen(text []byte, from int, closer byte) int {
	var opener byte
	switch closer {
	case ')':
		opener = '('
	case ']':
		opener = '['
	case '}':
		opener = '{'
	default:
		return -1
	}
	level := 1
	var quote byte
	for i := from; i >= 0; i-- {
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'': // rl_basic_quote_characters
			quote = c
		case c == closer:
			level++
		case c == opener:
			level--
			if level == 0 {
				return i
			}
		}
	}
	return -1
}
