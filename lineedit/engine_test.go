package lineedit

import (
	"strings"
	"testing"

	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/inputrc"
)

func testConfig() *inputrc.Config {
	cfg := inputrc.New(inputrc.Options{App: "test", Term: "xterm", Locale: "C.UTF-8", Getenv: func(string) string { return "" }})
	cfg.Finish()
	return cfg
}

// state shows a line with | at the point.
func state(e *Engine) string {
	return e.Line()[:e.Point()] + "|" + e.Line()[e.Point():]
}

// setState puts text with | marking the point into the engine.
func setState(e *Engine, s string) {
	i := strings.IndexByte(s, '|')
	e.buf.text = append(e.buf.text[:0], s[:i]+s[i+1:]...)
	e.buf.point = i
}

func keys(t *testing.T, s string) []byte {
	t.Helper()
	b, _ := inputrc.TranslateKeyseq(s, false)
	return b
}

func TestCommands(t *testing.T) {
	hist := []string{"git status", "ls -l /tmp", "echo \"a b\" c", "make test"}
	tests := []struct {
		name, before, keys, after string
	}{
		{"insert", "|", "abc", "abc|"},
		{"insert middle", "ac|", `\C-bb`, "ab|c"},
		{"utf8", "|", "héllo 日本", "héllo 日本|"},
		{"backward-char grapheme", "e\u0301x|", `\C-b\C-b`, "|e\u0301x"},
		{"beginning/end", "abc|", `\C-ax\C-ey`, "xabcy|"},
		{"forward-word", "|foo bar baz", `\ef\ef`, "foo bar| baz"},
		{"backward-word", "foo bar baz|", `\eb\eb`, "foo |bar baz"},
		{"delete-char", "a|bc", `\C-d`, "a|c"},
		{"backward-delete-char", "abc|", `\C-?\C-h`, "a|"},
		{"kill-line and yank", "foo |bar", `\C-k\C-a\C-y`, "bar|foo "},
		{"kill merges", "one two three|", `\e\C-?\e\C-?\C-y`, "one two three|"},
		{"unix-word-rubout", "cd /usr/lib|", `\C-w`, "cd |"},
		{"unix-line-discard", "abc d|ef", `\C-u`, "|ef"},
		{"yank-pop", "|", `a\C-a\C-kb\C-a\C-k\C-y\ey`, "a|"},
		{"transpose-chars", "ab|c", `\C-t`, "acb|"},
		{"transpose-chars end", "abc|", `\C-t`, "acb|"},
		{"transpose-words", "one two|", `\et`, "two one|"},
		{"upcase-word", "|foo bar", `\eu`, "FOO| bar"},
		{"capitalize-word", "|foo bar", `\ec\ec`, "Foo Bar|"},
		{"downcase-word neg", "FOO BAR|", `\e-\el`, "FOO bar|"},
		{"numeric arg", "|", `\e3x`, "xxx|"},
		{"universal arg", "|", `\C-xux`, "xxxx|"},
		{"universal arg digits", "|", `\C-xu12x`, "xxxxxxxxxxxx|"},
		{"negative kill-word", "foo bar|", `\e-\ed`, "foo |"},
		{"undo", "|", `abc\C-_`, "|"},
		{"undo kill", "foo bar|", `\C-w\C-_`, "foo bar|"},
		{"revert-line", "x|", `abc\C-ad\er`, "x|"},
		{"mark and exchange", "ab|cd", `\C- \C-e\C-x\C-x`, "ab|cd"},
		{"kill-region", "ab|cd", `\C- \C-e\C-xk`, "ab|"},
		{"character-search", "|a-b-c", `\C-]-\C-]-`, "a-b|-c"},
		{"character-search-backward", "a-b-c|", `\e\C-]-`, "a-b|-c"},
		{"quoted-insert", "|", `\C-v\C-a`, "\x01|"},
		{"tab-insert", "|", `\e\C-i`, "\t|"},
		{"delete-horizontal-space", "a   |  b", `\e\\`, "a|b"},
		{"overwrite-mode", "ab|cd", `\e[2~XY`, "abXY|"},
		{"previous-history", "|", `\C-p\C-p`, "echo \"a b\" c|"},
		{"next-history back", "draft|", `\C-p\C-n`, "draft|"},
		{"beginning-of-history", "|", `\e<`, "git status|"},
		{"history-search-backward", "g|", `\e[5~`, "g|it status"},
		{"yank-last-arg", "|", `\e.`, "test|"},
		{"yank-last-arg twice", "|", `\e.\e.`, "c|"},
		{"yank-nth-arg", "|", `\e\C-y`, "test|"},
		{"yank-nth-arg 0", "|", `\e0\e\C-y`, "make|"},
		{"reverse-i-search", "|", `\C-rls\C-j`, "|ls -l /tmp"},
		{"reverse-i-search again", "|", `\C-rs\C-r\C-r\C-j`, "git statu|s"},
		{"i-search then key", "|", `\C-rtmp\C-e`, "ls -l /tmp|"},
		{"i-search abort", "draft|", `\C-rls\C-g`, "draft|"},
		{"non-incremental search", "|", `\epls\r`, "|ls -l /tmp"},
		{"macro", "|", `\C-x(ab\C-x)\C-xe`, "abab|"},
		{"inputrc macro", "|", `\C-xm`, "macro text|"},
		{"do-lowercase-version", "foo bar|", `\eB`, "foo |bar"},
		{"arrow keys", "ab|", `\e[D\e[Dx\e[C`, "xa|b"},
		{"ctrl-arrow", "foo bar|", `\e[1;5D\e[1;5Dx`, "x|foo bar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.ParseLine(`"\C-xm": "macro text"`)
			cfg.ParseLine(`"\e[5~": history-search-backward`)
			cfg.ParseLine(`"\e[2~": overwrite-mode`)
			cfg.ParseLine(`"\C-xu": universal-argument`)
			cfg.ParseLine(`"\C-xk": kill-region`)
			cfg.Finish()
			h := history.New()
			for _, s := range hist {
				h.Add(s)
			}
			e := New(cfg, h)
			setState(e, tt.before)
			e.Feed(keys(t, tt.keys))
			if e.WantsTimeout() {
				e.Timeout()
			}
			if got := state(e); got != tt.after {
				t.Errorf("%q on %q: %q, want %q", tt.keys, tt.before, got, tt.after)
			}
		})
	}
}

