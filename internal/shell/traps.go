package shell

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"

	"mvdan.cc/sh/v3/syntax"
)

// Signal traps. The interpreter's trap knows EXIT and ERR only; gosh
// keeps the traps on signals (trap 'cleanup' INT TERM) itself, and
// passes EXIT and ERR on. As in bash, a caught signal's action runs
// between commands: before the next simple command the shell runs (the
// call handler prepends it), or at once in wait, which a trapped signal
// interrupts with status 128+signal. A trap of "" ignores the signal,
// which the commands the shell starts then ignore too; "-" puts back the
// default.

// trapState is the shell's signal traps.
type trapState struct {
	mu      sync.Mutex
	actions map[syscall.Signal]string // the set traps; "" ignores
	named   map[string]string         // the interpreter's: EXIT, ERR...
	dflt    map[syscall.Signal]bool   // caught to act as the default does
	pending []syscall.Signal          // caught, their actions not yet run
	ch      chan os.Signal            // where the caught signals arrive
	wake    chan struct{}             // closed and replaced when one arrives
}

// traps returns the shell's trap state, made on first use.
func (s *Shell) traps() *trapState {
	s.trapOnce.Do(func() {
		s.trapSt.Store(&trapState{actions: map[syscall.Signal]string{}, dflt: map[syscall.Signal]bool{}, wake: make(chan struct{})})
	})
	return s.trapSt.Load()
}

// interpTrapSpecs are the conditions the interpreter's trap handles.
var interpTrapSpecs = []string{"EXIT", "ERR", "DEBUG", "RETURN"}

// trapCondition returns the interpreter's condition spec names (0 is
// EXIT; SIG and case do not count, as in bash), or "".
func trapCondition(spec string) string {
	name := strings.TrimPrefix(strings.ToUpper(spec), "SIG")
	if name == "0" {
		name = "EXIT"
	}
	if slices.Contains(interpTrapSpecs, name) {
		return name
	}
	return ""
}

// trapCall handles trap commands that name signals; handled is false for
// the others, and the rest of a mixed command goes on to the interpreter.
func (s *Shell) trapCall(ctx context.Context, args []string) ([]string, bool) {
	rest := args[1:]
	if len(rest) > 0 && rest[0] == "--" {
		rest = rest[1:]
	}
	if len(rest) > 0 && rest[0] == "-l" {
		return []string{builtinPrefix, "kill", "-l"}, true // the same table
	}
	if len(rest) > 0 && rest[0] == "-p" {
		return s.trapPrint(ctx, rest[1:]), true
	}
	if len(rest) == 0 {
		return s.trapPrint(ctx, nil), true
	}
	var action string
	reset := false
	switch {
	case rest[0] == "-":
		reset, rest = true, rest[1:]
	case len(rest) == 1:
		reset = true // trap SIG: the default back
	default:
		action, rest = rest[0], rest[1:]
	}
	var interpSpecs []string
	var sigs []syscall.Signal
	status := 0
	for _, spec := range rest {
		if trapCondition(spec) != "" {
			interpSpecs = append(interpSpecs, spec)
			continue
		}
		sig, ok := parseSignal(spec)
		if !ok || sig == 0 {
			fmt.Fprintf(stderrOf(ctx), "gosh: trap: %s: invalid signal specification\n", spec)
			status = 1
			continue
		}
		sigs = append(sigs, sig)
	}
	s.noteNamedTraps(interpSpecs, action, reset)
	if len(sigs) == 0 && status == 0 {
		return args, false
	}
	s.setTraps(sigs, action, reset)
	if len(interpSpecs) == 0 {
		return statusCommand(status), true
	}
	out := []string{"trap"}
	if reset {
		out = append(out, "-")
	} else {
		out = append(out, action)
	}
	return append(out, interpSpecs...), true
}

// noteNamedTraps remembers the traps set on the interpreter's conditions,
// for trap -p to print them as bash does.
func (s *Shell) noteNamedTraps(specs []string, action string, reset bool) {
	t := s.traps()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, spec := range specs {
		name := trapCondition(spec)
		if t.named == nil {
			t.named = map[string]string{}
		}
		if reset {
			delete(t.named, name)
		} else {
			t.named[name] = action
		}
	}
}

// setTraps sets (or with reset, clears) the traps of sigs.
func (s *Shell) setTraps(sigs []syscall.Signal, action string, reset bool) {
	t := s.traps()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, sig := range sigs {
		old, had := t.actions[sig]
		switch {
		case reset:
			delete(t.actions, sig)
			if had && old == "" {
				// Ignored until now: the default again (and the
				// interactive shell's own catching, if it had any).
				// Reset alone would leave SIG_IGN in place; a Notify
				// puts the runtime's handler back, which Stop keeps,
				// and whose default the commands started get.
				// For SIGINT and SIGHUP the runtime takes an ignore
				// it saw as inherited and would keep it: the shell
				// goes on catching them and acts as the default does.
				if sig == syscall.SIGINT || sig == syscall.SIGHUP {
					t.dflt[sig] = true
				} else {
					c := make(chan os.Signal, 1)
					signal.Notify(c, sig)
					signal.Stop(c)
				}
				s.recatch(sig)
			}
		case action == "":
			t.actions[sig] = ""
			delete(t.dflt, sig)
			signal.Ignore(sig)
		default:
			t.actions[sig] = action
		}
	}
	// The channel takes the signals with an action; Stop and Notify again
	// leave other channels (the interactive shell's) alone.
	if t.ch == nil {
		t.ch = make(chan os.Signal, 16)
		go s.catchTraps(t)
	}
	signal.Stop(t.ch)
	var caught []os.Signal
	for sig, a := range t.actions {
		if a != "" {
			caught = append(caught, sig)
		}
	}
	for sig := range t.dflt {
		if _, ok := t.actions[sig]; !ok {
			caught = append(caught, sig)
		}
	}
	if len(caught) > 0 {
		signal.Notify(t.ch, caught...)
	}
}

