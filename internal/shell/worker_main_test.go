package shell

import (
	"os"
	"testing"

	"github.com/goshell/gosh/runtime/multiprocessing"
)

// TestMain lets the test binary serve as a worker of parallel's process
// pool, as cmd/gosh's main does: a child started by runtime/multiprocessing
// runs what it was started for and exits in multiprocessing.Main.
func TestMain(m *testing.M) {
	multiprocessing.Main()
	os.Exit(m.Run())
}
