package lineedit

import (
	"strings"
	"testing"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/inputrc"
)

// TestReadlineCommandsHaveBehaviour checks that every bindable name of GNU
// Readline 8.2 runs a command: none is a no-op. Names that bash adds are
// not in inputrc's function map; the shell registers those.
func TestReadlineCommandsHaveBehaviour(t *testing.T) {
	fm := inputrc.NewFunmap()
	names := fm.Names()
	if len(names) < 140 {
		t.Fatalf("only %d names in the function map", len(names))
	}
	for _, name := range names {
		fn := fm.Lookup(name)
		if fn == nil {
			t.Errorf("%s: not found by Lookup", name)
			continue
		}
		if _, ok := lookupCommand(fn.Name); !ok {
			t.Errorf("%s (%s) has no command", name, fn.Name)
		}
	}
	// Names that case-insensitive lookup hides (vi-eword is found as
	// vi-eWord, as in readline) still have their own behaviour.
	for _, name := range []string{"vi-eword", "vi-forward-word", "vi-backward-word"} {
		if _, ok := lookupCommand(name); !ok {
			t.Errorf("%s has no command", name)
		}
	}
}

func TestViMode(t *testing.T) {
	e := viEngine(t)
	if m := e.Mode(); m != ModeViInsert {
		t.Fatalf("a new line is in %v", m)
	}
	e.Feed([]byte("abc\x1b"))
	if !e.WantsTimeout() {
		t.Fatal("ESC in insert mode does not wait for the keyseq-timeout")
	}
	if m := e.Mode(); m != ModeViInsert || e.Point() != 3 {
		t.Fatalf("before the timeout: %v, point %d", m, e.Point())
	}
	e.Timeout()
	if m := e.Mode(); m != ModeViCommand || e.Point() != 2 {
		t.Fatalf("after the timeout: %v, point %d", m, e.Point())
	}
	e.Feed([]byte("R"))
	if m := e.Mode(); m != ModeViInsert || !e.ViReplacing() {
		t.Fatalf("R: %v, replacing %v", m, e.ViReplacing())
	}
	e.Feed([]byte("\x1bi"))
	if m := e.Mode(); m != ModeViInsert || e.ViReplacing() {
		t.Fatalf("i: %v, replacing %v", m, e.ViReplacing())
	}
	// C-e in command mode is emacs-editing-mode, M-C-j in emacs mode
	// vi-editing-mode.
	e.Feed([]byte("\x1b\x05"))
	if m := e.Mode(); m != ModeEmacs {
		t.Fatalf("C-e: %v", m)
	}
	e.Feed([]byte("\x1b\x0a"))
	if m := e.Mode(); m != ModeViInsert || e.Status() != Editing {
		t.Fatalf("M-C-j: %v, %v", m, e.Status())
	}
	e.SetEditingMode(inputrc.EmacsMode)
	if m := e.Mode(); m != ModeEmacs {
		t.Fatalf("SetEditingMode(emacs): %v", m)
	}
	e.SetEditingMode(inputrc.ViMode)
	if m := e.Mode(); m != ModeViInsert {
		t.Fatalf("SetEditingMode(vi): %v", m)
	}
	// A new line starts in insert mode.
	e.Feed([]byte("\x1b"))
	e.Timeout()
	e.Reset("$ ")
	if m := e.Mode(); m != ModeViInsert {
		t.Fatalf("after Reset: %v", m)
	}
	if s := ModeViCommand.String(); s != "vi-command" {
		t.Errorf("String: %q", s)
	}
	if m := New(testConfig(), nil).Mode(); m != ModeEmacs {
		t.Errorf("emacs engine: %v", m)
	}
}

func TestViEscapeThenKey(t *testing.T) {
	// ESC followed at once by a key: command mode, then the key.
	e := viEngine(t)
	e.Feed([]byte("abc\x1bhx"))
	if e.WantsTimeout() || state(e) != "a|c" {
		t.Errorf("%q, waiting %v", state(e), e.WantsTimeout())
	}
}

