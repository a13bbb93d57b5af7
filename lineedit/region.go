package lineedit

// readline 8.2's active region: the text just pasted (bracketed paste) and
// the match of an incremental search are shown in standout, in
// active-region-start-color, while enable-active-region is on (as it is
// by default, following enable-bracketed-paste, and off on a dumb
// terminal).
//
// The region of a paste follows readline's mark_active and
// _rl_keep_mark_active: it is set after the command that pastes has been
// cleaned up after, so it shows until the next command ends
// (_rl_internal_char_cleanup deactivates it) and that command's result is
// drawn without it. The region of an incremental search is the search's
// own (isearch.region): it shows while the string is found and goes when
// the search ends (_rl_isearch_fini deactivates the mark).

// defaultRegionColor is what readline uses for active-region-start-color
// when it is not set: the terminal's standout (so), ESC [ 7 m on xterm.
const defaultRegionColor = "\x1b[7m"

// activeRegion is the engine's active region: Text[start:end] of the line
// while on.
type activeRegion struct {
	on         bool
	start, end int
}

// regionEnabled reports whether enable-active-region is on.
func (e *Engine) regionEnabled() bool {
	return e.cfg.Vars.Get("enable-active-region")
}

// activateRegion makes line[start:end] the active region, if
// enable-active-region is on (rl_activate_mark).
func (e *Engine) activateRegion(start, end int) {
	if !e.regionEnabled() || start >= end {
		return
	}
	e.region = activeRegion{on: true, start: start, end: end}
}

// deactivateRegion ends the active region as a command ends
// (_rl_internal_char_cleanup), but for the commands that keep it
// (rl_keep_mark_active): clear-screen and redraw-current-line.
func (e *Engine) deactivateRegion() {
	if e.region.on && e.last != nil && (e.last.Name == "clear-screen" || e.last.Name == "redraw-current-line") {
		return
	}
	e.region.on = false
}

// regionCovers reports whether the active region covers all of a text
// of n bytes, so that withRegion leaves none of its own styles.
func (e *Engine) regionCovers(n int) bool {
	return e.region.on && e.region.start <= 0 && e.region.end >= n
}

// regionStyle returns the SGR sequence the region is drawn in:
// active-region-start-color, or standout. (active-region-end-color is not
// needed: the renderer goes back to the style in force after a span.)
func (e *Engine) regionStyle() string {
	if c := e.cfg.Vars.RegionStartColor; len(c) > 0 {
		return string(c)
	}
	return defaultRegionColor
}

// withRegion returns f with the active region, if any, drawn in its
// style. With no region it returns f as it is, allocating nothing.
func (e *Engine) withRegion(f Frame) Frame {
	if !e.region.on {
		return f
	}
	return addRegion(f, e.region.start, e.region.end, e.regionStyle())
}

// addRegion returns f with Text[start:end] drawn in style over f.Styles:
// the spans it covers are cut around it.
func addRegion(f Frame, start, end int, style string) Frame {
	start, end = clamp(start, 0, len(f.Text)), clamp(end, 0, len(f.Text))
	if start >= end {
		return f
	}
	spans := make([]StyleSpan, 0, len(f.Styles)+2)
	added := false
	for _, s := range f.Styles {
		if s.End <= s.Start {
			continue
		}
		if s.End <= start {
			spans = append(spans, s)
			continue
		}
		if s.Start < start {
			spans = append(spans, StyleSpan{Start: s.Start, End: start, Style: s.Style})
		}
		if !added {
			spans = append(spans, StyleSpan{Start: start, End: end, Style: style})
			added = true
		}
		if s.End > end {
			spans = append(spans, StyleSpan{Start: max(s.Start, end), End: s.End, Style: s.Style})
		}
	}
	if !added {
		spans = append(spans, StyleSpan{Start: start, End: end, Style: style})
	}
	f.Styles = spans
	return f
}
