package lineedit

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Display widths.
//
// The editor measures text by grapheme cluster, the unit a person sees as
// one character, with github.com/rivo/uniseg:
//
//   - printable ASCII takes one column;
//   - East Asian wide and fullwidth characters take two;
//   - combining marks join the character before them (e + U+0301 is one
//     column), and an emoji ZWJ sequence, a flag or an emoji with a skin
//     tone is one cluster of two columns;
//   - control characters are shown as readline shows them, ^X (two
//     columns), and DEL as ^?;
//   - a tab moves to the next multiple of 8 columns;
//   - what a terminal cannot be trusted to draw in a known width is shown
//     escaped: a byte that is not UTF-8 as \ooo (octal, as readline does),
//     a C1 control as \ooo of its code point, and a cluster of no width
//     (a zero-width space, a combining mark with nothing to combine with)
//     as <hex>, the way vim shows it.
//
// Prompts may also hold ANSI escape sequences (CSI such as colours, OSC such
// as window titles), which take no columns, and readline's
// RL_PROMPT_START_IGNORE (\001) and RL_PROMPT_END_IGNORE (\002) markers:
// the bytes between them take no columns, and the markers themselves are
// never written to the terminal.

// TabWidth is the distance between tab stops.
const TabWidth = 8

const (
	promptStartIgnore = '\001' // readline's RL_PROMPT_START_IGNORE
	promptEndIgnore   = '\002' // readline's RL_PROMPT_END_IGNORE
)

// Static pieces of the escaped forms, sliced rather than built so that laying
// out text allocates nothing.
const (
	dispCaretLetters = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_"
	dispHexDigits    = "0123456789abcdef"
)

// GraphemeWidth returns the number of columns the grapheme cluster g takes
// on the screen as the editor draws it (see the package's width rules). For
// a string of several clusters it returns the width of the first.
func GraphemeWidth(g string) int {
	if g == "" {
		return 0
	}
	t := nextDispToken(g, 0)
	return t.width
}

// Width returns the number of columns s takes when written from column 0 on
// one unbounded line the way the editor draws text: by grapheme cluster,
// control characters (newlines too) as ^X, tabs to the next multiple of 8.
// Escape sequences are not interpreted: ESC counts as ^[.
func Width(s string) int {
	col := 0
	for i := 0; i < len(s); {
		t := nextDispToken(s, i)
		switch t.kind {
		case dispTab:
			col += TabWidth - col%TabWidth
		case dispNewline:
			col += 2
		default:
			col += t.width
		}
		i += t.size
	}
	return col
}

// PromptWidth returns the number of columns the last line of prompt takes:
// escape sequences and the bytes between \001 and \002 take none.
func PromptWidth(prompt string) int {
	if i := promptLastNewline(prompt); i >= 0 {
		prompt = prompt[i+1:]
	}
	col := 0
	forEachPromptPiece(prompt, func(text string, zero bool) {
		if zero {
			return
		}
		for i := 0; i < len(text); {
			t := nextDispToken(text, i)
			if t.kind == dispTab {
				col += TabWidth - col%TabWidth
			} else {
				col += t.width
			}
			i += t.size
		}
	})
	return col
}

