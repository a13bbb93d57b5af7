package history_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/goshell/gosh/history"
)

var hxTableHist = []string{
	"echo one two three",              // 1
	"ls -l /tmp/foo.txt",              // 2
	"cat a.tar.gz b.c > out.log 2>&1", // 3
}

type hxTableCase struct {
	in    string
	out   string
	print bool   // the :p flag
	err   string // the whole message, "" for success
	is    error  // the error Expand wraps
}

func hxRunTable(t *testing.T, mk func() *history.Expander, hist []string, cases []hxTableCase) {
	t.Helper()
	for _, c := range cases {
		x := mk()
		out, printOnly, err := x.Expand(c.in, hxSliceEvents(hist))
		if c.err != "" {
			var xe *history.ExpandError
			switch {
			case err == nil:
				t.Errorf("%q: got %q, want error %q", c.in, out, c.err)
			case err.Error() != c.err:
				t.Errorf("%q: error %q, want %q", c.in, err, c.err)
			case !errors.As(err, &xe):
				t.Errorf("%q: error %T, want *ExpandError", c.in, err)
			case c.is != nil && !errors.Is(err, c.is):
				t.Errorf("%q: error %v is not %v", c.in, err, c.is)
			case out != "" || printOnly:
				t.Errorf("%q: error with out %q, printOnly %v", c.in, out, printOnly)
			}
			continue
		}
		if err != nil || out != c.out || printOnly != c.print {
			t.Errorf("%q:\n got %q, %v, %v\nwant %q, %v", c.in, out, printOnly, err, c.out, c.print)
		}
	}
}

