package completion

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// A PathCache lists the executables in the directories of $PATH. It reads
// a directory again only when its modification time has changed, which
// adding, removing or renaming a file in it does (or when it was read
// within two seconds of its last change, which the time may not show). Its methods are safe
// for concurrent use; the zero value is ready.
type PathCache struct {
	mu   sync.Mutex
	dirs map[string]*pathDir
}

// pathDir is what the cache holds for one directory.
type pathDir struct {
	mtime time.Time
	names []string // executables, in directory order
	racy  bool     // read too soon after a change to be reused
}

// Executables returns the executables on path (a $PATH value; an empty
// element is the current directory dir) whose names start with prefix:
// directory by directory in $PATH order, each in directory order. A name
// found in two directories is listed twice, as bash's compgen -c lists
// it. An executable is a regular file, or a link to one, with an execute
// bit set.
func (c *PathCache) Executables(path, dir, prefix string) []string {
	var out []string
	for _, d := range filepath.SplitList(path) {
		if d == "" {
			d = "."
		}
		if !filepath.IsAbs(d) && dir != "" {
			d = filepath.Join(dir, d)
		}
		for _, n := range c.dir(d) {
			if strings.HasPrefix(n, prefix) {
				out = append(out, n)
			}
		}
	}
	return out
}

// dir returns the executables of d, from the cache when d has not changed.
func (c *PathCache) dir(d string) []string {
	fi, err := os.Stat(d)
	if err != nil || !fi.IsDir() {
		return nil
	}
	c.mu.Lock()
	e := c.dirs[d]
	c.mu.Unlock()
	if e != nil && !e.racy && e.mtime.Equal(fi.ModTime()) {
		return e.names
	}
	e = &pathDir{mtime: fi.ModTime(), racy: time.Since(fi.ModTime()) < racyWindow}
	readDir(d, func(name []byte, typ fs.FileMode) {
		if typ.IsDir() || len(name) == 0 || name[0] == '.' && (len(name) == 1 || len(name) == 2 && name[1] == '.') {
			return
		}
		n := string(name)
		st, err := os.Stat(filepath.Join(d, n))
		if err != nil || !st.Mode().IsRegular() || st.Mode()&0o111 == 0 {
			return
		}
		e.names = append(e.names, n)
	})
	c.mu.Lock()
	if c.dirs == nil {
		c.dirs = map[string]*pathDir{}
	}
	c.dirs[d] = e
	c.mu.Unlock()
	return e.names
}

// Keywords are bash's reserved words, in the order compgen -k lists them.
var Keywords = []string{
	"if", "then", "else", "elif", "fi", "case", "esac", "for", "select",
	"while", "until", "do", "done", "in", "function", "time", "{", "}",
	"!", "[[", "]]", "coproc",
}

// Commands completes command names from the sources bash uses, in its
// order: aliases, reserved words, functions, built-ins, then executables
// on Path.
type Commands struct {
	Aliases, Keywords, Functions, Builtins []string
	Path                                   string     // the $PATH value
	Dir                                    string     // the current directory
	Cache                                  *PathCache // nil reads $PATH each time
}

// Candidates returns the commands starting with prefix, duplicates
// included, each with its kind.
func (c *Commands) Candidates(prefix string) []Candidate {
	var cs []Candidate
	add := func(names []string, k Kind) {
		for _, n := range names {
			if strings.HasPrefix(n, prefix) {
				cs = append(cs, Candidate{Text: n, Kind: k})
			}
		}
	}
	add(c.Aliases, KindAlias)
	add(c.Keywords, KindKeyword)
	add(c.Functions, KindFunction)
	add(c.Builtins, KindBuiltin)
	cache := c.Cache
	if cache == nil {
		cache = &PathCache{}
	}
	add(cache.Executables(c.Path, c.Dir, prefix), KindCommand)
	return cs
}
