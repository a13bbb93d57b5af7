package shell

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"weak"

	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/lineedit"
)

// What gosh's prompt does beyond bash, each switched by a shell option
// and on by default: autosuggestions from the history (suggest.go,
// shopt gosh_suggest), highlighting as you type (highlight.go, shopt
// gosh_highlight), and a right-side status with the last command's exit
// status and duration (status.go, shopt gosh_status); and, off by
// default, a completion menu with descriptions (menu.go, shopt
// gosh_menu). They apply to the command line only, not to read -e, which
// shares the line editor.
//
// The interactive loop (interactive.go) tells this file when it is about
// to read a line of a command (beforeRead) and when it has read it
// (afterRead); the editor's fields are set for that ReadLine only.

// The shell options of editor extras, with shopt.
const (
	optSuggest   = "gosh_suggest"
	optHighlight = "gosh_highlight"
	optStatus    = "gosh_status"
	optMenu      = "gosh_menu" // off by default (menu.go)
)

var goshShopts = []string{optHighlight, optMenu, optStatus, optSuggest}

// editorExtras is the state of the extras of one Shell.
type editorExtras struct {
	mu        sync.Mutex
	off       map[string]bool // options turned off
	installed bool            // goshShoptCall is in the call handler

	ed *lineedit.Editor // the interactive line editor, nil without one

	// The command being read: the lines before the one being edited
	// (PS2), and when the last line was read, which is when the command
	// it completed started.
	pending  string
	readAt   time.Time
	ran      bool // a command was read, and run, since the last prompt
	dirs     dirRecord
	known    map[string]bool // highlight: command names looked up this prompt
	aliases  map[string]bool // highlight: the aliases, read once a prompt
	palette  *palette
	hlCache  highlightCache // highlight: the last line coloured
	lastRead string         // the text of the last line read, for the tests
}

// shellExtras maps a Shell to its extras. A Shell has no field for them:
// they live here, dropped when the Shell is collected.
var shellExtras sync.Map // weak.Pointer[Shell] -> *editorExtras

// extras returns s's editor extras.
func (s *Shell) extras() *editorExtras {
	k := weak.Make(s)
	if v, ok := shellExtras.Load(k); ok {
		return v.(*editorExtras)
	}
	x := &editorExtras{off: map[string]bool{optMenu: true}}
	if v, loaded := shellExtras.LoadOrStore(k, x); loaded {
		return v.(*editorExtras)
	}
	runtime.AddCleanup(s, func(k weak.Pointer[Shell]) { shellExtras.Delete(k) }, k)
	return x
}

// extraOn reports whether the shell option name is on.
func (s *Shell) extraOn(name string) bool {
	x := s.extras()
	x.mu.Lock()
	defer x.mu.Unlock()
	return !x.off[name]
}

// installExtraOptions makes shopt know gosh's options: it puts
// goshShoptCall in front of the interpreter's call handler. It runs once,
// before the start-up files, so that ~/.goshrc can turn them off. With
// GOSH_PLAIN set in the environment (and not 0) they start off.
func (s *Shell) installExtraOptions() {
	getenv := s.varGetter()
	x := s.extras()
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.installed {
		return
	}
	x.installed = true
	if v := getenv("GOSH_PLAIN"); v != "" && v != "0" && v != unsetMarker {
		for _, n := range goshShopts {
			x.off[n] = true
		}
	}
	interp.CallHandler(func(ctx context.Context, args []string) ([]string, error) {
		if len(args) > 0 && args[0] == "shopt" && !s.isFunction(ctx, "shopt") {
			if out, ok := s.goshShoptCall(args); ok {
				return out, nil
			}
		}
		return s.overrideCalls(ctx, args)
	})(s.runner) //nolint:errcheck // CallHandler never fails
}

