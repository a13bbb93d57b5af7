package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
	"github.com/goshell/gosh/internal/vtscreen"
)

// The vi-mode differential test types the same key sequences at bash
// (GNU Readline 8.2) and at gosh, both in vi mode on a pseudo-terminal,
// and compares the line and the cursor position they end with.
//
// After a sequence the test types C-x twice; the init file binds C-x to
// dump-variables in both vi keymaps (and so in replace mode, whose map
// readline copies from vi-insert). Each dump ends with the line drawn
// again, the cursor on the point; what is written between the two dumps is
// that redraw alone, and replaying it on an empty virtual screen gives the
// line and the cursor, whatever the timing. Blanks at the end of the line
// do not show on a screen: ESC (to command mode, from any mode) and C-b
// (the macro A#) then append # to the line and a third dump shows it. C-a (kill-whole-line) and Return then start a
// fresh, empty line: nothing is run, nothing goes to the history. The sequences never depend on one another: the commands
// that use state from earlier ones (., p, ;, n, the marks) come only after
// what sets that state in the same sequence.

var viSeed = flag.Int64("vi.seed", 1, "seed of the generated sequences of the vi differential test")

// viOracleInputrc is the init file both shells read.
const viOracleInputrc = `set editing-mode vi
set bell-style none
set enable-bracketed-paste off
set show-mode-in-prompt off
set keyseq-timeout 200
set keymap vi-insert
"\C-x": dump-variables
"\C-a": kill-whole-line
set keymap vi-command
"\C-x": dump-variables
"\C-a": kill-whole-line
"\C-b": "A#"
`

// viOracleHistory is the history both shells start with.
var viOracleHistory = []string{
	"echo alpha beta gamma",
	"ls -l /tmp/dir",
	"printf '%s\\n' one two",
	"git commit -m fix",
	"make test VERBOSE=1",
}

