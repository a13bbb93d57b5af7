package terminfo

// Terminfo is a decoded terminfo entry. Capabilities are keyed by their
// terminfo short names, as infocmp prints them: "kcuu1" (cursor-up key),
// "khome", "kend", "kdch1", "kich1", "knp", "kpp", "smkx", "cols", "am",
// and extended names such as "kUP5" (ctrl-up).
//
// A capability that is absent from the entry, or cancelled in it (tic's
// "name@"), is left out of its map.
type Terminfo struct {
	// Names are the terminal's names from the entry's first line: the
	// primary name first, then aliases; by convention the last one is a
	// longer description, e.g. ["xterm", "xterm terminal emulator (X
	// Window System)"].
	Names []string

	// Bools holds the boolean capabilities that are set; every value is
	// true.
	Bools map[string]bool

	// Numbers holds the numeric capabilities, e.g. Numbers["cols"] == 80.
	Numbers map[string]int

	// Strings holds the string capabilities, decoded to the bytes the
	// terminal sends or expects: Strings["kcuu1"] == "\x1bOA" for xterm.
	// Padding ("$<5>") and parameter ("%p1%d") markup is kept as written,
	// and a NUL byte appears as "\x80", the way tic stores it.
	Strings map[string]string
}
