//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package lineedit

import (
	"bytes"
	"io"
	"time"

	"golang.org/x/sys/unix"
)

// pasteChunk is the most one read(2) takes inside a bracketed paste.
const pasteChunk = 64 << 10

// Read returns the next input or event, waiting for at most timeout:
// with timeout < 0 it waits as long as it takes, with 0 it only looks
// at what is there already. When nothing came in time it returns an event
// of KindTimeout: this is how the editor tells a lone ESC from the start
// of an escape sequence (readline's keyseq-timeout).
//
// Signals noted since the last call come first (KindInterrupt, then
// KindSuspendResume, then KindResize, then KindWake for a Wake), then the
// bytes given back with Unread, all at once, then the input. Input is
// read from the terminal only here, one byte per read(2), so nothing the
// user types ahead is taken from the terminal's queue before the editor
// asks for it. Inside a
// bracketed paste (after the terminal sent ESC [ 200 ~) the driver reads
// up to 64 KiB at a time, and keeps what follows ESC [ 201 ~ for the next
// call.
//
// The suspend character (Ctrl-Z) never reaches the editor in raw mode:
// Read stops the process as the tty would and goes on waiting; the
// SIGCONT that continues it is then reported as KindSuspendResume.
//
// At end of input Read returns KindEOF; a failing read(2) returns
// KindEOF with the error.
func (t *Term) Read(timeout time.Duration) (Event, error) {
	t.mu.Lock()
	w := t.watch
	t.mu.Unlock()
	if w != nil {
		if ev, ok := t.signalEvent(w); ok {
			return ev, nil
		}
	}
	if len(t.pending) > 0 {
		b := t.pending
		t.pending = nil
		return Event{Kind: KindBytes, Bytes: b}, nil
	}
	if t.pasting && t.pasteFull && timeout < 0 {
		// Inside a paste that filled the tty's buffer at the last read,
		// the terminal is waiting to send more: read it without asking
		// poll first, which would wait for the pty's queue to be pushed
		// through as the read does. (Not with a timeout, which the read
		// would not keep if the terminal stopped there.)
		if ev, done, err := t.readInput(); done {
			return ev, err
		}
	}
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	fds := make([]unix.PollFd, 0, 2)
	for {
		ms := -1
		if timeout == 0 {
			ms = 0
		} else if timeout > 0 {
			ms = 0
			if left := time.Until(deadline); left > 0 {
				ms = int(min((left+time.Millisecond-1)/time.Millisecond, 1<<30))
			}
		}
		fds = append(fds[:0], unix.PollFd{Fd: int32(t.fd), Events: unix.POLLIN})
		if w != nil {
			fds = append(fds, unix.PollFd{Fd: int32(w.pipeR), Events: unix.POLLIN})
		}
		_, err := unix.Poll(fds, ms)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return Event{Kind: KindEOF}, err
		}
		if w != nil && fds[1].Revents != 0 {
			w.drain()
			if ev, ok := t.signalEvent(w); ok {
				return ev, nil
			}
		}
		if re := fds[0].Revents; re&unix.POLLNVAL != 0 {
			return Event{Kind: KindEOF}, unix.EBADF
		} else if re != 0 {
			if ev, done, err := t.readInput(); done {
				return ev, err
			}
		}
		if timeout == 0 || (timeout > 0 && !time.Now().Before(deadline)) {
			return Event{Kind: KindTimeout}, nil
		}
	}
}

// signalEvent returns the event for a signal noted by w, if any.
func (t *Term) signalEvent(w *sigWatch) (Event, bool) {
	switch {
	case w.reraw.Swap(false):
		w.resumeAfterFatal()
		w.cont.Store(false)
		w.resize.Store(false)
		return t.sizeEvent(KindSuspendResume), true
	case w.interrupt.Swap(false):
		// The tty flushed its input queue: what the driver kept goes too.
		t.pending = nil
		t.pasting, t.pasteFull = false, false
		t.pasteStart.n, t.pasteEnd.n = 0, 0
		return Event{Kind: KindInterrupt}, true
	case w.cont.Swap(false):
		w.resize.Store(false)
		return t.sizeEvent(KindSuspendResume), true
	case w.resize.Swap(false):
		return t.sizeEvent(KindResize), true
	case w.woken.Swap(false):
		return Event{Kind: KindWake}, true
	}
	return Event{}, false
}

func (t *Term) sizeEvent(k EventKind) Event {
	c, r := t.Size()
	return Event{Kind: k, Cols: c, Rows: r}
}

