package completion

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Files completes file names as readline's filename completion does, with
// bash's additions. Its fields are readline's variables of the same
// meaning; the zero value completes in the process's directory, shows
// hidden files and folds no case.
type Files struct {
	// Dir is the directory relative names are in; "" is the process's.
	Dir string
	// Home returns the home directory of a user, "" for the current
	// one, for "~" and "~user"; nil uses HomeDir.
	Home func(user string) (string, bool)
	// Getenv, when set, expands $VAR and ${VAR} in the directory part of
	// the word, as bash does at its prompt (compgen does not).
	Getenv func(name string) (string, bool)
	// IgnoreCase is completion-ignore-case; with it, MapCase
	// (completion-map-case) also takes '-' and '_' as equal.
	IgnoreCase, MapCase bool
	// SkipHidden is match-hidden-files off: names starting with '.' are
	// offered only when the word starts with '.'.
	SkipHidden bool
	// MarkSymlinkedDirs is mark-symlinked-directories: a link to a
	// directory completes with a '/' like a directory.
	MarkSymlinkedDirs bool
	// DirsOnly offers only directories (and links to them).
	DirsOnly bool
	// Stat fills each match's Mode with its full mode (from Lstat), for
	// colours and visible-stats; without it Mode holds the type bits the
	// directory gives, which costs no system call per file.
	Stat bool
	// VisibleStats is visible-stats: a candidate's Display ends with a
	// character for its type (/ directory, @ link, * executable, | FIFO,
	// = socket). It implies Stat.
	VisibleStats bool
	// Cache, when set, keeps directory listings between completions (see
	// DirCache); nil reads the directory each time.
	Cache *DirCache
}

// A FileMatch is one file that completes a word.
type FileMatch struct {
	Name string      // the file's name in its directory
	Mode fs.FileMode // type bits, and with Files.Stat the full mode
	Dir  bool        // a directory, or a symbolic link to one
}

// HomeDir returns the home directory of user, or of the current user
// ($HOME) when user is "".
func HomeDir(user string) (string, bool) {
	if user == "" {
		if h, ok := os.LookupEnv("HOME"); ok {
			return h, true
		}
	}
	for _, u := range Users("") {
		if u.Name == user || user == "" && u.UID == os.Getuid() {
			return u.Home, true
		}
	}
	return "", false
}

// Match returns the files that complete word, which is unquoted text as
// the shell sees it: the directory part of word (up to its last '/'), as
// typed, and the files of that directory whose names start with the rest
// of word, in directory order. An unreadable or missing directory has no
// matches and no error.
func (f *Files) Match(word string) (dirPart string, matches []FileMatch) {
	dirPart = f.each(word, nil, func(m FileMatch) { matches = append(matches, m) })
	return dirPart, matches
}

// each calls fn with each match of word, and returns its directory part.
// grow (if set) first gets an upper bound of the number of matches.
func (f *Files) each(word string, grow func(int), fn func(FileMatch)) (dirPart string) {
	slash := strings.LastIndexByte(word, '/')
	dirPart, base := word[:slash+1], word[slash+1:]
	dir, ok := f.expandDir(dirPart)
	if !ok {
		return dirPart
	}
	stat := f.Stat || f.VisibleStats
	add := func(name string, typ fs.FileMode) {
		m := FileMatch{Name: name, Mode: typ}
		if typ == ^fs.FileMode(0) || stat {
			fi, err := os.Lstat(filepath.Join(dir, name))
			if err != nil {
				return
			}
			m.Mode = fi.Mode()
			if !stat {
				// Only the type, as d_type gives it.
				m.Mode = m.Mode.Type()
			}
		}
		m.Dir = m.Mode.IsDir()
		if m.Mode&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.IsDir() {
				m.Dir = true
			}
		}
		if f.DirsOnly && !m.Dir {
			return
		}
		fn(m)
	}
	if f.Cache != nil {
		l, err := f.Cache.list(dir)
		if err != nil {
			return dirPart
		}
		if grow != nil {
			n := 0
			for _, name := range l.names {
				if nameMatches(f, name, base) {
					n++
				}
			}
			grow(n)
		}
		for i, name := range l.names {
			if nameMatches(f, name, base) {
				add(name, l.types[i])
			}
		}
		return dirPart
	}
	prefix := []byte(base)
	names, types, err := scanDir(dir, func(name []byte) bool { return nameMatches(f, name, prefix) })
	if err != nil {
		return dirPart
	}
	if grow != nil {
		grow(len(names))
	}
	for i, name := range names {
		add(name, types[i])
	}
	return dirPart
}

// expandDir turns the directory part of a word into the directory to
// read: ~ and ~user, $VAR when Getenv is set, and Dir for relative paths.
func (f *Files) expandDir(dirPart string) (string, bool) {
	d := dirPart
	if strings.HasPrefix(d, "~") {
		user, rest, _ := strings.Cut(d[1:], "/")
		home := f.Home
		if home == nil {
			home = HomeDir
		}
		h, ok := home(user)
		if !ok {
			return "", false
		}
		d = strings.TrimSuffix(h, "/") + "/" + rest
	}
	if f.Getenv != nil && strings.Contains(d, "$") {
		d = expandVars(d, f.Getenv)
	}
	if d == "" {
		d = "."
	}
	if !filepath.IsAbs(d) && f.Dir != "" {
		d = filepath.Join(f.Dir, d)
	}
	return d, true
}

// expandVars replaces $NAME and ${NAME} in s by their values.
func expandVars(s string, getenv func(string) (string, bool)) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		j, braced := i+1, s[i+1] == '{'
		if braced {
			j++
		}
		k := j
		for k < len(s) && isNameByte(s[k], k == j) {
			k++
		}
		if k == j || braced && (k >= len(s) || s[k] != '}') {
			b.WriteByte(s[i])
			continue
		}
		v, _ := getenv(s[j:k])
		b.WriteString(v)
		if braced {
			k++
		}
		i = k - 1
	}
	return b.String()
}

