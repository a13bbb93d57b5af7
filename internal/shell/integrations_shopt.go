package shell

import (
	"context"
	"slices"
	"strings"
)

// shopt and set as bash-completion uses them, where the interpreter falls
// short: shopt -p and -q (reset=$(shopt -po noglob) ... $reset), options
// the interpreter does not have but whose bash behaviour gosh always has
// (shopt -s progcomp), hostcomplete (which gosh's completion honours),
// and set +v (verbose mode, which gosh never has on).

// fixedShopts are bash options the interpreter does not support, with the
// state gosh always behaves as: setting them to that state is allowed.
var fixedShopts = map[string]bool{
	"progcomp":             true,  // programmable completion is always on
	"interactive_comments": true,  // the parser always reads comments
	"sourcepath":           true,  // source searches $PATH
	"failglob":             false, // a glob that matches nothing stays
	"nocasematch":          false, // [[ == ]] and case match case
}

// flagOptions are the set -o options that have a letter in $-.
var flagOptions = map[string]byte{
	"allexport": 'a', "errexit": 'e', "noexec": 'n', "noglob": 'f', "nounset": 'u', "xtrace": 'x',
}

// shoptCall handles the shopt commands the interpreter cannot; handled
// is false for the others.
func (s *Shell) shoptCall(ctx context.Context, args []string) ([]string, bool) {
	var flags = map[byte]bool{}
	i := 1
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
	names := args[i:]
	if len(names) == 0 {
		return args, false
	}
	for _, n := range names {
		if flags['o'] && !slices.Contains(setoptNames(), n) || !flags['o'] && !slices.Contains(shoptNames(), n) {
			return args, false // the interpreter reports it
		}
	}
	switch {
	case flags['p'] || flags['q']:
		return []string{"eval", s.shoptQuery(names, flags['o'], flags['q'])}, true
	case flags['o']:
		return args, false
	case flags['s'] || flags['u']:
		on := flags['s']
		keep := []string{}
		script := ""
		for _, n := range names {
			if n == "hostcomplete" {
				st := s.integ()
				st.mu.Lock()
				st.noHostComplete = !on
				st.mu.Unlock()
				// bash takes @ out of COMP_WORDBREAKS and puts it back.
				script = "COMP_WORDBREAKS=${COMP_WORDBREAKS//@/}"
				if on {
					script += "@"
				}
				continue
			}
			if state, ok := fixedShopts[n]; ok && state == on {
				continue
			}
			keep = append(keep, n)
		}
		if len(keep) == len(names) {
			return args, false
		}
		if len(keep) > 0 {
			var b strings.Builder
			for _, a := range append(slices.Clone(args[:i]), keep...) {
				b.WriteString(shellQuote(a) + " ")
			}
			script = strings.TrimSpace(b.String() + "&& " + script)
			script = strings.TrimSuffix(script, "&&")
		}
		if script == "" {
			return statusCommand(0), true
		}
		return []string{"eval", script}, true
	}
	return args, false
}

// shoptQuery returns shell code that prints each option as a command
// that sets it back (-p), or only succeeds when all are on (-q).
func (s *Shell) shoptQuery(names []string, posix, quiet bool) string {
	var b strings.Builder
	for k, n := range names {
		var test string // code that succeeds when the option is on
		switch {
		case posix && flagOptions[n] != 0:
			test = "case $- in *" + string(flagOptions[n]) + "*) true;; *) false;; esac"
		case posix:
			test = "case $(shopt -o " + n + ") in *on) true;; *) false;; esac"
		case n == "hostcomplete":
			st := s.integ()
			st.mu.Lock()
			test = map[bool]string{true: "false", false: "true"}[st.noHostComplete]
			st.mu.Unlock()
		default:
			if on, ok := fixedShopts[n]; ok {
				test = map[bool]string{true: "true", false: "false"}[on]
			} else {
				test = "case $(shopt " + n + ") in *on) true;; *) false;; esac"
			}
		}
		if quiet {
			if k > 0 {
				b.WriteString(" && ")
			}
			b.WriteString("{ " + test + "; }")
			continue
		}
		set, unset := "shopt -s "+n, "shopt -u "+n
		if posix {
			set, unset = "set -o "+n, "set +o "+n
		}
		b.WriteString("if " + test + "; then echo '" + set + "'; else echo '" + unset + "'; false; fi\n")
		if len(names) > 1 {
			// Each line's status is not the command's.
			continue
		}
	}
	if !quiet && len(names) > 1 {
		// The status says whether all are on, as in bash.
		b.WriteString(s.shoptQuery(names, posix, true))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// setCall drops set +v, verbose mode being always off in gosh; handled is
// false for other set commands.
func setCall(args []string) ([]string, bool) {
	if !slices.Contains(args[1:], "+v") {
		return args, false
	}
	rest := []string{args[0]}
	for _, a := range args[1:] {
		if a != "+v" {
			rest = append(rest, a)
		}
	}
	if len(rest) == 1 {
		return statusCommand(0), true
	}
	return rest, true
}

// hostComplete reports whether a word starting with @ completes to host
// names (shopt hostcomplete, on unless turned off).
func (s *Shell) hostComplete() bool {
	st := s.integ()
	st.mu.Lock()
	defer st.mu.Unlock()
	return !st.noHostComplete
}
