package lineedit

// A Frame is what the editor wants on the screen at one moment: the
// renderer lays it out in cells and writes only what differs from the
// frame before.
type Frame struct {
	// Prompt is written before the text. It may hold ANSI escape
	// sequences (colours) and readline's \001 and \002 markers around
	// characters that take no room on the screen; it may span lines.
	Prompt string
	// Mode is put at the start of the last line of the prompt: the
	// editing mode's string when show-mode-in-prompt is on (readline's
	// emacs-mode-string, vi-ins-mode-string or vi-cmd-mode-string). Like
	// the prompt it may hold escape sequences and \001 and \002 markers.
	Mode string
	// Text is the line being edited; it may hold newlines (multi-line
	// input) and any Unicode. The Text of a Frame from Engine.Frame
	// shares memory with the engine (see Engine.Frame); like any string
	// it never changes.
	Text string
	// Cursor is the byte offset in Text where the cursor stands.
	Cursor int
	// Hint is shown dimmed after Text (an autosuggestion); it is not
	// part of the line.
	Hint string
	// HintStyle is the SGR sequence the hint is drawn in, after the
	// style the prompt leaves in force; "" is faint (ESC [ 2 m).
	HintStyle string
	// Styles colour parts of Text (syntax highlighting): each span's
	// Style is drawn over the style the prompt leaves in force. Spans are
	// in order and do not overlap; the parts of Text they leave out, or
	// whose Style is "", are drawn plain.
	Styles []StyleSpan
	// Continuation is drawn at the start of each line of Text after the
	// first, as bash's PS2 (not in horizontal-scroll mode, where a
	// newline shows as ^J). Like the prompt it may hold escape sequences
	// and \001 \002 markers; it should not hold newlines.
	Continuation string
	// Right is drawn at the right end of the row where Text starts,
	// leaving the last column free (zsh's RPROMPT), when the row has room
	// for it and a column between; it may hold escape sequences. It is
	// not drawn in horizontal-scroll mode.
	Right string
	// Below holds lines shown under the input (a menu-completion display
	// or a message); empty for none.
	Below []string
}
