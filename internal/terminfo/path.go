package terminfo

import (
	"fmt"
	"path/filepath"
	"strings"
)

// systemDirs are the locations ncurses has compiled in on Debian, searched
// after those named by the environment (and standing in for an empty
// element of $TERMINFO_DIRS).
var systemDirs = []string{"/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"}

// searchDirs lists the directories to search, in order and without
// duplicates, the way ncurses' database iterator does: $TERMINFO, then
// $HOME/.terminfo, then each element of $TERMINFO_DIRS (an empty element
// meaning the system directories), then the system directories.
//
// ncurses' manual says that only $TERMINFO is searched when it is set, but
// the library goes on to the other locations when the entry is not there;
// this follows the library.
func searchDirs(getenv func(string) string) []string {
	var dirs []string
	if d := getenv("TERMINFO"); d != "" {
		dirs = append(dirs, d)
	}
	if home := getenv("HOME"); home != "" {
		dirs = append(dirs, filepath.Join(home, ".terminfo"))
	}
	if list := getenv("TERMINFO_DIRS"); list != "" {
		for d := range strings.SplitSeq(list, ":") {
			if d == "" {
				dirs = append(dirs, systemDirs...)
			} else {
				dirs = append(dirs, d)
			}
		}
	}
	dirs = append(dirs, systemDirs...)
	return dedup(dirs)
}

// dedup returns dirs without repeats, keeping first occurrences.
func dedup(dirs []string) []string {
	seen := make(map[string]bool, len(dirs))
	out := dirs[:0]
	for _, d := range dirs {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// entryPaths lists where dir may hold term's compiled entry: under the
// term's first letter (DIR/x/xterm, the usual layout) and under the
// hexadecimal code of its first byte (DIR/78/xterm, used where file names
// are case-insensitive, such as macOS).
func entryPaths(dir, term string) []string {
	return []string{
		filepath.Join(dir, term[:1], term),
		filepath.Join(dir, fmt.Sprintf("%02x", term[0]), term),
	}
}

// checkName rejects terminal names that cannot name an entry file, in
// particular ones that would reach outside the database directory.
func checkName(term string) error {
	switch {
	case term == "":
		return fmt.Errorf("terminfo: empty terminal name")
	case term == "." || term == "..", strings.ContainsAny(term, "/\x00"):
		return fmt.Errorf("terminfo: invalid terminal name %q", term)
	}
	return nil
}
