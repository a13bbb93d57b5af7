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

// fileTree makes a directory with files, directories (names ending in
// "/") and links ("name->target").
func fileTree(t testing.TB, entries ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, e := range entries {
		name, target, link := strings.Cut(e, "->")
		p := filepath.Join(dir, name)
		var err error
		switch {
		case link:
			err = os.Symlink(target, p)
		case strings.HasSuffix(name, "/"):
			err = os.MkdirAll(p, 0o755)
		default:
			os.MkdirAll(filepath.Dir(p), 0o755)
			err = os.WriteFile(p, nil, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func names(ms []FileMatch) []string {
	var out []string
	for _, m := range ms {
		n := m.Name
		if m.Dir {
			n += "/"
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func TestFilesMatch(t *testing.T) {
	dir := fileTree(t, "alpha", "Alpine", "a b", ".hidden", "dir/", "dir/inner", "dirlink->dir", "my-file", "my_other", "dead->nowhere")
	home := fileTree(t, "Documents/", "notes")
	t.Setenv("GOSH_TEST_DIR", dir)
	tests := []struct {
		f    Files
		word string
		want []string
	}{
		{Files{}, "al", []string{"alpha"}},
		{Files{}, "", []string{".hidden", "Alpine", "a b", "alpha", "dead", "dir/", "dirlink/", "my-file", "my_other"}},
		{Files{SkipHidden: true}, "", []string{"Alpine", "a b", "alpha", "dead", "dir/", "dirlink/", "my-file", "my_other"}},
		{Files{SkipHidden: true}, ".h", []string{".hidden"}},
		{Files{}, ".", []string{"../", "./", ".hidden"}},
		{Files{IgnoreCase: true}, "AL", []string{"Alpine", "alpha"}},
		{Files{IgnoreCase: true}, "my-", []string{"my-file"}},
		{Files{IgnoreCase: true, MapCase: true}, "MY-", []string{"my-file", "my_other"}},
		{Files{DirsOnly: true}, "", []string{"dir/", "dirlink/"}},
		{Files{}, "dir/", []string{"inner"}},
		{Files{}, "dirlink/i", []string{"inner"}},
		{Files{}, "~/D", []string{"Documents/"}},
		{Files{}, "~nosuchuser/", nil},
		{Files{}, "$GOSH_TEST_DIR/al", nil}, // compgen does not expand $VAR
		{Files{Getenv: os.LookupEnv}, "$GOSH_TEST_DIR/al", []string{"alpha"}},
		{Files{Getenv: os.LookupEnv}, "${GOSH_TEST_DIR}/al", []string{"alpha"}},
		{Files{}, "nothing/", nil},
	}
	for _, tt := range tests {
		f := tt.f
		f.Dir = dir
		f.Home = func(user string) (string, bool) { return home, user == "" }
		_, got := f.Match(tt.word)
		if !reflect.DeepEqual(names(got), tt.want) {
			t.Errorf("%+v Match(%q) = %q, want %q", tt.f, tt.word, names(got), tt.want)
		}
	}
}

func TestFilesUnreadable(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads every directory")
	}
	dir := fileTree(t, "locked/", "locked/x")
	os.Chmod(filepath.Join(dir, "locked"), 0)
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	f := Files{Dir: dir}
	if _, got := f.Match("locked/"); got != nil {
		t.Errorf("matches in an unreadable directory: %v", got)
	}
}

func TestFilesCompleteWord(t *testing.T) {
	dir := fileTree(t, "a b", "a c", "x$y", "dd ir/", "lnk->dd ir", "sub/", "sub/file one", "solo", "it's")
	os.Chmod(filepath.Join(dir, "solo"), 0o755)
	type cand struct {
		Text, Suffix string
		Kind         Kind
	}
	tests := []struct {
		line  string
		start int // Result.Start
		want  []cand
	}{
		{"ls a", 3, []cand{{`a\ b`, "", KindFile}, {`a\ c`, "", KindFile}}},
		{"ls x", 3, []cand{{`x\$y`, "", KindFile}}},
		{"ls dd", 3, []cand{{`dd\ ir`, "", KindDirectory}}},
		{"ls ln", 3, []cand{{"lnk", NoSuffix, KindSymlink}}},
		{"ls lnk", 3, []cand{{"lnk", "", KindDirectory}}},
		{`ls "dd`, 3, []cand{{`"dd ir"`, "", KindDirectory}}},
		{`ls "a`, 3, []cand{{`"a b`, "", KindFile}, {`"a c`, "", KindFile}}},
		{`ls "x`, 3, []cand{{`"x\$y`, `" `, KindFile}}},
		{`ls 'it`, 3, []cand{{`'it'\''s`, "' ", KindFile}}},
		{"ls sub/f", 7, []cand{{`file\ one`, "", KindFile}}},
		{`ls "sub/f`, 8, []cand{{`file one`, `" `, KindFile}}},
		{`ls sub/"f`, 7, []cand{{`"file one`, `" `, KindFile}}},
		{"ls so", 3, []cand{{"solo", "", KindFile}}}, // no Stat: no permission bits
	}
	for _, tt := range tests {
		f := Files{Dir: dir}
		r := f.Complete(tt.line, len(tt.line))
		var got []cand
		for _, c := range r.Candidates {
			got = append(got, cand{c.Text, c.Suffix, c.Kind})
		}
		slices.SortFunc(got, func(a, b cand) int { return strings.Compare(a.Text, b.Text) })
		if r.Start != tt.start || r.End != len(tt.line) || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Complete(%q) = %d %+v, want %d %+v", tt.line, r.Start, got, tt.start, tt.want)
		}
	}
	f := Files{Dir: dir, VisibleStats: true}
	r := f.Complete("ls so", 5)
	if len(r.Candidates) != 1 || r.Candidates[0].Kind != KindExecutable || r.Candidates[0].Display != "solo*" || r.Candidates[0].Mode&0o111 == 0 {
		t.Errorf("visible-stats: %+v", r.Candidates)
	}
}

func TestHomeDir(t *testing.T) {
	t.Setenv("HOME", "/some/home")
	if h, ok := HomeDir(""); !ok || h != "/some/home" {
		t.Errorf("HomeDir(\"\") = %q, %v", h, ok)
	}
	if _, ok := HomeDir("no such user here"); ok {
		t.Errorf("found a home for a missing user")
	}
}

func TestDirentOrder(t *testing.T) {
	// readDir returns "." and ".." and every entry once, with types.
	dir := fileTree(t, "f", "d/", "l->f")
	got := map[string]fs.FileMode{}
	readDir(dir, func(name []byte, typ fs.FileMode) { got[string(name)] = typ })
	want := map[string]fs.FileMode{".": fs.ModeDir, "..": fs.ModeDir, "f": 0, "d": fs.ModeDir, "l": fs.ModeSymlink}
	for n, typ := range want {
		if g, ok := got[n]; !ok || g != typ && g != ^fs.FileMode(0) {
			t.Errorf("%s: %v %v", n, g, ok)
		}
	}
	if len(got) != len(want) {
		t.Errorf("entries %v", got)
	}
}

func TestDirCache(t *testing.T) {
	dir := fileTree(t, "one", "two")
	old := time.Now().Add(-time.Hour)
	os.Chtimes(dir, old, old)
	c := &DirCache{MaxDirs: 3}
	f := Files{Dir: dir, Cache: c}
	if _, got := f.Match("t"); !reflect.DeepEqual(names(got), []string{"two"}) {
		t.Fatalf("first: %q", names(got))
	}
	// A new entry changes the directory: the listing is read again.
	os.WriteFile(filepath.Join(dir, "three"), nil, 0o644)
	if _, got := f.Match("t"); !reflect.DeepEqual(names(got), []string{"three", "two"}) {
		t.Errorf("after adding: %q", names(got))
	}
	// An unchanged directory comes from the cache (checked by hiding a
	// change behind the old times).
	os.Chtimes(dir, old, old)
	f.Match("t")
	l := c.dirs[dir]
	if l == nil || l.racy {
		t.Fatalf("listing %+v", l)
	}
	l.names = append(l.names, "tcached")
	l.types = append(l.types, 0)
	if _, got := f.Match("tc"); !reflect.DeepEqual(names(got), []string{"tcached"}) {
		t.Errorf("cache not used: %q", names(got))
	}
	// A directory that just changed is racy: read again each time.
	fresh := fileTree(t, "x")
	f.Dir = fresh
	f.Match("")
	if l := c.dirs[fresh]; l == nil || !l.racy {
		t.Errorf("fresh listing not racy: %+v", l)
	}
	// Prefetch and Has.
	if c.Has(fresh) {
		t.Errorf("Has: a racy listing is not current")
	}
	pre := fileTree(t, "p")
	os.Chtimes(pre, old, old)
	if c.Has(pre) {
		t.Errorf("Has before Prefetch")
	}
	c.Prefetch(pre)
	if !c.Has(pre) {
		t.Errorf("Prefetch did not keep the listing")
	}
	// The directory as typed, "/a/b/", is the listing of "/a/b".
	n := len(c.dirs)
	if _, got := (&Files{Cache: c}).Match(pre + "/p"); !reflect.DeepEqual(names(got), []string{"p"}) || len(c.dirs) != n {
		t.Errorf("%q: %q, %d listings (%d before)", pre+"/p", names(got), len(c.dirs), n)
	}
	os.WriteFile(filepath.Join(pre, "q"), nil, 0o644)
	if c.Has(pre) {
		t.Errorf("Has after a change")
	}
	// At most MaxDirs listings.
	f.Dir = fileTree(t, "y")
	f.Match("")
	f.Dir = fileTree(t, "z")
	f.Match("")
	if len(c.dirs) != 3 {
		t.Errorf("%d listings kept", len(c.dirs))
	}
}

// TestDirCacheJoinsRead checks that a completion waits for a read of the
// same unchanged directory under way (a prefetch) rather than reading it
// again, but not for a directory changed too recently to tell.
func TestDirCacheJoinsRead(t *testing.T) {
	for _, racy := range []bool{false, true} {
		dir := fileTree(t, "a")
		if !racy {
			old := time.Now().Add(-time.Hour)
			os.Chtimes(dir, old, old)
		}
		fi, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		c := &DirCache{}
		p := &pendingRead{id: idOf(fi), done: make(chan struct{})}
		c.reading = map[string]*pendingRead{dir: p}
		got := make(chan *listing, 1)
		go func() {
			l, _ := c.list(dir)
			got <- l
		}()
		sentinel := &listing{names: []string{"from the read under way"}}
		select {
		case l := <-got:
			if !racy {
				t.Fatalf("did not wait for the read under way: %q", l.names)
			}
			if !slices.Contains(l.names, "a") {
				t.Errorf("racy directory: %q", l.names)
			}
		case <-time.After(200 * time.Millisecond):
			if racy {
				t.Fatal("waited for a read of a racy directory")
			}
			p.l = sentinel
			close(p.done)
			if l := <-got; l != sentinel {
				t.Errorf("got %q, not the listing read under way", l.names)
			}
		}
	}
}