// catchTraps records the signals that arrive on t.ch.
func (s *Shell) catchTraps(t *trapState) {
	for sig := range t.ch {
		n, _ := sig.(syscall.Signal)
		t.mu.Lock()
		if _, ok := t.actions[n]; !ok && t.dflt[n] && !s.opts.Interactive {
			// The default action: the shell ends, as killed by n.
			os.Exit(128 + int(n))
		}
		if _, ok := t.actions[n]; ok {
			t.caughtLocked(n)
		}
		t.mu.Unlock()
	}
}

// trapSelf records sig, sent by the shell to itself (kill -SIG $$), for
// its trap at once, as the kernel's delivery to the shell would be seen
// only a moment later, after the next command had started; ignored, it
// is dropped. It reports false when sig has no trap.
func (s *Shell) trapSelf(sig syscall.Signal) bool {
	t := s.trapSt.Load()
	if t == nil {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	a, ok := t.actions[sig]
	if !ok {
		return false
	}
	if a != "" {
		t.caughtLocked(sig)
	}
	return true
}

// caughtLocked records that sig came, for its action to run, and wakes
// what waits for one (wait).
func (t *trapState) caughtLocked(sig syscall.Signal) {
	t.pending = append(t.pending, sig)
	close(t.wake)
	t.wake = make(chan struct{})
}

// pendingTraps returns the actions of the signals caught since the last
// call, in the order they came, as shell code; "" if there are none.
func (s *Shell) pendingTraps() string {
	t := s.trapSt.Load()
	if t == nil {
		return ""
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	var b strings.Builder
	for _, sig := range t.pending {
		if a := t.actions[sig]; a != "" {
			b.WriteString(a + "\n")
		}
	}
	t.pending = t.pending[:0]
	return b.String()
}

// trapWake returns a channel closed when a trapped signal arrives, nil
// when the shell traps none.
func (s *Shell) trapWake() <-chan struct{} {
	t := s.trapSt.Load()
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.wake
}

// lastPendingSignal returns the latest caught signal whose action has not
// run yet, or 0.
func (s *Shell) lastPendingSignal() syscall.Signal {
	t := s.trapSt.Load()
	if t == nil {
		return 0
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if n := len(t.pending); n > 0 {
		return t.pending[n-1]
	}
	return 0
}

// withTraps returns the command args preceded by the actions of the
// signals caught since the last command, as bash runs them between
// commands; ok is false when none are pending.
func (s *Shell) withTraps(args []string) (out []string, ok bool) {
	actions := s.pendingTraps()
	if actions == "" {
		return nil, false
	}
	return []string{"eval", actions + quoteWords(args)}, true
}

// trapPrint returns a command that prints the traps (of sigs, or all), as
// trap -p does: the interpreter's (EXIT, ERR) first, then the signals'.
func (s *Shell) trapPrint(ctx context.Context, specs []string) []string {
	var b strings.Builder
	t := s.traps()
	t.mu.Lock()
	var sigs []syscall.Signal
	if len(specs) == 0 {
		for sig := range t.actions {
			sigs = append(sigs, sig)
		}
		slices.Sort(sigs)
	} else {
		for _, spec := range specs {
			if sig, ok := parseSignal(spec); ok && sig != 0 {
				sigs = append(sigs, sig)
			}
		}
	}
	line := func(action, name string) {
		q, err := syntax.Quote(action, syntax.LangBash)
		if err != nil {
			q = "''"
		}
		fmt.Fprintf(&b, "trap -- %s %s\n", q, name)
	}
	all := len(specs) == 0
	want := func(name string) bool {
		return all || slices.ContainsFunc(specs, func(spec string) bool {
			spec = strings.ToUpper(spec)
			return spec == name || spec == "0" && name == "EXIT"
		})
	}
	// In bash's order: EXIT (0), the signals by number, then the others.
	if a, ok := t.named["EXIT"]; ok && want("EXIT") {
		line(a, "EXIT")
	}
	for _, sig := range sigs {
		if a, ok := t.actions[sig]; ok {
			line(a, "SIG"+signalName(int(sig)))
		}
	}
	for _, name := range []string{"DEBUG", "ERR", "RETURN"} {
		if a, ok := t.named[name]; ok && want(name) {
			line(a, name)
		}
	}
	t.mu.Unlock()
	if b.Len() == 0 {
		return statusCommand(0)
	}
	return []string{"printf", "%s", b.String()}
}

// recatch makes the interactive shell catch sig again, if it did before
// a trap made it ignore sig (signals.go).
func (s *Shell) recatch(sig syscall.Signal) {
	if s.sigCh != nil && slices.Contains(caughtSignals, os.Signal(sig)) {
		signal.Notify(s.sigCh, sig)
	}
}

// runLateTraps runs the actions of signals caught during the last command
// of a script, which no next command ran: bash runs them before it exits.
// The script's status stays.
func (s *Shell) runLateTraps(ctx context.Context, source string) {
	actions := s.pendingTraps()
	if actions == "" || s.runner.Exited() {
		return
	}
	f, err := parse(strings.NewReader(actions), source)
	if err != nil {
		return
	}
	s.adopt(f)
	s.runner.Run(ctx, f) //nolint:errcheck // the script's status is the shell's
}
