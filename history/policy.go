package history

import (
	"regexp"
	"strings"
	"time"

	"mvdan.cc/sh/v3/pattern"
)

// A Policy decides which lines a shell saves in the history, as bash's
// HISTCONTROL and HISTIGNORE do.
type Policy struct {
	IgnoreSpace bool // lines starting with a space or tab are not saved
	IgnoreDups  bool // a line equal to the previous entry is not saved
	EraseDups   bool // earlier entries equal to the line are removed
	// Ignore holds HISTIGNORE's patterns: a line matching one in full is
	// not saved. "&" stands for the previous entry.
	Ignore []*regexp.Regexp
	// ignorePrev records that HISTIGNORE had the pattern "&".
	ignorePrev bool
}

// ParsePolicy builds a Policy from the values of HISTCONTROL (a
// colon-separated list of ignorespace, ignoredups, ignoreboth and
// erasedups) and HISTIGNORE (colon-separated shell patterns; a backslash
// quotes a colon). Unknown HISTCONTROL words are ignored, as in bash; a
// pattern that does not compile is returned as an error and left out.
func ParsePolicy(histcontrol, histignore string) (Policy, error) {
	var p Policy
	for _, w := range strings.Split(histcontrol, ":") {
		switch w {
		case "ignorespace":
			p.IgnoreSpace = true
		case "ignoredups":
			p.IgnoreDups = true
		case "ignoreboth":
			p.IgnoreSpace, p.IgnoreDups = true, true
		case "erasedups":
			p.EraseDups = true
		}
	}
	var firstErr error
	for _, pat := range splitPatterns(histignore) {
		if pat == "" {
			continue
		}
		if pat == "&" {
			p.ignorePrev = true
			continue
		}
		expr, err := pattern.Regexp(pat, pattern.EntireString|pattern.ExtendedOperators)
		if err == nil {
			var re *regexp.Regexp
			if re, err = regexp.Compile(expr); err == nil {
				p.Ignore = append(p.Ignore, re)
				continue
			}
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return p, firstErr
}

// splitPatterns splits HISTIGNORE at colons not quoted by a backslash.
func splitPatterns(s string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == ':':
			b.WriteByte(':')
			i++
		case s[i] == ':':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(out, b.String())
}

// Keep reports whether line should be saved in l under the policy.
func (p *Policy) Keep(l *List, line string) bool {
	if p.IgnoreSpace && line != "" && (line[0] == ' ' || line[0] == '\t') {
		return false
	}
	prev := ""
	hasPrev := l.Len() > 0
	if hasPrev {
		prev = l.Line(l.Len() - 1)
	}
	if (p.IgnoreDups || p.ignorePrev) && hasPrev && prev == line {
		return false
	}
	for _, re := range p.Ignore {
		if re.MatchString(line) {
			return false
		}
	}
	return true
}

// Add saves line in l if the policy keeps it, first removing earlier
// equal entries under erasedups. It reports whether the line was saved.
func (p *Policy) Add(l *List, line string) bool {
	if !p.Keep(l, line) {
		return false
	}
	if p.EraseDups {
		for i := l.Len() - 1; i >= 0; i-- {
			if string(l.lineBytes(i)) == line {
				l.Remove(i)
			}
		}
	}
	// Like GNU History's add_history, stamp the entry with the time.
	l.AddTime(line, timeNow())
	return true
}

// timeNow is time.Now, replaceable in tests.
var timeNow = time.Now
