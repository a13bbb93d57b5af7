// Command startup-floor is the least a Go shell built on mvdan.cc/sh must
// do to run "NAME -c SCRIPT": start the Go runtime, parse the script and
// interpret it. scripts/bench-shell times it beside bash and gosh, to
// show how much of gosh's start-up is its own and how much the floor that
// any shell on this interpreter pays.
package main

import (
	"context"
	"os"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

func main() {
	if len(os.Args) != 3 || os.Args[1] != "-c" {
		os.Stderr.WriteString("usage: startup-floor -c SCRIPT\n")
		os.Exit(2)
	}
	f, err := syntax.NewParser().Parse(strings.NewReader(os.Args[2]), "")
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(2)
	}
	r, err := interp.New(interp.StdIO(os.Stdin, os.Stdout, os.Stderr))
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(2)
	}
	if err := r.Run(context.Background(), f); err != nil {
		if status, ok := err.(interp.ExitStatus); ok {
			os.Exit(int(status))
		}
		os.Exit(1)
	}
}
