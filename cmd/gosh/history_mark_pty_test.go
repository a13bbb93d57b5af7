//go:build linux

package main

import "testing"

// TestHistoryMarksEditedEntries edits a recalled line, leaves it for a
// new one, and lists the history: the edited entry shows its new text
// with a *, as bash 5.2 shows it.
func TestHistoryMarksEditedEntries(t *testing.T) {
	p := startGosh(t, "")
	p.Type("echo one\r")
	p.WaitFor("one\r\n", wait)
	p.WaitFor("$ ", wait)
	p.Type("\x1b[AX\x1b[Bhistory\r")
	p.WaitFor("    1* echo oneX\r\n    2  history\r\n", wait)
	p.WaitFor("$ ", wait)
}
