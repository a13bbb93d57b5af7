package inputrc

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// dumpAll prints the whole state in init-file syntax: the bindings and
// macros of every keymap, then the variables, as bind -p, -s and -v do.
func dumpAll(c *Config) string {
	var b strings.Builder
	for _, km := range []string{"emacs", "emacs-meta", "emacs-ctlx", "vi-command", "vi-insert"} {
		b.WriteString("set keymap " + km + "\n")
		c.DumpFunctions(&b, c.KeymapByName(km), true)
		c.DumpMacros(&b, c.KeymapByName(km), true)
	}
	c.DumpVariables(&b, true)
	return b.String()
}

// withoutShadows drops the lines that name what a prefix key does on its
// own: readline prints them with the key \000, which reads back as the NUL
// key, so bash's output does not round-trip there either.
var highByteKey = regexp.MustCompile(`^"[^"]*\\[23][0-7][0-7]`)

func withoutShadows(s string, convertMeta bool) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		// Likewise a key above 0x7f, printed in octal, reads back as ESC and
		// a key when convert-meta is on.
		if !strings.Contains(line, `\000": `) && !(convertMeta && highByteKey.MatchString(line)) {
			b.WriteString(line)
		}
	}
	return b.String()
}

// TestRoundTrip feeds what the dumpers print back to a fresh configuration
// and requires the same state, for each locale.
func TestRoundTrip(t *testing.T) {
	for _, file := range []string{"syntax", "conditionals", "keymaps", "debian-etc", "include-part"} {
		src, err := os.ReadFile("testdata/corpus/" + file + ".inputrc")
		if err != nil {
			t.Fatal(err)
		}
		for _, locale := range []string{"C", "C.UTF-8"} {
			opts := Options{App: "gosh", Term: "xterm", Locale: locale, Getenv: func(string) string { return "" }}
			first := New(opts)
			first.ReadString(file, string(src))
			first.Finish()
			dump := withoutShadows(dumpAll(first), locale == "C")

			second := New(opts)
			second.ReadString("dump", dump)
			second.Finish()
			if again := withoutShadows(dumpAll(second), locale == "C"); again != dump {
				a, b := strings.Split(dump, "\n"), strings.Split(again, "\n")
				for i := range min(len(a), len(b)) {
					if a[i] != b[i] {
						t.Errorf("%s/%s: line %d after the round trip: %q, was %q", file, locale, i+1, b[i], a[i])
						break
					}
				}
			}
			if len(second.Warnings) != 0 {
				t.Errorf("%s/%s: reading the dump back warned: %v", file, locale, second.Warnings[:min(3, len(second.Warnings))])
			}
		}
	}
}
