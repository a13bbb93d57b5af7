package lineedit

import (
	"errors"
	"io"
	"strings"
	"time"
)

// ErrTimeout is returned by ReadLineWith when ReadOptions.Deadline passes
// before the line is done.
var ErrTimeout = errors.New("lineedit: timed out")

// ReadOptions are what bash's read built-in asks of readline beyond a
// plain line (read -e with -n, -N, -d, -t and -s).
type ReadOptions struct {
	// MaxBytes accepts the line once a key leaves it holding so many
	// bytes or more (readline's rl_num_chars_to_read, which counts bytes);
	// 0 for no limit. The line is returned whole: bash's read cuts it.
	MaxBytes int
	// Delim, when it is 0 or more, is a byte that accepts the line
	// wherever it is typed outside a key sequence, as bash binds read -d's
	// delimiter to accept-line.
	Delim int
	// InsertReturn makes C-m insert itself rather than accept the line,
	// as bash binds it for read -d and -N.
	InsertReturn bool
	// Deadline, when not zero, ends the read with ErrTimeout.
	Deadline time.Time
	// Silent draws only the prompt, not the line, and a newline once the
	// line is accepted: readline does not echo when the terminal's echo
	// is off (read -s).
	Silent bool
}

// ReadLineWith reads a line as ReadLine does, with opts; ReadLine is
// ReadLineWith with no options (Delim -1). When the input is not a
// terminal, the options are ignored and a plain line is read.
func (ed *Editor) ReadLineWith(prompt string, opts ReadOptions) (string, error) {
	if err := ed.openTerm(); err != nil {
		return "", err
	}
	if !ed.term.IsTerminal() {
		io.WriteString(ed.out, stripPromptMarkers(prompt))
		line, err := ed.term.ReadLine()
		if err == nil && ed.AutoHistory && strings.TrimSpace(line) != "" {
			ed.History.Add(line)
		}
		return line, err
	}
	if err := ed.term.EnterRaw(); err != nil {
		return "", err
	}
	defer ed.term.Restore()
	ed.term.SetKeypad(ed.Config.Vars.Get("enable-keypad"))
	defer ed.term.SetKeypad(false) // after bracketed paste is off, as bash
	paste := ed.Config.Vars.Get("enable-bracketed-paste")
	ed.term.SetBracketedPaste(paste)
	defer ed.term.SetBracketedPaste(false)

	ed.async.begin(ed.term.Wake)
	defer ed.async.end() //nolint:errcheck // a terminal gone is reported by the next Read

	e := ed.Engine()
	e.Completer = ed.Completer
	e.Hinter, e.Highlighter, e.Validator = ed.Hinter, ed.Highlighter, ed.Validator
	e.Continuation, e.HintStyle = ed.Continuation, ed.HintStyle
	if c, ok := ed.term.SpecialChars()["VEOF"]; ok {
		e.EOFChar = c
	}
	e.Reset(prompt)
	cols, rows := ed.term.Size()
	e.Width, e.Height = cols, rows
	var r *Renderer
	if opts.Silent {
		if _, err := io.WriteString(ed.term, stripPromptMarkers(prompt)); err != nil {
			return "", err
		}
		r = NewRenderer(io.Discard, cols)
	} else {
		r = NewRenderer(ed.term, cols)
	}
	r.SetDumb(ed.term.Dumb())
	r.SetHeight(rows)
	r.SetHorizontalScroll(ed.horizontalScroll(rows))
	ed.renderer = r
	defer func() { ed.renderer = nil }()
	if ed.StartupHook != nil {
		ed.StartupHook()
	}
	if err := ed.showAsync(r, e); err != nil {
		return "", err
	}
	if err := r.Render(e.Frame()); err != nil {
		return "", err
	}
	if ed.PreInputHook != nil {
		ed.PreInputHook()
		if err := r.Render(e.Frame()); err != nil {
			return "", err
		}
	}
	var rest []byte // bytes read but not fed when the line was done
	for {
		switch e.Status() {
		case Accepted:
			ed.term.Unread(append(e.Unconsumed(), rest...))
			r.Render(lastFrame(e))
			r.Finish()
			if opts.Silent {
				ed.term.Write([]byte("\r\n"))
			}
			line := e.Line()
			if ed.AutoHistory && strings.TrimSpace(line) != "" {
				ed.History.Add(line)
			}
			return line, nil
		case EOF:
			ed.term.Unread(append(e.Unconsumed(), rest...))
			r.Finish()
			return "", io.EOF
		}
		wait := time.Duration(-1)
		if ms := e.TimeoutMillis(); e.WantsTimeout() && ms > 0 {
			wait = time.Duration(ms) * time.Millisecond
		}
		if !opts.Deadline.IsZero() {
			left := max(time.Until(opts.Deadline), 0)
			if wait < 0 || left < wait {
				wait = left
			}
		}
		ev, err := ed.term.Read(wait)
		if err != nil {
			r.Finish()
			return "", err
		}
		switch ev.Kind {
		case KindBytes:
			rest = ed.feedLimited(e, ev.Bytes, opts)
		case KindTimeout:
			if !opts.Deadline.IsZero() && !time.Now().Before(opts.Deadline) {
				// bash leaves the partial line on the screen and goes
				// back to the start of its row.
				r.Render(lastFrame(e))
				ed.term.Write([]byte("\r"))
				return "", ErrTimeout
			}
			e.Timeout()
		case KindResize:
			e.Width, e.Height, rows = ev.Cols, ev.Rows, ev.Rows
			r.Resize(ev.Cols)
			r.SetHeight(ev.Rows)
		case KindSuspendResume:
			e.Width, e.Height, rows = ev.Cols, ev.Rows, ev.Rows
			r.Resize(ev.Cols)
			r.SetHeight(ev.Rows)
			r.Invalidate()
		case KindWake:
		case KindInterrupt:
			f := lastFrame(e)
			if e.cfg.Vars.Get("echo-control-characters") {
				// Readline echoes ^C where the cursor is, as the
				// terminal would: the line stays as it was, with ^C
				// over what followed the cursor.
				f.Cursor = e.Frame().Cursor
				r.Render(f)
				r.EchoSignal("^C")
			} else {
				r.Render(f)
			}
			r.Finish()
			return "", ErrInterrupt
		case KindEOF:
			r.Finish()
			return "", io.EOF
		}
		if err := ed.showAsync(r, e); err != nil {
			return "", err
		}
		if err := ed.applyEffects(e, r); err != nil {
			return "", err
		}
		if e.Bell() {
			ed.bell()
		}
		if e.confirm != nil {
			continue
		}
		if e.Status() != Editing {
			continue // done: see the top of the loop
		}
		if ev.Kind == KindBytes && e.pasting {
			// A bracketed paste goes on: the line stays as it is until
			// its end, so drawing it again, and asking the highlighter
			// and hinter about it, would be work for nothing each read.
			continue
		}
		r.SetHorizontalScroll(ed.horizontalScroll(rows))
		if err := r.Render(e.Frame()); err != nil {
			return "", err
		}
	}
}

