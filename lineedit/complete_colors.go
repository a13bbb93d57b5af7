package lineedit

import (
	"io/fs"
	"os"

	"github.com/goshell/gosh/completion"
)

// Colours for colored-stats and colored-completion-prefix, from
// LS_COLORS as readline's colors.c uses them. Without LS_COLORS the
// default colours of ls apply (directories 01;34, links 01;36, ...).

const (
	sgrEnd = "\x1b[0m\x1b[K" // readline's colored_stat_end: reset, clear to the end of the row
	// prefixExtension is the LS_COLORS key ("*readline-colored-completion-prefix=...")
	// readline takes the common prefix's colour from; else that of sockets ("so").
	prefixExtension = "readline-colored-completion-prefix"
)

// lsColorsCache keeps LS_COLORS parsed while it does not change.
type lsColorsCache struct {
	parsed bool
	src    string
	colors *completion.LSColors
}

// lsColors returns the colours LS_COLORS gives now (nil: none, after a
// value that does not parse).
func (e *Engine) lsColors() *completion.LSColors {
	getenv := e.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	v := getenv("LS_COLORS")
	c := &e.compl.colors
	if !c.parsed || c.src != v {
		c.parsed, c.src, c.colors = true, v, completion.ParseLSColors(v)
	}
	return c.colors
}

// sgr returns the sequence that starts a colour, or "" for none.
func sgr(params string) string {
	if params == "" {
		return ""
	}
	return "\x1b[" + params + "m"
}

// fileColor returns the sequence that starts the colour of a candidate
// in a list (readline's colored_stat_start). A candidate that is not a
// file name is coloured as a regular file of that name would be, as
// readline does when it finds no such file.
func fileColor(c *completion.LSColors, cand completion.Candidate, f fileInfo) string {
	mode := f.mode
	if !f.name {
		mode = 0o644
	}
	if c != nil && c.LinkTarget && mode&fs.ModeSymlink != 0 {
		mode = 0o644
		if f.linkToDir {
			mode = fs.ModeDir | 0o755
		}
	}
	return sgr(c.Style(cand.DisplayText(), mode))
}

// prefixColor returns the sequence that starts the colour of the common
// prefix (readline's colored_prefix_start): the
// readline-colored-completion-prefix extension's, else the sockets'.
func prefixColor(c *completion.LSColors) string {
	if s := c.Style(prefixExtension, 0o644); s != c.Style("", 0o644) {
		return sgr(s)
	}
	return sgr(c.Style("", fs.ModeSocket))
}
