package inputrc

import (
	"fmt"
	"strings"
	"testing"
)

// benchInputrc returns an init file of n lines mixing every kind of line.
func benchInputrc(n int) string {
	kinds := []string{
		`"\C-x%d": "macro number %d"`,
		`"\e[%d~": beginning-of-line`,
		"set completion-query-items %d",
		"# comment %d",
		"$if mode=emacs\n\"\\C-y%d\": yank\n$endif",
		"Meta-%c: kill-word",
		`"\M-\C-%c": undo`,
		"set keymap vi-command\n\"%d\": vi-put\nset keymap emacs",
	}
	var b strings.Builder
	lines := 0
	for i := 0; lines < n; i++ {
		k := kinds[i%len(kinds)]
		var s string
		if strings.Contains(k, "%c") {
			s = fmt.Sprintf(k, 'a'+rune(i%26))
		} else if strings.Count(k, "%d") == 2 {
			s = fmt.Sprintf(k, i, i)
		} else {
			s = fmt.Sprintf(k, i)
		}
		b.WriteString(s)
		b.WriteByte('\n')
		lines += strings.Count(s, "\n") + 1
	}
	return b.String()
}

// BenchmarkParse measures reading init files of growing size; the time
// per line should stay flat (linear parsing).
func BenchmarkParse(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		src := benchInputrc(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			base := New(Options{Term: "xterm", Getenv: func(string) string { return "" }})
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				c := base.Clone()
				c.ReadString("bench", src)
			}
		})
	}
}

// BenchmarkNew measures building readline's default configuration.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New(Options{Term: "xterm", Getenv: func(string) string { return "" }})
	}
}

// BenchmarkDumpFunctions measures bind -p.
func BenchmarkDumpFunctions(b *testing.B) {
	c := New(Options{Term: "xterm", Getenv: func(string) string { return "" }})
	c.Finish()
	var sb strings.Builder
	b.ReportAllocs()
	for b.Loop() {
		sb.Reset()
		c.DumpFunctions(&sb, nil, true)
	}
}