// viHand are the hand-written sequences: the tricky cases. ESC is \x1b.
var viHand = []string{
	// Counts with operators.
	"one two three four five\x1b02dw",
	"one two three four five\x1b0d2w",
	"one two three four five\x1b02d2w",
	"one two three four five\x1b03dw",
	"one two three four five\x1b0c2wX\x1b",
	"one two three four five\x1b02cwX\x1b",
	"one two three four five\x1b02y2wP",
	"alpha beta gamma delta\x1b03x",
	"alpha beta gamma delta\x1b$3X",
	"alpha beta gamma delta\x1b05l2dh",
	"alpha beta gamma delta\x1b2b3~",
	"aaa bbb ccc ddd eee\x1b02de",
	"aaa bbb ccc ddd eee\x1b0d2e",
	"aaa bbb ccc ddd eee\x1b$d2b",
	"aaa bbb ccc ddd eee\x1b$2db",
	"aaa.bbb,ccc ddd\x1b0dW",
	"aaa.bbb,ccc ddd\x1b0dw",
	"aaa.bbb,ccc ddd\x1b0d3w",
	"aaa.bbb,ccc ddd\x1b$dB",
	"aaa.bbb,ccc ddd\x1b$db",
	"aaa.bbb,ccc ddd\x1b0cWz\x1b",
	"aaa.bbb,ccc ddd\x1b0cwz\x1b",
	"x  y  z\x1b0cwQ\x1b",
	"x  y  z\x1b0lcwQ\x1b",
	"word\x1b0cwnew\x1b",
	"word\x1b0dw",
	"word\x1b0dl",
	"ab\x1b0d$",
	"ab cd\x1b0d0",
	"ab cd\x1b$d0",
	"ab cd\x1b$d^",
	"   indented text\x1b$d^",
	"   indented text\x1b0d^",
	"abc def ghi\x1b0wd|",
	"abc def ghi\x1b05|D",
	"abc def ghi\x1b07|d3|",
	"abc\x1b0dd",
	"abc def\x1b03dd",
	"abc def\x1b0ccnew\x1b",
	"abc def\x1b0wyyP",
	"abc def\x1b0wYp",
	"abc def\x1b0wyep",
	"abc def\x1b0wy$P",
	"abc def ghi\x1b0wCnew\x1b",
	"abc def ghi\x1b0wD",
	"abc def ghi\x1b02D",
	// . after c, with counts, after inserts.
	"foo bar baz qux\x1b0cwX\x1bw.",
	"foo bar baz qux\x1b0cwX\x1bw.w.",
	"foo bar baz qux\x1b0c2wX\x1bw.",
	"foo bar baz qux\x1b0cwXY\x1bw2.",
	"foo bar baz qux\x1b0ceZ\x1bw.",
	"foo bar baz qux\x1b0ccline\x1b.",
	"foo bar baz qux\x1b0CEND\x1b0.",
	"foo bar baz qux\x1b0sQ\x1bw.",
	"foo bar baz qux\x1b0SNEW\x1b.",
	"foo bar baz qux\x1b0dw.",
	"foo bar baz qux\x1b0dw2.",
	"foo bar baz qux\x1b02dw.",
	"foo bar baz qux\x1b0x...",
	"foo bar baz qux\x1b03x.",
	"foo bar baz qux\x1b0rZl.",
	"foo bar baz qux\x1b03rZw.",
	"foo bar baz qux\x1b0~~.",
	"foo bar baz qux\x1b0iAB\x1bw.",
	"foo bar baz qux\x1b0aAB\x1bw.",
	"foo bar baz qux\x1b0IAB\x1bw.",
	"foo bar baz qux\x1b0AAB\x1b0.",
	"foo bar baz qux\x1b0iAB\x1bw3.",
	"foo bar baz qux\x1b0RXY\x1bw.",
	"foo bar baz qux\x1b0dwwP.",
	"foo bar baz qux\x1b0ywwp.",
	"foo bar baz qux\x1b0dtzw.",
	"foo bar baz qux\x1b0dfaw.",
	"foo bar baz qux\x1b0d2fa.",
	// ; and , after f, t, F, T.
	"a-b-c-d-e-f\x1b0f-;",
	"a-b-c-d-e-f\x1b0f-;;,",
	"a-b-c-d-e-f\x1b0t-;",
	"a-b-c-d-e-f\x1b0t-;;",
	"a-b-c-d-e-f\x1b0t-l;",
	"a-b-c-d-e-f\x1b0t-,",
	"a-b-c-d-e-f\x1b$F-;",
	"a-b-c-d-e-f\x1b$T-;",
	"a-b-c-d-e-f\x1b$T-h;,",
	"a-b-c-d-e-f\x1b02f-;",
	"a-b-c-d-e-f\x1b0f-2;",
	"a-b-c-d-e-f\x1b0f-d;",
	"a-b-c-d-e-f\x1b0f-c;X\x1b",
	"a-b-c-d-e-f\x1b0fzx",
	"a-b-c-d-e-f\x1b0f-3;",
	"a-b-c-d-e-f\x1b0dt-",
	"a-b-c-d-e-f\x1b$dT-",
	"a-b-c-d-e-f\x1b$dF-",
	"a-b-c-d-e-f\x1b0d3f-",
	"ab\x1b0dt ",
	// Undo across mode switches.
	"abc\x1bu",
	"abc\x1biX\x1bu",
	"abc\x1biX\x1buu",
	"abc\x1bAdef\x1bu",
	"abc\x1bAdef\x1bxu",
	"abc\x1bAdef\x1bxuu",
	"abc def\x1b0dwidel\x1buu",
	"abc def\x1b0dwu",
	"abc def\x1b0cwX\x1bu",
	"abc def\x1b0cwX\x1bw.u",
	"abc def\x1b0xxxU",
	"abc def\x1b0xxxUx",
	"abc def\x1b0x\x1fu",
	"abc def\x1b0RXY\x1bu",
	"abc def\x1b0~~~uu",
	"abc def\x1b0ia\x1bib\x1bic\x1b2u",
	"abc def\x1b0ia\x1bib\x1bic\x1buuu",
	"abc\x1bi\x1bu",
	"abc\x1bi\x1bi\x1buu",
	// Insert mode editing keys.
	"abc def\x17xyz",
	"abc def\x17\x17",
	"abc.def\x17",
	"abc def   \x17",
	"abc def\x15new",
	"abc def\x7f\x7fX",
	"abc def\x08\x08",
	"abc\x16\x01d",
	"abc\x1b0i\x15X",
	"one two\x1b0wi\x17X\x1b",
	// Replace mode.
	"abcdef\x1b0Rxy\x7f\x7fz\x1b",
	"abcdef\x1b0Rxyzzzzzzz\x1b",
	"abcdef\x1b0lRxy\x7f\x7f\x7f\x1b",
	"abcdef\x1b03lR12\x17\x1b",
	"abcdef\x1b0R\x1b",
	"ab\x1b0Rxyz\x1bu",
	// Motions.
	"foo(bar[baz]{qux})\x1b0%",
	"foo(bar[baz]{qux})\x1b$%",
	"foo(bar[baz]{qux})\x1b0f[%",
	"foo(bar[baz]{qux})\x1b0d%",
	"foo(bar[baz]{qux})\x1b$d%",
	"foo(bar[baz]{qux})\x1b0f]d%",
	"foo(bar[baz]{qux})\x1b0fby%P",
	"x) (y\x1b0%",
	"a b  c   d\x1b0wwwbbb",
	"a b  c   d\x1b0eee",
	"a b  c   d\x1b$bbeee",
	"foo.bar/baz-qux\x1b0wwwwbbbb",
	"foo.bar/baz-qux\x1b0WB",
	"foo.bar/baz-qux\x1b0EEb",
	"foo.bar/baz-qux\x1b03e",
	"foo.bar/baz-qux\x1b02w",
	"foo.bar/baz-qux\x1b$4b",
	"  lead\x1b0w",
	"  lead\x1b^",
	"  lead\x1b$b",
	"tail   \x1b0e",
	"tail   \x1b0w",
	"tail   \x1b0W",
	"abc\x1b0 l",
	"abc\x1b05l",
	"abc\x1b0$h",
	"abc def\x1b3h",
	"abc def\x1b010|",
	"abc def\x1b04|",
	"abc def\x1b0ll~~~~~",
	"abc\x1b0l5~",
	"abc\x1b$3~",
	"one two\x1b0ma$d`a",
	"one two\x1b0wmb0y`bP",
	"one two\x1b0mz$`z",
	// Put and yank.
	"abc def\x1b0dwP",
	"abc def\x1b0dwp",
	"abc def\x1b0dw2p",
	"abc def\x1b0xp",
	"abc def\x1b0xP",
	"abc def\x1b$xp",
	"abc def\x1b$Xp",
	"abc def\x1b0ywP",
	"abc def\x1b0yyp",
	"abc def\x1b0y$P",
	"abc def\x1b0ylp",
	"abc def\x1b0wybP",
	"abc def\x1b$yhp",
	// Insert commands.
	"abc\x1b0iX\x1b",
	"abc\x1b0aX\x1b",
	"abc\x1b0AX\x1b",
	"abc\x1b$IX\x1b",
	"abc\x1b0IX\x1bA",
	"abc\x1b$aX",
	"\x1baX\x1b",
	"\x1bx",
	"\x1bdd",
	"x\x1bX",
	"x\x1bx",
	"x\x1bxp",
	"abc def\x1b0wsX\x1b",
	"abc def\x1b02sXY\x1b",
	"abc def\x1b0S\x1b",
	"abc\x1b0rZ",
	"abc\x1b05rZ",
	"abc\x1b02rZ",
	"abc\x1b$r\x1b",
	// History: j, k, G, /, ?, n, N, _.
	"\x1bk",
	"\x1bkk",
	"\x1bkkj",
	"\x1bkkjj",
	"\x1b3k",
	"\x1bG",
	"\x1b2G",
	"\x1b9G",
	"\x1bkdw",
	"draft\x1bkj",
	"draft\x1b/echo\r",
	"draft\x1b/o\r",
	"draft\x1b/o\rn",
	"draft\x1b/o\rnn",
	"draft\x1b/o\rnN",
	"draft\x1b/^m\r",
	"draft\x1b/*test*\r",
	"draft\x1b/l?\r",
	"draft\x1b/zzz\r",
	"draft\x1b?echo\r",
	"draft\x1b/ec\x7f\x7fgit\r",
	"draft\x1b/xy\x15ma\r",
	"draft\x1b/\x7f",
	"draft\x1b_",
	"draft\x1b2_",
	"draft\x1b1_",
	"draft\x1b0_",
	"\x1b_",
	"\x1bk_",
	// History moves in the middle of a sequence: the edits of a history
	// line stay on its entry when the cursor leaves it, with its undo
	// list; the line being typed keeps its own. Each sequence ends on the
	// entry it edited (accepting the line then puts the entry back) or
	// with the edits undone, so that no entry stays edited for the
	// sequences after.
	"abc\x1bkxjk",
	"abc\x1bkxjku",
	"abc\x1bkxjkU",
	"abc\x1bkkxjkuj",
	"\x1bkAxy\x1bjk",
	"\x1bkAxy\x1bjku",
	"\x1bkdwjjk",
	"draft\x1bkxjjk",
	"ab\x1bAcd\x1bkjuu",
	"ab\x1bAcd\x1bkjx",
	"abc\x1bGxjk",
	"abc\x1bGxjku",
	"abc\x1b3Gx2Gj",
	"draft\x1b/o\rjj",
	"draft\x1b/o\rxjjkk",
	"draft\x1b/o\rxjk",
	"draft\x1bk/o\rjj",
	"draft\x1bkx/zzz\rjk",
	// More counts, redo and corner cases.
	"abc\x1b03iXY\x1b",
	"abc\x1b0iXY\x1b3.",
	"abc\x1b03aXY\x1b.",
	"   ab\x1bIX\x1b",
	"   ab\x1b0wIX\x1b.",
	"ab\x1b$3AX\x1b",
	"abc def ghi\x1b0ywwP.",
	"abc def ghi\x1b0yw.P",
	"abc def ghi\x1b0dw3p",
	"abc def ghi\x1b0xp.",
	"abc def ghi\x1b0xP..",
	"abc def ghi\x1b02rZw.",
	"abc def ghi\x1b03~.",
	"abc def ghi\x1b03~2.",
	"abc def ghi\x1b0RXY\x1b2.",
	"abc def ghi\x1b02RXY\x1b",
	"abc def ghi\x1b0wcc\x1b.",
	"abc def ghi\x1b0c$X\x1b",
	"abc def ghi\x1b$cbX\x1b",
	"abc def ghi\x1b$chX\x1b",
	"abc def ghi\x1b$c0X\x1b",
	"abc def ghi\x1b0clX\x1b",
	"abc def ghi\x1b02ccX\x1b",
	"abc def ghi\x1b0wc2eX\x1b",
	"abc def ghi\x1b0w3cwX\x1b",
	"abc def ghi\x1b0czX\x1b",
	"abc def ghi\x1b0cjX\x1b",
	"abc def ghi\x1b0dzx",
	"abc def ghi\x1b0d\x1bx",
	"abc def ghi\x1b0dhx",
	"abc def ghi\x1b0c0X\x1b",
	"abc def ghi\x1b$y0P",
	"abc def ghi\x1b0wy$P",
	"abc def ghi\x1b$yTap",
	"abc def ghi\x1b0wdfg",
	"abc def ghi\x1b0wdFa",
	"abc def ghi\x1b0fgd;",
	"abc def ghi\x1b0tgc;X\x1b",
	"abc def ghi\x1b$Fad,",
	"abc def ghi\x1b05x.",
	"abc def ghi\x1b020x",
	"abc def ghi\x1b$20X",
	"abc def ghi\x1b0X",
	"abc def ghi\x1b$x.",
	"abc def ghi\x1b0h",
	"abc def ghi\x1b$l",
	"abc def ghi\x1b099|",
	"abc def ghi\x1b04D",
	"abc\x1b$C\x1b",
	"abc\x1b$CX\x1b",
	"(a(b)c)\x1b0%",
	"(a(b)c)\x1b0l%",
	"(a(b)c)\x1b0ll%",
	"(a(b)c)\x1b0lly%P",
	"a (b\x1b0%",
	"a b)\x1b0%",
	"héllo wörld\x1b0wx",
	"héllo wörld\x1b0~~~",
	"héllo wörld\x1b0fö~",
	"héllo wörld\x1b0lrÉ",
	"héllo wörld\x1b0dw",
	"héllo wörld\x1b$db",
	"日本語 テキスト\x1b0wx",
	"日本語 テキスト\x1b0lcwX\x1b",
	"abc\x1b0\x16\x01",
	"abc\x1b[D\x1b[DX",
	"abc\x1b\x1b[Dx",
	"abc\x1b\x1bx",
	"a b c d\x1b0wwwxuuU",
	"a b c d\x1b0xwxwxUx",
	"a b c d\x1b0xwxwx3u",
	"a b c d\x1b0wi12\x1bl.u.",
	"draft\x1b/[gm]a\r",
	"draft\x1b/e?h\r",
	"draft\x1b/^git\r",
	"draft\x1b/x\\\r",
	"draft\x1bkkkkkkk",
	"draft\x1bkkkkkkkjjjjjjjj",
	"draft\x1bj",
	"draft\x1b99G",
	"draft\x1b5G",
	"draft\x1b1G",
	// Digits and 0.
	"abcdefghijklmnop\x1b010l",
	"abcdefghijklmnop\x1b$10h0",
	"abcdefghijklmnop\x1b012x",
	"abc def ghi jkl\x1b01d0",
}

