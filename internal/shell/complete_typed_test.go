package shell

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestTypedDir(t *testing.T) {
	for before, want := range map[string]string{
		"ls /usr/li":           "/usr",
		"ls /usr/lib/":         "/usr/lib",
		"cat src/main":         "/cwd/src",
		"cat ../x/y":           "/x",
		"vi ~/notes/a":         "/home/u/notes",
		"x=$(ls ./d/":          "/cwd/d",
		"cd /a|ls /b/c":        "/b",
		"echo abc":             "",
		"ls ~bob/x":            "",
		`ls "my dir"/x`:        "",
		"ls $HOME/x":           "",
		"ls /tmp/*/x":          "",
		"ls /tmp/a\\ b/x":      "",
		"grep -r foo --dir=/v": "/",
	} {
		if got := typedDir(before, "/cwd", "/home/u"); got != want {
			t.Errorf("typedDir(%q) = %q, want %q", before, got, want)
		}
	}
}

// TestTypedDirHinter: typing a path reads its directory into the
// completion cache before any TAB, and the wrapped hinter still hints.
func TestTypedDirHinter(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big")
	os.Mkdir(big, 0o755)
	for _, n := range []string{"alpha", "beta"} {
		os.WriteFile(filepath.Join(big, n), nil, 0o644)
	}
	// A listing of a directory changed in the last seconds is not
	// trusted (DirCache's racy window): make it older.
	old := time.Now().Add(-time.Hour)
	os.Chtimes(big, old, old)
	s, _, _ := newTestShell(t, Options{Dir: dir})
	h := typedDirHinter{s: s, next: hintFunc(func(line string, _ int) string { return "<" + line + ">" })}
	if shellDirCache.Has(big) {
		t.Fatal("the directory is cached before it was typed")
	}
	if got := h.Hint("ls big/al", len("ls big/al")); got != "<ls big/al>" {
		t.Errorf("hint %q", got)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !shellDirCache.Has(big) {
		if time.Now().After(deadline) {
			t.Fatal("the typed directory was not read")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type hintFunc func(string, int) string

func (f hintFunc) Hint(line string, cursor int) string { return f(line, cursor) }
