package terminfo

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestSearchDirs(t *testing.T) {
	sys := systemDirs
	for _, tc := range []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"nothing set", nil, sys},
		{"home", map[string]string{"HOME": "/h"}, append([]string{"/h/.terminfo"}, sys...)},
		{
			"all set",
			map[string]string{"TERMINFO": "/t", "HOME": "/h", "TERMINFO_DIRS": "/a:/b"},
			append([]string{"/t", "/h/.terminfo", "/a", "/b"}, sys...),
		},
		{
			"empty element means the system directories",
			map[string]string{"TERMINFO_DIRS": "/a::/b"},
			slices.Concat([]string{"/a"}, sys, []string{"/b"}),
		},
		{
			"leading and trailing colons",
			map[string]string{"TERMINFO_DIRS": ":/a:"},
			slices.Concat(sys, []string{"/a"}),
		},
		{
			"duplicates removed",
			map[string]string{"TERMINFO": "/t", "TERMINFO_DIRS": "/t:/lib/terminfo:/t"},
			[]string{"/t", "/lib/terminfo", "/etc/terminfo", "/usr/share/terminfo"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := searchDirs(func(k string) string { return tc.env[k] })
			if !slices.Equal(got, tc.want) {
				t.Errorf("searchDirs = %q, want %q", got, tc.want)
			}
		})
	}
}

// writeEntry compiles a tiny entry whose description is desc and stores it
// at dir/sub/term.
func writeEntry(t *testing.T, dir, sub, term, desc string) {
	t.Helper()
	data := build(magicLegacy, term+"|"+desc, capSet{strs: map[string]string{"kcuu1": "\x1b[A"}}).encode()
	writeFile(t, filepath.Join(dir, sub, term), data)
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// setEnv points the search path at fresh directories and returns them:
// $TERMINFO, $HOME, and two $TERMINFO_DIRS elements.
func setEnv(t *testing.T) (terminfo, home, dirs1, dirs2 string) {
	root := t.TempDir()
	terminfo, home = filepath.Join(root, "terminfo"), filepath.Join(root, "home")
	dirs1, dirs2 = filepath.Join(root, "d1"), filepath.Join(root, "d2")
	t.Setenv("TERMINFO", terminfo)
	t.Setenv("HOME", home)
	t.Setenv("TERMINFO_DIRS", dirs1+":"+dirs2)
	return
}

func loadDesc(t *testing.T, term string) string {
	t.Helper()
	ti, err := Load(term)
	if err != nil {
		t.Fatalf("Load(%q): %v", term, err)
	}
	return ti.Names[len(ti.Names)-1]
}

func TestLoadSearchOrder(t *testing.T) {
	const term = "gosh-order-test"
	terminfo, home, dirs1, dirs2 := setEnv(t)
	homeDir := filepath.Join(home, ".terminfo")

	writeEntry(t, dirs2, "g", term, "dirs2")
	if got := loadDesc(t, term); got != "dirs2" {
		t.Errorf("found %q, want the entry in the second TERMINFO_DIRS element", got)
	}
	writeEntry(t, dirs1, "67", term, "dirs1 hex")
	if got := loadDesc(t, term); got != "dirs1 hex" {
		t.Errorf("found %q, want the hex-layout entry in the first TERMINFO_DIRS element", got)
	}
	writeEntry(t, dirs1, "g", term, "dirs1")
	if got := loadDesc(t, term); got != "dirs1" {
		t.Errorf("found %q, want the letter layout before the hex one", got)
	}
	writeEntry(t, homeDir, "g", term, "home")
	if got := loadDesc(t, term); got != "home" {
		t.Errorf("found %q, want ~/.terminfo before TERMINFO_DIRS", got)
	}
	writeEntry(t, terminfo, "g", term, "terminfo")
	if got := loadDesc(t, term); got != "terminfo" {
		t.Errorf("found %q, want $TERMINFO first", got)
	}
}

func TestLoadNotFound(t *testing.T) {
	setEnv(t)
	const term = "gosh-no-such-terminal"
	ti, err := Load(term)
	if err == nil {
		t.Fatalf("Load succeeded: %+v", ti)
	}
	if want := `terminfo: no entry for "gosh-no-such-terminal"`; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("errors.Is(%v, ErrNotFound) = false", err)
	}
}