// viWords completes the word before the cursor from a fixed list.
type viWords []string

func (w viWords) Complete(line string, cursor int) completion.Result {
	start := strings.LastIndexByte(line[:cursor], ' ') + 1
	r := completion.Result{Start: start, End: cursor}
	for _, c := range w {
		if strings.HasPrefix(c, line[start:cursor]) {
			r.Candidates = append(r.Candidates, completion.Candidate{Text: c})
		}
	}
	return r
}

// TestViCommands covers the vi commands and the readline commands that
// the differential test cannot compare with bash (completion, accepted
// lines, unbound names), each with the line it leaves and the mode.
func TestViCommands(t *testing.T) {
	t.Setenv("HOME", "/home/tester")
	tests := []struct {
		name  string
		rc    []string // inputrc lines
		keys  string
		want  string
		mode  Mode
		bell  bool
		extra func(t *testing.T, e *Engine)
	}{
		{name: "vi-complete \\ completes and inserts", keys: "git co\x1b\\", want: "git commit |", mode: ModeViInsert},
		{name: "vi-complete \\ mid-word", keys: "git co\x1bb\\", want: "git commit |", mode: ModeViInsert},
		{name: "vi-complete * inserts all", keys: "git s\x1b*", want: "git show stash status |", mode: ModeViInsert},
		{name: "vi-complete = lists", keys: "git s\x1b=", want: "git |s", mode: ModeViCommand,
			extra: func(t *testing.T, e *Engine) {
				if out := e.TakeEffects().Output; !strings.Contains(out, "stash") {
					t.Errorf("list %q", out)
				}
			}},
		{name: "vi-tilde-expand", keys: "ls ~/x\x1b0w&", want: "ls /home/tester/x|", mode: ModeViInsert},
		{name: "vi-tilde-expand on ~", keys: "ls ~\x1b&Z\x1b", want: "ls /home/tester|Z", mode: ModeViCommand},
		{name: "insert-comment accepts", keys: "echo hi\x1b#", want: "#|echo hi", mode: ModeViCommand,
			extra: func(t *testing.T, e *Engine) {
				if e.Status() != Accepted {
					t.Errorf("status %v", e.Status())
				}
			}},
		{name: "vi-eof-maybe accepts a line", keys: "abc\x04", want: "abc|", mode: ModeViInsert,
			extra: func(t *testing.T, e *Engine) {
				if e.Status() != Accepted {
					t.Errorf("status %v", e.Status())
				}
			}},
		{name: "vi-yank-pop after vi-put fails as in 8.2", rc: []string{"set keymap vi-command", `"Q": vi-yank-pop`},
			keys: "one two\x1b0dwdwpQ", want: "tw|o", mode: ModeViCommand, bell: true},
		{name: "vi-yank-pop needs vi-put", rc: []string{"set keymap vi-command", `"Q": vi-yank-pop`},
			keys: "one\x1bQ", want: "on|e", mode: ModeViCommand, bell: true},
		{name: "vi-fword", rc: []string{"set keymap vi-command", `"Q": vi-forward-word`}, keys: "ab.c d\x1b0QQ", want: "ab.|c d", mode: ModeViCommand},
		{name: "vi-fWord", rc: []string{"set keymap vi-command", `"Q": vi-fWord`}, keys: "ab.c d\x1b0Q", want: "ab.c |d", mode: ModeViCommand},
		{name: "vi-bword", rc: []string{"set keymap vi-command", `"Q": vi-backward-word`}, keys: "ab.c d\x1bQQ", want: "ab|.c d", mode: ModeViCommand},
		{name: "vi-bWord (vi-bword's lookup)", rc: []string{"set keymap vi-command", `"Q": vi-bword`}, keys: "ab.c d\x1bQQ", want: "|ab.c d", mode: ModeViCommand},
		{name: "vi-eword (vi-eWord's lookup)", rc: []string{"set keymap vi-command", `"Q": vi-eword`}, keys: "ab.c d\x1b0Q", want: "ab.|c d", mode: ModeViCommand},
		{name: "vi-end-bigword", rc: []string{"set keymap vi-command", `"Q": vi-end-bigword`}, keys: "ab.c d\x1b0Q", want: "ab.|c d", mode: ModeViCommand},
		{name: "vi-back-to-indent", rc: []string{"set keymap vi-command", `"Q": vi-back-to-indent`}, keys: "  ab\x1bQ", want: "  |ab", mode: ModeViCommand},
		{name: "vi-overstrike bound in insert mode", rc: []string{"set keymap vi-insert", `"Q": vi-overstrike`}, keys: "abc\x1b0aQ", want: "aQ|c", mode: ModeViInsert},
		{name: "vi-set-mark needs a-z", keys: "abc\x1bm1", want: "ab|c", mode: ModeViCommand, bell: true},
		{name: "vi-goto-mark unset", keys: "abc\x1b`q", want: "ab|c", mode: ModeViCommand, bell: true},
		{name: "vi-match without bracket", keys: "abc\x1b0%", want: "|abc", mode: ModeViCommand, bell: true},
		{name: "vi kills do not join", keys: "a b c\x1b0dwdwp", want: "cb| ", mode: ModeViCommand},
		{name: "vi-search prompt", keys: "draft\x1b/ec", want: "draf|t", mode: ModeViCommand,
			extra: func(t *testing.T, e *Engine) {
				f := e.Frame()
				if f.Prompt != "$ /" || f.Text != "ec" || f.Cursor != 2 {
					t.Errorf("frame %+v", f)
				}
			}},
		{name: "vi-search-again without a search", keys: "draft\x1bN", want: "draf|t", mode: ModeViCommand, bell: true},
		{name: "arrow-key-prefix", rc: []string{"set keymap vi-command", `"Q": arrow-key-prefix`}, keys: "abc\x1bQD", want: "a|bc", mode: ModeViCommand},
		{name: "arrow-key-prefix up", rc: []string{"set keymap vi-command", `"Q": arrow-key-prefix`}, keys: "abc\x1bQA", want: "|make test VERBOSE=1", mode: ModeViCommand},
		{name: "next-screen-line", rc: []string{`"\C-o": next-screen-line`}, keys: "abcdefghij\x01\x0f", want: "abcd|efghij", mode: ModeViInsert},
		{name: "previous-screen-line", rc: []string{`"\C-o": previous-screen-line`}, keys: "abcdefghij\x0f", want: "abcdef|ghij", mode: ModeViInsert},
		{name: "tty-status rings", rc: []string{`"\C-o": tty-status`}, keys: "ab\x0f", want: "ab|", mode: ModeViInsert, bell: true},
		{name: "C-w in insert mode", keys: "cd /usr/lib\x17", want: "cd /usr/|", mode: ModeViInsert},
		{name: "C-u in insert mode", keys: "abc\x1bhi\x15", want: "|bc", mode: ModeViInsert},
		{name: "C-v in insert mode", keys: "a\x16\x1bb", want: "a\x1bb|", mode: ModeViInsert},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := append([]string{`"\C-a": beginning-of-line`}, tt.rc...)
			e := viEngine(t, rc...)
			e.Reset("$ ")
			e.Completer = viWords{"commit", "show", "stash", "status"}
			e.Width = 4
			e.Bell()
			viType(e, tt.keys)
			if got := state(e); got != tt.want {
				t.Errorf("%q: %q, want %q", tt.keys, got, tt.want)
			}
			if m := e.Mode(); m != tt.mode {
				t.Errorf("%q: mode %v, want %v", tt.keys, m, tt.mode)
			}
			if b := e.Bell(); b != tt.bell {
				t.Errorf("%q: bell %v, want %v", tt.keys, b, tt.bell)
			}
			if tt.extra != nil {
				tt.extra(t, e)
			}
		})
	}
}

