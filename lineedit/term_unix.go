//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// The driver for Linux, macOS and the BSDs. What differs between them is
// in small per-system files: the termios ioctls (ioctlGetTermios,
// ioctlSetTermios), raising a signal in this process (raiseSignal) and
// making the wake-up pipe (nonblockPipe): term_linux.go, term_bsd.go,
// pipe_pipe2.go, pipe_darwin.go.

package lineedit

import (
	"errors"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

const vdisable = 0 // _POSIX_VDISABLE

// A Term drives the terminal a line editor reads from and draws on.
//
// Raw mode (EnterRaw) is readline's: no canonical input, no echo, CR and
// NL kept apart (ICRNL, INLCR, IGNCR off), VMIN 1, VTIME 0; output
// processing (OPOST, so "\n" goes to the start of the next line) and flow
// control (IXON) stay as they were; ISIG is on, as readline keeps it; and
// IEXTEN is off so that the lnext, werase and discard characters arrive
// as bytes. While in raw mode:
//
//   - Ctrl-C (VINTR) makes the tty send SIGINT; the driver catches it and
//     Read reports KindInterrupt. Once Restore has run, SIGINT has its
//     usual effect again.
//   - Ctrl-Z (VSUSP) is taken from the tty driver and handled by Read:
//     the terminal is restored, the process group is stopped with
//     SIGTSTP (its default action), and when it is continued raw mode
//     comes back and Read reports KindSuspendResume. (The driver does not
//     catch SIGTSTP: once a Go program has asked for SIGTSTP, the runtime
//     can no longer give it its default action.)
//   - SIGWINCH makes Read report KindResize with the new size.
//   - SIGTERM, SIGHUP and SIGQUIT restore the terminal and are raised
//     again with their usual action, so the process ends as it would
//     have without the driver (for SIGQUIT, a Go program's usual action
//     is a goroutine dump and exit status 2). If the process survives
//     (the program has its own signal.Notify for the signal, and then
//     receives it twice), raw mode comes back and Read reports
//     KindSuspendResume.
//   - SIGCONT (after any stop) puts raw mode back and Read reports
//     KindSuspendResume.
//
// Signals the program ignores (signal.Ignore, or SIG_IGN inherited for
// SIGINT and SIGHUP) are left alone: a shell that wants bash's behaviour
// at the prompt ignores SIGTERM and SIGQUIT, and SIGTSTP (then Ctrl-Z is
// left to the tty driver, which sends an ignored signal). A program with
// its own signal.Notify for SIGINT gets Ctrl-C typed while editing too.
//
// Read, Unread, ReadLine, EnterRaw and Restore are called from one
// goroutine, the editor's; Write, Size, SetBracketedPaste and the other
// methods may be called from any goroutine.
type Term struct {
	in, out       *os.File
	fd, outFd     int
	isTTY, outTTY bool
	name          string // $TERM
	dumb          bool
	seekable      bool // in is a regular file: ReadLine may read ahead and seek back

	mu       sync.Mutex // guards what follows; never held while waiting for input
	saved    unix.Termios
	hasSaved bool
	rawModes unix.Termios
	raw      bool
	hold     bool     // a fatal signal is being raised again: keep the terminal cooked
	paste    termMode // bracketed paste
	keypad   termMode // keypad transmit mode (enable-keypad)
	special  map[string]byte
	susp     byte // the suspend character Read handles; 0 if the tty does
	watch    *sigWatch

	// Input state, used only by the editor's goroutine.
	pending    []byte
	buf        []byte
	pasting    bool // between the markers of a bracketed paste
	pasteFull  bool // the last read of the paste filled the tty's buffer: more is waiting
	pasteStart markerMatcher
	pasteEnd   markerMatcher
}

// OpenTerm returns a driver for the terminal in and out; it does not
// change the terminal's modes: EnterRaw does. in need not be a terminal:
// then IsTerminal is false, EnterRaw fails and ReadLine reads plain
// lines. A nil out means in. $TERM is read once, here.
func OpenTerm(in, out *os.File) (*Term, error) {
	if in == nil {
		return nil, errors.New("lineedit: OpenTerm: no input")
	}
	if out == nil {
		out = in
	}
	t := &Term{
		in:         in,
		out:        out,
		fd:         int(in.Fd()),
		outFd:      int(out.Fd()),
		name:       os.Getenv("TERM"),
		dumb:       isDumb(os.Getenv("TERM")),
		pasteStart: markerMatcher{marker: pasteStartMarker},
		pasteEnd:   markerMatcher{marker: pasteEndMarker},
	}
	t.outTTY = term.IsTerminal(t.outFd)
	if tio, err := unix.IoctlGetTermios(t.fd, ioctlGetTermios); err == nil {
		t.isTTY = true
		t.saved, t.hasSaved = *tio, true
		t.special = specialChars(tio)
	} else {
		var st unix.Stat_t
		if unix.Fstat(t.fd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
			t.seekable = true
		}
	}
	return t, nil
}

// IsTerminal reports whether the input is a terminal.
func (t *Term) IsTerminal() bool { return t.isTTY }

// Dumb reports whether $TERM is "dumb" or unset: the terminal cannot be
// trusted to move the cursor, and the driver sends it no escape sequences.
func (t *Term) Dumb() bool { return t.dumb }

// Size returns the terminal's width and height: those of the output,
// else of the input, else $COLUMNS and $LINES, else 80x24.
func (t *Term) Size() (cols, rows int) {
	for _, fd := range []int{t.outFd, t.fd} {
		if c, r, err := term.GetSize(fd); err == nil && c > 0 {
			return termSizeOr(c, r)
		}
	}
	return termSizeOr(0, 0)
}

// Write writes p to the output.
func (t *Term) Write(p []byte) (int, error) { return t.out.Write(p) }

// SpecialChars returns the tty's special characters, for the editor to
// bind as readline does with bind-tty-special-chars: keys "erase"
// (VERASE), "kill" (VKILL), "werase" (VWERASE), "lnext" (VLNEXT), and for
// information "eof" (VEOF), "intr" (VINTR), "quit" (VQUIT) and "susp"
// (VSUSP). A disabled character is left out; the map is empty when the
// input is not a terminal. They are read when the Term is opened and
// again at each EnterRaw; the map is the caller's.
func (t *Term) SpecialChars() map[string]byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	m := make(map[string]byte, len(t.special))
	for k, v := range t.special {
		m[k] = v
	}
	return m
}

