package inputrc

import (
	"sort"
	"strings"
	"sync"
)

// A Function is a bindable command: what a key bound by name runs. Two
// names can share one Function (readline's aliases, such as vi-bWord and
// vi-backward-bigword); keymaps hold the Function, so a binding made under
// either name is listed under both. Name is the first name the Function
// was registered under, which the line editor uses to find its behaviour.
type Function struct {
	Name string
}

// funmapEntry is one name of the function map, in registration order.
type funmapEntry struct {
	name string
	fn   *Function
}

// A Funmap is the table of bindable function names, readline's funmap.
// Lookups ignore case and return the first match in registration order,
// as rl_named_function does (so "vi-bword" finds vi-bWord, registered
// first). It is safe for concurrent use.
type Funmap struct {
	mu      sync.RWMutex
	entries []funmapEntry
	byLower map[string]*Function
	sorted  []string // cache of Names, nil when stale
}

// NewFunmap returns a function map holding every bindable function name of
// GNU Readline 8.2.
func NewFunmap() *Funmap {
	m := &Funmap{byLower: make(map[string]*Function)}
	byName := make(map[string]*Function)
	for _, spec := range readlineFunctionNames {
		name, canon, alias := strings.Cut(spec, "=")
		var fn *Function
		if alias {
			fn = byName[canon]
		} else {
			fn = &Function{Name: name}
		}
		byName[name] = fn
		m.add(name, fn)
	}
	return m
}

// Add registers name as a new bindable function and returns it. If the name
// is already registered (ignoring case), the existing Function is returned.
// Programs use this for their own commands, as bash does for
// shell-expand-line; rl_add_defun in readline.
func (m *Funmap) Add(name string) *Function {
	if fn := m.Lookup(name); fn != nil {
		return fn
	}
	fn := &Function{Name: name}
	m.mu.Lock()
	m.add(name, fn)
	m.mu.Unlock()
	return fn
}

// AddAlias registers name as another name for fn, as bash registers
// insert-last-argument for readline's yank-last-arg.
func (m *Funmap) AddAlias(name string, fn *Function) {
	m.mu.Lock()
	m.add(name, fn)
	m.mu.Unlock()
}

func (m *Funmap) add(name string, fn *Function) {
	m.entries = append(m.entries, funmapEntry{name, fn})
	low := strings.ToLower(name)
	if _, ok := m.byLower[low]; !ok {
		m.byLower[low] = fn
	}
	m.sorted = nil
}

// Lookup returns the function a name stands for, ignoring case, or nil.
func (m *Funmap) Lookup(name string) *Function {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.byLower[strings.ToLower(name)]
}

// Names returns every registered name in byte order, the order of
// readline's rl_funmap_names in the C locale (bind -l).
func (m *Funmap) Names() []string {
	m.mu.RLock()
	s := m.sorted
	m.mu.RUnlock()
	if s == nil {
		m.mu.Lock()
		s = make([]string, len(m.entries))
		for i, e := range m.entries {
			s[i] = e.name
		}
		sort.Strings(s)
		m.sorted = s
		m.mu.Unlock()
	}
	return append([]string(nil), s...)
}

// clone returns a copy that shares the Function values.
func (m *Funmap) clone() *Funmap {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c := &Funmap{
		entries: append([]funmapEntry(nil), m.entries...),
		byLower: make(map[string]*Function, len(m.byLower)),
	}
	for k, v := range m.byLower {
		c.byLower[k] = v
	}
	return c
}

// readlineFunctionNames lists GNU Readline 8.2's default_funmap in its order.
// "a=b" registers a as another name of the function first registered as b.
var readlineFunctionNames = []string{
	"abort",
	"accept-line",
	"arrow-key-prefix",
	"backward-byte",
	"backward-char",
	"backward-delete-char",
	"backward-kill-line",
	"backward-kill-word",
	"backward-word",
	"beginning-of-history",
	"beginning-of-line",
	"bracketed-paste-begin",
	"call-last-kbd-macro",
	"capitalize-word",
	"character-search",
	"character-search-backward",
	"clear-display",
	"clear-screen",
	"complete",
	"copy-backward-word",
	"copy-forward-word",
	"copy-region-as-kill",
	"delete-char",
	"delete-char-or-list",
	"delete-horizontal-space",
	"digit-argument",
	"do-lowercase-version",
	"downcase-word",
	"dump-functions",
	"dump-macros",
	"dump-variables",
	"emacs-editing-mode",
	"end-kbd-macro",
	"end-of-history",
	"end-of-line",
	"exchange-point-and-mark",
	"fetch-history",
	"forward-backward-delete-char",
	"forward-byte",
	"forward-char",
	"forward-search-history",
	"forward-word",
	"history-search-backward",
	"history-search-forward",
	"history-substring-search-backward",
	"history-substring-search-forward",
	"insert-comment",
	"insert-completions",
	"kill-whole-line",
	"kill-line",
	"kill-region",
	"kill-word",
	"menu-complete",
	"menu-complete-backward",
	"next-history",
	"next-screen-line",
	"non-incremental-forward-search-history",
	"non-incremental-reverse-search-history",
	"non-incremental-forward-search-history-again",
	"non-incremental-reverse-search-history-again",
	"old-menu-complete",
	"operate-and-get-next",
	"overwrite-mode",
	"possible-completions",
	"previous-history",
	"previous-screen-line",
	"print-last-kbd-macro",
	"quoted-insert",
	"re-read-init-file",
	"redraw-current-line",
	"reverse-search-history",
	"revert-line",
	"self-insert",
	"set-mark",
	"skip-csi-sequence",
	"start-kbd-macro",
	"tab-insert",
	"tilde-expand",
	"transpose-chars",
	"transpose-words",
	"tty-status",
	"undo",
	"universal-argument",
	"unix-filename-rubout",
	"unix-line-discard",
	"unix-word-rubout",
	"upcase-word",
	"yank",
	"yank-last-arg",
	"yank-nth-arg",
	"yank-pop",
	"vi-append-eol",
	"vi-append-mode",
	"vi-arg-digit",
	"vi-back-to-indent",
	"vi-backward-bigword",
	"vi-backward-word",
	"vi-bWord=vi-backward-bigword",
	"vi-bword=vi-backward-word",
	"vi-change-case",
	"vi-change-char",
	"vi-change-to",
	"vi-char-search",
	"vi-column",
	"vi-complete",
	"vi-delete",
	"vi-delete-to",
	"vi-eWord",
	"vi-editing-mode",
	"vi-end-bigword=vi-eWord",
	"vi-end-word",
	"vi-eof-maybe",
	"vi-eword",
	"vi-fWord",
	"vi-fetch-history",
	"vi-first-print",
	"vi-forward-bigword=vi-fWord",
	"vi-forward-word",
	"vi-fword=vi-forward-word",
	"vi-goto-mark",
	"vi-insert-beg",
	"vi-insertion-mode",
	"vi-match",
	"vi-movement-mode",
	"vi-next-word",
	"vi-overstrike",
	"vi-overstrike-delete",
	"vi-prev-word",
	"vi-put",
	"vi-redo",
	"vi-replace",
	"vi-rubout",
	"vi-search",
	"vi-search-again",
	"vi-set-mark",
	"vi-subst",
	"vi-tilde-expand",
	"vi-undo",
	"vi-unix-word-rubout",
	"vi-yank-arg",
	"vi-yank-pop",
	"vi-yank-to",
}
