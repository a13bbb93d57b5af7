package history

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestHasWide compares hasWide, which asks the CPU itself, with the avx2
// flag of /proc/cpuinfo, which Linux shows only where the CPU has AVX2 and
// the kernel saves the YMM registers.
func TestHasWide(t *testing.T) {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Skipf("no /proc/cpuinfo: %v", err)
	}
	for line := range strings.Lines(string(b)) {
		name, flags, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) != "flags" {
			continue
		}
		want := slices.Contains(strings.Fields(flags), "avx2")
		if got := hasWide(); got != want {
			t.Errorf("hasWide() = %v, /proc/cpuinfo says avx2 %v", got, want)
		}
		if useWide() != want {
			t.Errorf("useWide() = %v, want %v", useWide(), want)
		}
		return
	}
	t.Skip("no flags in /proc/cpuinfo")
}
