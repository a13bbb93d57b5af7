// Command gosh is a bash-like shell built on mvdan.cc/sh/v3.
//
// Usage:
//
//	gosh [options] -c COMMAND [NAME [ARG...]]
//	gosh [options] FILE [ARG...]
//	gosh [options]              (script on standard input)
//
// This command only parses its arguments and picks a mode; the shell itself
// lives in internal/shell.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/goshell/gosh/internal/shell"
)

const usage = `usage: gosh [options] -c COMMAND [NAME [ARG...]]
       gosh [options] FILE [ARG...]
       gosh [options]

Runs a shell script given as COMMAND, read from FILE, or read from standard
input. NAME becomes $0 (default "gosh") and the ARGs $1, $2, ...

Options:
  -c            run COMMAND, the first operand
  -i            interactive: expand aliases and source ~/.goshrc first
  -l, --login   login shell: source ~/.gosh_profile first
  --norc        do not source ~/.goshrc
  --noprofile   do not source ~/.gosh_profile
  --version     print the version and exit
  -h, --help    print this help and exit

With no operands and a terminal on standard input, gosh is interactive.
See docs/gosh.md for the user guide.
`

// config is what the command line asks for.
type config struct {
	command     bool // -c: the first operand is the script
	interactive bool
	login       bool
	noRC        bool
	noProfile   bool
	help        bool
	version     bool
	operands    []string
}

// usageError is a command line that gosh does not understand.
type usageError string

func (e usageError) Error() string { return string(e) }

// parseArgs parses the command line like bash does: options come first,
// and the first operand, or "--", ends them.
func parseArgs(args []string) (config, error) {
	var c config
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--", arg == "-":
			// As in bash, a lone "-" also ends the options.
			c.operands = args[i+1:]
			return c, nil
		case arg == "--norc":
			c.noRC = true
		case arg == "--noprofile":
			c.noProfile = true
		case arg == "--login":
			c.login = true
		case arg == "--version":
			c.version = true
		case arg == "--help":
			c.help = true
		case strings.HasPrefix(arg, "--"):
			return c, usageError(arg + ": invalid option")
		case len(arg) > 1 && arg[0] == '-':
			for _, f := range arg[1:] {
				switch f {
				case 'c':
					c.command = true
				case 'i':
					c.interactive = true
				case 'l':
					c.login = true
				case 'h':
					c.help = true
				default:
					return c, usageError(fmt.Sprintf("-%c: invalid option", f))
				}
			}
		default:
			c.operands = args[i:]
			return c, nil
		}
	}
	return c, nil
}

func main() {
	growStack()
	shell.WorkerMain() // gosh started again as a helper (parallel worker, sem holder, mq server, timer job) runs here and exits
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// growStack grows the main goroutine's stack in one step, while it is
// shallow, to the 16 KiB that running a command takes. Otherwise the
// stack starts small and is copied three times as the interpreter's calls
// nest, each copy walking every frame's tables: a tenth of the instructions
// of "gosh -c true" (docs/benchmarks.md, "gosh: start-up and running
// commands").
//
//go:noinline
func growStack() {
	var frame [8 << 10]byte
	use(frame[:])
}

//go:noinline
func use(b []byte) { _ = b[len(b)-1] }

// run runs gosh with the given command line (argv[0] first) and returns
// its exit status. As with bash, an argv[0] starting with "-" (as login(1)
// starts a shell) makes a login shell.
func run(argv []string, stdin *os.File, stdout, stderr io.Writer) int {
	c, err := parseArgs(argv[1:])
	if len(argv) > 0 && strings.HasPrefix(argv[0], "-") {
		c.login = true
	}
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "gosh: %v\n%s", err, usage)
		return 2
	case c.help:
		fmt.Fprint(stdout, usage)
		return 0
	case c.version:
		fmt.Fprintf(stdout, "gosh version %s\n", shell.Version)
		return 0
	case c.command && len(c.operands) == 0:
		fmt.Fprintf(stderr, "gosh: -c: option requires an argument\n%s", usage)
		return 2
	}

	opts := shell.Options{
		Interactive: c.interactive,
		Login:       c.login,
		NoRC:        c.noRC,
		NoProfile:   c.noProfile,
		Stdin:       stdin,
		Stdout:      stdout,
		Stderr:      stderr,
	}
	if len(c.operands) == 0 && term.IsTerminal(int(stdin.Fd())) {
		// Like bash, a shell reading commands from a terminal is
		// interactive.
		opts.Interactive = true
	}
	if c.command && len(c.operands) > 1 {
		opts.Name = c.operands[1]
		opts.Args = c.operands[2:]
	} else if !c.command && len(c.operands) > 0 {
		opts.Args = c.operands[1:]
	}
	sh, err := shell.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "gosh: %v\n", err)
		return 1
	}

	ctx := context.Background()
	switch {
	case c.command:
		err = sh.RunString(ctx, c.operands[0])
	case len(c.operands) > 0:
		err = sh.RunFile(ctx, c.operands[0])
	case opts.Interactive:
		err = sh.RunInteractive(ctx)
	default:
		err = sh.RunReader(ctx, stdin, "stdin")
	}
	return sh.Report(err)
}
