package terminfo

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCapabilityOrder checks every position of the name tables against
// ncurses itself: it has tic compile an entry that gives each predefined
// capability a value derived from its index in our tables, then checks that
// Parse finds each value under the right name. A name out of place would
// show up with another name's value.
func TestCapabilityOrder(t *testing.T) {
	needTool(t, "tic")
	var src strings.Builder
	src.WriteString("gosh-all|every predefined capability,\n")
	for _, name := range boolNames {
		fmt.Fprintf(&src, "\t%s,\n", name)
	}
	for i, name := range numberNames {
		fmt.Fprintf(&src, "\t%s#%d,\n", name, i+1)
	}
	for i, name := range stringNames {
		// tic turns the AIX box1 into acsc; box1 is the last name, so
		// its position is fixed by the table's length anyway.
		if name != "box1" {
			fmt.Fprintf(&src, "\t%s=S%d,\n", name, i)
		}
	}
	dir := t.TempDir()
	srcFile := filepath.Join(dir, "all.ti")
	if err := os.WriteFile(srcFile, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("tic", "-x", "-o", dir, srcFile).CombinedOutput(); err != nil {
		t.Fatalf("tic: %v\n%s", err, out)
	}
	ti, _, err := find("gosh-all", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range boolNames {
		if !ti.Bools[name] {
			t.Errorf("boolean %s not set", name)
		}
	}
	for i, name := range numberNames {
		if got := ti.Numbers[name]; got != i+1 {
			t.Errorf("Numbers[%q] = %d, want %d", name, got, i+1)
		}
	}
	for i, name := range stringNames {
		if want := fmt.Sprintf("S%d", i); name != "box1" && ti.Strings[name] != want {
			t.Errorf("Strings[%q] = %q, want %q", name, ti.Strings[name], want)
		}
	}
	if n := len(ti.Bools) + len(ti.Numbers) + len(ti.Strings); n != len(boolNames)+len(numberNames)+len(stringNames)-1 {
		t.Errorf("decoded %d capabilities, want %d", n, len(boolNames)+len(numberNames)+len(stringNames)-1)
	}
}

// TestTableSizes pins the table lengths to ncurses' BOOLCOUNT, NUMCOUNT
// and STRCOUNT.
func TestTableSizes(t *testing.T) {
	if len(boolNames) != 44 || len(numberNames) != 39 || len(stringNames) != 414 {
		t.Errorf("tables have %d, %d, %d names; ncurses has 44, 39, 414",
			len(boolNames), len(numberNames), len(stringNames))
	}
}