// isNameByte reports whether c may be part of a shell variable name.
func isNameByte(c byte, first bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9'
}

// nameMatches applies readline's rules: an empty prefix matches every
// name but "." and ".." (and hidden ones with SkipHidden); otherwise a
// name must start with prefix, folding case if asked.
func nameMatches[T string | []byte](f *Files, name, prefix T) bool {
	if len(prefix) == 0 {
		if len(name) > 0 && name[0] == '.' {
			if f.SkipHidden || len(name) == 1 || len(name) == 2 && name[1] == '.' {
				return false
			}
		}
		return true
	}
	if !f.IgnoreCase {
		return len(name) >= len(prefix) && string(name[:len(prefix)]) == string(prefix)
	}
	return hasPrefixFold(string(name), string(prefix), f.MapCase)
}

// hasPrefixFold reports whether s starts with prefix ignoring case, and
// with mapCase taking '-' and '_' as equal.
func hasPrefixFold(s, prefix string, mapCase bool) bool {
	for prefix != "" {
		if s == "" {
			return false
		}
		a, na := utf8.DecodeRuneInString(s)
		b, nb := utf8.DecodeRuneInString(prefix)
		if a != b && unicode.ToLower(a) != unicode.ToLower(b) && !(mapCase && (a == '-' || a == '_') && (b == '-' || b == '_')) {
			return false
		}
		s, prefix = s[na:], prefix[nb:]
	}
	return true
}

// Complete completes the file name ending at the cursor, a shell word
// (see CompleteWord).
func (f *Files) Complete(line string, cursor int) Result {
	start, _ := WordStart(line, cursor, "")
	return f.CompleteWord(line, start, cursor)
}

// CompleteWord completes the file name in line[start:cursor], shell text
// with its quotes, as bash does at its prompt: the candidates replace the
// part after the last '/', quoted as the word is (a\ b, "a b", 'a b');
// a lone candidate closes an open quote. Directories have Kind
// KindDirectory, for the editor to add '/'.
func (f *Files) CompleteWord(line string, start, cursor int) Result {
	raw := line[start:cursor]
	word, openEnd := Unquote(raw)
	slash := strings.LastIndexByte(raw, '/')
	_, open0 := Unquote(raw[:slash+1])
	r := Result{Start: start + slash + 1, End: cursor}
	typedBase := word[strings.LastIndexByte(word, '/')+1:]
	var first FileMatch
	grow := func(n int) { r.Candidates = make([]Candidate, 0, n) }
	f.each(word, grow, func(m FileMatch) {
		if len(r.Candidates) == 0 {
			first = m
		}
		r.Candidates = append(r.Candidates, f.candidate(m, open0, openEnd, false, typedBase))
	})
	if len(r.Candidates) == 1 {
		// A lone candidate closes an open quote.
		r.Candidates[0] = f.candidate(first, open0, openEnd, true, typedBase)
	}
	return r
}

// candidate turns a match into a candidate: text quoted in the style of
// the word, closing quote for a lone candidate, kind and display.
func (f *Files) candidate(m FileMatch, open0, openEnd byte, single bool, typed string) Candidate {
	q, lead := open0, ""
	if open0 == 0 && openEnd != 0 {
		q, lead = openEnd, string(openEnd)
	}
	c := Candidate{Text: lead + Quote(m.Name, q), Mode: m.Mode, Kind: KindFile}
	// The quote is closed in the text when the word had closed it, and
	// after a lone candidate.
	closeInText := q != 0 && openEnd == 0
	closeSingle := q != 0 && openEnd != 0 && single
	switch {
	case m.Dir && (m.Mode&fs.ModeSymlink == 0 || f.MarkSymlinkedDirs || typed == m.Name):
		c.Kind = KindDirectory
	case m.Mode&fs.ModeSymlink != 0:
		c.Kind = KindSymlink
		if m.Dir {
			// readline appends nothing to a link to a directory.
			c.Suffix = NoSuffix
		}
	case m.Mode&0o111 != 0 && m.Mode.IsRegular():
		c.Kind = KindExecutable
	}
	switch {
	case closeInText || closeSingle && (c.Kind == KindDirectory || c.Suffix == NoSuffix):
		c.Text += string(q)
	case closeSingle:
		c.Suffix = string(q) + " "
	}
	if f.VisibleStats || c.Text != m.Name {
		c.Display = m.Name + statChar(m.Mode, f.VisibleStats)
	}
	return c
}

// StatChar is the character readline's visible-stats (and ls -F) shows
// after a file of the given mode: '/' directory, '%' character device,
// '#' block device, '@' symbolic link, '=' socket, '|' FIFO, '*'
// executable; 0 for none. The editor's list display uses it too.
func StatChar(mode fs.FileMode) byte {
	switch {
	case mode.IsDir():
		return '/'
	case mode&fs.ModeCharDevice != 0:
		return '%'
	case mode&fs.ModeDevice != 0:
		return '#'
	case mode&fs.ModeSymlink != 0:
		return '@'
	case mode&fs.ModeSocket != 0:
		return '='
	case mode&fs.ModeNamedPipe != 0:
		return '|'
	case mode.IsRegular() && mode&0o111 != 0:
		return '*'
	}
	return 0
}

// statChar is StatChar as a suffix, empty unless visible.
func statChar(mode fs.FileMode, visible bool) string {
	if c := StatChar(mode); visible && c != 0 {
		return string(c)
	}
	return ""
}
