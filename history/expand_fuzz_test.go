package history_test

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/history"
)

// FuzzExpand checks that Expand never panics, always returns, keeps to
// MaxLen and returns well-formed errors, for any line, history and
// settings. flags selects the settings; chars, if not empty, gives the
// expansion, substitution and comment characters.
func FuzzExpand(f *testing.F) {
	for _, s := range []string{
		"!!", "!-2:1-$:h:t", "!ec:s/o/0/:p", "!?two?:%:q", "^one^1^", "a b !#:1",
		"!!:gs/o/oo o/:g&:&:Gs/ /_/", "!!:Gs/o/o o/", "!$:x", "echo '!!' \"!!\" \\!! #!!",
		"$'\\'!!' ${!x} [!a] $! !(x) $(echo '!!') `!!`", "!!:36", "!!:1-36*", "!?é?:%",
		"\xc3!!", "!!:s§x§y§", "x !#!#!#!#!#!#!#!#!#!#!#!#!#!#!#!#!#!#", "!!:s/o/&&&&&&&&&&&&&&/",
		"!-99999999999999999999", "!!:99999999999999999999", "!!:s/\\/", "!?", "!??", "!\x00!",
	} {
		f.Add(s, "echo one two three", "ls -l /tmp/foo.txt 'a b' <(x) $(y z) a\\", uint8(0), "")
		f.Add(s, "a", "b\nc # d", uint8(0xff), "+@;")
	}
	f.Fuzz(func(t *testing.T, line, h1, h2 string, flags uint8, chars string) {
		if len(line) > 1000 || len(h1) > 1000 || len(h2) > 1000 {
			return
		}
		x := history.BashExpander()
		if flags&1 != 0 {
			x = &history.Expander{}
		}
		x.ByteOriented = flags&2 != 0
		x.QuotingState = []byte{0, '\'', '"', 0}[flags>>2&3]
		x.QuotesInhibit = x.QuotesInhibit != (flags&16 != 0)
		if flags&32 != 0 {
			x.Inhibit = func(s string, i int) bool {
				return history.BashInhibit(s, i, x.QuotingState, flags&64 != 0)
			}
		}
		if flags&128 != 0 {
			x.Base = len(h1) - 3
		}
		if len(chars) >= 3 {
			x.Char, x.SubstChar, x.CommentChar = chars[0], chars[1], chars[2]
			x.NoExpandChars = chars[3:]
			x.SearchDelimChars = chars[min(len(chars), 4):]
		}
		const maxLen = 1 << 14
		x.MaxLen = maxLen
		ev := hxSliceEvents{h1, h2, h1 + h2}
		hc := x.Char
		if hc == 0 {
			hc = '!'
		}
		sc := x.SubstChar
		if sc == 0 {
			sc = '^'
		}

		done := make(chan string, 1)
		go func() {
			defer func() {
				if p := recover(); p != nil {
					done <- fmt.Sprintf("panic: %v\n%s", p, debug.Stack())
				}
			}()
			var problems []string
			for k := range 2 { // twice, to use the state left by the first call
				out, printOnly, err := x.Expand(line, ev)
				if p := hxCheckResult(line, out, printOnly, err, hc, sc, maxLen); p != "" {
					problems = append(problems, fmt.Sprintf("call %d: %s", k+1, p))
				}
			}
			for i := -1; i <= len(line); i++ {
				history.BashInhibit(line, i, x.QuotingState, true)
			}
			done <- strings.Join(problems, "\n")
		}()
		select {
		case p := <-done:
			if p != "" {
				t.Fatalf("Expand(%q) with history %q: %s", line, ev, p)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Expand(%q) with history %q did not return", line, ev)
		}
	})
}

func hxCheckResult(line, out string, printOnly bool, err error, hc, sc byte, maxLen int) string {
	if err != nil {
		var xe *history.ExpandError
		if !errors.As(err, &xe) {
			return fmt.Sprintf("error %T %v is not an *ExpandError", err, err)
		}
		known := false
		for _, e := range []error{history.ErrEventNotFound, history.ErrBadWordSpec, history.ErrSubstFailed,
			history.ErrBadModifier, history.ErrNoPrevSubst, history.ErrTooLong} {
			known = known || xe.Err == e
		}
		if !known || xe.Error() != xe.Text+": "+xe.Err.Error() {
			return fmt.Sprintf("malformed error %#v", xe)
		}
		if out != "" || printOnly {
			return fmt.Sprintf("error %v with output %q, printOnly %v", err, out, printOnly)
		}
		return ""
	}
	if len(out) > maxLen {
		return fmt.Sprintf("output of %d bytes, over MaxLen", len(out))
	}
	if strings.IndexByte(line, hc) < 0 && (line == "" || line[0] != sc) && (out != line || printOnly) {
		return fmt.Sprintf("line without expansions became %q, printOnly %v", out, printOnly)
	}
	return ""
}