func TestExpandBash(t *testing.T) {
	hxRunTable(t, history.BashExpander, hxTableHist, []hxTableCase{
		// Nothing to expand.
		{in: "", out: ""},
		{in: "echo hi", out: "echo hi"},
		{in: "echo ! x", out: "echo ! x"},
		{in: "echo x!", out: "echo x!"},
		{in: "echo !=x", out: "echo !=x"},
		{in: "echo !\tx", out: "echo !\tx"},
		{in: `echo "!"`, out: `echo "!"`},
		// Event designators.
		{in: "!!", out: "cat a.tar.gz b.c > out.log 2>&1"},
		{in: "x !! y", out: "x cat a.tar.gz b.c > out.log 2>&1 y"},
		{in: "!-1", out: "cat a.tar.gz b.c > out.log 2>&1"},
		{in: "!-2", out: "ls -l /tmp/foo.txt"},
		{in: "!1", out: "echo one two three"},
		{in: "!3", out: "cat a.tar.gz b.c > out.log 2>&1"},
		{in: "!4", err: "!4: event not found", is: history.ErrEventNotFound},
		{in: "!0", err: "!0: event not found"},
		{in: "!-4", err: "!-4: event not found"},
		{in: "!-0", err: "!-0: event not found"},
		{in: "!ec", out: "echo one two three"},
		{in: "!ec x", out: "echo one two three x"},
		{in: "!l;x", out: "ls -l /tmp/foo.txt;x"},
		{in: "!nomatch", err: "!nomatch: event not found"},
		{in: "!;", err: "!: event not found"},
		{in: "!-x", err: "!-x: event not found"},
		{in: "!?two?", out: "echo one two three"},
		{in: "!?tw", out: "echo one two three"},
		{in: "!?tw x", err: "!?tw x: event not found"},
		{in: "!?tw? x", out: "echo one two three x"},
		{in: "!?foo?:%", out: "/tmp/foo.txt"},
		{in: "!?.g?:%:r", out: "a.tar"},
		{in: "!?zz?", err: "!?zz?: event not found"},
		{in: "!?", err: "!?: event not found"},
		{in: "!%", out: ""},
		{in: "a b !#", out: "a b a b "},
		{in: "a !#:0", out: "a a"},
		{in: "!#", out: ""},
		{in: "!!!!", out: "cat a.tar.gz b.c > out.log 2>&1cat a.tar.gz b.c > out.log 2>&1"},
		// Word designators.
		{in: "!$", out: "2>&1"},
		{in: "!^", out: "a.tar.gz"},
		{in: "!*", out: "a.tar.gz b.c > out.log 2>&1"},
		{in: "!:0", out: "cat"},
		{in: "!!:0", out: "cat"},
		{in: "!!:1-2", out: "a.tar.gz b.c"},
		{in: "!!:2*", out: "b.c > out.log 2>&1"},
		{in: "!!:2-", out: "b.c > out.log"},
		{in: "!!:-2", out: "cat a.tar.gz b.c"},
		{in: "!!-2", out: "cat a.tar.gz b.c"},
		{in: "!!-", out: "cat a.tar.gz b.c > out.log"},
		{in: "!!^", out: "a.tar.gz"},
		{in: "!!$", out: "2>&1"},
		{in: "!!*", out: "a.tar.gz b.c > out.log 2>&1"},
		{in: "!!2", out: "cat a.tar.gz b.c > out.log 2>&12"},
		{in: "!!:^-$", out: "a.tar.gz b.c > out.log 2>&1"},
		{in: "!-3:3", out: "three"},
		{in: "!-3$", out: "three"},
		{in: "!ec^", out: "one"},
		{in: "!ec-1", out: "echo one"},
		{in: "!-3:4", err: ":4: bad word specifier", is: history.ErrBadWordSpec},
		{in: "!-3:3-1", err: ":3-1: bad word specifier"},
		{in: "!-3:4-", err: ":4-: bad word specifier"},
		{in: "!-3:3-", out: ""},
		{in: "!-3:3*", out: "three"},
		{in: "!-3:4*", err: ":4*: bad word specifier"},
		// Modifiers.
		{in: "!!:1:r", out: "a.tar"},
		{in: "!!:1:r:r", out: "a"},
		{in: "!!:1:e", out: ".gz"},
		{in: "!!:1:e:e", out: ".gz"},
		{in: "!-2:2:h", out: "/tmp"},
		{in: "!-2:2:h:h", out: ""},
		{in: "!-2:2:t", out: "foo.txt"},
		{in: "!-2:2:t:r", out: "foo"},
		{in: "!-2:h", out: "ls -l /tmp"},
		{in: "!!:p", out: "cat a.tar.gz b.c > out.log 2>&1", print: true},
		{in: "echo !!:0:p x", out: "echo cat x", print: true},
		{in: "!-3:q", out: "'echo one two three'"},
		{in: "!-3:x", out: "'echo' 'one' 'two' 'three'"},
		{in: "!-3:q:x", out: "'echo' 'one' 'two' 'three'"},
		{in: "!-3:s/o/0/", out: "ech0 one two three"},
		{in: "!-3:gs/o/0/", out: "ech0 0ne tw0 three"},
		{in: "!-3:as/o/0/", out: "ech0 0ne tw0 three"},
		{in: "!-3:Gs/e/E/", out: "Echo onE two thrEe"},
		{in: "!-3:s/o/[&]/", out: "ech[o] one two three"},
		{in: "!-3:gs/o/&&/", out: "echoo oone twoo three"},
		{in: `!-3:s/o/\&/`, out: "ech& one two three"},
		{in: "!-2:s|/|_|", out: "ls -l _tmp/foo.txt"},
		{in: `!-2:s/\//_/`, out: "ls -l _tmp/foo.txt"},
		{in: "!-3:s/one/1", out: "echo 1 two three"},
		{in: "!-3:s/one/1/ x", out: "echo 1 two three x"},
		{in: "!-3:s/one//", out: "echo  two three"},
		{in: "!-3:s/t/T/:s/t/T/", out: "echo one Two Three"},
		{in: "!-3:s", out: "echo one two three"},
		{in: "!-3:s/zz/y/", err: ":s/zz/y/: substitution failed", is: history.ErrSubstFailed},
		{in: "!-3:t:s/zz/y/:p", err: ":t:s/zz/y/: substitution failed"},
		{in: "!-3:s//y/", err: ":s//y/: no previous substitution", is: history.ErrNoPrevSubst},
		{in: "!!:&", err: ":&: no previous substitution"},
		{in: "!!:g&", err: ":g&: no previous substitution"},
		{in: "!!:z", err: "z: unrecognized history modifier", is: history.ErrBadModifier},
		{in: "!!:gz", err: "z: unrecognized history modifier"},
		{in: "!!:gG", err: "G: unrecognized history modifier"},
		{in: "!!:", err: ": unrecognized history modifier"},
		{in: "!!:g", err: ": unrecognized history modifier"},
		// Quick substitution.
		{in: "^a^A^", out: "cAt a.tar.gz b.c > out.log 2>&1"},
		{in: "^a^A", out: "cAt a.tar.gz b.c > out.log 2>&1"},
		{in: "^a^A^ x !-3:0", out: "cAt a.tar.gz b.c > out.log 2>&1 x echo"},
		{in: "^a^A^:g&", out: "cAt A.tAr.gz b.c > out.log 2>&1"},
		{in: "^zz^y^", err: ":s^zz^y^: substitution failed"},
		// Quoting and comments.
		{in: "echo '!!'", out: "echo '!!'"},
		{in: `echo "!!"`, out: `echo "cat a.tar.gz b.c > out.log 2>&1"`},
		{in: `echo "'!!'"`, out: `echo "'cat a.tar.gz b.c > out.log 2>&1'"`},
		{in: `echo \!!`, out: `echo \!!`},
		{in: `echo !"`, err: `!": event not found`},
		{in: `echo "!" !!:0`, out: `echo "!" cat`},
		// bash's exceptions do not know $'...'.
		{in: "echo $'\\'!!' !!:0", out: "echo $'\\'!!' !!:0"},
		{in: "echo !!:0 #!!", out: "echo cat #!!"},
		{in: "echo a#!!:0", out: "echo a#cat"},
		// bash's exceptions.
		{in: "echo [!a]", out: "echo [!a]"},
		{in: "echo ${!x}", out: "echo ${!x}"},
		{in: "echo $!", out: "echo $!"},
		{in: "echo $(echo '!!')", out: "echo $(echo '!!')"},
		{in: "echo !!:0 [!a]", err: "!a]: event not found"},
		// Word splitting follows the shell.
		{in: "!!:3", out: ">"},
		// GNU History takes word 36 for the last word ('$').
		{in: "!-3:1-36", out: "one two three"},
	})
}

