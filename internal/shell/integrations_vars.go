package shell

import (
	"context"
	"runtime"
	"runtime/debug"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// bashVersion is the bash release whose behaviour gosh follows (its
// readline is 8.2's): scripts written for bash test BASH_VERSINFO to pick
// what they use, as fzf's key bindings choose bind -x over macros from
// bash 4 on.
var bashVersion = []string{"5", "2", "0", "1", "release"}

// setBashVars sets the variables bash always has and scripts written for
// it read: BASH_VERSINFO and BASH_VERSION (read-only, as in bash), and
// COMP_WORDBREAKS with bash's default (with the @ of hostcomplete),
// unless the environment has them.
func (s *Shell) setBashVars() {
	var src string
	if v := s.runner.Env.Get("COMP_WORDBREAKS"); !v.IsSet() {
		src = "COMP_WORDBREAKS=" + shellQuote(defaultCompWordbreaks) + "\n"
	}
	if v := s.runner.Env.Get("BASH_VERSINFO"); !v.IsSet() {
		src += bashVersionScript()
	}
	if src == "" {
		return
	}
	f, err := syntax.NewParser().Parse(strings.NewReader(src), "")
	if err != nil {
		return
	}
	for _, st := range f.Stmts {
		s.runner.Run(context.Background(), st) //nolint:errcheck
	}
}

// defaultCompWordbreaks is bash's COMP_WORDBREAKS with hostcomplete on.
const defaultCompWordbreaks = " \t\n\"'@><=;|&(:"

// bashVersionScript assigns BASH_VERSINFO and BASH_VERSION.
func bashVersionScript() string {
	arch := runtime.GOARCH
	switch arch {
	case "amd64":
		arch = "x86_64"
	case "arm64":
		arch = "aarch64"
	case "386":
		arch = "i686"
	}
	info := append(append([]string(nil), bashVersion...), arch+"-pc-"+runtime.GOOS+"-gnu")
	version := info[0] + "." + info[1] + "." + info[2] + "(" + info[3] + ")-" + info[4]
	return "BASH_VERSINFO=(" + strings.Join(info, " ") + ")\nBASH_VERSION=" + shellQuote(version) +
		"\nreadonly BASH_VERSINFO BASH_VERSION\n"
}

// startupMemoryLimit bounds the heap while the garbage collector is
// paused for the start-up files: past it, the collector runs anyway.
const startupMemoryLimit = 256 << 20

// pauseGC stops the garbage collector while the start-up files run and
// returns what starts it again. Sourcing bash-completion parses and runs
// some 2,000 lines, whose few megabytes of garbage cost a collection
// that, on a small machine, took as long as the rest of the work (the
// first prompt came 40% later with it).
func pauseGC() (restore func()) {
	limit := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(limit, startupMemoryLimit))
	percent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
