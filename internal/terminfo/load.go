package terminfo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// maxFileSize bounds how much of a file Load reads. ncurses' entries are
// at most 32768 bytes; anything much larger is not a terminfo entry.
const maxFileSize = 1 << 20

// Load finds and decodes the compiled terminfo entry for the terminal type
// term (usually $TERM), searching the way ncurses does: $TERMINFO, then
// ~/.terminfo, then each directory of the colon-separated $TERMINFO_DIRS
// (an empty element stands for the system directories), then
// /etc/terminfo, /lib/terminfo and /usr/share/terminfo. In each directory
// both layouts are tried: DIR/x/xterm and DIR/78/xterm.
//
// A file that cannot be read or decoded is skipped, as ncurses skips it; if
// no usable entry is found, the error describes the first such failure, or
// else is `terminfo: no entry for "TERM"`, matching [ErrNotFound]. A name
// that cannot name a file in the database (empty, "." or "..", or holding
// '/' or NUL) is rejected.
func Load(term string) (*Terminfo, error) {
	ti, _, err := find(term, searchDirs(os.Getenv))
	return ti, err
}

// find searches dirs for term's entry and returns it with its file name.
func find(term string, dirs []string) (*Terminfo, string, error) {
	if err := checkName(term); err != nil {
		return nil, "", err
	}
	var firstErr error
	for _, dir := range dirs {
		for _, path := range entryPaths(dir, term) {
			ti, err := loadFile(path)
			switch {
			case err == nil:
				return ti, path, nil
			case errors.Is(err, fs.ErrNotExist):
				// Not in this directory.
			case firstErr == nil:
				firstErr = fmt.Errorf("terminfo: %s: %w", path, err)
			}
		}
	}
	if firstErr != nil {
		return nil, "", firstErr
	}
	return nil, "", &notFoundError{term: term}
}

// loadFile reads and decodes the entry in the file at path. An error that
// means the file is not there matches fs.ErrNotExist.
func loadFile(path string) (*Terminfo, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, syscall.ENOTDIR) { // DIR/x is a file, not a directory
			return nil, fs.ErrNotExist
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // find adds the path
		}
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("larger than %d bytes", maxFileSize)
	}
	return parse(data)
}
