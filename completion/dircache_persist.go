package completion

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// A DirCache with Persist set keeps the listings of big directories on
// disk too, one file a directory (listingfile.go), so that a new process
// completes in a directory listed before without reading it: reading
// 100,000 entries from the kernel takes tens of milliseconds, loading
// them from a file a few. A stored listing is used only when the
// directory's device, inode, modification and change times (to the
// nanosecond) and size are those it was stored with, and only listings
// read at least racyWindow after the directory's modification and change
// times are stored, so that a stored listing is as current as reading
// the directory. The change time counts here, where the listing in
// memory looks at the modification time only: a program that sets the
// modification time back (tar, rsync, touch) leaves the change time to
// tell a later change in the same clock tick, and a stored listing, if
// wrong, would stay wrong in every new process until the directory
// changes again. Files are written in the background, to a temporary
// file renamed into place: a reader sees a whole file or none.

// DefaultPersistMin is how many entries a directory must have for its
// listing to be stored when DirCache.PersistMin is 0. Reading a
// directory of fewer entries takes a millisecond or so: not worth a
// write, nor one of the persistMaxFiles files kept.
const DefaultPersistMin = 4096

// persistMaxFiles is how many listing files a Persist directory keeps:
// storing one more removes the least recently used (by modification
// time, which a load renews). At 12 bytes an entry of 10-byte names, 64
// listings of 100,000 entries take some 80 MB; most directories are far
// smaller.
const persistMaxFiles = 64

// maxListingFile is the size of the largest listing file read: more is
// not a listing this package wrote (tens of millions of entries).
const maxListingFile = 256 << 20

// listingSuffix ends the name of every listing file, which is
// "DEV-INO.listing" in hexadecimal: a directory's path may hold any
// byte, and its device and inode name it as well.
const listingSuffix = ".listing"

// tempPrefix starts the name of a listing file being written.
const tempPrefix = ".tmp-"

// staleTemp is how old a temporary file must be to be removed as left by
// a process that ended while writing it.
const staleTemp = 10 * time.Minute

// listingFileName returns the name of the listing file of the directory
// whose stat is k.
func listingFileName(k statKey) string {
	return fmt.Sprintf("%x-%x%s", k.dev, k.ino, listingSuffix)
}

// persistPath returns the path dir is stored under, absolute and clean,
// and whether dir can be stored at all: not where the system gives no
// inode.
func (c *DirCache) persistPath(dir string, id dirID) (string, bool) {
	if c.Persist == "" || id.ino == 0 {
		return "", false
	}
	abs, err := filepath.Abs(dir)
	return abs, err == nil
}

// loadStored returns the stored listing of dir, whose identity is id, or
// nil when there is none that is current.
func (c *DirCache) loadStored(dir string, id dirID) *listing {
	path, ok := c.persistPath(dir, id)
	if !ok {
		return nil
	}
	want := id.key()
	file := filepath.Join(c.Persist, listingFileName(want))
	data := readListingFile(file, want)
	if data == nil {
		return nil
	}
	k, p, names, types, ok := decodeListing(data)
	if !ok || k != want || p != path {
		return nil
	}
	// A listing used is kept longest when files are removed.
	now := time.Now()
	os.Chtimes(file, now, now) //nolint:errcheck // only the order of removal suffers
	return &listing{id: id, names: names, types: types}
}

// readListingFile returns the listing file name if its header says it
// is of the directory whose stat is want, or nil. The file is not read
// further when the directory changed since it was stored, which a
// directory changed often would otherwise cost at every completion.
func readListingFile(name string, want statKey) []byte {
	fi, err := os.Stat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() < listingHeaderSize || fi.Size() > maxListingFile {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data[:listingHeaderSize]); err != nil || headerKey(data) != want {
		return nil
	}
	if _, err := io.ReadFull(f, data[listingHeaderSize:]); err != nil {
		return nil
	}
	return data
}

// storeLater writes l, the listing of dir whose reading started at
// start, to the Persist directory in the background, if it is to be
// stored: big enough, and read racyWindow or more after the directory's
// last change.
func (c *DirCache) storeLater(dir string, l *listing, start time.Time) {
	least := c.PersistMin
	if least <= 0 {
		least = DefaultPersistMin
	}
	path, ok := c.persistPath(dir, l.id)
	if !ok || len(l.names) < least || start.Sub(l.id.mtime) < racyWindow || start.Sub(l.id.ctime) < racyWindow {
		return
	}
	c.mu.Lock()
	c.storing++
	c.mu.Unlock()
	go func() {
		defer c.stored()
		c.store(path, l)
	}()
}

// stored counts a background write as done.
func (c *DirCache) stored() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.storing--
	if c.storing == 0 && c.flushed != nil {
		c.flushed.Broadcast()
	}
}

// Flush waits until the listings being written to the Persist directory
// are written. A process that ends without it may leave a listing not
// stored, which costs the next process a read of the directory, and a
// temporary file, which a store ten minutes later or more removes.
func (c *DirCache) Flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.storing > 0 {
		if c.flushed == nil {
			c.flushed = sync.NewCond(&c.mu)
		}
		c.flushed.Wait()
	}
}

// store writes the listing l of the directory at path, then removes the
// files beyond persistMaxFiles. Errors are dropped: the listing is not
// stored, and the directory is read again next time.
func (c *DirCache) store(path string, l *listing) {
	k := l.id.key()
	data := encodeListing(k, path, l.names, l.types)
	// A listing tells what a directory holds, which the directory's
	// permissions may hide from other users: Persist is made 0700, and
	// os.CreateTemp makes the files 0600.
	if os.MkdirAll(c.Persist, 0o700) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.Persist, tempPrefix+"*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	name := listingFileName(k)
	if os.Rename(tmp.Name(), filepath.Join(c.Persist, name)) != nil {
		os.Remove(tmp.Name())
		return
	}
	c.prune(name)
}

// prune removes the least recently used listing files beyond
// persistMaxFiles, but not keep, the one just stored, and temporary files
// left by processes that ended while writing. Other files are left
// alone: the directory may not be the package's alone.
func (c *DirCache) prune(keep string) {
	entries, err := os.ReadDir(c.Persist)
	if err != nil {
		return
	}
	type stored struct {
		name  string
		mtime time.Time
	}
	var files []stored
	for _, e := range entries {
		name := e.Name()
		fi, err := e.Info()
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		switch {
		case strings.HasPrefix(name, tempPrefix):
			if time.Since(fi.ModTime()) > staleTemp {
				os.Remove(filepath.Join(c.Persist, name))
			}
		case strings.HasSuffix(name, listingSuffix) && name != keep:
			files = append(files, stored{name, fi.ModTime()})
		}
	}
	extra := len(files) + 1 - persistMaxFiles // keep is one of them
	if extra <= 0 {
		return
	}
	slices.SortFunc(files, func(a, b stored) int { return a.mtime.Compare(b.mtime) })
	for _, f := range files[:extra] {
		os.Remove(filepath.Join(c.Persist, f.name))
	}
}
