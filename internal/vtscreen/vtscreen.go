// Package vtscreen is a virtual terminal for tests: feed it the bytes a
// program writes to its terminal and look at what a person would see.
//
// It wraps the emulator of github.com/charmbracelet/x/vt (xterm-like:
// automatic wrap with the pending-wrap state, grapheme clusters, SGR
// styles, scrollback) and gives tests a small API:
//
//	s := vtscreen.New(20, 5)      // 20 columns, 5 rows, cursor at the top left
//	s.WriteString("$ echo hi")    // or use s as an io.Writer
//	s.Lines()                     // every row, trailing blanks trimmed
//	s.Cursor()                    // (row, col), from 0
//	vtscreen.WantScreen(t, s, `
//	$ echo hi▌`)                   // the rows, with the cursor at ▌
//
// Pictures. A picture is the screen's rows joined with newlines, trailing
// blanks and trailing empty rows left out, with the cursor shown as
// CursorMark (▌) inserted before the cell it is on (after padding with
// blanks when it is past the end of the row). A wide character is one
// rune in the picture though it takes two columns.
//
// Styles. StyleAt returns a cell's style in a canonical form, and Style
// turns SGR sequences into the same form, so a test can check that a
// prompt's colour or a hint's dimming is right:
//
//	if s.StyleAt(0, 0) != vtscreen.Style("\x1b[1;32m") { ... }
//
// Replies. The cursor position report (DSR 6, CSI 6 n), the operating
// status report (CSI 5 n) and the device attributes queries (DA1, DA2) are
// answered into a buffer that Replies returns, rather than into the
// emulator's input pipe, where nobody would read them. Other reports a
// program would have to turn on first (focus events, in-band resize) are
// not supported.
//
// A Screen is not safe for concurrent use.
package vtscreen

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// CursorMark stands for the cursor in pictures.
const CursorMark = '▌'

// A Screen is a virtual terminal.
type Screen struct {
	emu     *vt.Emulator
	replies strings.Builder
}

// New returns a blank screen of cols columns and rows rows, the cursor at
// the top left.
func New(cols, rows int) *Screen {
	s := &Screen{emu: vt.NewEmulator(cols, rows)}
	s.answerQueries()
	return s
}

func (s *Screen) answerQueries() {
	e := s.emu
	e.RegisterCsiHandler('n', func(params ansi.Params) bool {
		n, _, ok := params.Param(0, 1)
		switch {
		case ok && n == 5:
			s.replies.WriteString("\x1b[0n") // ready, no malfunction
		case ok && n == 6:
			row, col := s.Cursor()
			s.replies.WriteString(ansi.CursorPositionReport(row+1, col+1))
		default:
			return false
		}
		return true
	})
	e.RegisterCsiHandler(ansi.Command('?', 0, 'n'), func(params ansi.Params) bool {
		if n, _, ok := params.Param(0, 1); !ok || n != 6 {
			return false
		}
		row, col := s.Cursor()
		s.replies.WriteString(ansi.ExtendedCursorPositionReport(row+1, col+1, 0))
		return true
	})
	e.RegisterCsiHandler('c', func(params ansi.Params) bool {
		if n, _, _ := params.Param(0, 0); n != 0 {
			return false
		}
		s.replies.WriteString(ansi.PrimaryDeviceAttributes(62, 1, 6, 22))
		return true
	})
	e.RegisterCsiHandler(ansi.Command('>', 0, 'c'), func(params ansi.Params) bool {
		if n, _, _ := params.Param(0, 0); n != 0 {
			return false
		}
		s.replies.WriteString(ansi.SecondaryDeviceAttributes(1, 10, 0))
		return true
	})
}

// Write feeds p to the terminal, as a program's output. It never fails.
func (s *Screen) Write(p []byte) (int, error) { return s.emu.Write(p) }

// WriteString feeds str to the terminal.
func (s *Screen) WriteString(str string) (int, error) { return s.emu.WriteString(str) }

// Replies returns the answers to queries written since the last call
// (cursor position reports...), and forgets them.
func (s *Screen) Replies() string {
	r := s.replies.String()
	s.replies.Reset()
	return r
}

// Size returns the screen's columns and rows.
func (s *Screen) Size() (cols, rows int) { return s.emu.Width(), s.emu.Height() }

// Resize changes the screen's size, like a terminal window being resized.
// Like xterm (and unlike terminals that re-wrap lines), the emulator keeps
// the rows as they are, cut at the new width, and keeps the cursor on its
// row.
func (s *Screen) Resize(cols, rows int) { s.emu.Resize(cols, rows) }

// Reset makes s a blank screen of cols columns and rows rows, as New
// does, with no scrollback: a full reset (RIS). Reusing a screen is much
// cheaper than making one.
func (s *Screen) Reset(cols, rows int) {
	s.emu.Resize(cols, rows)
	_, _ = s.emu.WriteString("\x1bc")
	s.emu.ClearScrollback()
	s.replies.Reset()
}

// Cursor returns the cursor's row and column, from 0. After a character
// was written in the last column the cursor stays on that column (the
// pending wrap).
func (s *Screen) Cursor() (row, col int) {
	p := s.emu.CursorPosition()
	return p.Y, p.X
}

