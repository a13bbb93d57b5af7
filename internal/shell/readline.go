package shell

import (
	"strings"

	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/lineedit"
)

// AppName is the application name gosh gives readline init files: blocks
// under `$if gosh` apply to it, and `$if Bash` blocks do not.
const AppName = "gosh"

// shellFunctions are the bindable commands gosh adds to readline's, under
// the names bash gives them so that an ~/.inputrc written for bash binds
// them in gosh too. They are registered before the init file is read.
var shellFunctions = []string{
	"shell-expand-line",
	"history-expand-line",
	"magic-space",
	"shell-forward-word",
	"shell-backward-word",
	"shell-kill-word",
	"shell-backward-kill-word",
	"shell-transpose-words",
	"spell-correct-word",
	"alias-expand-line",
	"history-and-alias-expand-line",
	"insert-last-argument=yank-last-arg",
	"display-shell-version",
	"edit-and-execute-command",
	"vi-edit-and-execute-command",
	"complete-into-braces",
	"complete-filename",
	"possible-filename-completions",
	"complete-username",
	"possible-username-completions",
	"complete-hostname",
	"possible-hostname-completions",
	"complete-variable",
	"possible-variable-completions",
	"complete-command",
	"possible-command-completions",
	"glob-complete-word",
	"glob-expand-word",
	"glob-list-expansions",
	"dynamic-complete-history",
	"dabbrev-expand",
}

// Commands the shell binds to keys without giving them a bindable name, as
// bash does: they are never listed by bind -p.
var (
	viCompleteShell  = &inputrc.Function{Name: "gosh-vi-complete"}
	posixEditMacros  = &inputrc.Function{Name: "gosh-posix-edit-macros"}
	shellKeyBindings = []struct{ keymap, key, fn string }{
		{"emacs-ctlx", "s", "spell-correct-word"},
		{"emacs-meta", `\C-e`, "shell-expand-line"},
		{"emacs-meta", "^", "history-expand-line"},
		{"emacs-ctlx", `\C-v`, "display-shell-version"},
	}
	shellCompletionBindings = []struct{ keymap, key, fn string }{
		{"emacs-meta", "{", "complete-into-braces"},
		{"emacs-meta", "/", "complete-filename"},
		{"emacs-ctlx", "/", "possible-filename-completions"},
	}
	shellMoreBindings = []struct{ keymap, key, fn string }{
		{"emacs-ctlx", "~", "possible-username-completions"},
		{"emacs-meta", "@", "complete-hostname"},
		{"emacs-ctlx", "@", "possible-hostname-completions"},
		{"emacs-meta", "$", "complete-variable"},
		{"emacs-ctlx", "$", "possible-variable-completions"},
		{"emacs-meta", "!", "complete-command"},
		{"emacs-ctlx", "!", "possible-command-completions"},
		{"emacs-meta", "g", "glob-complete-word"},
		{"emacs-ctlx", "*", "glob-expand-word"},
		{"emacs-ctlx", "g", "glob-list-expansions"},
	}
)

// newReadlineConfig builds the shell's readline configuration the way bash
// initializes readline: the shell's command names are added, readline
// reads the init file (INPUTRC, ~/.inputrc or /etc/inputrc) and binds its
// arrow keys, and then the shell adds its own key bindings where the user
// left the keys free. getenv reads the shell's variables.
func newReadlineConfig(getenv func(string) string, warn func(inputrc.Warning)) *inputrc.Config {
	term := getenv("TERM")
	keys, known := lineedit.TerminalKeys(term)
	cfg := inputrc.New(inputrc.Options{
		App:         AppName,
		Term:        term,
		Locale:      inputrc.LocaleFromEnv(getenv),
		Getenv:      getenv,
		Warn:        warn,
		TermKeys:    keys,
		TermUnknown: term != "" && !known,
	})
	fm := cfg.Funmap
	for _, spec := range shellFunctions {
		name, target, alias := strings.Cut(spec, "=")
		if alias {
			fm.AddAlias(name, fm.Lookup(target))
		} else {
			fm.Add(name)
		}
	}
	cfg.Init()
	addShellKeyBindings(cfg)
	return cfg
}

// addShellKeyBindings is the part of bash's initialize_readline that runs
// after the init file: default keys for the shell's commands, bound only
// where free, and the removal of readline's editing-mode switches, since
// the shell switches modes with `set -o vi` and `set -o emacs`.
func addShellKeyBindings(cfg *inputrc.Config) {
	fm := cfg.Funmap
	bindIfFree := func(list []struct{ keymap, key, fn string }) {
		for _, b := range list {
			cfg.BindIfUnbound(cfg.KeymapByName(b.keymap), b.key, fm.Lookup(b.fn))
		}
	}
	bindIfFree(shellKeyBindings)

	viEditing := fm.Lookup("vi-editing-mode")
	meta := cfg.KeymapByName("emacs-meta")
	for _, k := range []byte{'\n', '\r'} {
		if e, _ := cfg.Lookup(meta, []byte{k}); e.Kind == inputrc.KindFunc && e.Func == viEditing {
			cfg.BindKey(meta, k, nil)
		}
	}
	move := cfg.KeymapByName("vi-command")
	if e, _ := cfg.Lookup(move, []byte{0x05}); e.Kind == inputrc.KindFunc && e.Func == fm.Lookup("emacs-editing-mode") {
		cfg.BindKey(move, 0x05, nil)
	}

	bindIfFree(shellCompletionBindings)
	// M-~ is readline's tilde-expand; the shell takes it for username
	// completion unless the user bound it to something else.
	if e, _ := cfg.Lookup(meta, []byte{'~'}); e.Kind == inputrc.KindFunc && (e.Func == nil || e.Func == fm.Lookup("tilde-expand")) {
		cfg.BindFunction(meta, "~", fm.Lookup("complete-username"))
	}
	bindIfFree(shellMoreBindings)
	if e, _ := cfg.Lookup(meta, []byte{'\t'}); e.Kind == inputrc.KindFunc && (e.Func == nil || e.Func == fm.Lookup("tab-insert")) {
		cfg.BindKey(meta, '\t', fm.Lookup("dynamic-complete-history"))
	}
	cfg.BindIfUnbound(cfg.KeymapByName("emacs-ctlx"), `\C-e`, fm.Lookup("edit-and-execute-command"))
	cfg.BindIfUnbound(move, "v", fm.Lookup("vi-edit-and-execute-command"))
	cfg.BindIfUnbound(move, "@", posixEditMacros)
	for _, k := range []byte{'\\', '*', '='} {
		cfg.BindKey(move, k, viCompleteShell)
	}
	bindIfFree([]struct{ keymap, key, fn string }{
		{"emacs-meta", `\C-b`, "shell-backward-word"},
		{"emacs-meta", `\C-d`, "shell-kill-word"},
		{"emacs-meta", `\C-f`, "shell-forward-word"},
		{"emacs-meta", `\C-t`, "shell-transpose-words"},
	})
}

// readlineConfig returns the shell's readline configuration, building it on
// first use, as bash initializes readline the first time bind runs or a
// line is read.
func (s *Shell) readlineConfig(getenv func(string) string) *inputrc.Config {
	s.rlMu.Lock()
	defer s.rlMu.Unlock()
	if s.rl == nil {
		s.rl = newReadlineConfig(getenv, nil)
	}
	return s.rl
}
