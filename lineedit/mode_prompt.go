package lineedit

// modeString returns what show-mode-in-prompt puts at the start of the
// last line of the prompt for the engine's editing mode (Mode):
// emacs-mode-string, vi-ins-mode-string or vi-cmd-mode-string, as
// readline's prompt_modestr; "" when the variable is off. The strings may
// hold \001 and \002 around escape sequences, such as ones that change
// the cursor's shape. The result is kept from frame to frame, so a steady
// mode costs no allocation.
func (e *Engine) modeString() string {
	v := &e.cfg.Vars
	if !v.Bool["show-mode-in-prompt"] {
		return ""
	}
	var src []byte
	switch e.Mode() {
	case ModeEmacs:
		src = v.EmacsModeString
	case ModeViInsert:
		src = v.ViInsModeString
	default:
		src = v.ViCmdModeString
	}
	if string(src) != e.modeStr {
		e.modeStr = string(src)
	}
	return e.modeStr
}
