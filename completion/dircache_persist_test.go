package completion

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
)

// oldDir is a directory with entries, last modified an hour ago: its
// listing in memory is not racy.
func oldDir(t *testing.T, entries ...string) string {
	t.Helper()
	dir := fileTree(t, entries...)
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(dir, old, old); err != nil {
		t.Fatal(err)
	}
	return dir
}

// settle waits until the change times of dirs are racyWindow old, so
// that their listings are stored. (A change time is never set back, as a
// modification time may be.)
func settle(t *testing.T, dirs ...string) {
	t.Helper()
	var last time.Time
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if ctime := idOf(fi).ctime; ctime.After(last) {
			last = ctime
		}
	}
	time.Sleep(time.Until(last.Add(racyWindow + 10*time.Millisecond)))
}

// settledDirs returns n directories made by oldDir, once their listings
// can be stored: the wait is shared.
func settledDirs(t *testing.T, n int, entries ...string) []string {
	t.Helper()
	dirs := make([]string, n)
	for i := range dirs {
		dirs[i] = oldDir(t, entries...)
	}
	settle(t, dirs...)
	return dirs
}

// persistCache is a DirCache that stores every listing in a new
// directory.
func persistCache(t *testing.T) *DirCache {
	return &DirCache{Persist: filepath.Join(t.TempDir(), "dirs"), PersistMin: 1}
}

// storedFile returns the path of the listing file of dir in c.Persist.
func storedFile(t *testing.T, c *DirCache, dir string) string {
	t.Helper()
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(c.Persist, listingFileName(idOf(fi).key()))
}

// store lists dir with c and waits for the listing to be written.
func store(t *testing.T, c *DirCache, dir string) {
	t.Helper()
	if _, err := c.list(dir); err != nil {
		t.Fatal(err)
	}
	c.Flush()
}

