package history

// ReadNew appends the lines other sessions added to the history file since
// this list last read or wrote it, as bash's history -n does: it reads
// from the line count it remembers.
func (l *List) ReadNew(path string) error {
	return l.ReadFileRange(path, l.linesInFile, -1)
}

// LinesInFile returns how many lines of the history file the list has
// read or written (bash's history_lines_in_file).
func (l *List) LinesInFile() int { return l.linesInFile }
