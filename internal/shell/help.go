package shell

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/interp"
)

func init() { registerDefault("help", (*Shell).helpBuiltin) }

// A helpTopic documents a built-in for help.
type helpTopic struct {
	synopsis string // "fg [job_spec]"
	short    string // one line, for help -d
	long     string // the description's paragraphs, for help NAME
	// unimplemented marks a name the interpreter reserves but does not
	// run, when no gosh built-in takes its place.
	unimplemented bool
}

// helpTopics documents the gosh built-ins, next to the registry of
// built-ins itself (defaultBuiltins): every default built-in has a topic.
// The init functions fill it at every start, so it is made with room for
// them (up to 28 entries fit without growing the map): growing it step by
// step cost more than filling it.
var helpTopics = make(map[string]helpTopic, 28)

// registerHelp documents the gosh built-in name. It is meant to be called
// from init, with registerDefault.
func registerHelp(name string, t helpTopic) {
	if _, dup := helpTopics[name]; dup {
		panic("shell: duplicate help topic " + name)
	}
	helpTopics[name] = t
}

// helpTopicFor returns the topic for name: the gosh built-in's if the shell
// has one registered, else the interpreter's.
func (s *Shell) helpTopicFor(name string) (helpTopic, bool) {
	_, gosh := s.lookupBuiltin(name)
	if t, ok := helpTopics[name]; ok && gosh {
		return t, true
	}
	t, ok := interpHelp()[name]
	if !ok && !gosh {
		t, ok = keywordHelp()[name]
	}
	if gosh {
		// A gosh built-in without a topic of its own: bash's synopsis
		// if it has bash's name, else just the name.
		if !ok {
			t = helpTopic{synopsis: name, short: "A gosh built-in."}
		}
		t.unimplemented = false
		return t, true
	}
	return t, ok
}

// helpNames returns every documented name, sorted: bash's topics (its
// built-ins, compound commands and reserved words, job specs and
// variables) and gosh's own built-ins.
func (s *Shell) helpNames() []string {
	var names []string
	for n := range interpHelp() {
		names = append(names, n)
	}
	for n := range keywordHelp() {
		names = append(names, n)
	}
	names = append(names, s.Builtins()...)
	slices.Sort(names)
	return slices.Compact(names)
}

// helpBuiltin is bash's help [-dms] [pattern ...]: with no pattern, the
// synopses of all built-ins in two columns; else, for each built-in whose
// name matches the pattern (a glob, or a prefix), its synopsis and
// description.
func (s *Shell) helpBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		flags, rest, bad := parseFlags(args[1:], "dms")
		if bad != 0 {
			fmt.Fprintf(stderrOf(ctx), "gosh: help: -%c: invalid option\nhelp: usage: help [-dms] [pattern ...]\n", bad)
			return interp.ExitStatus(2)
		}
		out := stdoutOf(ctx)
		if len(rest) == 0 {
			fmt.Fprint(out, s.helpList())
			return nil
		}
		status := 0
		var b strings.Builder
		if globPattern(rest[0]) {
			// bash names the patterns when the first one is a glob.
			word := "keyword"
			if len(rest) > 1 {
				word = "keywords"
			}
			fmt.Fprintf(&b, "Shell commands matching %s `%s'\n\n", word, strings.Join(rest, ", "))
		}
		for _, pattern := range rest {
			matches := s.helpMatch(pattern)
			if len(matches) == 0 {
				fmt.Fprintf(stderrOf(ctx), "gosh: help: no help topics match `%s'.  Try `help help' or `man -k %s' or `info %s'.\n", pattern, pattern, pattern)
				status = 1
				continue
			}
			for _, name := range matches {
				t, _ := s.helpTopicFor(name)
				switch {
				case flags['d']:
					fmt.Fprintf(&b, "%s - %s\n", name, t.short)
				case flags['s']:
					fmt.Fprintf(&b, "%s: %s\n", name, t.synopsis)
				case flags['m']:
					fmt.Fprintf(&b, "NAME\n    %s - %s\n\nSYNOPSIS\n    %s\n\nDESCRIPTION\n%s\n", name, t.short, t.synopsis, indent4(t.short+"\n\n"+t.long))
				default:
					fmt.Fprintf(&b, "%s: %s\n%s", name, t.synopsis, indent4(t.short+"\n\n"+t.long))
				}
			}
		}
		fmt.Fprint(out, b.String())
		if status != 0 {
			return interp.ExitStatus(status)
		}
		return nil
	}
}

// helpMatch returns the documented names a help pattern selects, as
// bash's help does: those equal to it or matching it as a glob, else
// those it starts.
func (s *Shell) helpMatch(pattern string) []string {
	names := s.helpNames()
	glob := strings.ReplaceAll(pattern, "[!", "[^")
	var out []string
	for _, name := range names {
		if ok, err := path.Match(glob, name); name == pattern || err == nil && ok {
			out = append(out, name)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, name := range names {
		if strings.HasPrefix(name, pattern) {
			out = append(out, name)
		}
	}
	return out
}

// globPattern reports whether bash takes word for a glob pattern
// (glob_pattern_p): an unescaped * or ?, a [ with a ] after it, or an
// extended glob's +( @( !(.
func globPattern(word string) bool {
	open := false
	for i := 0; i < len(word); i++ {
		switch c := word[i]; c {
		case '\\':
			i++
		case '*', '?':
			return true
		case '[':
			open = true
		case ']':
			if open {
				return true
			}
		case '+', '@', '!':
			if i+1 < len(word) && word[i+1] == '(' {
				return true
			}
		}
	}
	return false
}

// indent4 indents each line by four spaces, as bash's help does; the
// description's trailing blank lines go.
func indent4(text string) string {
	text = strings.TrimRight(text, "\n")
	var b strings.Builder
	for line := range strings.SplitSeq(text, "\n") {
		b.WriteString("    ")
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// helpList is help without arguments: bash's two columns of synopses,
// cut with ">" where too long, a star marking names gosh reserves but
// does not run.
func (s *Shell) helpList() string {
	var b strings.Builder
	fmt.Fprintf(&b, "gosh, version %s\n", Version)
	b.WriteString("These shell commands are defined internally.  Type `help' to see this list.\n")
	b.WriteString("Type `help name' to find out more about the function `name'.\n")
	b.WriteString("See docs/gosh.md for the shell in general.\n\n")
	b.WriteString("A star (*) next to a name means that the command is not implemented.\n\n")
	names := s.helpNames()
	const col = 40
	entry := func(name string) string {
		t, _ := s.helpTopicFor(name)
		mark := " "
		if t.unimplemented {
			mark = "*"
		}
		e := mark + t.synopsis
		if len(e) > col-2 {
			e = e[:col-3] + ">"
		}
		return e
	}
	half := (len(names) + 1) / 2
	for i := range half {
		left := entry(names[i])
		if i+half < len(names) {
			fmt.Fprintf(&b, "%-*s%s\n", col, left, entry(names[i+half]))
		} else {
			fmt.Fprintf(&b, "%s\n", left)
		}
	}
	return b.String()
}