// Inputs on which histexpand.c reads past the end of a string; Expand stops
// at the end (bash 5.2 happens to print the same).
func TestExpandPastEnd(t *testing.T) {
	hxRunTable(t, history.BashExpander, []string{"echo a\\", "echo x"}, []hxTableCase{
		{in: "echo '!! x", out: "echo '!! x"},
		{in: "echo $'!! x\\", out: "echo $'!! x\\"},
		{in: "!-2:1", out: "a\\"},
		{in: "!-2:*", out: "a\\"},
		{in: "!!:s/x/y/ '!!", out: "echo y '!!"},
	})
	hxRunTable(t, history.BashExpander, []string{"a $(b c", "a \"b c", "<(x"}, []hxTableCase{
		{in: "!1:$", out: "$(b c"},
		{in: "!2:$", out: "\"b c"},
		{in: "!3:0", out: "<(x"},
	})
}

func TestExpandQuirk36(t *testing.T) {
	hxRunTable(t, history.BashExpander, []string{"a b c"}, []hxTableCase{
		{in: "!!:36", out: "c"},
		{in: "!!:35", err: ":35: bad word specifier"},
		{in: "!!:36-1", err: ":36-1: bad word specifier"},
		{in: "!!:0-36", out: "a b c"},
	})
}

func TestExpandReadlineDefaults(t *testing.T) {
	zero := func() *history.Expander { return &history.Expander{} }
	hxRunTable(t, zero, hxTableHist, []hxTableCase{
		{in: "!!", out: "cat a.tar.gz b.c > out.log 2>&1"},
		// Single quotes only end a !string, like double quotes.
		{in: "echo '!!:0'", out: "echo 'cat'"},
		{in: "echo '!ca'", out: "echo 'cat a.tar.gz b.c > out.log 2>&1'"},
		{in: "echo \"!ca\"", out: "echo \"cat a.tar.gz b.c > out.log 2>&1\""},
		{in: "echo !ca'", err: "!ca': event not found"},
		{in: "echo '!?o b'", err: "!?o b': event not found"},
		// No comment character.
		{in: "echo !!:0 #!!:0", out: "echo cat #cat"},
		// No search delimiters and no bash exceptions.
		{in: "!e;", err: "!e;: event not found"},
		{in: "echo [!a]", err: "!a]: event not found"},
		{in: "echo $!", out: "echo $!"},
		{in: "echo $!x", err: "!x: event not found"},
		// A backslash quotes the next character.
		{in: `echo \!!`, out: `echo \!!`},
		{in: "!!:p", out: "cat a.tar.gz b.c > out.log 2>&1", print: true},
	})
	hxRunTable(t, zero, []string{"a #b c"}, []hxTableCase{
		{in: "!!:$", out: "c"},
	})
}