// viWords and viChars feed the generator.
var (
	viWords = []string{"foo", "bar", "baz", "a", "x_y", "q1", "(p)", "[i]", "{k}", "a.b", "c,d", "--", "e/f", "ok!", "zz"}
	viChars = "abcxyz_.,-/ ()"
)

// viGenerate returns n sequences from a seeded generator: a line typed in
// insert mode, then commands in command mode.
func viGenerate(n int, seed int64) []string {
	r := rand.New(rand.NewSource(seed))
	var out []string
	word := func() string { return viWords[r.Intn(len(viWords))] }
	text := func(max int) string {
		var b strings.Builder
		for i := r.Intn(max) + 1; i > 0; i-- {
			if b.Len() > 0 {
				b.WriteString(strings.Repeat(" ", 1+r.Intn(2)))
			}
			b.WriteString(word())
		}
		return b.String()
	}
	char := func() byte { return viChars[r.Intn(len(viChars))] }
	count := func() string {
		if r.Intn(4) == 0 {
			return strconv.Itoa(2 + r.Intn(2))
		}
		return ""
	}
	motions := []string{"h", "l", " ", "w", "W", "b", "B", "e", "E", "0", "^", "$", "|", "f", "F", "t", "T", "%"}
	motion := func(searched bool) string {
		m := motions[r.Intn(len(motions))]
		switch m {
		case "f", "F", "t", "T":
			return m + string(char())
		}
		if searched && r.Intn(4) == 0 {
			return []string{";", ","}[r.Intn(2)]
		}
		return m
	}
	for len(out) < n {
		var b strings.Builder
		b.WriteString(text(5))
		b.WriteString("\x1b")
		searched, killed, changed, markRedo := false, false, false, false
		wide, replaced := false, false
		for i := 2 + r.Intn(5); i > 0; i-- {
			c := count()
			switch k := r.Intn(27); k {
			case 0, 1, 2, 3:
				m := motion(searched)
				searched = searched || strings.ContainsAny(m[:1], "fFtT")
				b.WriteString(c + m)
			case 4, 5:
				m := motion(searched)
				searched = searched || strings.ContainsAny(m[:1], "fFtT")
				op := []string{"d", "y"}[r.Intn(2)]
				b.WriteString(c + op + m)
				killed, changed, markRedo = true, true, false
			case 6:
				m := motion(searched)
				searched = searched || strings.ContainsAny(m[:1], "fFtT")
				b.WriteString(c + "c" + m + text(2) + "\x1b")
				killed, changed, markRedo = true, true, false
			case 7:
				b.WriteString(c + []string{"dd", "cc" + text(2) + "\x1b", "yy", "D", "C" + text(2) + "\x1b", "Y"}[r.Intn(6)])
				killed, changed, markRedo = true, true, false
			case 8:
				b.WriteString(c + []string{"x", "X", "~"}[r.Intn(3)])
				killed, changed, markRedo = true, true, false
			case 9:
				b.WriteString(c + "r" + string(char()))
				killed, changed, markRedo = true, true, false
			case 10:
				b.WriteString([]string{"i", "a", "I", "A"}[r.Intn(4)] + text(2) + "\x1b")
				changed, markRedo = true, false
			case 11:
				b.WriteString(c + []string{"s", "S"}[r.Intn(2)] + text(2) + "\x1b")
				killed, changed, markRedo = true, true, false
			case 12:
				b.WriteString("R" + text(2) + "\x1b")
				changed, markRedo, replaced = true, false, true
			case 13:
				if killed {
					b.WriteString([]string{"p", "P"}[r.Intn(2)])
				}
			case 14, 15:
				// Redoing R counts bytes for characters, as readline
				// does, and cuts multibyte characters in two: the
				// broken bytes show differently.
				if changed && !markRedo && !(wide && replaced) {
					b.WriteString(c + ".")
				}
			case 16:
				b.WriteString([]string{"u", "u", "uu", "U"}[r.Intn(4)])
			case 17:
				b.WriteString("a" + text(1) + []string{"\x17", "\x15", "\x7f", "\x7f\x7f", "\x08"}[r.Intn(5)] + "\x1b")
				changed, markRedo = true, false
			case 18:
				mark := string(rune('a' + r.Intn(3)))
				op := []string{"`", "d`", "y`"}[r.Intn(3)]
				b.WriteString("m" + mark + motion(false) + op + mark)
				if op != "`" {
					// Redoing an operator whose motion was ` reads the
					// mark again, as in readline: . must not follow.
					killed, changed, markRedo = true, true, true
				}
			case 19:
				b.WriteString(c + "~")
				killed, changed, markRedo = true, true, false
			case 20:
				b.WriteString(c + []string{"x", "dw", "de", "db"}[r.Intn(4)])
				killed, changed, markRedo = true, true, false
			case 21:
				b.WriteString("c" + []string{"w", "W", "e", "b", "l", "h", "$"}[r.Intn(7)] + text(1) + "\x1b")
				killed, changed, markRedo = true, true, false
			case 22:
				// History, last: the changes made to a history line
				// stay on its entry once the cursor leaves it, in both
				// shells, and would show in every sequence after (see
				// the hand-written sequences for moves mid-sequence).
				b.WriteString(c + []string{"k", "j", "-", "+", "G", "kk", "/o\r", "?e\r", "/^[lg]\r", "/o\rn", "/o\rnN"}[r.Intn(11)])
				i = 0
			case 23:
				b.WriteString(c + "_")
				changed, markRedo = true, false
			case 24:
				// Insert-mode editing keys.
				b.WriteString([]string{"i", "a", "A"}[r.Intn(3)] + text(1) + []string{"\x14", "\x16-", "\x08\x08", "\x17\x17", " \x17"}[r.Intn(5)] + "\x1b")
				changed, markRedo = true, false
			case 25:
				b.WriteString(c + "R" + text(1) + []string{"\x7f", "\x7f\x7f\x7f", "\x17", "\x15", ""}[r.Intn(5)] + "\x1b")
				changed, markRedo, replaced = true, false, true
			case 26:
				b.WriteString([]string{"I", "A", "a"}[r.Intn(3)] + []string{"é", "日本", "ü x"}[r.Intn(3)] + "\x1b")
				changed, markRedo, wide = true, false, true
			}
		}
		out = append(out, b.String())
	}
	return out
}

