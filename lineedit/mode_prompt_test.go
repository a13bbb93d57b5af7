package lineedit

import (
	"strings"
	"testing"

	"github.com/goshell/gosh/internal/vtscreen"
)

// TestShowModeInPrompt: with show-mode-in-prompt the frame carries the
// editing mode's string, which the layout puts at the start of the last
// line of the prompt, \1 and \2 markers and escapes included.
func TestShowModeInPrompt(t *testing.T) {
	cfg := testConfig()
	e := New(cfg, nil)
	e.Reset("line one\n$ ")
	if m := e.Frame().Mode; m != "" {
		t.Fatalf("mode %q with show-mode-in-prompt off", m)
	}
	cfg.ParseLine("set show-mode-in-prompt on")
	if m := e.Frame().Mode; m != "@" {
		t.Fatalf("emacs mode string %q, want @", m)
	}
	cfg.ParseLine(`set emacs-mode-string "\1\e[2 q\2E:"`)
	f := e.Frame()
	if f.Mode != "\x01\x1b[2 q\x02E:" {
		t.Fatalf("emacs mode string %q", f.Mode)
	}
	rt := newRenderTerm(t, 20, 4)
	out := rt.render(f)
	vtscreen.WantScreen(t, rt.s, "line one\nE:$ ▌")
	if !strings.Contains(out, "\x1b[2 q") {
		t.Errorf("the cursor-shape sequence was not written: %q", out)
	}
	// The search prompt, a message, has no mode string, as in readline.
	e.Feed([]byte{0x12})
	if m := e.Frame().Mode; m != "" {
		t.Errorf("mode %q during a search", m)
	}
}

// TestShowModeInPromptVi: vi insert and command modes have strings of
// their own.
func TestShowModeInPromptVi(t *testing.T) {
	cfg := testConfig()
	cfg.ParseLine("set editing-mode vi")
	cfg.ParseLine("set show-mode-in-prompt on")
	e := New(cfg, nil)
	e.Reset("$ ")
	if m := e.Frame().Mode; m != "(ins)" {
		t.Fatalf("vi insert mode string %q", m)
	}
	e.Feed([]byte("ab\x1b"))
	e.Timeout()
	if m := e.Frame().Mode; m != "(cmd)" {
		t.Fatalf("vi command mode string %q (mode %v)", m, e.Mode())
	}
	cfg.ParseLine(`set vi-cmd-mode-string "\1\e[1 q\2N"`)
	rt := newRenderTerm(t, 20, 3)
	rt.render(e.Frame())
	vtscreen.WantScreen(t, rt.s, "N$ a▌b")
}
