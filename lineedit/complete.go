package lineedit

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/goshell/gosh/completion"
)

// The completion commands of GNU Readline 8.2: complete (TAB),
// possible-completions (M-?), insert-completions (M-*), menu-complete,
// menu-complete-backward, delete-char-or-list.

func init() {
	register("complete", func(e *Engine, n int, key byte) {
		e.complType = '\t'
		if e.lastWas("complete") {
			e.complType = '?'
		} else if e.cfg.Vars.Get("show-all-if-ambiguous") {
			e.complType = '!'
		} else if e.cfg.Vars.Get("show-all-if-unmodified") {
			e.complType = '@'
		}
		complete(e, n, key)
	})
	register("possible-completions", func(e *Engine, _ int, _ byte) {
		e.complType = '?'
		if r, ok := e.completions(); ok {
			e.listCompletions(r)
		}
	})
	register("insert-completions", func(e *Engine, _ int, _ byte) {
		e.complType = '*'
		r, ok := e.completions()
		if !ok {
			return
		}
		var texts []string
		for _, c := range r.Candidates {
			texts = append(texts, c.Text)
		}
		e.replaceRange(r.Start, r.End, strings.Join(texts, " ")+" ")
	})
	register("menu-complete", func(e *Engine, n int, _ byte) { e.menuComplete(n) })
	register("menu-complete-backward", func(e *Engine, n int, _ byte) { e.menuComplete(-n) })
	register("old-menu-complete", func(e *Engine, n int, _ byte) { e.menuComplete(n) })
	register("delete-char-or-list", func(e *Engine, n int, _ byte) {
		if e.buf.point < len(e.buf.text) {
			e.deleteChars(n)
			return
		}
		if r, ok := e.completions(); ok {
			e.listCompletions(r)
		}
	})
}

// completions asks the completer for candidates at the point, sorted and
// without duplicates. It rings the bell when there are none.
func (e *Engine) completions() (completion.Result, bool) {
	if e.Completer == nil || e.cfg.Vars.Get("disable-completion") {
		e.insertBytes([]byte{'\t'}, 1) // readline inserts a tab then
		return completion.Result{}, false
	}
	r := e.Completer.Complete(string(e.buf.text), e.buf.point)
	if len(r.Candidates) == 0 || r.Start < 0 || r.End > len(e.buf.text) || r.Start > r.End {
		e.ding()
		return completion.Result{}, false
	}
	sort.SliceStable(r.Candidates, func(i, j int) bool { return r.Candidates[i].Text < r.Candidates[j].Text })
	uniq := r.Candidates[:1]
	for _, c := range r.Candidates[1:] {
		if c.Text != uniq[len(uniq)-1].Text {
			uniq = append(uniq, c)
		}
	}
	r.Candidates = uniq
	return r, true
}

// complete is TAB: a single candidate is inserted with its suffix; for
// several, their common prefix is inserted, and the list is shown on the
// second TAB (at once with show-all-if-ambiguous).
func complete(e *Engine, _ int, _ byte) {
	again := e.lastWas("complete")
	r, ok := e.completions()
	if !ok {
		return
	}
	word := string(e.buf.text[r.Start:r.End])
	if len(r.Candidates) == 1 {
		c := r.Candidates[0]
		suffix := c.Suffix
		switch {
		case suffix == completion.NoSuffix:
			suffix = ""
		case suffix == "" && c.Kind == completion.KindDirectory:
			if e.cfg.Vars.Get("mark-directories") {
				suffix = "/"
			}
		case suffix == "":
			suffix = " "
		}
		text := c.Text
		if strings.HasSuffix(text, suffix) {
			suffix = ""
		}
		// Do not double the suffix when it is already there.
		if suffix != "" && r.End < len(e.buf.text) && strings.HasPrefix(string(e.buf.text[r.End:]), suffix) && e.cfg.Vars.Get("skip-completed-text") {
			suffix = ""
			e.replaceRange(r.Start, r.End, text)
			e.buf.point++
			return
		}
		e.replaceRange(r.Start, r.End, text+suffix)
		return
	}
	prefix := commonPrefix(r.Candidates, e.cfg.Vars.Get("completion-ignore-case"))
	if len(prefix) > len(word) || (prefix != word && len(prefix) == len(word)) {
		e.replaceRange(r.Start, r.End, prefix)
		if !e.cfg.Vars.Get("show-all-if-ambiguous") {
			e.ding()
			return
		}
	}
	unmodified := len(prefix) <= len(word) && e.cfg.Vars.Get("show-all-if-unmodified")
	if again || unmodified || e.cfg.Vars.Get("show-all-if-ambiguous") {
		e.listCompletions(r)
		return
	}
	e.ding()
}

