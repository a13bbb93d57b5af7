package history

// Python offers the history functions of Python's readline module over a
// List, with Python's index conventions: GetHistoryItem counts from 1
// (from Base, in fact, as GNU History does), RemoveHistoryItem and
// ReplaceHistoryItem from 0. The zero value is not usable; use NewPython.
type Python struct {
	*List
	auto bool
}

// NewPython returns the Python layer over l, with automatic history on.
func NewPython(l *List) *Python { return &Python{List: l, auto: true} }

// GetHistoryItem returns the entry numbered index, counting from Base
// (1 unless entries were dropped), and false when there is none.
// Python: readline.get_history_item.
func (p *Python) GetHistoryItem(index int) (string, bool) {
	i := index - p.Base()
	if i < 0 || i >= p.Len() {
		return "", false
	}
	return p.Line(i), true
}

// RemoveHistoryItem removes the entry at 0-based pos.
// Python: readline.remove_history_item.
func (p *Python) RemoveHistoryItem(pos int) bool {
	if pos < 0 || pos >= p.Len() {
		return false
	}
	p.Remove(pos)
	return true
}

// ReplaceHistoryItem replaces the entry at 0-based pos.
// Python: readline.replace_history_item.
func (p *Python) ReplaceHistoryItem(pos int, line string) bool {
	if pos < 0 || pos >= p.Len() {
		return false
	}
	p.Replace(pos, line)
	return true
}

// AddHistory appends a line. Python: readline.add_history.
func (p *Python) AddHistory(line string) { p.Add(line) }

// GetCurrentHistoryLength returns the number of entries.
// Python: readline.get_current_history_length.
func (p *Python) GetCurrentHistoryLength() int { return p.Len() }

// ClearHistory removes every entry. Python: readline.clear_history.
func (p *Python) ClearHistory() { p.Clear() }

// SetHistoryLength sets the number of lines the history file keeps when
// written, -1 for no limit. Python: readline.set_history_length.
func (p *Python) SetHistoryLength(n int) { p.fileLength = n }

// GetHistoryLength returns what SetHistoryLength set (-1 by default).
// Python: readline.get_history_length.
func (p *Python) GetHistoryLength() int { return p.fileLength }

// SetAutoHistory turns on or off the adding of every line read to the
// history; the line editor asks AutoHistory. Python: readline.set_auto_history.
func (p *Python) SetAutoHistory(on bool) { p.auto = on }

// AutoHistory reports whether lines read are added automatically.
func (p *Python) AutoHistory() bool { return p.auto }

// ReadHistoryFile reads a history file. Python: readline.read_history_file.
func (p *Python) ReadHistoryFile(path string) error { return p.ReadFile(path) }

// WriteHistoryFile writes the list, then cuts the file to the history
// length if one is set. Python: readline.write_history_file.
func (p *Python) WriteHistoryFile(path string) error {
	if err := p.WriteFile(path); err != nil {
		return err
	}
	if p.fileLength >= 0 {
		return p.TruncateFile(path, p.fileLength)
	}
	return nil
}

// AppendHistoryFile appends the last n entries, then cuts the file to the
// history length if one is set. Python: readline.append_history_file.
func (p *Python) AppendHistoryFile(n int, path string) error {
	if err := p.AppendFile(path, n); err != nil {
		return err
	}
	if p.fileLength >= 0 {
		return p.TruncateFile(path, p.fileLength)
	}
	return nil
}
