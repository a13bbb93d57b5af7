//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package lineedit

import (
	"sync"

	"github.com/goshell/gosh/internal/terminfo"
)

// SetKeypad turns the terminal's keypad transmit mode on or off, as
// readline does when enable-keypad is on: the terminfo entry's smkx is
// written once the terminal is in raw mode (before bracketed paste is
// asked for) and rmkx when it is given back (after bracketed paste is
// turned off), bash's order. Nothing is written when the output is not a
// terminal, the terminal is dumb, or its entry lacks the capabilities.
// The arrow keys then send their keypad form (ESC O A), which the
// terminal's key bindings (TerminalKeys) cover.
func (t *Term) SetKeypad(on bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.askModeLocked(&t.keypad, on, t.keypadModeLocked)
}

func (t *Term) keypadModeLocked(on bool) {
	if on == t.keypad.on {
		return // no terminfo lookup while the mode stays off (the default)
	}
	smkx, rmkx := keypadSequences(t.name)
	t.setModeLocked(&t.keypad, on, smkx, rmkx)
}

// keypadSequences returns the smkx and rmkx capabilities of the terminal
// named term, "" when unknown. Entries are read once.
func keypadSequences(term string) (smkx, rmkx string) {
	keypadMu.Lock()
	defer keypadMu.Unlock()
	if s, ok := keypadCache[term]; ok {
		return s[0], s[1]
	}
	if ti, err := terminfo.Load(term); err == nil {
		smkx, rmkx = ti.Strings["smkx"], ti.Strings["rmkx"]
	}
	keypadCache[term] = [2]string{smkx, rmkx}
	return smkx, rmkx
}

var (
	keypadMu    sync.Mutex
	keypadCache = map[string][2]string{}
)