// StripPromptMarkers returns prompt without readline's \001 and \002
// markers: the bytes a terminal is sent for it.
func StripPromptMarkers(prompt string) string {
	if strings.IndexByte(prompt, promptStartIgnore) < 0 && strings.IndexByte(prompt, promptEndIgnore) < 0 {
		return prompt
	}
	var b strings.Builder
	for i := 0; i < len(prompt); i++ {
		if c := prompt[i]; c != promptStartIgnore && c != promptEndIgnore {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// VisiblePrompt returns the characters of prompt that take room on the
// screen: without escape sequences, without the bytes between \001 and
// \002, and without the markers.
func VisiblePrompt(prompt string) string {
	var b strings.Builder
	forEachPromptPiece(prompt, func(text string, zero bool) {
		if !zero {
			b.WriteString(text)
		}
	})
	return b.String()
}

// promptLastNewline returns the index of the last newline of prompt that
// is outside \001...\002 and escape sequences, or -1.
func promptLastNewline(prompt string) int {
	last := -1
	off := 0
	forEachPromptPiece(prompt, func(text string, zero bool) {
		if !zero {
			if i := strings.LastIndexByte(text, '\n'); i >= 0 {
				last = off + i
			}
		}
		off += len(text)
	})
	return last
}

// forEachPromptPiece splits prompt into pieces that are visible text
// (zero=false) or take no columns (zero=true: escape sequences, the \001
// and \002 markers and what lies between them). The pieces, joined, are
// prompt.
func forEachPromptPiece(prompt string, fn func(text string, zero bool)) {
	start := 0
	for i := 0; i < len(prompt); {
		c := prompt[i]
		switch {
		case c == promptStartIgnore:
			if i > start {
				fn(prompt[start:i], false)
			}
			j := strings.IndexByte(prompt[i+1:], promptEndIgnore)
			end := len(prompt)
			if j >= 0 {
				end = i + 1 + j + 1
			}
			fn(prompt[i:end], true)
			i, start = end, end
		case c == promptEndIgnore:
			if i > start {
				fn(prompt[start:i], false)
			}
			fn(prompt[i:i+1], true)
			i, start = i+1, i+1
		case c == 0x1b:
			n, _ := dispEscapeLen(prompt[i:])
			if n == 0 {
				i++
				continue
			}
			if i > start {
				fn(prompt[start:i], false)
			}
			fn(prompt[i:i+n], true)
			i, start = i+n, i+n
		default:
			i++
		}
	}
	if start < len(prompt) {
		fn(prompt[start:], false)
	}
}

// dispEscKind tells what an escape sequence is, for the SGR state.
type dispEscKind uint8

const (
	dispEscOther dispEscKind = iota // zero-width, no state the editor tracks
	dispEscSGR                      // CSI ... m: select graphic rendition
)

// dispEscapeLen returns the length of the complete escape sequence at the start
// of s (which begins with ESC), or 0 if it is incomplete or malformed.
// It knows CSI, OSC, DCS/SOS/PM/APC strings and two- or three-byte ESC
// sequences.
func dispEscapeLen(s string) (int, dispEscKind) {
	if len(s) < 2 || s[0] != 0x1b {
		return 0, dispEscOther
	}
	switch s[1] {
	case '[': // CSI: parameters 0x30-0x3f, intermediates 0x20-0x2f, final 0x40-0x7e
		i := 2
		for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
			i++
		}
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			if s[i] == 'm' {
				return i + 1, dispEscSGR
			}
			return i + 1, dispEscOther
		}
		return 0, dispEscOther
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to BEL (OSC) or ST
		for i := 2; i < len(s); i++ {
			switch s[i] {
			case 0x07:
				if s[1] == ']' {
					return i + 1, dispEscOther
				}
			case 0x1b:
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2, dispEscOther
				}
				return 0, dispEscOther
			case 0x18, 0x1a: // CAN, SUB abort the string: malformed
				return 0, dispEscOther
			}
		}
		return 0, dispEscOther
	default: // ESC intermediates* final
		i := 1
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			return i + 1, dispEscOther
		}
		return 0, dispEscOther
	}
}

// dispTokKind is the kind of a piece of text as the layout handles it.
type dispTokKind uint8

const (
	dispCluster dispTokKind = iota // a grapheme cluster written as it is
	dispControl                    // a C0 control or DEL, shown as ^X
	dispTab
	dispNewline
	dispOctal // a byte that is not UTF-8, or a C1 control, shown as \ooo
	dispHex   // a cluster of no width, shown as <hex>
)

// dispToken is one displayable unit of text.
type dispToken struct {
	kind  dispTokKind
	size  int  // bytes of the source
	width int  // columns on the screen
	r     rune // the control byte, the octal value or the hex code point
}

// nextDispToken returns the token at s[i:]. It allocates nothing and takes the
// fast path for printable ASCII followed by ASCII, which can never be part of
// a larger cluster.
func nextDispToken(s string, i int) dispToken {
	c := s[i]
	if c < 0x80 {
		switch {
		case c == '\t':
			return dispToken{kind: dispTab, size: 1}
		case c == '\n':
			return dispToken{kind: dispNewline, size: 1, width: 0}
		case c < 0x20 || c == 0x7f:
			return dispToken{kind: dispControl, size: 1, width: 2, r: rune(c)}
		}
		if i+1 == len(s) || s[i+1] < 0x80 {
			return dispToken{kind: dispCluster, size: 1, width: 1}
		}
	} else {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return dispToken{kind: dispOctal, size: 1, width: 4, r: rune(c)}
		}
		if r < 0xa0 { // C1 control
			return dispToken{kind: dispOctal, size: n, width: 4, r: r}
		}
	}
	cluster, _, w, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1)
	n := len(cluster)
	// A cluster never holds a control here (they break clusters), but guard
	// against a cluster that swallowed one: cut it there.
	for j := 1; j < n; j++ {
		if b := cluster[j]; b < 0x20 || b == 0x7f {
			n = j
			break
		}
	}
	if n == 0 {
		n = 1
	}
	if w <= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return dispToken{kind: dispHex, size: n, width: dispHexLen(r) + 2, r: r}
	}
	if w > 2 {
		w = 2
	}
	return dispToken{kind: dispCluster, size: n, width: w}
}

// dispJoinsPrevious reports whether cluster, written right after another
// character, would be taken by a terminal as part of that character's
// cluster (it starts with an extending mark, a ZWJ or a spacing mark).
// Clusters that begin a piece of text (after the prompt, or after a ^X the
// editor drew) are checked with it, since nothing in the text before them
// is their base.
func dispJoinsPrevious(cluster string) bool {
	var buf [8]byte
	buf[0] = 'a'
	n := 1 + copy(buf[1:], cluster[:min(len(cluster), 4)])
	c, _, _, _ := uniseg.FirstGraphemeCluster(buf[:n], -1)
	return len(c) > 1
}

func dispHexLen(r rune) int {
	n := 1
	for r >= 16 {
		r >>= 4
		n++
	}
	return n
}
