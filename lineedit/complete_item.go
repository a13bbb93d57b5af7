package lineedit

import (
	"strings"

	"github.com/rivo/uniseg"

	"github.com/goshell/gosh/completion"
)

// How one candidate is written in a completion list: readline's
// print_filename and fnprint.

// ellipsisLen is the width of the "..." that stands for a long common
// prefix (completion-prefix-display-length).
const ellipsisLen = 3

// itemPrinter writes candidates as the display variables say.
type itemPrinter struct {
	prefixDisplay int  // completion-prefix-display-length
	coloredPrefix bool // colored-completion-prefix
	coloredStats  bool // colored-stats
	visibleStats  bool // visible-stats
	markDirs      bool // mark-directories
	colors        *completion.LSColors
}

func (e *Engine) itemPrinter() *itemPrinter {
	v := &e.cfg.Vars
	p := &itemPrinter{
		prefixDisplay: v.CompletionPrefixLength,
		coloredPrefix: v.Get("colored-completion-prefix"),
		coloredStats:  v.Get("colored-stats"),
		visibleStats:  v.Get("visible-stats"),
		markDirs:      v.Get("mark-directories"),
	}
	if p.coloredPrefix || p.coloredStats {
		p.colors = e.lsColors()
	}
	return p
}

// print writes c to b, its first prefixBytes bytes (the prefix common to
// all candidates) shortened to an ellipsis or coloured, and returns the
// number of columns written. A file name gets the character
// visible-stats or mark-directories adds.
func (p *itemPrinter) print(b *strings.Builder, c completion.Candidate, prefixBytes int) int {
	f := fileOf(c)
	s := c.DisplayText()
	n := p.fnprint(b, s, prefixBytes, c, f)
	if !f.name || !(p.visibleStats || p.coloredStats || p.markDirs) {
		return n
	}
	var ext byte
	switch {
	case p.visibleStats:
		ext = f.statChar()
	case p.markDirs && f.isDir():
		ext = '/'
	}
	if ext != 0 {
		b.WriteByte(ext)
		n++
	}
	return n
}

// fnprint writes s as readline's fnprint: control characters as ^X, a
// common prefix longer than completion-prefix-display-length as "..."
// ("___" when a period follows it), or else in the prefix colour, and
// the rest in the file's colour with colored-stats.
func (p *itemPrinter) fnprint(b *strings.Builder, s string, prefixBytes int, c completion.Candidate, f fileInfo) int {
	if p.prefixDisplay > 0 && prefixBytes >= len(s) {
		prefixBytes = 0
	}
	if p.coloredStats && (prefixBytes == 0 || !p.coloredPrefix) {
		b.WriteString(fileColor(p.colors, c, f))
	}
	printed, common := 0, 0
	switch {
	case prefixBytes > 0 && p.prefixDisplay > 0 && prefixBytes > p.prefixDisplay:
		dot := byte('.')
		if s[prefixBytes] == '.' {
			dot = '_'
		}
		b.WriteString(strings.Repeat(string(dot), ellipsisLen))
		printed = ellipsisLen
		s = s[prefixBytes:]
	case prefixBytes > 0 && p.coloredPrefix:
		common = prefixBytes
		b.WriteString(prefixColor(p.colors))
	}
	done := 0 // bytes of s written
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cl := g.Str()
		switch {
		case isControl(cl[0]):
			for i := 0; i < len(cl); i++ {
				b.WriteString(caretForm(cl[i]))
				printed += 2
			}
		default:
			b.WriteString(cl)
			printed += GraphemeWidth(cl)
		}
		done += len(cl)
		if common > 0 && done >= common {
			b.WriteString(sgrEnd)
			if p.coloredStats {
				b.WriteString(fileColor(p.colors, c, f))
			}
			common = 0
		}
	}
	if p.coloredStats {
		b.WriteString(sgrEnd)
	}
	return printed
}

// displayWidth is readline's fnwidth: the columns s takes in a list.
func displayWidth(s string) int {
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cl := g.Str()
		if isControl(cl[0]) {
			w += 2 * len(cl)
			continue
		}
		w += GraphemeWidth(cl)
	}
	return w
}

func isControl(b byte) bool { return b < 0x20 || b == 0x7f }

// caretForm shows a control character as readline lists it: ^A, ^?.
func caretForm(b byte) string {
	if b == 0x7f {
		return "^?"
	}
	return "^" + string(rune(b|0x40))
}
