package completion

import (
	"io/fs"
	"os"
	"sync"
	"syscall"
	"time"
)

// A DirCache keeps the listings of directories that file completion has
// read, so that completing again in a big directory costs one stat
// instead of reading every entry. A listing is read again when the
// directory's modification or change time, inode or size differs, which
// adding, removing or renaming an entry does; a listing read less than
// two seconds after the directory's modification time is not trusted,
// since a change in the same clock tick would not show in its times. Its methods
// are safe for concurrent use; the zero value is ready.
type DirCache struct {
	// MaxDirs bounds how many listings are kept (16 when 0); the least
	// recently used goes first.
	MaxDirs int

	mu    sync.Mutex
	dirs  map[string]*listing
	clock uint64
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
	mtime, ctime time.Time
	ino, size    uint64
}

func idOf(fi fs.FileInfo) dirID {
	id := dirID{mtime: fi.ModTime(), size: uint64(fi.Size())}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		id.ino = st.Ino
		id.ctime = time.Unix(int64(st.Ctim.Sec), int64(st.Ctim.Nsec))
	}
	return id
}

// racyWindow is how recent a change may be for a listing not to be
// trusted.
const racyWindow = 2 * time.Second

// list returns the listing of dir, from the cache when it is current.
func (c *DirCache) list(dir string) (*listing, error) {
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
	c.mu.Unlock()
	l := &listing{id: id}
	err = readDir(dir, func(name []byte, typ fs.FileMode) {
		l.names = append(l.names, string(name))
		l.types = append(l.types, typ)
	})
	if err != nil {
		return nil, err
	}
	now := time.Now()
	l.racy = now.Sub(id.mtime) < racyWindow
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
