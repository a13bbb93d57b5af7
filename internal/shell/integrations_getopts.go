package shell

import (
	"context"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// getopts and "--": the interpreter's getopts stops at "--" without
// stepping over it, so that OPTIND points at "--" rather than at the
// first operand (bash-completion's _known_hosts_real -a -- HOST then
// finds "--" left). gosh steps over it: when OPTIND points at "--", the
// call becomes the assignments bash would make. This is done for getopts
// given its arguments (as bash-completion always does); one reading
// "$@" is the interpreter's alone.

// getoptsCall handles getopts at a "--"; handled is false otherwise.
func (s *Shell) getoptsCall(ctx context.Context, args []string) ([]string, bool) {
	if len(args) < 4 || !syntax.ValidName(args[2]) {
		return args, false // without arguments it reads "$@", not seen here
	}
	hc := interp.HandlerCtx(ctx)
	optind, err := strconv.Atoi(strings.TrimSpace(hc.Env.Get("OPTIND").String()))
	if err != nil || optind < 1 || optind > len(args)-3 || args[3+optind-1] != "--" {
		return args, false
	}
	return []string{"eval", "OPTIND=" + strconv.Itoa(optind+1) + "; " + args[2] + "='?'; false"}, true
}
