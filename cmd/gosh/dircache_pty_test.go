package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
)

// TestDirCachePersistPTY checks gosh's stored directory listings end to
// end: an interactive gosh stores the listing of its big current
// directory in $XDG_CACHE_HOME/gosh/dirs, for the user only; a new gosh
// completes from that file (it loads it, which renews its time, rather
// than storing a new one); and GOSH_DIRCACHE=off stores nothing.
func TestDirCachePersistPTY(t *testing.T) {
	root := t.TempDir()
	big := filepath.Join(root, "big")
	os.Mkdir(big, 0o755)
	for i := range 4999 { // with "zzunique", ".", "..": above 4096
		os.WriteFile(filepath.Join(big, fmt.Sprintf("file%04d", i)), nil, 0o644)
	}
	os.WriteFile(filepath.Join(big, "zzunique"), nil, 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(big, old, old)
	// A listing is stored once the directory has been unchanged for two
	// seconds, its change time included.
	time.Sleep(2100 * time.Millisecond)

	// session starts gosh in big, completes a word there with TAB and
	// waits for the command's output, then for the listing file to
	// appear (with store) or not (without), and exits.
	session := func(cache string, store bool, env ...string) {
		t.Helper()
		cmd := exec.Command(filepath.Join(binDir, "gosh"), "-i", "--norc")
		cmd.Dir = big
		cmd.Env = append([]string{"HOME=" + root, "XDG_CACHE_HOME=" + cache, "PATH=/usr/bin:/bin", "TERM=xterm", "INPUTRC=/dev/null", "PS1=$ ", "LC_ALL=C.UTF-8"}, env...)
		p := ptytest.Start(t, cmd, ptytest.Options{Cols: 200, Rows: 24})
		p.WaitFor("$ ", wait)
		p.Type("echo zzu\t\r")
		p.WaitFor("zzunique\r\n", wait) // the output: the line typed has "zzunique "
		p.WaitFor("$ ", wait)
		deadline := time.Now().Add(wait)
		if !store {
			deadline = time.Now().Add(500 * time.Millisecond)
		}
		for len(listingFiles(t, cache)) == 0 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		p.Type("exit\r")
		p.Wait(wait)
	}

	off := filepath.Join(root, "cache-off")
	session(off, false, "GOSH_DIRCACHE=off")
	if _, err := os.Stat(filepath.Join(off, "gosh")); !os.IsNotExist(err) {
		t.Errorf("GOSH_DIRCACHE=off: %v", err)
	}

	cache := filepath.Join(root, "cache")
	session(cache, true)
	files := listingFiles(t, cache)
	if len(files) != 1 {
		t.Fatalf("listing files %q", files)
	}
	for path, perm := range map[string]os.FileMode{filepath.Dir(files[0]): 0o700, files[0]: 0o600} {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm()&^perm != 0 {
			t.Errorf("%s: %v, want no more than %v", path, fi.Mode(), perm)
		}
	}
	before, _ := os.Stat(files[0])
	os.Chtimes(files[0], old, old)

	session(cache, true)
	after, err := os.Stat(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if after.Sys().(*syscall.Stat_t).Ino != before.Sys().(*syscall.Stat_t).Ino {
		t.Errorf("the listing was stored again, not loaded")
	}
	if !after.ModTime().After(old.Add(time.Minute)) {
		t.Errorf("the listing file was not loaded: modified %v", after.ModTime())
	}
}

// listingFiles returns the listing files gosh stored under cache.
func listingFiles(t *testing.T, cache string) []string {
	files, err := filepath.Glob(filepath.Join(cache, "gosh", "dirs", "*.listing"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}