// addGhost adds the entry "ghost" to the stored listing file, leaving
// everything else as it is: a listing that shows it was read from the
// file, not from the directory, which has no such entry.
func addGhost(t *testing.T, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	k, path, names, types, ok := decodeListing(data)
	if !ok {
		t.Fatalf("%s: not a listing file", file)
	}
	data = encodeListing(k, path, append(names, "ghost"), append(types, 0))
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// ghostListing stores the listing of dir in a new Persist directory and
// adds "ghost" to it; it returns the cache that stored it and the file.
func ghostListing(t *testing.T, dir string) (*DirCache, string) {
	t.Helper()
	c := persistCache(t)
	store(t, c, dir)
	file := storedFile(t, c, dir)
	addGhost(t, file)
	return c, file
}

// matchNames returns the names of the entries of dir starting with
// prefix, as c lists them, once c has stored what it stores.
func matchNames(c *DirCache, dir, prefix string) []string {
	_, got := (&Files{Dir: dir, Cache: c}).Match(prefix)
	c.Flush()
	return names(got)
}

// TestDirCachePersistReuse checks that a new DirCache completes from the
// stored listing without reading the directory, with the entries and
// types reading it gives, and that the files are the user's alone.
func TestDirCachePersistReuse(t *testing.T) {
	t.Parallel() // most of it is waiting for settle
	entries := append([]string{"sub/", "link->sub", "plain"}, oddNames...)
	dir := fileTree(t, entries...)
	mkfifo(t, filepath.Join(dir, "fifo"))
	old := time.Now().Add(-time.Hour)
	os.Chtimes(dir, old, old)
	settle(t, dir)
	c := persistCache(t)
	store(t, c, dir)
	file := storedFile(t, c, dir)
	for _, p := range []struct {
		path string
		perm fs.FileMode
	}{{c.Persist, 0o700}, {file, 0o600}} {
		fi, err := os.Stat(p.path)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm&^p.perm != 0 {
			t.Errorf("%s: mode %v, want no more than %v", p.path, perm, p.perm)
		}
	}

	fresh := &DirCache{Persist: c.Persist}
	l, err := fresh.list(dir)
	if err != nil {
		t.Fatal(err)
	}
	names, types, err := scanDir(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(l.names, names) || !reflect.DeepEqual(l.types, types) {
		t.Errorf("stored listing %q %v, directory %q %v", l.names, l.types, names, types)
	}

	addGhost(t, file)
	if got := matchNames(&DirCache{Persist: c.Persist}, dir, "gh"); !reflect.DeepEqual(got, []string{"ghost"}) {
		t.Errorf("a new DirCache read the directory: %q", got)
	}
	// The cache without Persist reads the directory.
	if got := matchNames(&DirCache{}, dir, "gh"); got != nil {
		t.Errorf("without Persist: %q", got)
	}
}

// TestDirCachePersistChanges checks that a change to the directory, even
// one whose modification time is set back as it was, makes the stored
// listing unused, as does another path to the same directory.
func TestDirCachePersistChanges(t *testing.T) {
	t.Parallel() // most of it is waiting for settle
	cases := []struct {
		name   string
		change func(t *testing.T, dir string) string // returns the directory to list
		want   []string
	}{
		{"added", func(t *testing.T, dir string) string {
			os.WriteFile(filepath.Join(dir, "new"), nil, 0o644)
			return dir
		}, []string{"a", "b", "new"}},
		{"removed", func(t *testing.T, dir string) string {
			os.Remove(filepath.Join(dir, "b"))
			return dir
		}, []string{"a"}},
		{"renamed", func(t *testing.T, dir string) string {
			os.Rename(filepath.Join(dir, "b"), filepath.Join(dir, "c"))
			return dir
		}, []string{"a", "c"}},
		{"another path", func(t *testing.T, dir string) string {
			// The same directory by another name: a listing is used
			// for the path it was stored for only.
			link := filepath.Join(t.TempDir(), "link")
			if err := os.Symlink(dir, link); err != nil {
				t.Fatal(err)
			}
			return link
		}, []string{"a", "b"}},
	}
	dirs := settledDirs(t, len(cases), "a", "b")
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := dirs[i]
			c, _ := ghostListing(t, dir)
			fi, _ := os.Stat(dir)
			list := tc.change(t, dir)
			if list == dir {
				// The modification time as it was: only the change time
				// (and the size, maybe) tell.
				os.Chtimes(dir, fi.ModTime(), fi.ModTime())
			}
			got := slices.Sorted(slices.Values(matchNames(&DirCache{Persist: c.Persist, PersistMin: 1}, list, "")))
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("listed %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDirCachePersistNotStored checks that a listing is not stored when
// the directory changed too recently (racy), even if its modification
// time says otherwise, when its modification time is in the future, or
// when it is smaller than PersistMin; and that it is stored otherwise.
func TestDirCachePersistNotStored(t *testing.T) {
	t.Parallel() // most of it is waiting for settle
	cases := []struct {
		name   string
		mtime  time.Duration // from now; 0 leaves it as it is
		settle bool          // listed once the change time is old
		min    int
		stored bool
	}{
		{"racy", 0, false, 1, false},
		{"changed, modification time set back", -time.Hour, false, 1, false},
		{"future", time.Hour, true, 1, false},
		{"small", -time.Hour, true, 4, false}, // "x", "." and ".."
		{"small by default", -time.Hour, true, 0, false},
		{"stored", -time.Hour, true, 3, true},
	}
	dirs := make([]string, len(cases))
	for i, tc := range cases {
		dirs[i] = fileTree(t, "x")
		if tc.mtime != 0 {
			m := time.Now().Add(tc.mtime)
			os.Chtimes(dirs[i], m, m)
		}
	}
	check := func(i int) {
		tc := cases[i]
		t.Run(tc.name, func(t *testing.T) {
			c := persistCache(t)
			c.PersistMin = tc.min
			store(t, c, dirs[i])
			if _, err := os.Stat(storedFile(t, c, dirs[i])); (err == nil) != tc.stored {
				t.Errorf("stored %v: %v", tc.stored, err)
			}
		})
	}
	for i, tc := range cases {
		if !tc.settle {
			check(i)
		}
	}
	settle(t, dirs...)
	for i, tc := range cases {
		if tc.settle {
			check(i)
		}
	}
}

// TestDirCachePersistDamaged checks that a damaged, foreign or unreadable
// listing file is not used, and is replaced by the listing of the
// directory.
func TestDirCachePersistDamaged(t *testing.T) {
	t.Parallel() // most of it is waiting for settle
	cases := []struct {
		name   string
		damage func(t *testing.T, file string)
	}{
		{"empty", func(t *testing.T, file string) { os.Truncate(file, 0) }},
		{"truncated", func(t *testing.T, file string) {
			fi, _ := os.Stat(file)
			os.Truncate(file, fi.Size()-1)
		}},
		{"byte changed", func(t *testing.T, file string) {
			data, _ := os.ReadFile(file)
			data[len(data)-1] ^= 1
			os.WriteFile(file, data, 0o600)
		}},
		{"foreign", func(t *testing.T, file string) { os.WriteFile(file, []byte("#!/bin/sh\necho hello\n"), 0o600) }},
		{"next version", func(t *testing.T, file string) {
			data, _ := os.ReadFile(file)
			data[8]++
			os.WriteFile(file, withChecksum(data), 0o600)
		}},
		{"directory", func(t *testing.T, file string) {
			os.Remove(file)
			os.Mkdir(file, 0o700)
		}},
	}
	dirs := settledDirs(t, len(cases), "a", "b")
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := dirs[i]
			c, file := ghostListing(t, dir)
			tc.damage(t, file)
			c2 := &DirCache{Persist: c.Persist, PersistMin: 1}
			if got := matchNames(c2, dir, ""); len(got) != 2 || slices.Contains(got, "ghost") {
				t.Errorf("listed %q", got)
			}
			c2.Flush()
			if tc.name == "directory" {
				return // not replaced: rename does not replace a directory
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, names, _, ok := decodeListing(data); !ok || len(names) != 4 { // with "." and ".."
				t.Errorf("not stored again: %q, %v", names, ok)
			}
		})
	}
}

// TestDirCachePersistCap checks that a Persist directory keeps at most
// persistMaxFiles listings, removing the least recently used (a load
// counts as a use), along with temporary files left long ago, and leaves
// other files alone.
func TestDirCachePersistCap(t *testing.T) {
	t.Parallel() // most of it is waiting for settle
	c := persistCache(t)
	base := time.Now().Add(-time.Hour)
	dirs := make([]string, persistMaxFiles+1)
	files := make([]string, len(dirs))
	for i := range dirs {
		dirs[i] = oldDir(t, fmt.Sprint("f", i))
	}
	settle(t, dirs...)
	for i := range persistMaxFiles {
		store(t, c, dirs[i])
		files[i] = storedFile(t, c, dirs[i])
		// Stored one second after the other.
		at := base.Add(time.Duration(i) * time.Second)
		if err := os.Chtimes(files[i], at, at); err != nil {
			t.Fatal(err)
		}
	}
	foreign := filepath.Join(c.Persist, "notes.txt")
	staleTmp := filepath.Join(c.Persist, tempPrefix+"123")
	freshTmp := filepath.Join(c.Persist, tempPrefix+"456")
	for _, f := range []string{foreign, staleTmp, freshTmp} {
		os.WriteFile(f, nil, 0o600)
	}
	os.Chtimes(staleTmp, base, base)
	// Listing 0, the oldest, is used by a new process: 1 is now the
	// least recently used.
	if got := matchNames(&DirCache{Persist: c.Persist}, dirs[0], "f"); !reflect.DeepEqual(got, []string{"f0"}) {
		t.Fatalf("listing 0: %q", got)
	}
	last := len(dirs) - 1
	store(t, c, dirs[last])
	files[last] = storedFile(t, c, dirs[last])

	for i, f := range files {
		_, err := os.Stat(f)
		if gone := os.IsNotExist(err); gone != (i == 1) {
			t.Errorf("listing %d: %v", i, err)
		}
	}
	for f, keep := range map[string]bool{foreign: true, freshTmp: true, staleTmp: false} {
		if _, err := os.Stat(f); (err == nil) != keep {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
}

// TestDirCacheFlushIdle checks that Flush returns at once when nothing
// is being stored, with Persist or without.
func TestDirCacheFlushIdle(t *testing.T) {
	done := make(chan struct{})
	go func() {
		(&DirCache{}).Flush()
		c := persistCache(t)
		c.PersistMin = 100
		c.list(oldDir(t, "a"))
		c.Flush()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Flush did not return")
	}
}