func TestExpandSettings(t *testing.T) {
	with := func(f func(*history.Expander)) func() *history.Expander {
		return func() *history.Expander {
			x := history.BashExpander()
			f(x)
			return x
		}
	}
	t.Run("Base", func(t *testing.T) {
		hxRunTable(t, with(func(x *history.Expander) { x.Base = 10 }), hxTableHist, []hxTableCase{
			{in: "!10", out: "echo one two three"},
			{in: "!12", out: "cat a.tar.gz b.c > out.log 2>&1"},
			{in: "!1", err: "!1: event not found"},
			{in: "!13", err: "!13: event not found"},
			{in: "!-1:0", out: "cat"},
		})
	})
	t.Run("Chars", func(t *testing.T) {
		hxRunTable(t, with(func(x *history.Expander) {
			x.Char, x.SubstChar, x.CommentChar = '+', '@', ';'
		}), hxTableHist, []hxTableCase{
			{in: "++:0", out: "cat"},
			{in: "!!", out: "!!"},
			{in: "+ls:$", out: "/tmp/foo.txt"},
			{in: "@a@A@", out: "cAt a.tar.gz b.c > out.log 2>&1"},
			{in: "^a^A^", out: "^a^A^"},
			{in: "x ++:0 ;++:0", out: "x cat ;++:0"},
			{in: "x #++:0", out: "x #cat"},
		})
		// With '%' as the expansion character, %% is the word designator %
		// of the previous command, as '%' starts a word designator.
		hxRunTable(t, with(func(x *history.Expander) { x.Char = '%' }), hxTableHist, []hxTableCase{
			{in: "%%", out: ""},
			{in: "%-1:0", out: "cat"},
		})
		hxRunTable(t, with(func(x *history.Expander) { x.CommentChar = ';' }),
			[]string{"x y;z w"}, []hxTableCase{
				{in: "!!:$", out: "y"},
			})
		hxRunTable(t, with(func(x *history.Expander) { x.CommentChar = ';' }),
			[]string{"x ;y z"}, []hxTableCase{
				{in: "!!:$", out: "x"},
			})
	})
	t.Run("NoExpandChars", func(t *testing.T) {
		hxRunTable(t, with(func(x *history.Expander) { x.NoExpandChars = "x" }), hxTableHist, []hxTableCase{
			{in: "!x", out: "!x"},
			{in: "!= y", err: "!=: event not found"},
			{in: "a ! b", err: "!: event not found"},
		})
	})
	t.Run("SearchDelimChars", func(t *testing.T) {
		hxRunTable(t, with(func(x *history.Expander) { x.SearchDelimChars = "/" }), hxTableHist, []hxTableCase{
			{in: "!ls/x", out: "ls -l /tmp/foo.txt/x"},
			{in: "!l;", err: "!l;: event not found"},
		})
	})
	t.Run("QuotingState", func(t *testing.T) {
		hxRunTable(t, with(func(x *history.Expander) { x.QuotingState = '\'' }), hxTableHist, []hxTableCase{
			{in: "!! a' !!:0", out: "!! a' cat"},
			{in: "!! a", out: "!! a"},
		})
		hxRunTable(t, with(func(x *history.Expander) { x.QuotingState = '"' }), hxTableHist, []hxTableCase{
			// BashInhibit does not know about the pending double quote.
			{in: `'!!:0'`, out: `'!!:0'`},
		})
		hxRunTable(t, with(func(x *history.Expander) { x.QuotingState = '"'; x.Inhibit = nil }), hxTableHist, []hxTableCase{
			{in: `'!!:0'`, out: `'cat'`},
			{in: `!" x`, out: `!" x`},
			{in: `a" '!!'`, out: `a" '!!'`},
			{in: `!ca" x`, out: `cat a.tar.gz b.c > out.log 2>&1" x`},
			{in: `\"!!:0`, out: `\"cat`},
			{in: `\\"!!:0`, out: `\\"cat`},
			{in: `"!!:0`, out: `"cat`},
			{in: `\" !!:0`, out: `\" cat`},
		})
		zeroQ := func() *history.Expander { return &history.Expander{QuotingState: '\''} }
		hxRunTable(t, zeroQ, hxTableHist, []hxTableCase{
			// Without QuotesInhibit the pending quote only ends !?string.
			{in: "!ca' !!:0", out: "cat a.tar.gz b.c > out.log 2>&1' cat"},
			{in: "a' !!:0", out: "a' cat"},
		})
	})
	t.Run("Inhibit", func(t *testing.T) {
		var seen []string
		mk := func() *history.Expander {
			x := &history.Expander{}
			x.Inhibit = func(line string, i int) bool {
				seen = append(seen, line[:i]+"|"+line[i:])
				return line[i+1] == 'n'
			}
			return x
		}
		hxRunTable(t, mk, hxTableHist, []hxTableCase{
			{in: "!n !!:0 !n", out: "!n cat !n"},
		})
		// First the whole line, until a ! that is not inhibited, then the
		// line as expanded so far with the ! and the next character.
		want := []string{"|!n !!:0 !n", "!n |!!:0 !n", "|!n", "!n |!!", "!n cat |!n"}
		if strings.Join(seen, "\n") != strings.Join(want, "\n") {
			t.Errorf("Inhibit saw %q, want %q", seen, want)
		}
	})
	t.Run("ByteOriented", func(t *testing.T) {
		hxRunTable(t, history.BashExpander, hxTableHist, []hxTableCase{
			// An incomplete UTF-8 character swallows the next byte.
			{in: "\xc3!!", out: "\xc3!!"},
			{in: "é !!:0", out: "é cat"},
			{in: "!-3:s/o/ö/", out: "echö one two three"},
			// A multibyte delimiter matches nothing.
			{in: "!-3:s§o§0§", err: ":s§o§0§: substitution failed"},
		})
		hxRunTable(t, with(func(x *history.Expander) { x.ByteOriented = true }), hxTableHist, []hxTableCase{
			{in: "\xc3!!:0", out: "\xc3cat"},
			// The delimiter is the byte \xc2.
			{in: "!-3:s§o§0§", err: ":s§o§0\xc2: substitution failed"},
			{in: "!-3:s\xc2o\xc20\xc2", out: "ech0 one two three"},
		})
	})
	t.Run("MaxLen", func(t *testing.T) {
		small := with(func(x *history.Expander) { x.MaxLen = 1000 })
		hxRunTable(t, small, []string{"echo foo"}, []hxTableCase{
			// GNU History loops forever on this one.
			{in: "!!:Gs/o/o o/", err: ":Gs/o/o o/: expansion too long", is: history.ErrTooLong},
			{in: "x " + strings.Repeat("!#", 20), is: history.ErrTooLong,
				err: "x " + strings.Repeat("!#", 20) + ": expansion too long"},
			{in: "!!:gs/o/oooooooooo/:g&:g&", err: ":gs/o/oooooooooo/:g&:g&: expansion too long"},
			{in: "!!:gs/o/oooooooooo/:g&", out: "ech" + strings.Repeat("o", 100) + " f" + strings.Repeat("o", 200)},
			{in: "!!:s/o/" + strings.Repeat("&", 600) + "/", err: ":s/o/" + strings.Repeat("&", 600) + "/: expansion too long"},
		})
		unlimited := with(func(x *history.Expander) { x.MaxLen = -1 })
		hxRunTable(t, unlimited, []string{"ab"}, []hxTableCase{
			{in: "x " + strings.Repeat("!#", 16), out: strings.Repeat("x ", 1<<16)},
			{in: "!!:gs/a/aaaa/" + strings.Repeat(":g&", 9) + ":s/b/c/:t",
				out: strings.Repeat("a", 1<<20) + "c"},
		})
	})
}

