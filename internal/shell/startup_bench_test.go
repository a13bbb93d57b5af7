package shell

import (
	"context"
	"io"
	"os"
	"testing"
)

// BenchmarkNewRunTrue is the work of "gosh -c true" after the runtime has
// started: a new Shell, as cmd/gosh makes one for -c, that runs "true".
// Its allocations are a start-up cost of every non-interactive gosh (see
// docs/benchmarks.md, "gosh: start-up and running commands").
func BenchmarkNewRunTrue(b *testing.B) {
	env := os.Environ()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		sh, err := New(Options{Env: env, Stdin: os.Stdin, Stdout: io.Discard, Stderr: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		if err := sh.RunString(ctx, "true"); err != nil {
			b.Fatal(err)
		}
	}
}
