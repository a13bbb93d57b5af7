package completion

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParsePasswd(t *testing.T) {
	const passwd = "root:x:0:0:root:/root:/bin/bash\n# comment\n\n+nis::::::\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/sh\nshort:x:1\n"
	got := ParsePasswd(strings.NewReader(passwd))
	want := []User{{"root", 0, "/root"}, {"bob", 1000, "/home/bob"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParsePasswd = %+v", got)
	}
	cs := UserCandidates(got, "ro")
	if len(cs) != 1 || cs[0].Text != "~root" || cs[0].Suffix != "/" {
		t.Errorf("UserCandidates = %+v", cs)
	}
	if g := ParseGroups(strings.NewReader("root:x:0:\nwheel:x:10:bob\nbad\n")); !reflect.DeepEqual(g, []string{"root", "wheel"}) {
		t.Errorf("ParseGroups = %q", g)
	}
}

func TestParseHosts(t *testing.T) {
	const hosts = "127.0.0.1 localhost a.b # c\n::1 localhost ip6-x\n# x y\n10.0.0.1\tzz\tzz2\n  \n$include other\nx#y z\n"
	got := ParseHosts(strings.NewReader(hosts), func(p string) []string { return []string{"from-" + p} })
	// What bash 5.2's compgen -A hostname lists for this file: an IPv6
	// address is taken for a name, as the line does not start with a digit.
	want := []string{"localhost", "a.b", "::1", "localhost", "ip6-x", "zz", "zz2", "from-other", "x#y", "z"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseHosts = %q, want %q", got, want)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a"), []byte("1.2.3.4 one\n$include "+filepath.Join(dir, "b")+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b"), []byte("1.2.3.5 two\n$include "+filepath.Join(dir, "b")+"\n"), 0o644)
	h := Hosts(filepath.Join(dir, "a"))
	if len(h) < 2 || h[0] != "one" || h[1] != "two" || len(h) > 12 {
		t.Errorf("Hosts = %q", h)
	}
	if cs := HostCandidates(h, "on"); len(cs) != 1 || cs[0].Text != "one" || cs[0].Kind != KindHost {
		t.Errorf("HostCandidates = %+v", cs)
	}
}

func FuzzParseHosts(f *testing.F) {
	f.Add("127.0.0.1 localhost # c\n::1 x\n$include\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range ParseHosts(strings.NewReader(s), nil) {
			if n == "" || strings.ContainsAny(n, " \t\r\n") || n[0] == '#' {
				t.Fatalf("bad name %q", n)
			}
		}
	})
}

func FuzzParsePasswd(f *testing.F) {
	f.Add("root:x:0:0:root:/root:/bin/bash\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, u := range ParsePasswd(strings.NewReader(s)) {
			if u.Name == "" || strings.ContainsAny(u.Name, ":\n") {
				t.Fatalf("bad user %+v", u)
			}
		}
		for _, g := range ParseGroups(strings.NewReader(s)) {
			if g == "" || strings.ContainsAny(g, ":\n") {
				t.Fatalf("bad group %q", g)
			}
		}
	})
}

func TestVariableCandidates(t *testing.T) {
	names := []string{"HOME", "HOSTNAME", "PATH"}
	isDir := func(n string) bool { return n == "HOME" }
	tests := []struct {
		word string
		want []string
		kind []Kind
	}{
		{"$HO", []string{"$HOME", "$HOSTNAME"}, []Kind{KindDirectory, KindVariable}},
		{"${HO", []string{"${HOME}", "${HOSTNAME}"}, []Kind{KindDirectory, KindVariable}},
		{"$P", []string{"$PATH"}, []Kind{KindVariable}},
		{"HO", nil, nil},
	}
	for _, tt := range tests {
		var got []string
		var kinds []Kind
		for _, c := range VariableCandidates(tt.word, names, isDir) {
			got = append(got, c.Text)
			kinds = append(kinds, c.Kind)
		}
		if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(kinds, tt.kind) {
			t.Errorf("VariableCandidates(%q) = %q %v", tt.word, got, kinds)
		}
	}
	if got := MatchPrefix([]string{"ab", "b", "ac"}, "a"); !reflect.DeepEqual(got, []string{"ab", "ac"}) {
		t.Errorf("MatchPrefix = %q", got)
	}
}

func TestPathCache(t *testing.T) {
	d1, d2 := t.TempDir(), t.TempDir()
	mk := func(dir, name string, mode os.FileMode) {
		if err := os.WriteFile(filepath.Join(dir, name), nil, mode); err != nil {
			t.Fatal(err)
		}
	}
	mk(d1, "gotool", 0o755)
	mk(d1, "gonotexec", 0o644)
	mk(d2, "gotool", 0o755)
	os.Mkdir(filepath.Join(d1, "godir"), 0o755)
	// Old enough for the listings to be trusted.
	old := time.Now().Add(-time.Hour)
	os.Chtimes(d1, old, old)
	os.Chtimes(d2, old, old)
	var c PathCache
	path := d1 + string(os.PathListSeparator) + d2
	if got := c.Executables(path, "", "go"); !reflect.DeepEqual(got, []string{"gotool", "gotool"}) {
		t.Errorf("Executables = %q", got)
	}
	// A new file changes the directory's mtime: the cache sees it.
	mk(d2, "gonew", 0o755)
	got := c.Executables(path, "", "gon")
	if !reflect.DeepEqual(got, []string{"gonew"}) {
		t.Errorf("after adding: %q", got)
	}
	// An unchanged directory is not read again: a file slipped in with
	// the old mtime stays unseen.
	st, _ := os.Stat(d1)
	mk(d1, "gohidden", 0o755)
	os.Chtimes(d1, st.ModTime(), st.ModTime())
	if got := c.Executables(d1, "", "gohid"); got != nil {
		t.Errorf("cache was not used: %q", got)
	}
	// An empty element is the current directory.
	if got := c.Executables("/nonexistent:", d1, "gotool"); len(got) != 1 {
		t.Errorf("empty PATH element: %q", got)
	}
	cmds := Commands{Aliases: []string{"gal"}, Keywords: Keywords, Functions: []string{"gfn"}, Builtins: []string{"getopts"}, Path: d2, Cache: &c}
	var texts []string
	var kinds []Kind
	for _, cand := range cmds.Candidates("g") {
		texts = append(texts, cand.Text)
		kinds = append(kinds, cand.Kind)
	}
	if !reflect.DeepEqual(texts[:3], []string{"gal", "gfn", "getopts"}) || kinds[0] != KindAlias || kinds[3] != KindCommand {
		t.Errorf("Commands = %q %v", texts, kinds)
	}
}
