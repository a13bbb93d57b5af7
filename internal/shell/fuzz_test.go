package shell

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// FuzzParse checks that any input either parses or gives a *SyntaxError
// in the documented "-c: LINE:COL: MSG" form, and never panics.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"echo hello",
		"if true; then",
		"echo )",
		"f() { echo \"$1\"; }; f x | cat >out 2>&1",
		"cat <<EOF\n$x\nEOF\n",
		"echo 'open",
		"for i in 1 2; do echo $((i*2)); done",
		"a=(1 2 3); echo ${a[@]:1}",
		"[[ -n $x && $y =~ ^a ]]",
		"case $x in a) ;; esac",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := parse(strings.NewReader(src), CommandSource)
		if err == nil {
			if file == nil {
				t.Fatal("nil file and nil error")
			}
			return
		}
		se, ok := errors.AsType[*SyntaxError](err)
		if !ok {
			t.Fatalf("error %v (%T) is not a *SyntaxError", err, err)
		}
		if se.Msg == "" {
			t.Errorf("empty message in %q", se.Error())
		}
		prefix := fmt.Sprintf("-c: %d:%d: ", se.Line, se.Col)
		if !strings.HasPrefix(se.Error(), prefix) {
			t.Errorf("error %q does not start with %q", se.Error(), prefix)
		}
		if ExitCode(err) != 2 {
			t.Errorf("ExitCode = %d, want 2", ExitCode(err))
		}
	})
}
