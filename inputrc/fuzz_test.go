package inputrc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary init files to the parser and prints the
// result back: no input may panic, and every key sequence printed by
// DumpMacros must read back.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/corpus/*.inputrc")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data, false)
		}
	}
	f.Add([]byte("\"\\C-x\\M-\\C-a\": 'x'\nC-x: prefix-meta\nset keymap emacs-meta\nM-x: prefix-meta\n"), true)
	f.Add([]byte("$if version >= 8.2 # x\n$else\n$endif\n$include /dev/null\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, eightBit bool) {
		locale := "C"
		if eightBit {
			locale = "C.UTF-8"
		}
		c := New(Options{App: "gosh", Term: "xterm", Locale: locale, Getenv: func(string) string { return "" }})
		// $include would read the machine's files: keep the fuzzer to data.
		data = bytes.ReplaceAll(data, []byte("$include"), []byte("$inclde"))
		c.ReadString("fuzz", string(data))
		c.Finish()
		var out bytes.Buffer
		c.DumpFunctions(&out, c.KeymapByName("emacs"), true)
		c.DumpFunctions(&out, c.KeymapByName("vi-insert"), false)
		for _, km := range []string{"emacs", "vi-insert", "vi-command"} {
			c.DumpMacros(&out, c.KeymapByName(km), true)
		}
		c.DumpVariables(&out, true)
		c.DumpVariables(&out, false)
	})
}

// FuzzTranslateKeyseq checks that translation never panics and that what
// UntranslateMacro prints reads back as the same bytes.
func FuzzTranslateKeyseq(f *testing.F) {
	for _, s := range []string{`\C-x\M-a`, `\e[1;5C`, `\x4`, `\777`, `\C-\M-`, `\`, "é"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, convertMeta bool) {
		b, _ := TranslateKeyseq(s, convertMeta)
		b = cutAtNUL(b)
		var ascii []byte
		for _, c := range b {
			if c < 0x80 {
				ascii = append(ascii, c)
			}
		}
		back, _ := TranslateKeyseq(UntranslateMacro(ascii, false), convertMeta)
		if !bytes.Equal(back, ascii) {
			t.Fatalf("%q -> %q -> %q -> %q", s, ascii, UntranslateMacro(ascii, false), back)
		}
	})
}
