package lineedit

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// Output from other goroutines while a line is edited: log lines, chat
// messages, progress. Written straight to the terminal it would land in
// the middle of the line being edited; Session.Write keeps it for the
// editor, which shows it above the line.
//
// While ReadLine runs, write queues the text and wakes ReadLine's loop
// (Term.Wake: a KindWake event); the loop takes the complete lines queued
// and shows them with showAbove: the line is erased, the text written,
// the line drawn again under it. A last line without its newline waits
// for the newline, or for ReadLine to return, when it is written after
// the finished line.

// asyncOutput holds what is written while ReadLine runs.
type asyncOutput struct {
	mu      sync.Mutex
	w       io.Writer // the terminal
	reading bool      // a ReadLine runs: keep the text
	wake    func()    // wakes ReadLine's loop up; nil if nothing can
	pending []byte
}

// write writes p to the terminal, or keeps it while a line is edited and
// wakes the editor up to show it.
func (a *asyncOutput) write(p []byte) (int, error) {
	a.mu.Lock()
	if a.reading {
		a.pending = append(a.pending, p...)
		wake := a.wake
		a.mu.Unlock()
		if wake != nil && bytes.IndexByte(p, '\n') >= 0 {
			wake()
		}
		return len(p), nil
	}
	defer a.mu.Unlock()
	if err := a.flushLocked(); err != nil {
		return 0, err
	}
	return a.w.Write(p)
}

// begin starts keeping what is written: ReadLine is about to take the
// terminal. wake, if not nil, is called when text is queued.
func (a *asyncOutput) begin(wake func()) {
	a.mu.Lock()
	a.reading, a.wake = true, wake
	a.mu.Unlock()
}

// end writes what was kept: the terminal is the program's again.
func (a *asyncOutput) end() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.reading, a.wake = false, nil
	return a.flushLocked()
}

func (a *asyncOutput) flushLocked() error {
	if len(a.pending) == 0 {
		return nil
	}
	_, err := a.w.Write(a.pending)
	a.pending = a.pending[:0]
	return err
}

// takeLines returns and forgets the complete lines kept so far (a line
// still being written stays until its newline comes or ReadLine ends).
func (a *asyncOutput) takeLines() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	i := bytes.LastIndexByte(a.pending, '\n')
	if i < 0 {
		return nil
	}
	out := bytes.Clone(a.pending[:i+1])
	a.pending = append(a.pending[:0], a.pending[i+1:]...)
	return out
}

// showAbove shows text above the line being edited: it erases the frame
// r drew (by drawing an empty one, which leaves the cursor where the frame
// started), writes text there, ending it with a newline, and draws f
// under it. It uses only the Renderer's exported methods.
func showAbove(r *Renderer, w io.Writer, text []byte, f Frame) error {
	if len(text) == 0 {
		return nil
	}
	if err := r.Render(Frame{}); err != nil {
		return err
	}
	s := crlf(string(text))
	if s[len(s)-1] != '\n' {
		s += "\r\n"
	}
	if _, err := io.WriteString(w, s); err != nil {
		return err
	}
	r.Invalidate()
	return r.Render(f)
}

// Write writes p to the terminal above the line being edited, and is safe
// to call from any goroutine: it makes the Session an io.Writer for
// log.SetOutput or slog. Between two ReadLines p is written at once;
// while a line is edited the complete lines of p are shown at once above
// it, the line drawn again under them, never into it. Text after the last
// newline waits for its newline, or for ReadLine to return.
func (s *Session) Write(p []byte) (int, error) { return s.ed.async.write(p) }

// Printf formats as fmt.Printf does and writes the result with Write.
func (s *Session) Printf(format string, args ...any) {
	s.ed.async.write([]byte(fmt.Sprintf(format, args...))) //nolint:errcheck // like fmt.Printf
}
