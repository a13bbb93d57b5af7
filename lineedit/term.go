package lineedit

// The terminal driver: Term (term_unix.go, input.go) puts the terminal in
// readline's raw mode while a line is edited, reads the keys the user
// types, reports signals that matter to the editor (Ctrl-C, window
// resizes, a suspend and resume) as events, and always gives the terminal
// back as it found it.
//
// Input is read only while Read or ReadLine runs, one byte per read(2)
// call outside a bracketed paste, as readline does: what the user types
// after the key that ends a line stays in the terminal's queue for the
// command the shell runs next. No goroutine ever reads the input.

import (
	"errors"
	"os"
	"strconv"
)

// EventKind says what a call of Term.Read returned.
type EventKind int

// The kinds of Event.
const (
	// KindBytes: Event.Bytes holds input, at least one byte.
	KindBytes EventKind = iota
	// KindTimeout: nothing arrived within the timeout given to Read.
	KindTimeout
	// KindResize: the window changed size; Event.Cols and Event.Rows
	// give the new size.
	KindResize
	// KindInterrupt: the user typed the interrupt character (Ctrl-C,
	// the tty's VINTR), or SIGINT arrived another way. Input waiting in
	// the driver was discarded, as the terminal discards its own queue.
	KindInterrupt
	// KindSuspendResume: the process was stopped (Ctrl-Z) and has been
	// continued, or the driver had to give the terminal back for a
	// while: raw mode is on again and the screen must be redrawn.
	// Event.Cols and Event.Rows give the current size.
	KindSuspendResume
	// KindEOF: the input reached its end (a hung-up terminal, a closed
	// pipe).
	KindEOF
	// KindWake: Term.Wake was called, from another goroutine, to have
	// the editor look at something other than the terminal (output
	// queued by Session.Write).
	KindWake
)

var eventKindNames = [...]string{"Bytes", "Timeout", "Resize", "Interrupt", "SuspendResume", "EOF", "Wake"}

func (k EventKind) String() string {
	if k >= 0 && int(k) < len(eventKindNames) {
		return eventKindNames[k]
	}
	return "EventKind(" + strconv.Itoa(int(k)) + ")"
}

// An Event is what Term.Read returns: input, or something that happened
// to the terminal.
type Event struct {
	Kind EventKind
	// Bytes is the input for KindBytes. It is valid until the next call
	// of Read, ReadLine or Unread.
	Bytes []byte
	// Cols and Rows are the terminal's size for KindResize and
	// KindSuspendResume.
	Cols, Rows int
}

// ErrNotTerminal is returned by EnterRaw when the input is not a terminal.
var ErrNotTerminal = errors.New("lineedit: input is not a terminal")

// The size Term.Size reports when the terminal does not tell its own and
// neither $COLUMNS nor $LINES do.
const (
	DefaultCols = 80
	DefaultRows = 24
)

// termSizeOr fills in a size the terminal did not report: from $COLUMNS and
// $LINES, then the defaults, as readline does.
func termSizeOr(cols, rows int) (int, int) {
	if cols <= 0 {
		cols = termEnvInt("COLUMNS", DefaultCols)
	}
	if rows <= 0 {
		rows = termEnvInt("LINES", DefaultRows)
	}
	return cols, rows
}

func termEnvInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// isDumb says whether the terminal named by $TERM cannot move the cursor:
// readline takes an unset or empty TERM for "dumb" too.
func isDumb(term string) bool {
	return term == "" || term == "dumb"
}

// Escape sequences that turn bracketed paste on and off, and the markers a
// terminal puts around pasted text once it is on.
const (
	bracketedPasteOn  = "\x1b[?2004h"
	bracketedPasteOff = "\x1b[?2004l"
	pasteStartMarker  = "\x1b[200~"
	pasteEndMarker    = "\x1b[201~"
)

// markerMatcher finds a fixed marker in a stream of bytes fed one at a
// time. The markers it is used for start with ESC and hold no other ESC,
// so on a mismatch the search can only start again at the current byte.
type markerMatcher struct {
	marker string
	n      int // bytes of marker matched so far
}

// feed takes the next byte and reports whether it completes the marker.
func (m *markerMatcher) feed(b byte) bool {
	if b == m.marker[m.n] {
		m.n++
		if m.n == len(m.marker) {
			m.n = 0
			return true
		}
		return false
	}
	m.n = 0
	if b == m.marker[0] {
		m.n = 1
	}
	return false
}
