package lineedit

// Suspend gives the terminal back while run runs, for a child process
// that takes the terminal (a pager, an editor, a shell): the screen is
// left below the line, raw mode and bracketed paste are turned off, run
// is called, and then the terminal is put back in raw mode and the line
// is drawn again from where the child left the cursor. It returns run's
// error, or the terminal's.
//
// Call it from the goroutine running ReadLine — a command added with
// Register, a Completer, a hook — or when no ReadLine runs. Between two
// ReadLines the terminal is already the program's (no goroutine reads
// it), and Suspend only calls run: a REPL that runs a command after
// ReadLine returns needs no Suspend at all.
func (ed *Editor) Suspend(run func() error) error {
	r := ed.renderer // set only while ReadLine runs, on this goroutine
	if r == nil || ed.term == nil {
		return run()
	}
	r.Finish()
	paste := ed.Config.Vars.Get("enable-bracketed-paste")
	ed.term.SetBracketedPaste(false)
	if err := ed.term.Restore(); err != nil {
		return err
	}
	runErr := run()
	if err := ed.term.EnterRaw(); err != nil {
		return err
	}
	ed.term.SetBracketedPaste(paste)
	if cols, _ := ed.term.Size(); cols > 0 {
		ed.Engine().Width = cols
		r.Resize(cols)
	}
	r.Invalidate()
	return runErr
}