func specialChars(tio *unix.Termios) map[string]byte {
	m := make(map[string]byte)
	for _, c := range []struct {
		name string
		i    int
	}{
		{"erase", unix.VERASE}, {"kill", unix.VKILL}, {"werase", unix.VWERASE},
		{"lnext", unix.VLNEXT}, {"eof", unix.VEOF}, {"intr", unix.VINTR},
		{"quit", unix.VQUIT}, {"susp", unix.VSUSP},
	} {
		if v := tio.Cc[c.i]; v != vdisable {
			m[c.name] = v
		}
	}
	return m
}

// SetBracketedPaste asks for bracketed paste: EnterRaw then writes
// "\x1b[?2004h" and Restore "\x1b[?2004l", unless the output is not a
// terminal or the terminal is dumb. Called in raw mode it takes effect at
// once. A terminal that does not know the mode ignores it and sends pasted
// text as if typed.
func (t *Term) SetBracketedPaste(on bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.askModeLocked(&t.paste, on, t.pasteModeLocked)
}

func (t *Term) pasteModeLocked(on bool) {
	t.setModeLocked(&t.paste, on, bracketedPasteOn, bracketedPasteOff)
}

// A termMode is a mode of the terminal that the editor sets while it is
// in raw mode (bracketed paste, keypad transmit): asked for, and on at
// the terminal.
type termMode struct{ want, on bool }

// askModeLocked records that m is wanted on or off and, in raw mode,
// sets it at once with set; t.mu is held.
func (t *Term) askModeLocked(m *termMode, on bool, set func(bool)) {
	m.want = on
	if t.raw && !t.hold {
		set(on)
	}
}

// setModeLocked writes onSeq or offSeq when m changes, unless the output
// is not a terminal, the terminal is dumb, or it has no such sequences;
// t.mu is held.
func (t *Term) setModeLocked(m *termMode, on bool, onSeq, offSeq string) {
	if !t.outTTY || t.dumb || on == m.on || onSeq == "" || offSeq == "" {
		return
	}
	seq := offSeq
	if on {
		seq = onSeq
	}
	m.on = on
	t.out.WriteString(seq) //nolint:errcheck // a terminal that is gone needs no mode
}

