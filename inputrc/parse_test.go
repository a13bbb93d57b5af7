package inputrc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func newTestConfig(opts Options) *Config {
	if opts.Getenv == nil {
		opts.Getenv = func(string) string { return "" }
	}
	return New(opts)
}

// bound returns the name of the function (or "macro:TEXT") that keyseq
// runs in the named keymap, or "" when unbound.
func bound(c *Config, keymap, keyseq string) string {
	keys, _ := TranslateKeyseq(keyseq, c.convertMeta())
	e, ok := c.Lookup(c.KeymapByName(keymap), keys)
	switch {
	case !ok:
		return "<none>"
	case e.Kind == KindMacro:
		return "macro:" + string(e.Macro)
	case e.Kind == KindKeymap:
		return "<keymap>"
	case e.Func == nil:
		return ""
	}
	return e.Func.Name
}

func TestParseBindings(t *testing.T) {
	tests := []struct {
		name, src, keymap, keyseq, want string
	}{
		{"keyname", "Control-u: kill-whole-line", "emacs", `\C-u`, "kill-whole-line"},
		{"short keyname", "C-t: transpose-words", "emacs", `\C-t`, "transpose-words"},
		{"meta rubout", "Meta-Rubout: kill-line", "emacs", `\M-\C-?`, "kill-line"},
		{"M-DEL", "M-DEL: undo", "emacs", `\e\C-?`, "undo"},
		{"SPC", "M-SPC: set-mark", "emacs", `\e `, "set-mark"},
		{"TAB any case", "M-tab: tab-insert", "emacs", `\e\t`, "tab-insert"},
		{"function case", `"\C-xq": Kill-Line`, "emacs", `\C-xq`, "kill-line"},
		{"quoted keyseq", `"\e[1;5A": history-search-backward`, "emacs", `\e[1;5A`, "history-search-backward"},
		{"macro", `"\C-xm": "hello world"`, "emacs", `\C-xm`, "macro:hello world"},
		{"single-quoted macro", `"\C-xm": 'it\'s'`, "emacs", `\C-xm`, "macro:it's"},
		{"macro escapes", `"\C-xm": "a\tb\x41\101"`, "emacs", `\C-xm`, "macro:a\tbAA"},
		{"keymap switch", "set keymap vi-command\n\"Q\": abort", "vi-command", `Q`, "abort"},
		{"keymap switch leaves emacs", "set keymap vi-command\n\"Q\": abort", "emacs", `Q`, "self-insert"},
		{"editing-mode", "set editing-mode vi\n\"\\C-a\": abort", "vi-insert", `\C-a`, "abort"},
		{"unknown function unbinds", `"\C-a": no-such-command`, "emacs", `\C-a`, ""},
		{"alias case clash", `"\C-a": vi-bword`, "emacs", `\C-a`, "vi-backward-bigword"},
		{"$if mode", "$if mode=emacs\n\"\\C-a\": abort\n$endif", "emacs", `\C-a`, "abort"},
		{"$if mode false", "$if mode=vi\n\"\\C-a\": abort\n$endif", "emacs", `\C-a`, "beginning-of-line"},
		{"$else", "$if mode=vi\n\"\\C-a\": abort\n$else\n\"\\C-a\": undo\n$endif", "emacs", `\C-a`, "undo"},
		{"$if app", "$if GoSh\n\"\\C-a\": abort\n$endif", "emacs", `\C-a`, "abort"},
		{"$if other app", "$if Bash\n\"\\C-a\": abort\n$endif", "emacs", `\C-a`, "beginning-of-line"},
		{"$if term short", "$if term=xterm\n\"\\C-a\": abort\n$endif", "emacs", `\C-a`, "abort"},
		{"$if version", "$if version >= 8.1\n\"\\C-a\": abort\n$endif", "emacs", `\C-a`, "abort"},
		{"$if version false", "$if version > 8.2\n\"\\C-a\": abort\n$endif", "emacs", `\C-a`, "beginning-of-line"},
		{"$if variable", "set bell-style none\n$if bell-style == none\n\"\\C-a\": abort\n$endif", "emacs", `\C-a`, "abort"},
		{"nested else stays off", "$if mode=vi\n$if gosh\n$else\n\"\\C-a\": abort\n$endif\n$endif", "emacs", `\C-a`, "beginning-of-line"},
		{"shadowed prefix", `"ab": abort`, "emacs", `a`, "<keymap>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestConfig(Options{App: "gosh", Term: "xterm-256color"})
			c.ReadString("test", tt.src)
			if got := bound(c, tt.keymap, tt.keyseq); got != tt.want {
				t.Errorf("%s in %s = %q, want %q (warnings %v)", tt.keyseq, tt.keymap, got, tt.want, c.Warnings)
			}
		})
	}
}

