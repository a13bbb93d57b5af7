package shell

import (
	"runtime"
	"runtime/debug"

	"mvdan.cc/sh/v3/expand"
)

// bashVersion is the bash release whose behaviour gosh follows (its
// readline is 8.2's): scripts written for bash test BASH_VERSINFO to pick
// what they use, as fzf's key bindings choose bind -x over macros from
// bash 4 on.
var bashVersion = []string{"5", "2", "0", "1", "release"}

// withBashVars returns env with the variables bash always has and scripts
// written for it read: BASH_VERSINFO and BASH_VERSION (read-only, as in
// bash), and COMP_WORDBREAKS with bash's default (with the @ of
// hostcomplete), unless env has them. They sit below the interpreter's
// own variables, like the environment, so a script may change or unset
// COMP_WORDBREAKS; none is exported. (Parsing and running an assignment
// script for them cost every start about 0.1 ms.)
func withBashVars(env expand.Environ) expand.Environ {
	var vars []bashVar
	if !env.Get("COMP_WORDBREAKS").IsSet() {
		vars = append(vars, bashVar{"COMP_WORDBREAKS", expand.Variable{Set: true, Kind: expand.String, Str: defaultCompWordbreaks}})
	}
	if !env.Get("BASH_VERSINFO").IsSet() {
		info, version := bashVersionInfo()
		vars = append(vars,
			bashVar{"BASH_VERSINFO", expand.Variable{Set: true, Kind: expand.Indexed, List: info, ReadOnly: true}},
			bashVar{"BASH_VERSION", expand.Variable{Set: true, Kind: expand.String, Str: version, ReadOnly: true}})
	}
	if len(vars) == 0 {
		return env
	}
	return bashEnviron{Environ: env, vars: vars}
}

// bashVar is one variable withBashVars adds.
type bashVar struct {
	name string
	vr   expand.Variable
}

// bashEnviron is an environment with variables added over it.
type bashEnviron struct {
	expand.Environ
	vars []bashVar
}

// Get returns the variable name.
func (e bashEnviron) Get(name string) expand.Variable {
	for _, v := range e.vars {
		if v.name == name {
			return v.vr
		}
	}
	return e.Environ.Get(name)
}

// Each calls f for each variable, the added ones last (in place of the
// environment's variables of the same names).
func (e bashEnviron) Each(f func(name string, vr expand.Variable) bool) {
	stopped := false
	e.Environ.Each(func(name string, vr expand.Variable) bool {
		for _, v := range e.vars {
			if v.name == name {
				return true
			}
		}
		stopped = !f(name, vr)
		return !stopped
	})
	if stopped {
		return
	}
	for _, v := range e.vars {
		if !f(v.name, v.vr) {
			return
		}
	}
}

// defaultCompWordbreaks is bash's COMP_WORDBREAKS with hostcomplete on.
const defaultCompWordbreaks = " \t\n\"'@><=;|&(:"

// bashVersionInfo returns the values of BASH_VERSINFO and BASH_VERSION.
func bashVersionInfo() (info []string, version string) {
	arch := runtime.GOARCH
	switch arch {
	case "amd64":
		arch = "x86_64"
	case "arm64":
		arch = "aarch64"
	case "386":
		arch = "i686"
	}
	info = append(append([]string(nil), bashVersion...), arch+"-pc-"+runtime.GOOS+"-gnu")
	version = info[0] + "." + info[1] + "." + info[2] + "(" + info[3] + ")-" + info[4]
	return info, version
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
