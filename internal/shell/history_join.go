package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// historyText returns how a command typed on several lines goes into the
// history, as bash's cmdhist does: one line, the lines joined by "; "
// where that means the same, else by a space ("do", "then", "|" ...); a
// backslash-newline goes away. Commands with comments or here-documents
// keep their newlines, which the parser needs.
func historyText(src string) string {
	src = strings.TrimRight(src, "\n")
	if !strings.Contains(src, "\n") {
		return src
	}
	orig, err := syntax.NewParser(syntax.KeepComments(true)).Parse(strings.NewReader(src), "")
	if err != nil {
		return src
	}
	literal := false
	syntax.Walk(orig, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Comment:
			literal = true
		case *syntax.Redirect:
			if n.Op == syntax.Hdoc || n.Op == syntax.DashHdoc {
				literal = true
			}
		}
		return !literal
	})
	if literal {
		return src
	}
	want := printOneLine(orig)
	lines := strings.Split(src, "\n")
	seps := make([]string, len(lines)-1)
	for i := range seps {
		seps[i] = "\n"
	}
	join := func() string {
		var b strings.Builder
		for i, l := range lines {
			if i > 0 {
				b.WriteString(seps[i-1])
			}
			b.WriteString(l)
		}
		return b.String()
	}
	for i := range seps {
		if n := trailingBackslashes(lines[i]); n%2 == 1 {
			lines[i] = lines[i][:len(lines[i])-1]
			seps[i] = ""
			continue
		}
		for _, sep := range []string{"; ", " "} {
			seps[i] = sep
			f, err := syntax.NewParser().Parse(strings.NewReader(join()), "")
			if err == nil && printOneLine(f) == want {
				break
			}
			seps[i] = "\n"
		}
	}
	joined := join()
	if f, err := syntax.NewParser().Parse(strings.NewReader(joined), ""); err != nil || printOneLine(f) != want {
		return src // a backslash-newline inside quotes, say
	}
	return joined
}

// trailingBackslashes counts the backslashes that end s.
func trailingBackslashes(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n
}

// printOneLine prints a parsed script on one line, which is the same for
// scripts that differ only in layout.
func printOneLine(f *syntax.File) string {
	var b strings.Builder
	syntax.NewPrinter(syntax.SingleLine(true)).Print(&b, f) //nolint:errcheck // a Builder does not fail
	return b.String()
}
