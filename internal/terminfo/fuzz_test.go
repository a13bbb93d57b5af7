package terminfo

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse never panics and that whatever it accepts
// is well formed. It is seeded with built entries, the testdata entries,
// and the system's compiled entries when they exist.
func FuzzParse(f *testing.F) {
	for _, magic := range []int{magicLegacy, magicExtended} {
		f.Add(build(magic, "gosh-test|alias|gosh test terminal", sampleCaps()).encode())
		f.Add(build(magic, "x", capSet{}).encode())
	}
	seeds, _ := filepath.Glob("testdata/*/*")
	for _, term := range []string{"xterm", "xterm-256color", "linux", "screen", "vt100", "dumb", "rxvt", "rxvt-unicode-256color", "tmux-256color"} {
		if _, path, err := find(term, systemDirs); err == nil {
			seeds = append(seeds, path)
		}
	}
	for _, path := range seeds {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ti, err := Parse(data)
		if err != nil {
			if ti != nil {
				t.Fatalf("Parse returned %+v and error %v", ti, err)
			}
			return
		}
		if len(ti.Names) == 0 || ti.Bools == nil || ti.Numbers == nil || ti.Strings == nil {
			t.Fatalf("Parse accepted an incomplete entry: %+v", ti)
		}
		for name, v := range ti.Bools {
			if !v || name == "" {
				t.Fatalf("Bools[%q] = %v", name, v)
			}
		}
		for name, v := range ti.Numbers {
			if v < 0 || name == "" {
				t.Fatalf("Numbers[%q] = %d", name, v)
			}
		}
		for name, s := range ti.Strings {
			if name == "" || len(s) >= len(data) {
				t.Fatalf("Strings[%q] = %q from %d bytes", name, s, len(data))
			}
		}
	})
}
