package thread

import (
	"os"
	"testing"
)

// mainIdent is GetIdent as seen by the test binary's main goroutine, which
// runs TestMain (the tests themselves run on other goroutines).
var mainIdent uint64

func TestMain(m *testing.M) {
	mainIdent = GetIdent()
	os.Exit(m.Run())
}