// viResult is where a shell left the line.
type viResult struct {
	line  string
	point int
	raw   string // the redraw, for failure messages
}

// viShell runs one shell for the differential test.
type viShell struct {
	name string
	p    *ptytest.PTY
}

func startViShell(t *testing.T, name, path, home string) *viShell {
	t.Helper()
	var cmd *exec.Cmd
	if name == "bash" {
		cmd = exec.Command(path, "--norc", "--noprofile", "-i")
	} else {
		cmd = exec.Command(path, "-i", "--norc")
	}
	hist := filepath.Join(home, name+".history")
	if err := os.WriteFile(hist, []byte(strings.Join(viOracleHistory, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd.Env = []string{
		"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=xterm", "INPUTRC=" + filepath.Join(home, "inputrc"),
		"PS1=$ ", "LC_ALL=C.UTF-8", "HISTFILE=" + hist, "HISTSIZE=100", "HISTCONTROL=",
	}
	cmd.Dir = home
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 400, Rows: 30})
	p.WaitFor("$ ", 10*time.Second)
	return &viShell{name: name, p: p}
}

const viMarker = "editing-mode"

// run types one sequence and returns where it left the line.
func (s *viShell) run(seq string) viResult {
	const wait = 10 * time.Second
	// Two dumps: the redraw between them shows the line and the cursor.
	// Then ESC and C-b put # at the end of the line and a third dump
	// shows it again: the screen does not tell blanks at the end of a
	// line from nothing, the # does.
	s.p.Type(seq + "\x18\x18\x1b\x02\x18")
	s.p.WaitFor(viMarker, wait)
	res := redraw(s.p.WaitFor(viMarker, wait))
	marked := redraw(s.p.WaitFor(viMarker, wait))
	s.p.WaitFor("$ ", wait) // the last redraw has started
	if line, ok := strings.CutSuffix(marked.line, "#"); ok && strings.TrimRight(line, " ") == res.line {
		res.line = line
	} else if res.point >= 0 {
		res.line, res.point = "?", -1
		res.raw += " / " + marked.raw
	}
	// A fresh, empty line for the next sequence.
	s.p.Type("\x01\r")
	s.p.WaitFor("\n", wait)
	s.p.WaitFor("$ ", wait)
	return res
}

// redraw finds the redraw of the line between two dumps: it starts on a
// fresh row after the last line of the first dump and ends where the
// second dump starts a new row.
func redraw(between string) viResult {
	at := strings.Index(between, "$ ")
	if at < 0 {
		return viResult{line: "?", point: -1, raw: between}
	}
	start := strings.LastIndexByte(between[:at], '\n') + 1
	end := strings.IndexByte(between[at:], '\n')
	if end < 0 {
		return viResult{line: "?", point: -1, raw: between}
	}
	// The dump starts with "\r\n": the cursor is never on column 0 of
	// the line (the prompt is there), so a final CR is not part of the
	// redraw.
	return replay(strings.TrimRight(between[start:at+end], "\r"))
}

// replay draws a redraw on an empty screen and reads the line and the
// cursor from it.
func replay(seg string) viResult {
	scr := vtscreen.New(400, 10)
	scr.WriteString(seg)
	row, col := scr.Cursor()
	line := scr.Line(row)
	if line == "$" {
		line = "$ " // Line trims the blank after the prompt of an empty line
	}
	res := viResult{raw: seg, line: "?", point: -1}
	if row != 0 || !strings.HasPrefix(line, "$ ") {
		return res
	}
	res.line = line[2:]
	res.point = col - 2
	return res
}

func (r viResult) String() string {
	if r.point < 0 || r.point > len(r.line) {
		return fmt.Sprintf("%q (cursor %d)", r.line, r.point)
	}
	return strconv.Quote(r.line[:r.point] + "|" + r.line[r.point:])
}

// TestViOracle compares vi mode with bash's on a corpus of hand-written
// and generated key sequences.
func TestViOracle(t *testing.T) {
	bash := bashOracle(t)
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, "inputrc"), []byte(viOracleInputrc), 0o644); err != nil {
		t.Fatal(err)
	}
	corpus := append(append([]string(nil), viHand...), viGenerate(200, *viSeed)...)
	results := map[string][]viResult{}
	paths := map[string]string{"bash": bash, "gosh": filepath.Join(binDir, "gosh")}
	t.Run("shells", func(t *testing.T) {
		for _, name := range []string{"bash", "gosh"} {
			name := name
			got := make([]viResult, len(corpus))
			results[name] = got
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				sh := startViShell(t, name, paths[name], home)
				current := -1
				defer func() {
					if t.Failed() && current >= 0 {
						t.Logf("while typing sequence %d %q", current, corpus[current])
					}
				}()
				for i, seq := range corpus {
					current = i
					got[i] = sh.run(seq)
				}
			})
		}
	})
	if t.Failed() {
		return
	}
	bad := 0
	for i, seq := range corpus {
		want, got := results["bash"][i], results["gosh"][i]
		if want.line == "?" {
			t.Errorf("sequence %d %q: cannot read bash's line from %q", i, seq, want.raw)
			continue
		}
		if testing.Verbose() {
			t.Logf("sequence %d %q: bash %v gosh %v", i, seq, want, got)
		}
		if want.line != got.line || want.point != got.point {
			bad++
			t.Errorf("sequence %d %q:\n\tbash %v\n\tgosh %v", i, seq, want, got)
		}
	}
	t.Logf("%d sequences, %d differ", len(corpus), bad)
}

