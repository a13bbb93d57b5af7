package shell

import (
	"os"
	"testing"
)

// TestMain lets the test binary serve as gosh's helper processes (the
// workers of parallel, sem's holders, mq's server, the processes of after
// and every), as cmd/gosh's main does: WorkerMain runs what such a child
// was started for and exits.
func TestMain(m *testing.M) {
	WorkerMain()
	os.Exit(m.Run())
}
