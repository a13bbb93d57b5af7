package lineedit

// Suspend gives the terminal back while run runs, for a child process
// that takes the terminal (a pager, an editor, a shell), and then takes it
// again: it is Editor.RunOutside, which erases the prompt and the line,
// restores the terminal's modes, runs run and draws the line anew below
// what it wrote, plus the terminal's width read again, since a window
// resized while the child ran sent its SIGWINCH to nobody. It returns
// run's error, or the terminal's.
//
// Call it from the goroutine running ReadLine — a command added with
// Register, a Completer, a hook — or when no ReadLine runs. Between two
// ReadLines the terminal is already the program's (no goroutine reads
// it), and Suspend only calls run: a REPL that runs a command after
// ReadLine returns needs no Suspend at all.
func (s *Session) Suspend(run func() error) error {
	ed := s.ed
	var runErr error
	if err := ed.RunOutside(func() { runErr = run() }); err != nil {
		return err
	}
	// ed.renderer is set only while ReadLine runs, on this goroutine.
	if r := ed.renderer; r != nil && ed.term != nil && ed.term.IsTerminal() {
		if cols, rows := ed.term.Size(); cols > 0 {
			ed.Engine().Width = cols
			r.Resize(cols)
			r.SetHeight(rows)
		}
	}
	return runErr
}