// Line returns the text of a row, trailing blanks trimmed. A wide
// character is one rune in it.
func (s *Screen) Line(row int) string {
	cols, rows := s.Size()
	if row < 0 || row >= rows {
		return ""
	}
	var b strings.Builder
	for x := 0; x < cols; x++ {
		if c := s.emu.CellAt(x, row); c != nil {
			writeCell(&b, c.Content, c.Width)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// writeCell writes the text a cell shows: nothing for the second half of
// a wide character (width 0), a space for an empty cell.
func writeCell(b *strings.Builder, content string, width int) {
	switch {
	case width == 0:
	case content == "":
		b.WriteByte(' ')
	default:
		b.WriteString(content)
	}
}

// Lines returns the text of every row, trailing blanks trimmed.
func (s *Screen) Lines() []string {
	_, rows := s.Size()
	lines := make([]string, rows)
	for y := range lines {
		lines[y] = s.Line(y)
	}
	return lines
}

// Scrollback returns the rows that scrolled off the top, oldest first,
// trailing blanks trimmed.
func (s *Screen) Scrollback() []string {
	n := s.emu.ScrollbackLen()
	cols, _ := s.Size()
	lines := make([]string, n)
	for y := range n {
		var b strings.Builder
		for x := 0; x < cols; x++ {
			if c := s.emu.ScrollbackCellAt(x, y); c != nil {
				writeCell(&b, c.Content, c.Width)
			}
		}
		lines[y] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

// CellAt returns the text of the cell at row, col and its width in
// columns: 2 for a wide character, and 0 for the column a wide character
// to its left covers.
func (s *Screen) CellAt(row, col int) (text string, width int) {
	c := s.emu.CellAt(col, row)
	if c == nil {
		return "", 0
	}
	if c.Content == "" && c.Width != 0 {
		return " ", c.Width
	}
	return c.Content, c.Width
}

// StyleAt returns the style of the cell at row, col in a canonical form:
// "" for the default, else SGR sequences as the emulator renders them.
// Compare it with Style.
func (s *Screen) StyleAt(row, col int) string {
	c := s.emu.CellAt(col, row)
	if c == nil || c.Style.IsZero() {
		return ""
	}
	return c.Style.String()
}

// Style returns the canonical form (see StyleAt) of the style that the
// escape sequences seq set, starting from the default.
func Style(seq string) string {
	styleMu.Lock()
	defer styleMu.Unlock()
	if st, ok := styles[seq]; ok {
		return st
	}
	if styleEmu == nil {
		styleEmu = vt.NewEmulator(2, 1) // an emulator costs megabytes: keep one
	}
	_, _ = styleEmu.WriteString("\x1b[0m\r\x1b[K" + seq + "x\x1b[0m\r")
	st := ""
	if c := styleEmu.CellAt(0, 0); c != nil && !c.Style.IsZero() {
		st = c.Style.String()
	}
	if len(styles) < 10000 {
		styles[seq] = st
	}
	return st
}

var (
	styleMu  sync.Mutex
	styleEmu *vt.Emulator
	styles   = map[string]string{}
)

// Picture returns the screen as a picture: rows joined by newlines up to
// the last one that is not empty (or the cursor's row), with CursorMark at
// the cursor if mark is true.
func (s *Screen) Picture(mark bool) string {
	lines := s.Lines()
	crow, ccol := s.Cursor()
	last := len(lines) - 1
	for last >= 0 && lines[last] == "" && (!mark || last != crow) {
		last--
	}
	lines = lines[:last+1]
	if mark && crow < len(lines) {
		lines[crow] = s.markedLine(crow, ccol)
	}
	return strings.Join(lines, "\n")
}

// markedLine returns row's text with CursorMark before column col.
func (s *Screen) markedLine(row, col int) string {
	cols, _ := s.Size()
	var b strings.Builder
	marked := false
	for x := 0; x < cols; x++ {
		if !marked && x >= col {
			b.WriteRune(CursorMark)
			marked = true
		}
		if c := s.emu.CellAt(x, row); c != nil {
			writeCell(&b, c.Content, c.Width)
		}
	}
	if !marked {
		b.WriteRune(CursorMark)
	}
	line := b.String()
	// Trim the blanks after the mark and after the text, keeping the mark.
	i := strings.IndexRune(line, CursorMark)
	before, after := line[:i], strings.TrimRight(line[i+utf8.RuneLen(CursorMark):], " ")
	return before + string(CursorMark) + after
}

// WantScreen fails the test unless the screen shows want, a picture (see
// the package documentation). A newline at the start of want and blanks at
// the end of its lines are ignored, so want can be a raw string literal:
//
//	vtscreen.WantScreen(t, s, `
//	$ hello
//	world▌`)
//
// If want holds no CursorMark the cursor is not checked.
func WantScreen(t testing.TB, s *Screen, want string) {
	t.Helper()
	want = strings.TrimPrefix(want, "\n")
	lines := strings.Split(want, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	want = strings.Join(lines, "\n")
	mark := strings.ContainsRune(want, CursorMark)
	got := s.Picture(mark)
	if got != want {
		t.Errorf("screen:\n%s\nwant:\n%s", frame(got), frame(want))
	}
}

// frame draws a picture with row numbers and a right edge, so that blanks
// and empty rows can be seen in a failure message.
func frame(pic string) string {
	var b strings.Builder
	for i, l := range strings.Split(pic, "\n") {
		fmt.Fprintf(&b, "%3d |%s|\n", i, l)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
