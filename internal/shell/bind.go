package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/inputrc"
)

func init() { registerDefault("bind", (*Shell).bindBuiltin) }

// bindUsage is printed for a bad option, as bash prints its own.
const bindUsage = "bind: usage: bind [-lpsvPSVX] [-m keymap] [-f filename] [-q name] [-u name] [-r keyseq] [-x keyseq:shell-command] [keyseq:readline-function or readline-command]"

// bindOptions are the parsed options of one bind command.
type bindOptions struct {
	flags                                      map[byte]bool
	file, keymap, query, unbindName, removeSeq string
	unixCmd                                    string // -x
	lines                                      []string
	// unix, when set, carries out -x and -X (bindx.go) at the point of
	// bash's order where they come.
	unix func(cfg *inputrc.Config, stdout io.Writer) (status int)
}

// parseBindArgs parses bind's options the way bash's internal_getopt does
// for "lvpVPsSXf:q:u:m:r:x:": flags may be grouped, an option's argument may
// follow it in the same word or be the next word, and "--" or the first
// word not starting with "-" ends the options.
func parseBindArgs(args []string) (*bindOptions, error) {
	o := &bindOptions{flags: map[byte]bool{}}
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' {
			break
		}
		for j := 1; j < len(a); j++ {
			c := a[j]
			switch c {
			case 'l', 'v', 'p', 'V', 'P', 's', 'S', 'X':
				o.flags[c] = true
			case 'f', 'q', 'u', 'm', 'r', 'x':
				val := a[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						return nil, fmt.Errorf("-%c: option requires an argument", c)
					}
					i++
					val = args[i]
				}
				o.flags[c] = true
				switch c {
				case 'f':
					o.file = val
				case 'q':
					o.query = val
				case 'u':
					o.unbindName = val
				case 'm':
					o.keymap = val
				case 'r':
					o.removeSeq = val
				case 'x':
					o.unixCmd = val
				}
				j = len(a)
			default:
				return nil, fmt.Errorf("-%c: invalid option", c)
			}
		}
	}
	o.lines = args[i:]
	return o, nil
}

// bindBuiltin returns the bind built-in: bash's bind, over the shell's
// readline configuration.
func (s *Shell) bindBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		stdout, stderr := stdoutOf(ctx), stderrOf(ctx)
		o, err := parseBindArgs(args[1:])
		if err != nil {
			fmt.Fprintf(stderr, "gosh: bind: %v\n%s\n", err, bindUsage)
			return interp.ExitStatus(2)
		}
		if !s.opts.Interactive {
			fmt.Fprintln(stderr, "gosh: bind: warning: line editing not enabled")
		}
		getenv := func(name string) string { return hc.Env.Get(name).String() }
		cfg := s.readlineConfig(getenv)
		s.rlMu.Lock()
		defer s.rlMu.Unlock()
		// Report what this command found wrong, and what reading the init
		// file found if this is the first use of readline.
		defer func() {
			for _, w := range cfg.Warnings[s.rlReported:] {
				if w.File == "" {
					fmt.Fprintf(stderr, "gosh: bind: %s\n", w.Msg)
				} else {
					fmt.Fprintf(stderr, "gosh: %s\n", w)
				}
			}
			s.rlReported = len(cfg.Warnings)
		}()
		o.unix = s.bindUnix(o, stderr)
		defer s.pruneUnixCommands(cfg)
		return runBind(cfg, o, stdout)
	}
}

// runBind carries out a parsed bind command on cfg. The order of the steps
// is bash's.
func runBind(cfg *inputrc.Config, o *bindOptions, stdout io.Writer) error {
	if o.flags['m'] {
		km := cfg.KeymapByName(o.keymap)
		if km == nil {
			return fmt.Errorf("`%s': invalid keymap name", o.keymap)
		}
		saved := cfg.Keymap()
		cfg.SetKeymap(km)
		defer cfg.SetKeymap(saved)
	}
	var b strings.Builder
	if o.flags['l'] {
		for _, n := range cfg.Funmap.Names() {
			b.WriteString(n)
			b.WriteByte('\n')
		}
	}
	if o.flags['p'] {
		cfg.DumpFunctions(&b, nil, true)
	}
	if o.flags['P'] {
		cfg.DumpFunctions(&b, nil, false)
	}
	if o.flags['s'] {
		cfg.DumpMacros(&b, nil, true)
	}
	if o.flags['S'] {
		cfg.DumpMacros(&b, nil, false)
	}
	if o.flags['v'] {
		cfg.DumpVariables(&b, true)
	}
	if o.flags['V'] {
		cfg.DumpVariables(&b, false)
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return err
	}
	status := 0
	if o.flags['f'] {
		if err := cfg.ReadFile(o.file); err != nil {
			if u := errors.Unwrap(err); u != nil {
				err = u // "no such file or directory", without the path again
			}
			return fmt.Errorf("%s: cannot read: %v", o.file, err)
		}
	}
	if o.flags['q'] {
		bound, err := cfg.QueryFunction(stdout, nil, o.query)
		if err != nil {
			return err
		}
		if !bound {
			status = 1
		}
	}
	if o.flags['u'] {
		fn := cfg.Funmap.Lookup(o.unbindName)
		if fn == nil {
			return fmt.Errorf("`%s': unknown function name", o.unbindName)
		}
		cfg.UnbindFunction(nil, fn)
	}
	if o.flags['r'] {
		return cfg.UnbindKeyseq(nil, o.removeSeq)
	}
	if o.unix != nil {
		if st := o.unix(cfg, stdout); st != 0 {
			status = st
		}
	}
	for _, line := range o.lines {
		cfg.ParseLine(line)
	}
	if status != 0 {
		return interp.ExitStatus(status)
	}
	return nil
}