func TestLoadInvalidName(t *testing.T) {
	setEnv(t)
	for _, term := range []string{"", "/", "a/b", "../x", "/etc/passwd", ".", "..", "x\x00y"} {
		ti, err := Load(term)
		if err == nil {
			t.Errorf("Load(%q) succeeded: %+v", term, ti)
			continue
		}
		if errors.Is(err, ErrNotFound) || !strings.HasPrefix(err.Error(), "terminfo: ") ||
			!strings.Contains(err.Error(), "terminal name") {
			t.Errorf("Load(%q) error %q, want an invalid-name error", term, err)
		}
	}
}

func TestLoadSkipsUnusable(t *testing.T) {
	const term = "gosh-bad"
	terminfo, home, dirs1, dirs2 := setEnv(t)
	good := build(magicLegacy, term+"|good", capSet{}).encode()
	writeFile(t, filepath.Join(terminfo, "g", term), good[:len(good)-1]) // truncated
	if err := os.MkdirAll(filepath.Join(home, ".terminfo", "g", term), 0o755); err != nil {
		t.Fatal(err) // a directory where the file should be
	}
	writeFile(t, filepath.Join(dirs1, "g"), []byte("a file, not a directory"))
	writeFile(t, filepath.Join(dirs1, "67", term), make([]byte, maxFileSize+1))

	// With no usable entry, the first failure is reported.
	_, err := Load(term)
	if err == nil || errors.Is(err, ErrNotFound) ||
		!strings.Contains(err.Error(), filepath.Join(terminfo, "g", term)+": truncated names section") {
		t.Errorf("Load error %v, want the truncated file's error", err)
	}

	writeFile(t, filepath.Join(dirs2, "g", term), good)
	if got := loadDesc(t, term); got != "good" {
		t.Errorf("found %q, want the valid entry after the unusable ones", got)
	}
}

// TestLoadMatchesParse checks Load against Parse of the file it found.
func TestLoadMatchesParse(t *testing.T) {
	for _, term := range []string{"xterm", "xterm-256color", "linux", "vt100", "dumb"} {
		got, err := Load(term)
		if errors.Is(err, ErrNotFound) {
			t.Logf("skipping %s: no terminfo entry on this system", term)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		_, path, err := find(term, searchDirs(os.Getenv))
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Load(%q) differs from Parse(%s)", term, path)
		}
		if got.Names[0] != term {
			t.Errorf("Load(%q).Names = %q", term, got.Names)
		}
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "file"), []byte("x"))
	writeFile(t, filepath.Join(dir, "big"), make([]byte, maxFileSize+1))
	for _, tc := range []struct {
		path string
		want string // "" means fs.ErrNotExist
	}{
		{filepath.Join(dir, "missing"), ""},
		{filepath.Join(dir, "file", "x"), ""}, // ENOTDIR
		{dir, "not a regular file"},
		{filepath.Join(dir, "big"), "larger than 1048576 bytes"},
		{filepath.Join(dir, "file"), "truncated header"},
	} {
		_, err := loadFile(tc.path)
		switch {
		case err == nil:
			t.Errorf("loadFile(%s) succeeded", tc.path)
		case tc.want == "" && !errors.Is(err, os.ErrNotExist):
			t.Errorf("loadFile(%s) = %v, want fs.ErrNotExist", tc.path, err)
		case tc.want != "" && !strings.Contains(err.Error(), tc.want):
			t.Errorf("loadFile(%s) = %v, want %q", tc.path, err, tc.want)
		}
	}
}