func TestAcceptAndEOF(t *testing.T) {
	e := New(testConfig(), nil)
	if st := e.Feed([]byte("ls\rnext")); st != Accepted || e.Line() != "ls" {
		t.Fatalf("status %v line %q", st, e.Line())
	}
	if rest := e.Unconsumed(); string(rest) != "next" {
		t.Errorf("typed ahead %q", rest)
	}
	e.Reset("$ ")
	if st := e.Feed([]byte{4}); st != EOF {
		t.Errorf("C-d on an empty line: %v", st)
	}
	e.Reset("$ ")
	if st := e.Feed([]byte("a\x04")); st != Editing || e.Line() != "a" {
		t.Errorf("C-d on a line: %v %q", st, e.Line())
	}
}

func TestSearchPrompt(t *testing.T) {
	h := history.New()
	h.Add("git status")
	e := New(testConfig(), h)
	e.Feed(keys(t, `\C-rst`))
	f := e.Frame()
	if f.Prompt != "(reverse-i-search)`st': " || f.Text != "git status" || f.Cursor != 4 {
		t.Errorf("frame %+v", f)
	}
	e.Feed([]byte("zz"))
	if f := e.Frame(); !strings.HasPrefix(f.Prompt, "(failed reverse-i-search)") {
		t.Errorf("failed search prompt %q", f.Prompt)
	}
}

func TestViInsertEscapeTimeout(t *testing.T) {
	cfg := testConfig()
	cfg.ParseLine("set editing-mode vi")
	e := New(cfg, nil)
	e.Feed([]byte("ab\x1b"))
	if !e.WantsTimeout() {
		t.Fatal("ESC in vi insert mode should wait for the keyseq-timeout")
	}
}

func TestRegister(t *testing.T) {
	cfg := testConfig()
	Register(cfg, "insert-date", func(e *Engine, _ int, _ byte) { e.InsertText("2026-11-27") })
	cfg.ParseLine(`"\C-xd": insert-date`)
	e := New(cfg, nil)
	e.Feed(keys(t, `\C-xd`))
	if e.Line() != "2026-11-27" {
		t.Errorf("line %q", e.Line())
	}
}

// TestTypingAllocs checks that typing at the end of a line does not
// allocate once the buffer has grown.
func TestTypingAllocs(t *testing.T) {
	e := New(testConfig(), nil)
	e.Feed([]byte(strings.Repeat("x", 100)))
	e.undo.clear()
	key := []byte{'y'}
	allocs := testing.AllocsPerRun(1000, func() {
		e.Feed(key)
		if len(e.undo.steps) > 10 {
			e.undo.clear()
		}
	})
	if allocs > 0.1 {
		t.Errorf("%v allocations per keystroke", allocs)
	}
}

func TestBracketedPaste(t *testing.T) {
	e := New(testConfig(), nil)
	e.Feed([]byte("x\x1b[200~line one\r\nline two\x1b[20"))
	if e.Status() != Editing || e.Line() != "x" {
		t.Fatalf("mid-paste: %v %q", e.Status(), e.Line())
	}
	e.Feed([]byte("1~y"))
	if e.Line() != "xline one\nline twoy" {
		t.Fatalf("after paste %q", e.Line())
	}
	e.Feed(keys(t, `\C-_\C-_`))
	if e.Line() != "x" {
		t.Errorf("the paste is not one undo step: %q", e.Line())
	}
}

func BenchmarkPaste1MiB(b *testing.B) {
	chunk := []byte(strings.Repeat("echo pasted text here\n", 1<<20/22))
	e := New(testConfig(), nil)
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		e.Reset("")
		e.Feed([]byte("\x1b[200~"))
		for off := 0; off < len(chunk); off += 4096 {
			e.Feed(chunk[off:min(off+4096, len(chunk))])
		}
		e.Feed(pasteEnd)
	}
}