// TestViEditAndExecute types v in vi command mode. At the prompt the
// shell runs fc on the line, as bash does; under read -e the editor
// itself runs $EDITOR (ExternalEdit) with the terminal in its normal
// modes and accepts what it leaves, or keeps the line when it fails.
func TestViEditAndExecute(t *testing.T) {
	home := t.TempDir()
	rc := filepath.Join(home, "inputrc")
	editor := filepath.Join(home, "editor")
	os.WriteFile(rc, []byte("set editing-mode vi\n"), 0o644)
	script := "#!/bin/sh\nstty -a | grep -o -- '-*icanon' > \"$HOME/modes\"\nsed -i 's/hello/edited/' \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "-i", "--norc")
	cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=xterm", "INPUTRC=" + rc, "PS1=$ ", "LC_ALL=C.UTF-8", "EDITOR=" + editor}
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 80, Rows: 24})
	const wait = 5 * time.Second
	p.WaitFor("$ ", wait)
	modes := func() string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(home, "modes"))
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(filepath.Join(home, "modes"))
		return strings.TrimSpace(string(b))
	}

	p.Type("echo hello\x1bv")
	p.WaitFor("edited\r\n", wait)
	p.WaitFor("$ ", wait)
	if m := modes(); m != "icanon" {
		t.Errorf("at the prompt the editor ran with the terminal in modes %q", m)
	}

	p.Type("read -e line; echo \"got:$line\"\r")
	p.WaitFor("\n", wait)
	p.Type("say hello\x1bv")
	p.WaitFor("got:say edited\r\n", wait)
	p.WaitFor("$ ", wait)
	if m := modes(); m != "icanon" {
		t.Errorf("under read -e the editor ran with the terminal in modes %q", m)
	}

	// A failing editor leaves the line as it was.
	ran := filepath.Join(home, "ran")
	os.WriteFile(editor, []byte("#!/bin/sh\ntouch \"$HOME/ran\"\nexit 1\n"), 0o755)
	p.Type("read -e line; echo \"got:$line\"\r")
	p.WaitFor("\n", wait)
	p.Type("kept\x1bv")
	for deadline := time.Now().Add(wait); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(ran); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the editor did not run")
		}
	}
	p.Type("A!\r")
	p.WaitFor("got:kept!\r\n", wait)
}