// EnterRaw reads the terminal's current modes, to give them back in
// Restore, and puts it in raw mode; it installs the signal handlers
// described at Term. It does nothing if the terminal is in raw mode
// already, and fails with ErrNotTerminal if the input is not a terminal.
func (t *Term) EnterRaw() error {
	t.mu.Lock()
	if t.raw {
		t.mu.Unlock()
		return nil
	}
	if !t.isTTY {
		t.mu.Unlock()
		return ErrNotTerminal
	}
	cur, err := unix.IoctlGetTermios(t.fd, ioctlGetTermios)
	if err != nil {
		t.mu.Unlock()
		return err
	}
	t.saved, t.hasSaved = *cur, true
	t.special = specialChars(cur)
	t.rawModes = rawModes(cur)
	t.susp = 0
	if c := cur.Cc[unix.VSUSP]; c != vdisable && !signal.Ignored(unix.SIGTSTP) {
		t.susp = c
		t.rawModes.Cc[unix.VSUSP] = vdisable
	}
	// The handlers go in first, so that no signal finds the terminal raw
	// and nobody to restore it.
	w, err := startWatch(t)
	if err != nil {
		t.mu.Unlock()
		return err
	}
	t.watch = w
	t.hold = false
	t.raw = true
	if err := t.applyRawLocked(); err != nil {
		t.restoreModesLocked() //nolint:errcheck
		t.raw = false
		t.watch = nil
		t.mu.Unlock()
		w.close()
		return err
	}
	t.mu.Unlock()
	t.pasting, t.pasteFull = false, false
	t.pasteStart.n, t.pasteEnd.n = 0, 0
	return nil
}

// rawModes returns readline's raw mode derived from cur (rltty.c,
// prepare_terminal_settings), with IEXTEN off as well.
func rawModes(cur *unix.Termios) unix.Termios {
	r := *cur
	r.Lflag &^= unix.ICANON | unix.ECHO | unix.IEXTEN
	r.Lflag |= unix.ISIG
	r.Iflag &^= unix.ICRNL | unix.INLCR | unix.IGNCR
	if r.Cflag&unix.CSIZE == unix.CS8 {
		r.Iflag &^= unix.ISTRIP | unix.INPCK
	}
	r.Cc[unix.VMIN] = 1
	r.Cc[unix.VTIME] = 0
	return r
}

// Restore gives the terminal back the modes EnterRaw found, turns
// bracketed paste off and removes the signal handlers. It does nothing
// unless the terminal is in raw mode, so it may be called any number of
// times, on a nil Term, and in a deferred call while panicking.
//
// A terminal is left raw only if the process ends without running
// Restore: os.Exit, a panic in another goroutine, SIGKILL.
func (t *Term) Restore() error {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	if !t.raw {
		t.mu.Unlock()
		return nil
	}
	err := t.restoreModesLocked()
	t.raw = false
	w := t.watch
	t.watch = nil
	t.mu.Unlock()
	if w != nil {
		w.close()
	}
	t.pasting, t.pasteFull = false, false
	return err
}

func (t *Term) applyRawLocked() error {
	if err := unix.IoctlSetTermios(t.fd, ioctlSetTermios, &t.rawModes); err != nil {
		return err
	}
	t.keypadModeLocked(t.keypad.want)
	t.pasteModeLocked(t.paste.want)
	return nil
}

func (t *Term) restoreModesLocked() error {
	t.pasteModeLocked(false)
	t.keypadModeLocked(false)
	if !t.hasSaved {
		return nil
	}
	return unix.IoctlSetTermios(t.fd, ioctlSetTermios, &t.saved)
}

// reapplyRaw puts raw mode back after the terminal was given back for a
// while (a suspend, SIGCONT, a fatal signal that did not end the process).
func (t *Term) reapplyRaw() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.raw && !t.hold {
		t.applyRawLocked() //nolint:errcheck // the next Restore reports trouble
	}
}

// suspend does what the tty would have done for the suspend character,
// around giving the terminal back: it stops the process group with
// SIGTSTP. It returns once the process is continued (or at once when the
// stop does not happen: SIGTSTP handled elsewhere, an orphaned process
// group). The SIGCONT that continues the process is reported by Read.
// It reports false, doing nothing, when the terminal is not in raw mode.
func (t *Term) suspend() bool {
	t.mu.Lock()
	if !t.raw || t.hold {
		t.mu.Unlock()
		return false
	}
	t.restoreModesLocked() //nolint:errcheck
	t.mu.Unlock()

	// Stop this process through this very thread, so that the stop has
	// happened by the time the call returns (raiseSignal). (Signalling
	// the whole group as well, as the tty would, raced: the group signal
	// could stop the process first, and the thread signal stop it again
	// once continued. While a line is edited the shell's group holds no
	// other process.)
	raiseSignal(unix.SIGTSTP)

	t.reapplyRaw()
	return true
}