// TestViRedoState checks what . and ; remember across lines: they act on
// the last change even on the next line, as in readline.
func TestViRedoState(t *testing.T) {
	e := viEngine(t)
	viType(e, "a-b-c\x1b0f-x\r")
	e.Reset("$ ")
	viType(e, "x-y-z\x1b0;.")
	if got := state(e); got != "x|y-z" {
		t.Errorf("; and . on the next line: %q", got)
	}
}

func TestViExternalEdit(t *testing.T) {
	// The name is bash's: a program adds it to the function map, as the
	// shell does.
	cfg := testConfig()
	cfg.Funmap.Add("vi-edit-and-execute-command")
	cfg.ParseLine("set editing-mode vi")
	cfg.ParseLine("set keymap vi-command")
	cfg.ParseLine(`"v": vi-edit-and-execute-command`)
	e := New(cfg, nil)
	viType(e, "echo hi\x1b2v")
	fx := e.TakeEffects().ExternalEdit
	if fx == nil {
		t.Fatal("v asked for no external edit")
	}
	if fx.Text != "echo hi" || fx.Default != "vi" || !fx.Explicit || fx.Count != 2 {
		t.Errorf("request %+v", fx)
	}
	env := map[string]string{"EDITOR": "ed -s"}
	getenv := func(k string) string { return env[k] }
	if c := fx.Command(getenv, "/tmp/it's"); c != `ed -s '/tmp/it'\''s'` {
		t.Errorf("command %q", c)
	}
	env["VISUAL"] = "nano"
	if c := fx.Command(getenv, "/tmp/f"); c != "nano '/tmp/f'" {
		t.Errorf("VISUAL: %q", c)
	}
	if c := fx.Command(func(string) string { return "" }, "/f"); c != "vi '/f'" {
		t.Errorf("default: %q", c)
	}
	e.FinishExternalEdit("echo hi", false)
	if e.Status() != Editing || e.Line() != "echo hi" {
		t.Errorf("failed edit: %v %q", e.Status(), e.Line())
	}
	e.FinishExternalEdit("echo edited\necho two\n", true)
	if e.Status() != Accepted || e.Line() != "echo edited\necho two" {
		t.Errorf("edit: %v %q", e.Status(), e.Line())
	}
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pat, s string
		want   bool
	}{
		{"*", "", true},
		{"*a*", "xay", true},
		{"*a*", "xy", false},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"*/tmp/*", "ls /tmp/dir", true},
		{"[gm]a*", "make", true},
		{"[!gm]a*", "make", false},
		{"[a-c]x", "bx", true},
		{"[]]x", "]x", true},
		{`a\*b`, "a*b", true},
		{`a\*b`, "axb", false},
		{"[ab", "[ab", true},
		{"é?", "éü", true},
	}
	for _, tt := range tests {
		if got := globMatch(tt.pat, tt.s); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v", tt.pat, tt.s, got)
		}
	}
}

func TestViReplacePaste(t *testing.T) {
	e := viEngine(t)
	viType(e, "abcdef\x1b0R")
	e.Feed([]byte("\x1b[200~XY\x1b[201~Z\x1b"))
	e.Timeout()
	if got := state(e); got != "XY|Zdef" || e.Mode() != ModeViCommand {
		t.Errorf("paste in replace mode: %q %v", got, e.Mode())
	}
	// Each pasted character overstrikes: DEL takes them back one by one.
	e = viEngine(t)
	viType(e, "abcdef\x1b0R")
	e.Feed([]byte("\x1b[200~XY\x1b[201~\x7f"))
	if got := state(e); got != "X|bcdef" {
		t.Errorf("DEL after a paste in replace mode: %q", got)
	}
}
