package shell

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
)

// The pre-pass (integrations_source.go) parses a file to find what to
// rewrite, before the interpreter parses it again to run it: for
// bash-completion's 2,000 lines, a quarter of gosh's start-up. What it
// decided is kept in the user's cache directory, by the file's content,
// so that the next shell to source the same text only reads the answer.

// prepassVersion names the pre-pass's rules; change it when they change,
// so that no answer of older rules is used.
const prepassVersion = "gosh-prepass-1"

// goshCacheDir returns the directory of gosh's cache called name:
// $XDG_CACHE_HOME/gosh/NAME, else ~/.cache/gosh/NAME; "" when there is no
// home. The pre-pass keeps its answers in "prepass".
func goshCacheDir(getenv func(string) string, name string) string {
	if d := getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "gosh", name)
	}
	if h := getenv("HOME"); h != "" && filepath.IsAbs(h) {
		return filepath.Join(h, ".cache", "gosh", name)
	}
	return ""
}

// cachedPrepass is prepass with its answers kept in dir (none when dir
// is ""): the rewritten text, or changed false.
func (s *Shell) cachedPrepass(src []byte, name, dir string) ([]byte, bool) {
	if dir == "" {
		return s.prepass(src, name)
	}
	h := sha256.New()
	h.Write([]byte(prepassVersion + strconv.FormatBool(s.opts.Interactive) + "\x00"))
	h.Write(src)
	file := filepath.Join(dir, hex.EncodeToString(h.Sum(nil)))
	if data, err := os.ReadFile(file); err == nil && len(data) > 0 {
		if data[0] == '=' {
			return src, false
		}
		return data[1:], true
	}
	out, changed := s.prepass(src, name)
	data := []byte{'='}
	if changed {
		data = append([]byte{'+'}, out...)
	}
	if os.MkdirAll(dir, 0o700) == nil {
		if tmp, err := os.CreateTemp(dir, ".tmp-*"); err == nil {
			_, werr := tmp.Write(data)
			if cerr := tmp.Close(); werr == nil && cerr == nil {
				os.Rename(tmp.Name(), file) //nolint:errcheck // a cache
			} else {
				os.Remove(tmp.Name())
			}
		}
	}
	return out, changed
}
