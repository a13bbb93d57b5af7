package shell

// Autosuggestions (shopt gosh_suggest, on by default): as the user types
// at the prompt, the rest of the most recent history entry that starts
// with what is typed is shown dimmed after it, fish-style; the right
// arrow, C-f or C-e at the end of the line take it, M-f its next word
// (lineedit.HistoryHinter).
//
// Commands run in the current directory come first. The history file
// does not say where a command ran, and gosh keeps its format as bash
// writes it, so the shell remembers it for the commands of this session
// only: each command read is noted with the directory it started in
// (dirRecord). Entries from the file, and from other sessions, are
// proposed by recency alone.

// dirRecord notes the directories each command of the session ran in.
type dirRecord map[string]map[string]bool // command text -> directories

// note records that text ran in dir.
func (d *dirRecord) note(text, dir string) {
	if text == "" || dir == "" {
		return
	}
	if *d == nil {
		*d = dirRecord{}
	}
	m := (*d)[text]
	if m == nil {
		m = map[string]bool{}
		(*d)[text] = m
	}
	m[dir] = true
}

// ranIn reports whether text ran in dir during this session.
func (d dirRecord) ranIn(text, dir string) bool {
	return d[text][dir]
}

// preferEntry is the HistoryHinter's Prefer: a history entry run in the
// current directory during this session comes first.
func (s *Shell) preferEntry(entry string) bool {
	x := s.extras()
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.dirs.ranIn(entry, s.runner.Dir)
}
