package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStartupDeps checks that gosh does not link packages whose
// initialization every "gosh -c" would pay for, although the shell does
// not need them: lipgloss and its dependencies, encoding/gob (about
// 0.3 ms; runtime/multiprocessing keeps its gob codec in a package of its
// own, which the shell must not import), and runtime/pprof (a profiling
// hook left in main brought it, and compress/flate, in). See
// docs/benchmarks.md, "gosh: start-up and running commands".
func TestStartupDeps(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "charm.land/lipgloss/v2", "github.com/charmbracelet/colorprofile",
			"github.com/charmbracelet/ultraviolet", "github.com/charmbracelet/x/ansi",
			"charm.land/bubbletea/v2",
			"encoding/gob", "github.com/goshell/gosh/runtime/multiprocessing/gobcodec",
			"runtime/pprof", "compress/flate":
			t.Errorf("gosh links %s, whose initialization every start pays for", pkg)
		}
	}
}
