package shell

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzDecodePrompt feeds arbitrary PS1 strings to the escape decoder:
// it must not panic, text without a backslash passes through unchanged,
// and \[ \] pairs come out as the editor's \001 \002 markers.
func FuzzDecodePrompt(f *testing.F) {
	for _, s := range []string{
		`\u@\h:\w\$ `, `\[\e[1;32m\]\W\[\e[0m\] \! \# \j`, `\D{%H:%M}`, `\D{`,
		`\101\7\08`, `\`, `\\`, `\d \t \T \@ \A \s \v \V \l \n\r`, "plain $ text",
		`\[\]\[`, "\xff\\w",
	} {
		f.Add(s)
	}
	info := promptInfo{now: time.Date(2026, 11, 27, 3, 4, 5, 0, time.UTC), histNum: 7, cmdNum: 3, jobs: 1, shell: "gosh", terminal: "pts/0"}
	getenv := func(name string) string {
		switch name {
		case "HOME":
			return "/home/u"
		case "PWD":
			return "/home/u/src/gosh"
		case "PROMPT_DIRTRIM":
			return "1"
		}
		return ""
	}
	f.Fuzz(func(t *testing.T, ps string) {
		got := decodePrompt(ps, info, getenv)
		if !strings.Contains(ps, `\`) && got != ps {
			t.Fatalf("decodePrompt(%q) = %q: text without escapes must pass through", ps, got)
		}
		if strings.Count(ps, `\[`) == 0 && strings.Contains(got, "\x01") && !strings.Contains(ps, "\x01") && !strings.Contains(ps, `\1`) && !strings.Contains(ps, `\0`) {
			t.Fatalf("decodePrompt(%q) = %q: a start marker without \\[", ps, got)
		}
		if utf8.ValidString(ps) && !strings.ContainsAny(ps, `\`) && !utf8.ValidString(got) {
			t.Fatalf("decodePrompt(%q) = %q: valid text became invalid", ps, got)
		}
	})
}
