package lineedit

// A Frame is what the editor wants on the screen at one moment: the
// renderer lays it out in cells and writes only what differs from the
// frame before.
type Frame struct {
	// Prompt is written before the text. It may hold ANSI escape
	// sequences (colours) and readline's \001 and \002 markers around
	// characters that take no room on the screen; it may span lines.
	Prompt string
	// Text is the line being edited; it may hold newlines (multi-line
	// input) and any Unicode.
	Text string
	// Cursor is the byte offset in Text where the cursor stands.
	Cursor int
	// Hint is shown dimmed after Text (an autosuggestion); it is not
	// part of the line.
	Hint string
	// Below holds lines shown under the input (a menu-completion display
	// or a message); empty for none.
	Below []string
}
