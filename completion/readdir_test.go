package completion

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// oddNames are file names the listing must carry byte for byte.
var oddNames = []string{
	"new\nline", "tab\there", "bad\xffbyte", "\xc3", "back\\slash", `dq"uote`, "sq'uote",
	"sp ace", "star*", "-dash", "~tilde", "#hash", ".hid den", strings.Repeat("L", 255),
	"é-accent", "UPPER_case", "upper-CASE",
}

// forgetTypes makes every cached entry's type unknown, as on a file system
// whose directories give no d_type (DT_UNKNOWN).
func forgetTypes(t *testing.T, c *DirCache, dir string) {
	t.Helper()
	l := c.dirs[dir]
	if l == nil {
		t.Fatalf("no listing of %s", dir)
	}
	for i := range l.types {
		l.types[i] = ^fs.FileMode(0)
	}
}

// TestFilesListingPaths checks that reading the directory for each
// completion, a cached listing, and a listing without types (lstat for
// every match) give the same matches, in the same order, with the same
// modes.
func TestFilesListingPaths(t *testing.T) {
	entries := append([]string{"dir/", "dir/inner", "dirlink->dir", "filelink->plain", "dead->nowhere", "plain", "exe", "Dir2/"}, oddNames...)
	dir := fileTree(t, entries...)
	os.Chmod(filepath.Join(dir, "exe"), 0o755)
	mkfifo(t, filepath.Join(dir, "fifo"))
	old := time.Now().Add(-time.Hour)
	os.Chtimes(dir, old, old)
	files := []Files{
		{}, {SkipHidden: true}, {IgnoreCase: true}, {IgnoreCase: true, MapCase: true},
		{DirsOnly: true}, {MarkSymlinkedDirs: true}, {Stat: true}, {VisibleStats: true},
	}
	words := []string{"", ".", "..", "d", "D", "dir", "dirlink", "upper-", "UPPER-", "new\n", "bad\xff", "\xc3", "sq'", "L", "-", "~t", "#", "é", "É", "nomatch"}
	for _, base := range files {
		for _, word := range words {
			cold := base
			cold.Dir = dir
			_, want := cold.Match(word)
			wantC := cold.Complete("ls "+word, 3+len(word))

			cached := cold
			cached.Cache = &DirCache{}
			cached.Match(word) // fills the cache
			_, got := cached.Match(word)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%+v %q: cached %v, cold %v", base, word, got, want)
			}
			if gotC := cached.Complete("ls "+word, 3+len(word)); !reflect.DeepEqual(gotC, wantC) {
				t.Errorf("%+v %q: cached complete %+v, cold %+v", base, word, gotC, wantC)
			}
			forgetTypes(t, cached.Cache, dir)
			_, got = cached.Match(word)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%+v %q: without d_type %v, cold %v", base, word, got, want)
			}
			if gotC := cached.Complete("ls "+word, 3+len(word)); !reflect.DeepEqual(gotC, wantC) {
				t.Errorf("%+v %q: without d_type complete %+v, cold %+v", base, word, gotC, wantC)
			}
		}
	}
}

// TestFilesOddNames checks that names with any bytes but '/' and NUL
// complete to themselves.
func TestFilesOddNames(t *testing.T) {
	dir := fileTree(t, oddNames...)
	for _, name := range oddNames {
		f := Files{Dir: dir}
		_, got := f.Match(name)
		if !slices.ContainsFunc(got, func(m FileMatch) bool { return m.Name == name }) {
			t.Errorf("Match(%q) = %q", name, names(got))
		}
	}
	f := Files{Dir: dir}
	_, got := f.Match("")
	want := append([]string(nil), oddNames...)
	if g := names(got); !reflect.DeepEqual(g, sortedCopy(want)) {
		t.Errorf("Match(\"\") = %q, want %q", g, sortedCopy(want))
	}
}

func sortedCopy(s []string) []string {
	return slices.Sorted(slices.Values(s))
}

// TestScanDir checks scanDir against the names os.File.Readdirnames
// gives, in the same (directory) order, and its filter.
func TestScanDir(t *testing.T) {
	dir := fileTree(t, append([]string{"sub/", "lnk->sub"}, oddNames...)...)
	d, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	names, types, err := scanDir(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, n := range names {
		if n == "." || n == ".." {
			if types[i] != fs.ModeDir && types[i] != ^fs.FileMode(0) {
				t.Errorf("%s: type %v", n, types[i])
			}
			continue
		}
		got = append(got, n)
		fi, err := os.Lstat(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if types[i] != ^fs.FileMode(0) && types[i] != fi.Mode().Type() {
			t.Errorf("%q: type %v, lstat %v", n, types[i], fi.Mode().Type())
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scanDir %q\nReaddirnames %q", got, want)
	}
	if len(names) != len(want)+2 {
		t.Errorf("%d names with . and .., want %d", len(names), len(want)+2)
	}
	names, _, _ = scanDir(dir, func(name []byte) bool { return strings.HasPrefix(string(name), "s") })
	if !reflect.DeepEqual(sortedCopy(names), []string{"sp ace", "sq'uote", "star*", "sub"}) {
		t.Errorf("filtered: %q", names)
	}
	if _, _, err := scanDir(filepath.Join(dir, "missing"), nil); err == nil {
		t.Errorf("no error for a missing directory")
	}
}