// feedLimited feeds p to e one byte at a time, so that the delimiter, C-m
// and the length limit take effect between keys, and returns what was not
// fed once the line is done.
func (ed *Editor) feedLimited(e *Engine, p []byte, opts ReadOptions) []byte {
	if opts.MaxBytes <= 0 && opts.Delim < 0 && !opts.InsertReturn {
		e.Feed(p) // nothing to do between keys: as ReadLine
		return nil
	}
	for i, b := range p {
		if e.status != Editing {
			return append([]byte(nil), p[i:]...)
		}
		atKey := e.pendMap == nil && e.search == nil && !e.pasting && e.confirm == nil && len(e.queue) == 0
		switch {
		case atKey && opts.Delim >= 0 && int(b) == opts.Delim:
			acceptNow(e)
		case atKey && opts.InsertReturn && b == '\r':
			e.InsertText("\r")
		default:
			e.Feed([]byte{b})
		}
		// As readline, once a whole key has run: a line longer than the
		// limit from the start (a StartupHook's text) waits for a key.
		if opts.MaxBytes > 0 && e.status == Editing && e.pendMap == nil && len(e.buf.text) >= opts.MaxBytes {
			acceptNow(e)
		}
	}
	return nil
}

// acceptNow accepts the line between keys, as accept-line would.
func acceptNow(e *Engine) {
	e.AcceptLine()
	e.histLineDone()
}