// Wake makes a Read waiting in another goroutine return an event of
// KindWake, or the next Read if none is waiting; it does nothing unless
// the terminal is in raw mode. It may be called from any goroutine.
func (t *Term) Wake() {
	// Under t.mu, so that Restore cannot close the pipe meanwhile.
	t.mu.Lock()
	defer t.mu.Unlock()
	if w := t.watch; w != nil {
		w.woken.Store(true)
		w.wake()
	}
}

// A sigWatch relays the signals the driver handles while the terminal is
// raw: a goroutine notes them and writes to a pipe that Read polls along
// with the input, so that a signal wakes Read up.
type sigWatch struct {
	t            *Term
	evCh         chan os.Signal
	fatalCh      chan os.Signal
	fatalSigs    []os.Signal
	pipeR, pipeW int
	stop, done   chan struct{}

	interrupt, resize, cont, reraw atomic.Bool
	woken                          atomic.Bool // Term.Wake was called
}

func startWatch(t *Term) (*sigWatch, error) {
	p, err := nonblockPipe()
	if err != nil {
		return nil, err
	}
	w := &sigWatch{
		t:       t,
		evCh:    make(chan os.Signal, 8),
		fatalCh: make(chan os.Signal, 4),
		pipeR:   p[0],
		pipeW:   p[1],
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	ev := []os.Signal{unix.SIGWINCH, unix.SIGCONT}
	if !signal.Ignored(unix.SIGINT) {
		ev = append(ev, unix.SIGINT)
	}
	for _, s := range []os.Signal{unix.SIGTERM, unix.SIGHUP, unix.SIGQUIT} {
		if !signal.Ignored(s) {
			w.fatalSigs = append(w.fatalSigs, s)
		}
	}
	signal.Notify(w.evCh, ev...)
	if len(w.fatalSigs) > 0 {
		signal.Notify(w.fatalCh, w.fatalSigs...)
	}
	go w.run()
	return w, nil
}

// close stops the watch; the terminal is no longer raw.
func (w *sigWatch) close() {
	signal.Stop(w.evCh)
	signal.Stop(w.fatalCh)
	close(w.stop)
	<-w.done
	unix.Close(w.pipeR) //nolint:errcheck
	unix.Close(w.pipeW) //nolint:errcheck
}

func (w *sigWatch) wake() {
	unix.Write(w.pipeW, []byte{0}) //nolint:errcheck // full: a wake-up is pending anyway
}

// drain empties the wake-up pipe.
func (w *sigWatch) drain() {
	var b [64]byte
	for {
		if n, err := unix.Read(w.pipeR, b[:]); n <= 0 || err != nil {
			return
		}
	}
}

func (w *sigWatch) run() {
	defer close(w.done)
	for {
		select {
		case <-w.stop:
			return
		case s := <-w.evCh:
			switch s {
			case unix.SIGINT:
				w.interrupt.Store(true)
			case unix.SIGWINCH:
				w.resize.Store(true)
			case unix.SIGCONT:
				w.t.reapplyRaw()
				w.cont.Store(true)
			}
			w.wake()
		case s := <-w.fatalCh:
			w.fatal(s.(syscall.Signal))
		}
	}
}

// fatal restores the terminal and raises sig again with the driver's
// handler removed. If the process is still alive after that, the program
// handles sig itself: Read puts raw mode and the handler back.
func (w *sigWatch) fatal(sig syscall.Signal) {
	t := w.t
	t.mu.Lock()
	t.hold = true
	t.restoreModesLocked() //nolint:errcheck // nothing to do about it now
	t.mu.Unlock()
	signal.Stop(w.fatalCh)

	// Sent to this thread, the signal is handled before raiseSignal
	// returns.
	raiseSignal(sig)

	// Still alive: the program takes sig itself. Once the signal raised
	// again has reached the program's channels, and not before, the
	// driver's handler may go back in.
	signalsDelivered()
	w.reraw.Store(true)
	w.wake()
}

// signalsDelivered waits until os/signal has handed every signal received
// so far to the channels that wanted it, as signal.Stop does.
func signalsDelivered() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, unix.SIGWINCH)
	signal.Stop(c)
}

// resumeAfterFatal undoes fatal when the process survived it.
func (w *sigWatch) resumeAfterFatal() {
	t := w.t
	t.mu.Lock()
	t.hold = false
	raw := t.raw
	t.mu.Unlock()
	if raw {
		if len(w.fatalSigs) > 0 {
			signal.Notify(w.fatalCh, w.fatalSigs...)
		}
		t.reapplyRaw()
	}
}
