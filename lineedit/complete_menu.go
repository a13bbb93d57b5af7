package lineedit

// Menu completion: menu-complete, menu-complete-backward and
// old-menu-complete put one candidate after the other in place of the
// word, as readline's rl_menu_complete and rl_old_menu_complete.

// menuCommands registers the menu completion commands (see useRegistry).
func menuCommands() {
	register("menu-complete", func(e *Engine, n int, _ byte) { e.menuComplete(n) })
	register("menu-complete-backward", func(e *Engine, n int, _ byte) { e.menuComplete(-n) })
	register("old-menu-complete", func(e *Engine, n int, _ byte) { e.oldMenuComplete(n) })
}

// menuState is a menu completion going on: the candidates, and which one
// is in the line. Index 0 is the common prefix (menu-complete) or the
// word as typed (old-menu-complete); 1 to len(cands) the candidates.
type menuState struct {
	m     *matchSet
	index int
	// full says the completion is over (a single candidate, or too many
	// to cycle through): the next menu-complete starts a new one.
	full bool
}

// size is readline's match_list_size: the candidates and, when there
// are several, the common prefix.
func (s *menuState) size() int {
	if s.m.single() {
		return 1
	}
	return len(s.m.cands) + 1
}

func (e *Engine) menuComplete(n int) {
	e.complType = '%'
	s := e.menu
	if s == nil || s.full || !e.lastWas("menu-complete", "menu-complete-backward") {
		e.menu = nil
		m := e.gatherMatches()
		if m == nil {
			e.compl.changed = false
			return
		}
		s = &menuState{m: m}
		e.menu = s
		if m.lcd != "" {
			e.insertMatch(m, m.lcd)
			e.compl.changed = m.lcd != m.text
		}
		prefixFirst := e.cfg.Vars.Get("menu-complete-display-prefix")
		switch {
		case !m.single() && e.cfg.Vars.Get("show-all-if-ambiguous"):
			e.displayMatches(m)
			if q := e.cfg.Vars.CompletionQueryItems; q > 0 && s.size() >= q && e.compl.described == nil {
				e.ding()
				s.full = true
				return
			}
			if prefixFirst {
				e.ding()
				return
			}
		case m.single():
			e.appendToMatch(m.cands[0], m.nontrivial())
			s.full = true
			return
		case prefixFirst:
			e.ding()
			return
		}
	}
	e.menuStep(s, n, s.m.lcd)
}

func (e *Engine) oldMenuComplete(n int) {
	e.complType = '%'
	s := e.menu
	if s == nil || !e.lastWas("old-menu-complete") {
		e.menu = nil
		m := e.gatherMatches()
		if m == nil {
			e.compl.changed = false
			return
		}
		s = &menuState{m: m}
		e.menu = s
		if !m.single() && e.cfg.Vars.Get("show-all-if-ambiguous") {
			e.displayMatches(m)
		}
	}
	e.menuStep(s, n, s.m.text)
}

// menuStep moves n places around the menu and puts that entry in the
// line: at index 0 (with a bell) first, a candidate with what follows it
// otherwise.
func (e *Engine) menuStep(s *menuState, n int, first string) {
	size := s.size()
	s.index = ((s.index+n)%size + size) % size
	if s.index == 0 && size > 1 {
		e.ding()
		e.insertMatch(s.m, first)
	} else {
		c := s.m.cands[max(s.index-1, 0)]
		e.insertMatch(s.m, c.Text)
		e.appendToMatch(c, c.Text != s.m.text)
	}
	e.compl.changed = true
}
