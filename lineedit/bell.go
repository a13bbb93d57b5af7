package lineedit

import (
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/internal/terminfo"
)

// The bell, as readline's rl_ding rings it for bell-style: none rings
// nothing; audible writes BEL; visible writes the terminal's flash
// capability (terminfo's flash, termcap's vb: xterm's reverses the screen
// for a tenth of a second), and where the terminal has none falls back to
// the audible bell, as readline does.

// maxBellDelay caps the padding delays of a flash capability: the editor
// reads no input while it waits.
const maxBellDelay = 250 * time.Millisecond

// ringBell rings the bell on w in style; flash is the terminal's flash
// capability as terminfo writes it (with $<n> delays), "" for none. sleep
// waits out the delays.
func ringBell(w io.Writer, style inputrc.BellStyle, flash string, sleep func(time.Duration)) {
	switch style {
	case inputrc.BellNone:
		return
	case inputrc.BellVisible:
		if flash != "" {
			writePadded(w, flash, sleep)
			return
		}
	}
	w.Write([]byte{0x07}) //nolint:errcheck // a bell that cannot ring is no error
}

// writePadded writes a terminfo string to w: the text between its padding
// specifications ($<5>, $<100/>, $<2*>), and for each specification waits
// for its delay, as tputs does on a terminal without a pad character.
func writePadded(w io.Writer, s string, sleep func(time.Duration)) {
	var waited time.Duration
	for s != "" {
		text, delay, rest := nextPadding(s)
		if text != "" {
			w.Write([]byte(text)) //nolint:errcheck
		}
		if delay > 0 && waited < maxBellDelay {
			d := min(delay, maxBellDelay-waited)
			sleep(d)
			waited += d
		}
		s = rest
	}
}

// nextPadding splits s at its first padding specification: the text
// before it, its delay, and what follows. Something that looks like one
// but is not ($<x>) is text.
func nextPadding(s string) (text string, delay time.Duration, rest string) {
	from := 0
	for {
		i := strings.Index(s[from:], "$<")
		if i < 0 {
			return s, 0, ""
		}
		i += from
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return s, 0, ""
		}
		spec := strings.TrimRight(s[i+2:i+j], "*/")
		if ms, err := strconv.ParseFloat(spec, 64); err == nil && ms >= 0 {
			return s[:i], time.Duration(ms * float64(time.Millisecond)), s[i+j+1:]
		}
		from = i + 2
	}
}

// terminalFlash returns the flash capability of the terminal named term,
// "" if it has none or is unknown. Entries are read once.
func terminalFlash(term string) string {
	flashMu.Lock()
	defer flashMu.Unlock()
	if s, ok := flashCache[term]; ok {
		return s
	}
	s := ""
	if !isDumb(term) {
		if ti, err := terminfo.Load(term); err == nil {
			s = ti.Strings["flash"]
		}
	}
	flashCache[term] = s
	return s
}

var (
	flashMu    sync.Mutex
	flashCache = map[string]string{}
)
