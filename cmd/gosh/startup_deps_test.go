package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestStartupDeps checks that gosh does not link packages whose
// initialization every "gosh -c" would pay for, although the shell does
// not need them: lipgloss and its dependencies, encoding/gob (about
// 0.3 ms; runtime/multiprocessing keeps its gob codec in a package of its
// own, which the shell must not import), and runtime/pprof (a profiling
// hook left in main brought it, and compress/flate, in), and
// golang.org/x/sys/cpu (its init asks the CPU for every feature, and CPUID
// traps to the hypervisor on a virtual machine: about 0.08 ms; history
// asks for AVX2 itself, when it first searches). See
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
			"runtime/pprof", "compress/flate",
			"golang.org/x/sys/cpu":
			t.Errorf("gosh links %s, whose initialization every start pays for", pkg)
		}
	}
}

// startupInitBudget is how many bytes the initialization of gosh's own
// packages may allocate, at every start, before main runs. They took
// about 13 KB when this test was written, most of it internal/shell's
// tables of built-ins and help topics; lineedit's table of commands
// (10 KB) and completion's CRC-32C table (9 KB, 0.2 ms) had just been
// moved to their first use.
const startupInitBudget = 20 << 10

// TestStartupInitAllocs checks that gosh's own packages keep their
// initialization small: a table built at start rather than on first use
// costs every "gosh -c" its time. The time is too noisy to test; the
// bytes allocated (GODEBUG=inittrace=1) show the same tables.
func TestStartupInitAllocs(t *testing.T) {
	cmd := exec.Command(filepath.Join(binDir, "gosh"), "-c", "true")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("gosh -c true: %v\n%s", err, out)
	}
	total, seen := 0, 0
	var each []string
	for line := range strings.Lines(string(out)) {
		// init PKG @0.5 ms, 0.01 ms clock, 800 bytes, 8 allocs
		f := strings.Fields(line)
		if len(f) < 10 || f[0] != "init" || f[8] != "bytes," ||
			!strings.HasPrefix(f[1], "github.com/goshell/gosh/") {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("cannot read %q: %v", line, err)
		}
		seen++
		total += n
		each = append(each, fmt.Sprintf("%s %d", f[1], n))
	}
	if seen == 0 {
		t.Fatalf("no init lines for gosh's packages in GODEBUG=inittrace=1 output:\n%s", out)
	}
	if total > startupInitBudget {
		t.Errorf("the initialization of gosh's packages allocates %d bytes, more than %d; build tables on first use (sync.Once) instead:\n%s",
			total, startupInitBudget, strings.Join(each, "\n"))
	}
}