// readInput makes one read(2) from the input, which poll said is ready.
// done is false when there is nothing to return yet (an interrupted read,
// a suspend).
func (t *Term) readInput() (ev Event, done bool, err error) {
	size := 1
	if t.pasting {
		size = pasteChunk
	}
	if cap(t.buf) < size {
		t.buf = make([]byte, size)
	}
	buf := t.buf[:size]
	n, err := unix.Read(t.fd, buf)
	switch {
	case err == unix.EINTR || err == unix.EAGAIN:
		return Event{}, false, nil
	case err != nil:
		return Event{Kind: KindEOF}, true, err
	case n == 0:
		return Event{Kind: KindEOF}, true, nil
	}
	buf = buf[:n]
	// The line discipline hands out at most 4095 bytes a read (its
	// buffer, N_TTY_BUF_SIZE, less one).
	t.pasteFull = t.pasting && n >= 4095
	if t.pasting {
		for i := 0; i < len(buf); i++ {
			if t.pasteEnd.n == 0 {
				// Skip to where the end marker may start: most of a
				// paste is text.
				k := bytes.IndexByte(buf[i:], t.pasteEnd.marker[0])
				if k < 0 {
					break
				}
				i += k
			}
			if t.pasteEnd.feed(buf[i]) {
				t.pasting, t.pasteFull = false, false
				if rest := buf[i+1:]; len(rest) > 0 {
					t.pending = append([]byte(nil), rest...)
				}
				buf = buf[:i+1]
				break
			}
		}
		return Event{Kind: KindBytes, Bytes: buf}, true, nil
	}
	b := buf[0]
	if t.susp != 0 && b == t.susp && t.suspend() {
		return Event{}, false, nil
	}
	if t.pasteStart.feed(b) {
		t.pasting = true
		t.pasteEnd.n = 0
	}
	return Event{Kind: KindBytes, Bytes: buf}, true, nil
}

// Unread gives bytes back to the driver: the next Read returns them
// before any new input, and ReadLine reads them first. Bytes given back
// stay across Restore and EnterRaw, for the next line; an interrupt
// (KindInterrupt) discards them.
func (t *Term) Unread(b []byte) {
	if len(b) == 0 {
		return
	}
	p := make([]byte, 0, len(b)+len(t.pending))
	p = append(p, b...)
	t.pending = append(p, t.pending...)
}

// ReadLine reads a plain line, for input that is not a terminal (or a
// terminal left in its own cooked mode): no raw mode, no escape sequences.
// It returns the line without its "\n", and io.EOF once the input is
// exhausted; a last line without "\n" is returned before io.EOF. It never
// takes bytes past the newline from the input: it reads a pipe or a tty
// one byte at a time, and a regular file by blocks, seeking back to just
// after the line, as bash does; so a command the caller runs next reads
// the input from where the line ends.
func (t *Term) ReadLine() (string, error) {
	if i := bytes.IndexByte(t.pending, '\n'); i >= 0 {
		line := string(t.pending[:i])
		t.pending = t.pending[i+1:]
		if len(t.pending) == 0 {
			t.pending = nil
		}
		return line, nil
	}
	line := append([]byte(nil), t.pending...)
	t.pending = nil
	for {
		chunk, err := t.readLineChunk()
		line = append(line, chunk...)
		if k := len(line); k > 0 && line[k-1] == '\n' {
			return string(line[:k-1]), nil
		}
		if err == io.EOF && len(line) > 0 {
			return string(line), nil
		}
		if err != nil {
			return string(line), err
		}
	}
}

// readLineChunk reads the next bytes of a line: one byte, or from a
// regular file a block cut after its first newline. It returns io.EOF at
// the end of the input.
func (t *Term) readLineChunk() ([]byte, error) {
	size := 1
	if t.seekable {
		size = 4096
	}
	if cap(t.buf) < size {
		t.buf = make([]byte, size)
	}
	buf := t.buf[:size]
	for {
		n, err := unix.Read(t.fd, buf)
		switch {
		case err == unix.EINTR:
			continue
		case err == unix.EAGAIN:
			// The file is in non-blocking mode: wait, without changing it.
			fds := []unix.PollFd{{Fd: int32(t.fd), Events: unix.POLLIN}}
			if _, err := unix.Poll(fds, -1); err != nil && err != unix.EINTR {
				return nil, err
			}
			continue
		case err != nil:
			return nil, err
		case n == 0:
			return nil, io.EOF
		}
		buf = buf[:n]
		if i := bytes.IndexByte(buf, '\n'); i >= 0 && i+1 < n {
			if _, err := unix.Seek(t.fd, int64(i+1-n), io.SeekCurrent); err != nil {
				t.pending = append([]byte(nil), buf[i+1:]...)
			}
			buf = buf[:i+1]
		}
		return buf, nil
	}
}