func TestParseVariables(t *testing.T) {
	tests := []struct{ src, name, want string }{
		{"set completion-ignore-case On", "completion-ignore-case", "on"},
		{"set completion-ignore-case 1", "completion-ignore-case", "on"},
		{"set completion-ignore-case yes", "completion-ignore-case", "off"},
		{"set mark-directories", "mark-directories", "on"},
		{"set meta-flag on", "input-meta", "on"},
		{"set bell-style visible", "bell-style", "visible"},
		{"set prefer-visible-bell off", "bell-style", "audible"},
		{"set comment-begin //", "comment-begin", "//"},
		{"set completion-query-items -5", "completion-query-items", "0"},
		{"set completion-display-width 80x", "completion-display-width", "80"},
		{"set history-size 0", "history-size", "0"},
		{"set history-size 250", "history-size", "250"},
		{"set history-size", "history-size", "500"},
		{"set keyseq-timeout 1200", "keyseq-timeout", "1200"},
		{"set editing-mode vi", "editing-mode", "vi"},
		{"set editing-mode vi\nset keymap vi-command", "keymap", "vi"},
		{`set isearch-terminators "\C-g\e"`, "isearch-terminators", `\C-g\e`},
		{`set emacs-mode-string "E:"  `, "emacs-mode-string", "E:"},
		{"set vi-ins-mode-string  INS  ", "vi-ins-mode-string", "INS"},
		{"set enable-bracketed-paste off", "enable-active-region", "off"},
	}
	for _, tt := range tests {
		c := newTestConfig(Options{Term: "xterm"})
		c.ReadString("test", tt.src)
		if got, _ := c.VarValue(tt.name); got != tt.want {
			t.Errorf("%q: %s = %q, want %q (warnings %v)", tt.src, tt.name, got, tt.want, c.Warnings)
		}
	}
}

// TestWarnings checks that each kind of bad line is reported with its
// file and line, and that reading goes on after it.
func TestWarnings(t *testing.T) {
	src := strings.Join([]string{
		"set no-such-variable on",            // 1
		"set editing-mode notamode",          // 2
		`"\C-xb: unterminated`,               // 3
		`"\C-xc": "unterminated macro`,       // 4
		`"\C-xd": no-such-function`,          // 5
		"Control-Foo: abort",                 // 6
		"Hyper-x: abort",                     // 7
		"$endif",                             // 8
		"$else",                              // 9
		"$if version >= x",                   // 10
		"$endif",                             // 11
		"$frobnicate",                        // 12
		"$include /nonexistent/gosh/inputrc", // 13
		`"\q": abort`,                        // 14
		`"\C-xe"`,                            // 15
		`"\C-xf": "still read"`,              // 16
	}, "\n")
	c := newTestConfig(Options{})
	c.ReadString("rc", src)
	want := []string{
		"rc:1: no-such-variable: unknown variable name",
		"rc:2: editing-mode: could not set value to `notamode'",
		"rc:3: \"\\C-xb: unterminated: no closing `\"' in key binding",
		"rc:4: `\"unterminated macro': missing closing quote for macro",
		"rc:5: no-such-function: unknown function name",
		"rc:6: Foo: unknown key name, using `F'",
		"rc:7: Hyper-x: unknown key modifier",
		"rc:8: $endif without matching $if",
		"rc:9: $else found without matching $if",
		"rc:10: numeric argument expected, found `x'",
		"rc:12: frobnicate: unknown parser directive",
		"rc:13: $include /nonexistent/gosh/inputrc: no such file or directory",
		"rc:14: unknown escape \\q in `\\q'",
		"rc:15: \"\\C-xe\": no key sequence terminator",
	}
	var got []string
	for _, w := range c.Warnings {
		got = append(got, w.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if b := bound(c, "emacs", `\C-xf`); b != "macro:still read" {
		t.Errorf("line after the errors: %q", b)
	}
}

func TestIncludeAndLoop(t *testing.T) {
	home := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(home, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.inputrc", "\"\\C-xa\": \"from a\"\n$include ~/b.inputrc\n\"\\C-xc\": \"after\"\n")
	write("b.inputrc", "\"\\C-xb\": \"from b\"\n$include ~/a.inputrc\n")
	c := New(Options{Getenv: func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	}})
	if err := c.ReadFile("~/a.inputrc"); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{`\C-xa`: "macro:from a", `\C-xb`: "macro:from b", `\C-xc`: "macro:after"} {
		if got := bound(c, "emacs", k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Error(), "~/b.inputrc:2: $include ~/a.inputrc: include loop") {
		t.Errorf("warnings = %v, want one include loop at ~/b.inputrc:2", c.Warnings)
	}
}

func TestDefaultFile(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home}
	c := New(Options{Getenv: func(k string) string { return env[k] }})
	if got := c.DefaultFile(); got != "/etc/inputrc" {
		t.Errorf("no ~/.inputrc: %q", got)
	}
	os.WriteFile(filepath.Join(home, ".inputrc"), nil, 0o644)
	if got := c.DefaultFile(); got != filepath.Join(home, ".inputrc") {
		t.Errorf("with ~/.inputrc: %q", got)
	}
	env["INPUTRC"] = "/some/file"
	if got := c.DefaultFile(); got != "/some/file" {
		t.Errorf("with INPUTRC: %q", got)
	}
}

func TestCloneIsIndependent(t *testing.T) {
	c := newTestConfig(Options{})
	d := c.Clone()
	d.ParseLine(`"\C-a": abort`)
	d.ParseLine("set bell-style none")
	if got := bound(c, "emacs", `\C-a`); got != "beginning-of-line" {
		t.Errorf("original changed: %q", got)
	}
	if got := bound(d, "emacs-meta", `\C-g`); got != "abort" {
		t.Errorf("clone lost emacs-meta: %q", got)
	}
	if v, _ := c.VarValue("bell-style"); v != "audible" {
		t.Errorf("original bell-style %q", v)
	}
}
