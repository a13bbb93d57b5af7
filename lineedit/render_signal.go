package lineedit

// EchoSignal writes s, the echo of a signal character such as "^C", at
// the cursor, as readline does with echo-control-characters when the
// interrupt key ends a line. It writes only when s fits on the cursor's
// row, so that the cursor stays on the row the renderer knows it is on
// and Finish can still find the frame's last row; the cells it covers
// are forgotten at Finish, which every caller does next.
func (r *Renderer) EchoSignal(s string) error {
	if r.start != rsNone && !r.dumb {
		return nil // nothing drawn: no cursor to echo at
	}
	if !r.dumb && (r.pending || r.width > 0 && r.col+len(s) >= r.width) {
		return nil
	}
	r.resetPen()
	r.emit(s)
	if !r.dumb {
		r.col += len(s)
	}
	return r.flush()
}
