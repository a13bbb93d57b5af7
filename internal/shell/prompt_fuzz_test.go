package shell

import (
	"fmt"
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
		// An octal escape may make the marker as in bash: \001, or \1 at
		// the end (\401 vanishes, as in bash: TestDecodePromptOctal).
		octalMarker := strings.Contains(ps, `\0`) || strings.Contains(ps, `\1`)
		if strings.Count(ps, `\[`) == 0 && strings.Contains(got, "\x01") && !strings.Contains(ps, "\x01") && !octalMarker {
			t.Fatalf("decodePrompt(%q) = %q: a start marker without \\[", ps, got)
		}
		if utf8.ValidString(ps) && !strings.ContainsAny(ps, `\`) && !utf8.ValidString(got) {
			t.Fatalf("decodePrompt(%q) = %q: valid text became invalid", ps, got)
		}
	})
}

// TestDecodePromptOctal: \NNN as bash 5.2 decodes it (${PS1@P}): three
// octal digits, or fewer at the very end; a value past 0o377 cut to a
// byte, except that \401 vanishes as in bash; \000 and \400 give nothing.
func TestDecodePromptOctal(t *testing.T) {
	cases := []string{`\577x`, `\401x`, `\400x`, `\7`, `\7x`, `\07x`, `\007x`, `\0`, `\08`, `\101\7\08`, `\477x`, `\001x`, `\1011`}
	var script strings.Builder
	for _, c := range cases {
		fmt.Fprintf(&script, "PS1='%s'; printf '%%s' \"${PS1@P}\" | od -An -tx1 | tr -d ' \\n'; echo\n", c)
	}
	want := strings.Split(strings.TrimSuffix(bashOracle(t, script.String()), "\n"), "\n")
	if len(want) != len(cases) {
		t.Fatalf("bash printed %q", want)
	}
	for i, c := range cases {
		got := fmt.Sprintf("%x", decodePrompt(c, promptInfo{}, func(string) string { return "" }))
		if got != want[i] {
			t.Errorf("decodePrompt(%q) = %s, bash %s", c, got, want[i])
		}
	}
}