// goshShoptCall carries out shopt for gosh's own options: -s, -u, -p, -q
// and plain listing, alone or mixed with bash's options, which it hands to
// the interpreter's shopt (as "builtin shopt", which this handler leaves
// alone). handled is false when no gosh option is involved.
func (s *Shell) goshShoptCall(args []string) (out []string, handled bool) {
	i := 1
	flags := map[byte]bool{}
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' || strings.Trim(a[1:], "supqo") != "" {
			break
		}
		for _, c := range []byte(a[1:]) {
			flags[c] = true
		}
	}
	if flags['o'] {
		return args, false // set -o's options: none is gosh's
	}
	var fl string
	for _, c := range "supq" {
		if flags[byte(c)] {
			fl += string(c)
		}
	}
	if fl != "" {
		fl = " -" + fl
	}
	names := args[i:]
	var ours, theirs []string
	for _, n := range names {
		if slices.Contains(goshShopts, n) {
			ours = append(ours, n)
		} else {
			theirs = append(theirs, shellQuote(n))
		}
	}
	x := s.extras()
	x.mu.Lock()
	defer x.mu.Unlock()
	show := func(b *strings.Builder, n string) {
		on := !x.off[n]
		if flags['p'] {
			fmt.Fprintf(b, "echo 'shopt -%c %s'; ", map[bool]byte{true: 's', false: 'u'}[on], n)
		} else {
			fmt.Fprintf(b, "echo '%-15s\t%s'; ", n, map[bool]string{true: "on", false: "off"}[on])
		}
	}
	var b strings.Builder
	switch {
	case len(names) == 0:
		// A listing: bash's options, then gosh's.
		if flags['q'] {
			return args, false
		}
		b.WriteString("builtin shopt" + fl + "; ")
		for _, n := range goshShopts {
			if on := !x.off[n]; (flags['s'] && !on) || (flags['u'] && on) {
				continue
			}
			show(&b, n)
		}
		b.WriteString("true")
	case len(ours) == 0:
		return args, false
	case (flags['s'] || flags['u']) && !flags['p'] && !flags['q']:
		for _, n := range ours {
			x.off[n] = flags['u']
		}
		if len(theirs) == 0 {
			return statusCommand(0), true
		}
		b.WriteString("builtin shopt" + fl + " " + strings.Join(theirs, " "))
	default: // print (-p), or test (-q) the options named
		allOn := true
		for _, n := range names {
			if !slices.Contains(goshShopts, n) {
				if !flags['q'] {
					b.WriteString("builtin shopt" + fl + " " + shellQuote(n) + "; ")
				}
				continue
			}
			allOn = allOn && !x.off[n]
			if !flags['q'] {
				show(&b, n)
			}
		}
		// The status: whether all the options named are on.
		switch {
		case !allOn:
			b.WriteString("false")
		case len(theirs) > 0:
			b.WriteString("builtin shopt -q " + strings.Join(theirs, " "))
		default:
			b.WriteString("true")
		}
	}
	return []string{"eval", b.String()}, true
}

// setupEditorExtras gives the extras the interactive line editor.
func (s *Shell) setupEditorExtras(ed *lineedit.Editor) {
	x := s.extras()
	x.mu.Lock()
	x.ed = ed
	x.mu.Unlock()
}

// beforeRead is called before each line of a command is read, with the
// lines read before it (none at the primary prompt) and the exit status
// of the last command: it sets the editor up for the shell's command
// line as the options say.
func (s *Shell) beforeRead(pending string, last int) {
	x := s.extras()
	profile := s.terminalProfile() // styles.go: NO_COLOR, TERM, COLORTERM, ...
	x.mu.Lock()
	defer x.mu.Unlock()
	x.pending = pending
	x.known, x.aliases = map[string]bool{}, nil
	x.hlCache = highlightCache{}
	x.palette = newPalette(profile)
	ed := x.ed
	if ed == nil {
		return
	}
	ed.Hinter, ed.Highlighter = nil, nil
	var hinter lineedit.Hinter
	if !x.off[optSuggest] {
		hinter = &lineedit.HistoryHinter{History: ed.History, Prefer: s.preferEntry}
	}
	ed.Hinter = typedDirHinter{s, hinter} // complete_editor.go
	if !x.off[optHighlight] {
		ed.Highlighter = lineedit.HighlighterFunc(s.highlight)
	}
	right := ""
	if pending == "" && !x.off[optStatus] && x.ran {
		right = x.palette.status(last, time.Since(x.readAt))
	}
	if pending == "" {
		x.ran = false
	}
	ed.Engine().RightPrompt = right
	ed.Engine().CompletionMenu = x.menuStyle(profile) // menu.go
}

// afterRead is called with what a read returned: the line (with its
// newline) and the error. The command it ends, if any, starts now.
func (s *Shell) afterRead(line string, err error) {
	x := s.extras()
	x.mu.Lock()
	defer x.mu.Unlock()
	x.readAt = time.Now()
	x.lastRead = line
	if err != nil {
		x.ran = false // C-c, C-d: nothing runs
	} else if strings.TrimSpace(line) != "" {
		x.ran = true
		x.dirs.note(historyText(x.pending+line), s.runner.Dir)
	}
	if ed := x.ed; ed != nil {
		// read -e shares the editor: it gets none of this.
		ed.Hinter, ed.Highlighter = nil, nil
		ed.Engine().RightPrompt = ""
		ed.Engine().CompletionMenu = nil
	}
}
