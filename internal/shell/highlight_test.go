package shell

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goshell/gosh/lineedit"
)

// paintOf shows the highlighting of line as the line with each styled
// run in brackets named after its palette entry: "[cmd:ls] -l".
func paintOf(pal *palette, spans []lineedit.StyleSpan, line string) string {
	names := map[string]string{pal.command: "cmd", pal.unknown: "unk", pal.keyword: "kw", pal.str: "str",
		pal.param: "var", pal.comment: "com", pal.errs: "err"}
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(line[at:sp.Start])
		b.WriteString("[" + names[sp.Style] + ":" + line[sp.Start:sp.End] + "]")
		at = sp.End
	}
	b.WriteString(line[at:])
	return b.String()
}

func TestHighlighter(t *testing.T) {
	pal := newPalette(profileANSI)
	known := func(name string) bool { return name == "ls" || name == "echo" || name == "true" }
	tests := []struct {
		name, pending, line, want string
	}{
		{"known command", "", "ls -l", "[cmd:ls] -l"},
		{"unknown command", "", "lss -l", "[unk:lss] -l"},
		{"pipeline", "", "ls | nope", "[cmd:ls] | [unk:nope]"},
		{"strings and a parameter", "", `echo 'a b' "c $x d"`, `[cmd:echo] [str:'a b'] [str:"c ][var:$x][str: d"]`},
		{"comment", "", "ls # list", "[cmd:ls] [com:# list]"},
		{"reserved words", "", "if true; then ls; fi", "[kw:if] [cmd:true]; [kw:then] [cmd:ls]; [kw:fi]"},
		{"for loop", "", "for i in 1 2; do echo $i; done", "[kw:for] i in 1 2; [kw:do] [cmd:echo] [var:$i]; [kw:done]"},
		{"an open quote is no error", "", `echo "abc`, `[cmd:echo] [str:"abc]`},
		{"an open if is no error", "", "if true; then", "[kw:if] [cmd:true]; [kw:then]"},
		{"a quote open in an if", "", `if true; then echo "x`, `[kw:if] [cmd:true]; [kw:then] [cmd:echo] [str:"x]`},
		{"a syntax error", "", "echo )", "[cmd:echo] [err:)]"},
		{"a computed command name", "", "$cmd arg", "[var:$cmd] arg"},
		{"a command substitution", "", "echo $(nope)", "[cmd:echo] $([unk:nope])"},
		{"continuation line", "if true; then\n", "ls; fi", "[cmd:ls]; [kw:fi]"},
		{"an error on a continuation line", "if true; then\n", "ls )", "[cmd:ls] [err:)]"},
		{"closers paint nothing past the text", "", "if tr", "[kw:if] [unk:tr]"},
		{"an open while", "", "while true", "[kw:while] [cmd:true]"},
		{"an open case", "", "case $x", "[kw:case] [var:$x]"},
		{"continuation line with a command", "for i in 1; do\n", "echo $i; done", "[cmd:echo] [var:$i]; [kw:done]"},
		{"empty", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := highlighter{pal: pal, known: known}
			spans := h.spans(tc.pending, tc.line)
			for i, sp := range spans {
				if sp.Start < 0 || sp.End > len(tc.line) || sp.Start >= sp.End || (i > 0 && sp.Start < spans[i-1].End) {
					t.Fatalf("bad spans %+v for %q", spans, tc.line)
				}
			}
			if got := paintOf(pal, spans, tc.line); got != tc.want {
				t.Errorf("highlighted %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHighlightCommandsKnown: what the shell knows as a command: its
// functions, built-ins (gosh's and the interpreter's), files on $PATH,
// paths to executables, aliases.
func TestHighlightCommandsKnown(t *testing.T) {
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "mytool"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bin, "notexec"), []byte(""), 0o644); err != nil {
		t.Fatal(err)
	}
	s, _, _ := newTestShell(t, Options{Interactive: true, Env: []string{"PATH=" + bin, "HOME=" + t.TempDir(), "TERM=xterm"}})
	if err := s.RunString(context.Background(), "f() { :; }; alias ll='ls -l'"); err != nil {
		t.Fatal(err)
	}
	s.beforeRead("", 0)
	for name, want := range map[string]bool{
		"f": true, "cd": true, "bind": true, "mytool": true, bin + "/mytool": true, "ll": true,
		"notexec": false, "nosuchcommand": false, bin + "/notexec": false,
	} {
		if got := s.commandKnown(name); got != want {
			t.Errorf("commandKnown(%q) = %v, want %v", name, got, want)
		}
	}
	spans := s.highlight("mytool | nosuchcommand")
	pal := s.extras().palette
	if got, want := paintOf(pal, spans, "mytool | nosuchcommand"), "[cmd:mytool] | [unk:nosuchcommand]"; got != want {
		t.Errorf("highlight: %q, want %q", got, want)
	}
}

// TestHighlightNoColor: with NO_COLOR the highlighting uses no colour,
// only attributes.
func TestHighlightNoColor(t *testing.T) {
	s, _, _ := newTestShell(t, Options{Interactive: true, Env: []string{"NO_COLOR=1", "TERM=xterm-256color", "PATH=/usr/bin:/bin", "HOME=" + t.TempDir()}})
	s.beforeRead("", 0)
	spans := s.highlight(`echo "x" # c; nosuchcommand`)
	if len(spans) == 0 {
		t.Fatal("no highlighting")
	}
	for _, sp := range spans {
		for _, p := range strings.FieldsFunc(strings.Trim(sp.Style, "\x1b[m"), func(r rune) bool { return r == ';' }) {
			if p[0] == '3' || p[0] == '4' || p[0] == '9' {
				t.Errorf("a colour under NO_COLOR: %q", sp.Style)
			}
		}
	}
	pal := newPalette(profileANSI)
	if pal.command != "\x1b[32m" || pal.unknown != "\x1b[31m" {
		t.Errorf("palette: command %q unknown %q", pal.command, pal.unknown)
	}
}

// TestHighlightCacheAndLongNames: the highlighting of a line is kept for
// the prompt (the editor asks again for each frame), and found again at
// the next one; a command name longer than any file name is not looked
// for on $PATH, but can still be a function's.
func TestHighlightCacheAndLongNames(t *testing.T) {
	s, _, _ := newTestShell(t, Options{Interactive: true, Env: []string{"PATH=/usr/bin:/bin", "HOME=" + t.TempDir(), "TERM=xterm"}})
	long := strings.Repeat("x", 300)
	if err := s.RunString(context.Background(), long+"() { :; }"); err != nil {
		t.Fatal(err)
	}
	s.beforeRead("", 0)
	pal := s.extras().palette
	if got := paintOf(pal, s.highlight(long+" | mycmd"), long+" | mycmd"); got != "[cmd:"+long+"] | [unk:mycmd]" {
		t.Errorf("highlight: %q", got)
	}
	path := strings.Repeat("/d", 3000)
	if got := paintOf(pal, s.highlight(path), path); got != "[unk:"+path+"]" {
		t.Errorf("a path longer than PATH_MAX: %.40q", got)
	}
	if err := s.RunString(context.Background(), "mycmd() { :; }"); err != nil {
		t.Fatal(err)
	}
	if got := paintOf(pal, s.highlight(long+" | mycmd"), long+" | mycmd"); got != "[cmd:"+long+"] | [unk:mycmd]" {
		t.Errorf("within the prompt, the line as it was coloured: %q", got)
	}
	s.beforeRead("", 0)
	pal = s.extras().palette
	if got := paintOf(pal, s.highlight(long+" | mycmd"), long+" | mycmd"); got != "[cmd:"+long+"] | [cmd:mycmd]" {
		t.Errorf("at the next prompt: %q", got)
	}
}
