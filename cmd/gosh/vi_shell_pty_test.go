//go:build linux

package main

import "testing"

// TestSetOVi switches gosh's prompt to vi mode with set -o vi, edits in
// command mode, lists completions with = as bash binds it, and goes back
// with set -o emacs.
func TestSetOVi(t *testing.T) {
	p := startGosh(t, "")
	p.Type("set -o vi\r")
	p.WaitFor("$ ", wait)
	// ESC leaves the cursor on the x, which x deletes; A! appends.
	p.Type("echo hellox\x1bxA!\r")
	p.WaitFor("hello!\r\n", wait)
	p.WaitFor("$ ", wait)
	// = in command mode lists what the word could complete to.
	p.Type("ech\x1b=")
	p.WaitFor("\r\necho", wait)
	p.Type("\x1bddiset -o emacs\r")
	p.WaitFor("$ ", wait)
	// Back in emacs mode, C-a goes to the start of the line.
	p.Type("cho emacs\x01e\r")
	p.WaitFor("emacs\r\n", wait)
}
