package shell

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/lineedit"
)

// runInteractiveInput runs input through RunInteractive (read plainly,
// not from a terminal) and returns standard output and error.
func runInteractiveInput(t *testing.T, env []string, input string) (string, string) {
	t.Helper()
	s, stdout, stderr := newTestShell(t, Options{Interactive: true, Stdin: strings.NewReader(input), Env: env})
	s.RunInteractive(context.Background()) //nolint:errcheck // the status is in the output
	return stdout.String(), stderr.String()
}

// TestShoptExtras: shopt sets, unsets, prints and tests gosh's options,
// alone and mixed with bash's; GOSH_PLAIN starts them off.
func TestShoptExtras(t *testing.T) {
	tests := []struct {
		name, input, want string
		env               []string
	}{
		{name: "on by default", input: "shopt gosh_suggest gosh_highlight gosh_status\n",
			want: "gosh_suggest   \ton\ngosh_highlight \ton\ngosh_status    \ton\n"},
		{name: "-u and -p", input: "shopt -u gosh_suggest\nshopt -p gosh_suggest gosh_status\n",
			want: "shopt -u gosh_suggest\nshopt -s gosh_status\n"},
		{name: "-q", input: "shopt -q gosh_status && echo on\nshopt -u gosh_status\nshopt -q gosh_status || echo off\n",
			want: "on\noff\n"},
		{name: "status of a listing", input: "shopt -u gosh_status\nshopt gosh_suggest gosh_status >/dev/null; echo $?\n",
			want: "1\n"},
		{name: "mixed with bash's", input: "shopt -s extglob gosh_highlight\nshopt -q extglob gosh_highlight && echo both\nshopt -u extglob gosh_highlight\nshopt -q extglob || echo no-extglob\nshopt -q gosh_highlight || echo no-highlight\n",
			want: "both\nno-extglob\nno-highlight\n"},
		{name: "GOSH_PLAIN", env: []string{"GOSH_PLAIN=1"}, input: "shopt -p gosh_suggest gosh_highlight gosh_status\n",
			want: "shopt -u gosh_suggest\nshopt -u gosh_highlight\nshopt -u gosh_status\n"},
		{name: "GOSH_PLAIN=0", env: []string{"GOSH_PLAIN=0"}, input: "shopt -q gosh_suggest && echo on\n", want: "on\n"},
		{name: "a listing names them", input: "shopt | grep gosh_\n",
			want: "gosh_highlight \ton\ngosh_menu      \toff\ngosh_status    \ton\ngosh_suggest   \ton\n"},
		{name: "gosh_menu is off until set", input: "shopt -q gosh_menu || echo off\nshopt -s gosh_menu\nshopt -p gosh_menu\n",
			want: "off\nshopt -s gosh_menu\n"},
		{name: "-u listing", input: "shopt -u gosh_status\nshopt -u | grep gosh_\n",
			want: "gosh_menu      \toff\ngosh_status    \toff\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := append([]string{"PATH=/usr/bin:/bin", "HOME=" + t.TempDir()}, tc.env...)
			out, errOut := runInteractiveInput(t, env, tc.input)
			if out != tc.want {
				t.Errorf("stdout %q, want %q (stderr %q)", out, tc.want, errOut)
			}
		})
	}
	// An unknown option is still reported by the interpreter.
	_, errOut := runInteractiveInput(t, []string{"HOME=" + t.TempDir()}, "shopt -s gosh_nosuch\n")
	if !strings.Contains(errOut, "gosh_nosuch") {
		t.Errorf("an unknown option: stderr %q", errOut)
	}
}

// TestEditorExtrasPerRead: beforeRead gives the editor the hinter, the
// highlighter and the status for the command line, as the options say,
// and afterRead takes them away again (read -e shares the editor).
func TestEditorExtrasPerRead(t *testing.T) {
	s, _, _ := newTestShell(t, Options{Interactive: true})
	ed := lineedit.NewEditorWith(s.readlineConfig(s.varGetter()), s.historyList(), nil, nil)
	s.setupEditorExtras(ed)

	s.beforeRead("", 0)
	if ed.Hinter == nil || ed.Highlighter == nil {
		t.Fatalf("at the prompt: hinter %v highlighter %v", ed.Hinter, ed.Highlighter)
	}
	if r := ed.Engine().RightPrompt; r != "" {
		t.Errorf("a status before any command: %q", r)
	}
	s.afterRead("false\n", nil)
	if ed.Hinter != nil || ed.Highlighter != nil {
		t.Errorf("after the read the editor keeps the extras")
	}
	s.beforeRead("", 1)
	if r := ed.Engine().RightPrompt; !strings.Contains(r, "exit 1") {
		t.Errorf("after a failed command the status is %q", r)
	}
	s.afterRead("\n", nil) // an empty line: nothing runs
	s.beforeRead("", 1)
	if r := ed.Engine().RightPrompt; r != "" {
		t.Errorf("after an empty line the status is %q", r)
	}
	s.afterRead("if true; then\n", nil)
	s.beforeRead("if true; then\n", 0)
	if r := ed.Engine().RightPrompt; r != "" {
		t.Errorf("a continuation line has the status %q", r)
	}
	s.afterRead("fi\n", nil)
	s.extras().readAt = time.Now().Add(-4 * time.Second) // a slow command
	s.beforeRead("", 0)
	if r := ed.Engine().RightPrompt; !strings.Contains(r, "4.0s") || strings.Contains(r, "exit") {
		t.Errorf("after a slow command the status is %q", r)
	}
	s.afterRead("", lineedit.ErrInterrupt)

	s.goshShoptCall([]string{"shopt", "-u", optSuggest, optHighlight, optStatus})
	s.beforeRead("", 1)
	// (The hinter that remains only prefetches typed directories.)
	if h, ok := ed.Hinter.(typedDirHinter); !ok || h.next != nil || ed.Highlighter != nil || ed.Engine().RightPrompt != "" {
		t.Errorf("options off: hinter %v highlighter %v status %q", ed.Hinter, ed.Highlighter, ed.Engine().RightPrompt)
	}
}
