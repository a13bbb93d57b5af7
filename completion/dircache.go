package completion

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// A DirCache keeps the listings of directories that file completion has
// read, so that completing again in a big directory costs one stat
// instead of reading every entry. A listing is read again when the
// directory's modification or change time, inode or size differs, which
// adding, removing or renaming an entry does; a listing read less than
// two seconds after the directory's modification time is not trusted,
// since a change in the same clock tick would not show in its times.
// With Persist set, the listings of big directories are kept on disk
// as well, for the next process (dircache_persist.go). Its methods are
// safe for concurrent use; the zero value is ready, and keeps listings
// in memory only. Its fields must not change once it is in use.
type DirCache struct {
	// MaxDirs bounds how many listings are kept in memory (16 when 0);
	// the least recently used goes first.
	MaxDirs int

	// Persist, when not "", is a directory where the listings of
	// directories with PersistMin entries or more are stored, so that
	// a completion in a new process finds them without reading the
	// directory. A stored listing is used while the directory's device,
	// inode, modification and change times and size are those it was
	// read with, and only a listing read two seconds or more after the
	// directory last changed is stored. Persist is made, mode 0700, when
	// a listing is first stored; the files are 0600, since a listing
	// tells what a directory holds, which the directory's own
	// permissions may hide from other users (a chmod of the directory
	// changes its change time: a listing is not used after it).
	// Use a directory of the user's own (gosh takes
	// $XDG_CACHE_HOME/gosh/dirs). It keeps at most 64 listings, the
	// least recently used removed first. Listings are written in the
	// background: Flush waits for them.
	Persist string

	// PersistMin is how many entries a directory must have for its
	// listing to be stored in Persist; 0 means DefaultPersistMin.
	PersistMin int

	mu      sync.Mutex
	dirs    map[string]*listing
	reading map[string]*pendingRead // reads under way, by directory
	clock   uint64
	storing int        // listings being written to Persist
	flushed *sync.Cond // on mu, signalled when storing drops to 0
}

// A pendingRead is a directory being read, which a completion of the
// same, unchanged directory waits for instead of reading it again (as
// when TAB comes while Prefetch reads).
type pendingRead struct {
	id   dirID
	done chan struct{} // closed when l and err are set
	l    *listing
	err  error
}

// listing is one directory's entries, in directory order.
type listing struct {
	id    dirID
	names []string
	types []fs.FileMode
	racy  bool   // read too soon after a change to be reused
	used  uint64 // DirCache.clock when last used
}

// dirID is what tells whether a directory changed.
type dirID struct {
	mtime, ctime   time.Time
	dev, ino, size uint64
}

// racyWindow is how recent a change may be for a listing not to be
// trusted.
const racyWindow = 2 * time.Second

// Prefetch reads the listing of dir into the cache unless the cache has
// it and it is current, so that a completion in dir soon after finds it.
// It is meant to run in the background: a shell calls it for its current
// directory while the prompt waits for keys. An error is not kept; the
// completion meets it again.
func (c *DirCache) Prefetch(dir string) {
	c.list(dir)
}

// Has reports whether the cache holds a listing of dir that is current:
// a completion in dir would not read it.
func (c *DirCache) Has(dir string) bool {
	dir = filepath.Clean(dir)
	fi, err := os.Stat(dir)
	if err != nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	l := c.dirs[dir]
	return l != nil && !l.racy && l.id == idOf(fi)
}

// list returns the listing of dir, from the cache when it is current.
func (c *DirCache) list(dir string) (*listing, error) {
	dir = filepath.Clean(dir) // "/a/b/" as typed and "/a/b" are one listing
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	id := idOf(fi)
	c.mu.Lock()
	c.clock++
	if l := c.dirs[dir]; l != nil && !l.racy && l.id == id {
		l.used = c.clock
		c.mu.Unlock()
		return l, nil
	}
	// A read of the directory as it is now, started by another caller,
	// will do, unless the directory changed too recently for its times to
	// tell (racy).
	racy := time.Since(id.mtime) < racyWindow
	if p := c.reading[dir]; p != nil && p.id == id && !racy {
		c.mu.Unlock()
		<-p.done
		return p.l, p.err
	}
	p := &pendingRead{id: id, done: make(chan struct{})}
	if !racy {
		if c.reading == nil {
			c.reading = map[string]*pendingRead{}
		}
		c.reading[dir] = p
	}
	c.mu.Unlock()
	l, err := c.read(dir, id)
	c.mu.Lock()
	if c.reading[dir] == p {
		delete(c.reading, dir)
	}
	c.mu.Unlock()
	p.l, p.err = l, err
	close(p.done)
	return l, err
}

// read reads dir, whose identity is id, from its stored listing if it
// has a current one, else from the directory, and keeps its listing.
func (c *DirCache) read(dir string, id dirID) (*listing, error) {
	l := c.loadStored(dir, id)
	if l == nil {
		start := time.Now()
		l = &listing{id: id}
		var err error
		l.names, l.types, err = scanDir(dir, nil)
		if err != nil {
			return nil, err
		}
		l.racy = time.Since(id.mtime) < racyWindow
		c.storeLater(dir, l, start)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dirs == nil {
		c.dirs = map[string]*listing{}
	}
	l.used = c.clock
	c.dirs[dir] = l
	max := c.MaxDirs
	if max <= 0 {
		max = 16
	}
	for len(c.dirs) > max {
		oldest := ""
		for d, x := range c.dirs {
			if oldest == "" || x.used < c.dirs[oldest].used {
				oldest = d
			}
		}
		delete(c.dirs, oldest)
	}
	return l, nil
}
