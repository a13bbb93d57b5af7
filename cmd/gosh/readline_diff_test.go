//go:build linux

package main

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/goshell/gosh/internal/rldiff"
)

// The differential test of line editing: each case types keys into bash
// 5.2 (GNU Readline 8.2) and into gosh, both fresh on a terminal, and
// requires the two screens to be the same afterwards, cursor included.
// Enter is not pressed unless a case says so: the line is compared while
// it is being edited.

// diffHistory is the history file both shells start with, oldest first.
// The commands are harmless: a case may run one (operate-and-get-next).
var diffHistory = []string{
	"echo status",
	"printf '%s\\n' one two",
	`echo "a b" c`,
	"true make test",
	"echo commit -m fix",
	"cd /tmp/xyz 2>/dev/null; echo lib",
}

type diffCase struct {
	name string
	keys string
	// more are typed after keys, each once the shells are done with
	// what came before (as a person would type).
	more    []string
	inputrc string
	size    rldiff.Size
}

var editingCases = []diffCase{
	// Inserting and moving.
	{name: "insert", keys: "hello world"},
	{name: "beginning-of-line insert", keys: "world\x01hello "},
	{name: "backward-char forward-char", keys: "abcdef\x02\x02\x02X\x06Y"},
	{name: "backward-word forward-word", keys: "one two three\x1bb\x1bbX\x1bfY"},
	{name: "words with punctuation", keys: "foo-bar.baz qux\x01\x1bf\x1bfX"},
	{name: "end-of-line", keys: "abc def\x01\x1bf\x05!"},
	{name: "numeric backward-char", keys: "abcdef\x1b3\x02X"},
	{name: "numeric self-insert", keys: "\x1b3x"},
	{name: "two-digit argument", keys: "\x1b1\x1b2x"},
	{name: "negative self-insert", keys: "ab\x1b-x"},
	{name: "argument prompt", keys: "abc\x1b3"},
	{name: "negative argument prompt", keys: "abc\x1b-"},
	{name: "minus after minus", keys: "abc\x1b-\x1b-x"},
	{name: "minus after digits", keys: "abc\x1b3\x1b-"},
	{name: "negative forward-word", keys: "one two three\x1b-\x1bfX"},
	{name: "quoted-insert control", keys: "ab\x16\x01cd"},
	{name: "tab-insert", keys: "a\x1b\tb"},
	{name: "wide characters", keys: "日本語テキスト\x02\x02\x04"},
	{name: "utf-8 upcase-word", keys: "héllo wörld\x01\x1bu"},
	{name: "long line wraps", keys: "echo 0123456789012345678901234567890123456789012345678901234567890\x01\x1bf\x1bfX", size: rldiff.Size{Cols: 40, Rows: 10}},
	{name: "overwrite-mode", keys: "abcdef\x01\x1b[2~XY"},
	{name: "set-mark exchange", keys: "abcdef\x01\x06\x06\x00\x05\x18\x18X"},
	{name: "character-search", keys: "a-b-c-d\x01\x1d-\x1d-X"},
	{name: "character-search-backward", keys: "a-b-c-d\x1b\x1d-X"},
	{name: "character-search count", keys: "a-b-c-d\x01\x1b2\x1d-X"},
	{name: "delete-horizontal-space", keys: "a     b\x02\x02\x02\x1b\\"},
	{name: "clear-screen", keys: "echo x\x0c"},

	// Deleting, killing and yanking.
	{name: "delete-char", keys: "abcdef\x01\x06\x04\x04"},
	{name: "backward-delete-char", keys: "abcdef\x7f\x7f"},
	{name: "numeric delete-char kills", keys: "abcdef\x01\x1b2\x04\x05\x19"},
	{name: "negative delete-char", keys: "abcdef\x1b-\x1b2\x04"},
	{name: "kill-line", keys: "one two three\x1bb\x0b"},
	{name: "kill-line zero argument", keys: "one two three\x1bb\x1b0\x0b"},
	{name: "negative kill-line", keys: "one two three\x1bb\x1b-\x0b"},
	{name: "unix-line-discard", keys: "one two three\x1bb\x15"},
	{name: "backward-kill-line", keys: "one two three\x1bb\x18\x7f"},
	{name: "unix-word-rubout", keys: "cd /usr/local/lib\x17"},
	{name: "backward-kill-word", keys: "cd /usr/local/lib\x1b\x7f"},
	{name: "kill-word", keys: "one two three\x01\x1bd"},
	{name: "negative kill-word", keys: "foo bar baz\x1b-\x1bd"},
	{name: "kill and yank", keys: "one two three\x1bb\x0b\x01\x19"},
	{name: "kills merge", keys: "one two three\x17\x17\x19\x19"},
	{name: "yank-pop", keys: "aaa\x01\x0bbbb\x01\x0bccc\x01\x0b\x19\x1by\x1by"},
	{name: "yank-pop wraps", keys: "aaa\x01\x0bbbb\x01\x0b\x19\x1by\x1by\x1by"},
	{name: "yank-pop without yank", keys: "abc\x01\x0bx\x1by"},
	{name: "kill-word then yank twice", keys: "alpha beta\x01\x1bd\x19\x19"},

	// Changing text.
	{name: "transpose-chars", keys: "abcd\x02\x02\x14"},
	{name: "transpose-chars at end", keys: "abcd\x14"},
	{name: "transpose-chars at start", keys: "abcd\x01\x14"},
	{name: "transpose-words", keys: "one two three\x1bt"},
	{name: "transpose-words middle", keys: "one two three\x1bb\x1bb\x1bt"},
	{name: "upcase-word", keys: "hello world\x01\x1bu"},
	{name: "downcase-word", keys: "HELLO WORLD\x01\x1bl\x1bl"},
	{name: "capitalize-word", keys: "hello world\x01\x1bc\x1bc"},
	{name: "negative upcase-word", keys: "hello world\x1b-\x1bu"},
	{name: "negative capitalize two words", keys: "hello big world\x1b-\x1b2\x1bc"},

	// Undo.
	{name: "undo kill", keys: "abc def\x17\x1f"},
	{name: "undo twice", keys: "abc\x01\x0bxyz\x1f\x1f"},
	{name: "undo C-x C-u", keys: "abc def\x1bb\x0b\x18\x15"},
	{name: "revert-line", keys: "abc def\x01\x0bxy\x1br"},
	{name: "undo yank", keys: "abc\x01\x0b\x19\x19\x1f"},
	{name: "undo transpose", keys: "abcd\x14\x1f"},

	// History.
	{name: "previous-history", keys: "\x10"},
	{name: "previous-history twice and next", keys: "\x10\x10\x10\x0e"},
	{name: "beginning-of-history", keys: "\x1b<"},
	{name: "end-of-history", keys: "draft\x1b<\x1b>"},
	{name: "edited history entry kept", keys: "\x10X\x10\x0e"},
	{name: "numeric previous-history", keys: "\x1b3\x10"},
	{name: "yank-last-arg", keys: "\x1b."},
	{name: "yank-last-arg twice", keys: "x \x1b.\x1b."},
	{name: "yank-last-arg with argument", keys: "\x1b1\x1b."},
	{name: "yank-nth-arg", keys: "\x1b\x19"},
	{name: "yank-nth-arg 2", keys: "\x1b2\x1b\x19"},
	{name: "history-search-backward", keys: "echo\x18p", inputrc: `"\C-xp": history-search-backward` + "\n"},
	{name: "history-search-backward twice", keys: "echo\x18p\x18p", inputrc: `"\C-xp": history-search-backward` + "\n"},
	{name: "history-substring-search", keys: "one\x18s", inputrc: `"\C-xs": history-substring-search-backward` + "\n"},
	{name: "non-incremental search", keys: "\x1bpprintf\r"},
	{name: "operate-and-get-next", keys: "\x10\x10\x10\x0f"},

	// Edits of history lines: kept on the entry when the line leaves it,
	// with the entry's undo list; the line being typed keeps its own.
	{name: "undo on revisited entry", keys: "\x10\x10X\x0e\x10\x1f"},
	{name: "undo twice on revisited entry", keys: "\x10\x10\x17X\x0e\x10Y\x1f\x1f"},
	{name: "revert-line on revisited entry", keys: "\x10\x10\x17X\x0eY\x10Z\x1br\x0e"},
	{name: "undo line being typed after history", keys: "echo abc\x10\x0e\x17\x1f\x1f"},
	{name: "end-of-history keeps entry edits", keys: "draft\x10\x10\x08\x1b>\x1b<\x0e\x0e\x0e\x0e"},
	{name: "mark after history move", keys: "\x10\x18\x18X"},
	{name: "edits outlive the line", keys: "\x10\x10X\x0e\r", more: []string{"\x10\x10\x10"}},
	{name: "undo on a later line", keys: "\x10\x10X\x0e\r", more: []string{"\x10\x10\x10\x1f"}},
	{name: "accepted entry reverts", keys: "\x10X\r", more: []string{"\x10\x10"}},
	{name: "revert-all-at-newline", keys: "\x10\x10X\x0e\r", more: []string{"\x10\x10\x10"}, inputrc: "set revert-all-at-newline on\n"},
	{name: "operate-and-get-next edited", keys: "\x10\x10X\x0e\x10\x10\x0f"},
	{name: "operate-and-get-next argument", keys: "\x10\x10\x1b2\x0f"},
	{name: "history-preserve-point", keys: "\x10\x10\x01\x06\x06\x10\x05\x0e", inputrc: "set history-preserve-point on\n"},
	{name: "non-incremental search undo", keys: "echo draft\x1bptwo\r\x1f"},
	{name: "non-incremental search given up on entry", keys: "echo draft\x10\x1bpab\x07"},
	{name: "non-incremental search on entry then down", keys: "echo draft\x10\x1bpone\r\x0e"},
	{name: "yank-last-arg on history entry", keys: "\x10\x10\x05 \x1b."},
	{name: "yank-last-arg repeated then undo", keys: "x\x1b.\x1b.\x1f"},
	{name: "yank-last-arg turned around", keys: "\x1b.\x1b.\x1b.\x1b-\x1b."},
	{name: "yank-nth-arg on history entry", keys: "\x10\x10\x10\x05 \x1b\x19"},
	{name: "non-incremental search mark", keys: "\x1bpone\r\x18\x18"},
	{name: "reverse-i-search given up on entry", keys: "\x10\x10\x01\x1bp\x07\x12e\x07"},
	{name: "mark-modified-lines", keys: "\x10\x10X\x0e\x10", inputrc: "set mark-modified-lines on\n"},
	{name: "mark-modified-lines undone", keys: "\x10X\x1f", inputrc: "set mark-modified-lines on\n"},
	{name: "fetch-history", keys: "\x10\x10\x18f", inputrc: `"\C-xf": fetch-history` + "\n"},
	{name: "fetch-history number", keys: "\x1b3\x18f", inputrc: `"\C-xf": fetch-history` + "\n"},
	{name: "fetch-history out of range", keys: "\x10\x1b99\x18f", inputrc: `"\C-xf": fetch-history` + "\n"},
	{name: "fetch-history negative", keys: "\x10\x1b-2\x18f", inputrc: `"\C-xf": fetch-history` + "\n"},
	{name: "insert-comment", keys: "echo hi\x1b#"},

	// Incremental search.
	{name: "reverse-i-search", keys: "\x12echo"},
	{name: "reverse-i-search again", keys: "\x12echo\x12"},
	{name: "reverse-i-search failing", keys: "\x12zzz"},
	{name: "reverse-i-search abort", keys: "draft\x12echo\x07"},
	{name: "reverse-i-search end", keys: "\x12one\x05"},
	{name: "reverse-i-search then move", keys: "\x12tmp\x01X"},
	{name: "reverse-i-search rubout", keys: "\x12echx\x7f"},
	{name: "reverse-i-search empty repeats last", keys: "\x12two\x05\x15\x12\x12"},
	{name: "reverse-i-search empty shows last", keys: "\x12two\x05\x15\x12"},
	{name: "reverse-i-search rubout to empty", keys: "\x12e\x7f"},
	{name: "reverse-i-search C-w", keys: "\x12prin\x17"},
	{name: "reverse-i-search C-y", keys: "\x12prin\x19"},
	{name: "reverse-i-search more matches in line", keys: "\x12o\x12\x12\x12"},

	// Keyboard macros and the init file.
	// Each key of the macro is typed alone: readline records only the
	// first of several self-inserting keys read at once.
	{name: "keyboard macro", keys: "\x18(", more: []string{"a", "b", "\x18)", "\x18e", "\x18e"}},
	{name: "macro from inputrc", keys: "\x18m", inputrc: `"\C-xm": "hello\C-bX"` + "\n"},
	{name: "bound command from inputrc", keys: "abc def\x18k", inputrc: `"\C-xk": kill-whole-line` + "\n"},
}

// TestReadlineDiff runs the editing cases against bash.
func TestReadlineDiff(t *testing.T) {
	bash := rldiff.BashPath(t)
	for _, tc := range editingCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			runDiffCase(t, bash, tc)
		})
	}
}

func runDiffCase(t *testing.T, bash string, tc diffCase) {
	size := tc.size
	if size.Cols == 0 {
		size = rldiff.Size{Cols: 80, Rows: 12}
	}
	env := rldiff.Env{Home: t.TempDir(), Inputrc: tc.inputrc, History: diffHistory}
	b := rldiff.Start(t, env.Command(t, bash), size)
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "-i", "--norc")
	cmd.Env = env.Prepare(t, "gosh")
	cmd.Dir = env.Home
	g := rldiff.Start(t, cmd, size)
	rldiff.Compare(t, tc.name, b, g, rldiff.Options{}, append([]string{tc.keys}, tc.more...)...)
}