// State carried from one Expand to the next: the last substitution and the
// last !?string? search.
func TestExpandState(t *testing.T) {
	steps := []struct {
		in, out, err string
	}{
		{in: "!!:&", err: ":&: no previous substitution"},
		{in: "!-3:s/o/0/", out: "ech0 one two three"},
		{in: "!-3:&", out: "ech0 one two three"},
		{in: "!-3:g&", out: "ech0 0ne tw0 three"},
		{in: "!-3:s//O/", out: "echO one two three"},
		{in: "^t^T", out: "caT a.tar.gz b.c > out.log 2>&1"},
		{in: "!-3:g&", out: "echo one Two Three"},
		{in: "!?tmp?:%", out: "/tmp/foo.txt"},
		{in: "!!:%", out: "/tmp/foo.txt"},
		{in: "!?:0", err: "!?:0: event not found"},
		{in: "!??:0", out: "ls"},
		{in: "!??", out: "ls -l /tmp/foo.txt"},
		{in: "!?two?:%", out: "two"},
		{in: "!?zz?", err: "!?zz?: event not found"},
		{in: "!!:%", out: "two"},
		{in: "!??:%", out: "two"},
	}
	x := history.BashExpander()
	for _, s := range steps {
		out, _, err := x.Expand(s.in, hxSliceEvents(hxTableHist))
		if s.err != "" {
			if err == nil || err.Error() != s.err {
				t.Errorf("%q: got %q, %v, want error %q", s.in, out, err, s.err)
			}
			continue
		}
		if err != nil || out != s.out {
			t.Errorf("%q: got %q, %v, want %q", s.in, out, err, s.out)
		}
	}

	// An empty :s pattern with no previous substitution is the last search
	// string.
	x = history.BashExpander()
	for _, s := range []struct{ in, out string }{
		{"!?tw?", "echo one two three"},
		{"!-3:s//2/", "echo one 2o three"},
		{"!?o?", "cat a.tar.gz b.c > out.log 2>&1"},
		{"!-3:s//2/", "echo one 2o three"}, // the lhs is still "tw"
	} {
		out, _, err := x.Expand(s.in, hxSliceEvents(hxTableHist))
		if err != nil || out != s.out {
			t.Errorf("%q: got %q, %v, want %q", s.in, out, err, s.out)
		}
	}
}