// commonPrefix returns the longest prefix all candidates share, by
// grapheme, ignoring case if fold.
func commonPrefix(cs []completion.Candidate, fold bool) string {
	p := cs[0].Text
	for _, c := range cs[1:] {
		n := 0
		a, b := p, c.Text
		for n < len(a) && n < len(b) {
			ra, sa := utf8.DecodeRuneInString(a[n:])
			rb, sb := utf8.DecodeRuneInString(b[n:])
			if ra != rb && (!fold || !strings.EqualFold(string(ra), string(rb))) || sa != sb {
				break
			}
			n += sa
		}
		p = p[:n]
	}
	return p
}

// replaceRange replaces text[from:to] with s as one undo step and puts
// the point after it.
func (e *Engine) replaceRange(from, to int, s string) {
	e.undo.begin()
	e.deleteRange(from, to)
	e.buf.point = from
	if s != "" {
		e.undo.noteInsert(from, []byte(s), false)
		e.buf.insert([]byte(s))
	}
	e.undo.end()
}

// listCompletions shows the candidates below the line, asking first when
// there are at least completion-query-items of them.
func (e *Engine) listCompletions(r completion.Result) {
	n := len(r.Candidates)
	if e.DisplayMatches != nil {
		matches := make([]string, n)
		longest := 0
		for i, c := range r.Candidates {
			matches[i] = c.Text
			longest = max(longest, len(c.Text))
		}
		e.DisplayMatches(string(e.buf.text[r.Start:r.End]), matches, longest)
		e.effects.Redraw = true
		return
	}
	if q := e.cfg.Vars.CompletionQueryItems; q > 0 && n >= q {
		e.effects.Output += fmt.Sprintf("Display all %d possibilities? (y or n)", n)
		e.confirm = func(yes bool) {
			e.effects.Output += "\n"
			if yes {
				e.effects.Output += e.formatList(r)
			}
		}
		return
	}
	e.effects.Output += e.formatList(r)
}

// formatList lays the candidates out in columns, down the columns (or
// across with print-completions-horizontally), as readline does.
func (e *Engine) formatList(r completion.Result) string {
	items := make([]string, len(r.Candidates))
	widest := 0
	for i, c := range r.Candidates {
		s := c.DisplayText()
		if c.Kind == completion.KindDirectory && e.cfg.Vars.Get("mark-directories") && !strings.HasSuffix(s, "/") {
			s += "/"
		}
		items[i] = s
		widest = max(widest, uniseg.StringWidth(s))
	}
	width := e.Width
	if w := e.cfg.Vars.CompletionDisplayWidth; w >= 0 && w <= width {
		width = w
	}
	colWidth := widest + 2
	cols := max(width/colWidth, 1)
	if width == 0 {
		cols = 1
	}
	rows := (len(items) + cols - 1) / cols
	across := e.cfg.Vars.Get("print-completions-horizontally")
	var b strings.Builder
	for row := 0; row < rows; row++ {
		for col := 0; col < cols; col++ {
			i := col*rows + row
			if across {
				i = row*cols + col
			}
			if i >= len(items) {
				continue
			}
			b.WriteString(items[i])
			next := i + rows
			if across {
				next = i + 1
			}
			if col+1 < cols && next < len(items) {
				b.WriteString(strings.Repeat(" ", colWidth-uniseg.StringWidth(items[i])))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// menuState is menu-complete cycling through the candidates.
type menuState struct {
	r     completion.Result
	index int // -1: the original word
	orig  string
	end   int // where the inserted candidate ends
}

func (e *Engine) menuComplete(n int) {
	e.complType = '%'
	if !e.lastWas("menu-complete", "menu-complete-backward", "old-menu-complete") || e.menu == nil {
		r, ok := e.completions()
		if !ok {
			return
		}
		e.menu = &menuState{r: r, index: -1, orig: string(e.buf.text[r.Start:r.End]), end: r.End}
		if len(r.Candidates) == 1 {
			e.menu = nil
			complete(e, 1, 0)
			return
		}
	}
	m := e.menu
	count := len(m.r.Candidates)
	m.index += n
	if m.index >= count || m.index < -1 {
		// Past the end: back to the original word, with a bell.
		m.index = -1
		e.ding()
	}
	if m.index == -1 && n < 0 {
		m.index = count - 1
	}
	text := m.orig
	if m.index >= 0 {
		text = m.r.Candidates[m.index].Text
	}
	e.replaceRange(m.r.Start, m.end, text)
	m.end = m.r.Start + len(text)
}
