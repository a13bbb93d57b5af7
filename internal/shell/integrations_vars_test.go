package shell

import (
	"context"
	"os"
	"testing"
)

// TestBashVarsEnviron checks the variables withBashVars adds: not
// exported, read-only where bash's are, COMP_WORDBREAKS changeable and
// unsettable, and the environment's own values kept.
func TestBashVarsEnviron(t *testing.T) {
	run := func(env []string, script string) string {
		t.Helper()
		// A file, so that external commands write to it themselves.
		out, err := os.CreateTemp(t.TempDir(), "out")
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		s, err := New(Options{Stdout: out, Env: env})
		if err != nil {
			t.Fatal(err)
		}
		s.RunString(context.Background(), script) //nolint:errcheck
		b, err := os.ReadFile(out.Name())
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	path := []string{"PATH=/usr/bin:/bin"}
	if got := run(path, `env | grep -c -e ^BASH_VERSION= -e ^COMP_WORDBREAKS=; BASH_VERSINFO[0]=9 2>/dev/null; echo "${BASH_VERSINFO[*]:0:5}"`); got != "0\n5 2 0 1 release\n" {
		t.Errorf("exported or writable: %q", got)
	}
	if got := run(path, `COMP_WORDBREAKS=' '; printf '[%s]' "$COMP_WORDBREAKS"; unset COMP_WORDBREAKS; echo "${COMP_WORDBREAKS-unset}"`); got != "[ ]unset\n" {
		t.Errorf("COMP_WORDBREAKS: %q", got)
	}
	if got := run([]string{"COMP_WORDBREAKS=:"}, `echo "$COMP_WORDBREAKS"; for v in "${!BASH_@}"; do echo "$v"; done`); got != ":\nBASH_VERSINFO\nBASH_VERSION\n" {
		t.Errorf("environment's COMP_WORDBREAKS or the names: %q", got)
	}
}