func TestExpandNoEvents(t *testing.T) {
	x := history.BashExpander()
	for _, in := range []string{"!!", "!$", "!1", "!-1", "!x", "!?x?", "^a^b^"} {
		if _, _, err := x.Expand(in, nil); !errors.Is(err, history.ErrEventNotFound) {
			t.Errorf("%q with no history: error %v, want event not found", in, err)
		}
	}
	if out, _, err := x.Expand("a !#:0", nil); err != nil || out != "a a" {
		t.Errorf("!# with no history: %q, %v", out, err)
	}
}

func TestExpandErrorFields(t *testing.T) {
	_, _, err := history.BashExpander().Expand("echo !nomatch:0 x", hxSliceEvents(hxTableHist))
	var xe *history.ExpandError
	if !errors.As(err, &xe) {
		t.Fatalf("error %v is not an *ExpandError", err)
	}
	if xe.Text != "!nomatch" || xe.Err != history.ErrEventNotFound {
		t.Errorf("got Text %q, Err %v", xe.Text, xe.Err)
	}
}

func TestBashInhibit(t *testing.T) {
	for _, c := range []struct {
		line    string
		i       int
		quoting byte
		extglob bool
		want    bool
	}{
		{"echo !!", 5, 0, false, false},
		{"echo [!a]", 6, 0, false, true},
		{"echo [!a", 6, 0, false, false},
		{"echo ${!a}", 7, 0, false, true},
		{"echo $!", 6, 0, false, true},
		{"$!", 1, 0, false, false},
		{"echo !(a)", 5, 0, false, false},
		{"echo !(a)", 5, 0, true, true},
		{"echo '!!'", 6, 0, false, true},
		{`echo "'!!'"`, 7, 0, false, false},
		{"echo $(echo '!!')", 13, 0, false, true},
		{"echo \"$(echo '!!')\"", 14, 0, false, true},
		{"echo `echo '!!'`", 12, 0, false, true},
		{`echo \!!`, 6, 0, false, true},
		{`echo \!!`, 7, 0, false, false},
		{"a' !!", 3, '\'', false, false},
		{"a !!", 2, '\'', false, true},
		{"x", 5, 0, false, false},
	} {
		if got := history.BashInhibit(c.line, c.i, c.quoting, c.extglob); got != c.want {
			t.Errorf("BashInhibit(%q, %d, %q, %v) = %v, want %v", c.line, c.i, c.quoting, c.extglob, got, c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	got := history.Tokenize(`echo "a b" c|grep 'x y' >out`)
	want := []string{"echo", `"a b"`, "c", "|", "grep", "'x y'", ">", "out"}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
}
