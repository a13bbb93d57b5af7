package history_test

// Differential test of history expansion against bash 5.2, whose history
// expansion is GNU History's history_expand with the settings of
// BashExpander.
//
// For each case a fresh bash builds a history with `history -s` and expands
// each input with `history -p`, which prints the expansion or, on failure,
// exits with status 1 and a generic message. To compare error messages too,
// a second bash reads the failing input as a line of a script run with
// `set -o history -H -n` (history expansion on, commands not executed),
// where bash prints GNU History's own message.
//
// Cases run with bash's default histchars "!^#" or with others, in the
// C.UTF-8 locale or, for ByteOriented, in the C locale. There are curated
// cases and cases that combine random event designators, word designators
// and modifiers, from a fixed seed. `history -p` expands each word as a
// whole line, so !# works as it does on a command line. Where GNU History
// loops forever (some :Gs substitutions) bash is stopped after a while and
// Expand must fail with ErrTooLong.
//
// What `history -p` cannot show is tested by table only (expand_test.go):
// the :p "print only" flag (history -p prints either way), settings bash
// does not let a script change (history_base, history_quoting_state,
// history_no_expand_chars, history_search_delimiter_chars, another
// inhibit function, MaxLen) and inputs for which histexpand.c reads past
// the end of a string (an unclosed single quote before an expansion, a
// trailing backslash inside a word).

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goshell/gosh/history"
)

type hxOracleCase struct {
	name      string
	hist      []string
	in        []string
	histchars string // bash's histchars, three characters; "" for "!^#"
	bytes     bool   // run bash in the C locale, expand with ByteOriented
}

var hxBashOnce struct {
	sync.Once
	path string
	skip string
}

// hxBash returns the path of bash 5.2, or skips the test.
func hxBash(t *testing.T) string {
	t.Helper()
	hxBashOnce.Do(func() {
		p, err := exec.LookPath("bash")
		if err != nil {
			hxBashOnce.skip = "bash not found in PATH"
			return
		}
		cmd := exec.Command(p, "--norc", "--noprofile", "-c",
			`x=é; echo "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]} ${#x}"`)
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
		out, err := cmd.Output()
		if err != nil {
			hxBashOnce.skip = "cannot run bash: " + err.Error()
			return
		}
		v, n, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
		if v != "5.2" {
			hxBashOnce.skip = "bash is version " + v + ", need 5.2"
			return
		}
		if n != "1" {
			hxBashOnce.skip = "bash has no C.UTF-8 locale"
			return
		}
		hxBashOnce.path = p
	})
	if hxBashOnce.skip != "" {
		t.Skip("skipping differential test against bash: " + hxBashOnce.skip)
	}
	return hxBashOnce.path
}

func hxShellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// hxRunBash runs script with bash, from the command line or, if stdin,
// from standard input. It reports whether bash was stopped after
// hxBashTimeout: GNU History loops forever on some :Gs substitutions.
func hxRunBash(t *testing.T, bash, script string, stdin, cLocale bool) (stdout, stderr string, timedOut bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hxBashTimeout)
	defer cancel()
	// Keep a looping bash from eating all memory.
	script = "ulimit -v 1000000 2>/dev/null\n" + script
	var cmd *exec.Cmd
	if stdin {
		cmd = exec.CommandContext(ctx, bash, "--norc", "--noprofile", "-s")
		cmd.Stdin = strings.NewReader(script)
	} else {
		cmd = exec.CommandContext(ctx, bash, "--norc", "--noprofile", "-c", script)
	}
	cmd.Args[0] = "bash"
	locale := "LC_ALL=C.UTF-8"
	if cLocale {
		locale = "LC_ALL=C"
	}
	cmd.Env = append(os.Environ(), locale, "HISTFILE=/dev/null", "HISTCONTROL=", "HISTIGNORE=")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return o.String(), e.String(), true
		}
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("running bash: %v", err)
		}
	}
	return o.String(), e.String(), false
}

const hxBashTimeout = 3 * time.Second

func hxHistScript(c hxOracleCase) string {
	var b strings.Builder
	b.WriteString("set -H\n")
	if c.histchars != "" {
		fmt.Fprintf(&b, "histchars=%s\n", hxShellQuote(c.histchars))
	}
	b.WriteString("history -c\n")
	for _, h := range c.hist {
		fmt.Fprintf(&b, "history -s -- %s\n", hxShellQuote(h))
	}
	return b.String()
}

var hxStderr = regexp.MustCompile(`^bash: (?:line \d+: )?(.*)$`)

var hxMarker = regexp.MustCompile(`(?s)(.*?)\x01(\d+)\x02`)

type hxBashResult struct {
	out   string
	ok    bool
	msg   string // the error message, when known
	loops bool   // bash did not finish
}

// hxBashExpand expands c.in with bash. If bash does not finish an input,
// the results stop with it.
func hxBashExpand(t *testing.T, bash string, c hxOracleCase) []hxBashResult {
	t.Helper()
	var b strings.Builder
	b.WriteString(hxHistScript(c))
	for _, in := range c.in {
		fmt.Fprintf(&b, "history -p -- %s; printf '\\001%%d\\002' $?\n", hxShellQuote(in))
	}
	stdout, _, timedOut := hxRunBash(t, bash, b.String(), false, c.bytes)
	m := hxMarker.FindAllStringSubmatch(stdout, -1)
	if len(m) != len(c.in) && !(timedOut && len(m) < len(c.in)) {
		t.Fatalf("bash printed %q for %d inputs", stdout, len(c.in))
	}
	res := make([]hxBashResult, len(m), len(m)+1)
	if timedOut {
		res = append(res, hxBashResult{loops: true})
	}
	for k, mm := range m {
		rc, _ := strconv.Atoi(mm[2])
		if rc == 0 {
			if !strings.HasSuffix(mm[1], "\n") {
				t.Fatalf("bash printed %q", stdout)
			}
			res[k] = hxBashResult{out: strings.TrimSuffix(mm[1], "\n"), ok: true}
			continue
		}
		if strings.Contains(c.in[k], "\n") {
			continue // cannot be read as one line of a script
		}
		// Read the input as a script line to get the message.
		var s strings.Builder
		s.WriteString(hxHistScript(c))
		for _, prev := range c.in[:k] {
			fmt.Fprintf(&s, "history -p -- %s >/dev/null 2>&1\n", hxShellQuote(prev))
		}
		s.WriteString("set -o history -H -n\n")
		s.WriteString(c.in[k] + "\n")
		_, stderr, _ := hxRunBash(t, bash, s.String(), true, c.bytes)
		first, _, _ := strings.Cut(stderr, "\n")
		m := hxStderr.FindStringSubmatch(first)
		if m == nil {
			t.Fatalf("input %q: history -p failed but as a script line bash said %q", c.in[k], stderr)
		}
		res[k].msg = m[1]
	}
	return res
}

type hxSliceEvents []string

func (e hxSliceEvents) Len() int        { return len(e) }
func (e hxSliceEvents) At(i int) string { return e[i] }

type hxOracleStats struct{ ok, failed, msgs, loops atomic.Int64 }

func hxCheckOracle(t *testing.T, bash string, c hxOracleCase, stats *hxOracleStats) {
	t.Helper()
	want := hxBashExpand(t, bash, c)
	x := history.BashExpander()
	x.MaxLen = 1 << 16
	if c.histchars != "" {
		x.Char, x.SubstChar, x.CommentChar = c.histchars[0], c.histchars[1], c.histchars[2]
	}
	x.ByteOriented = c.bytes
	for k, w := range want {
		in := c.in[k]
		out, _, err := x.Expand(in, hxSliceEvents(c.hist))
		switch {
		case w.loops && !errors.Is(err, history.ErrTooLong):
			t.Errorf("history %q, input %q: got %q, %v; bash loops forever", c.hist, in, out, err)
		case w.loops:
			stats.loops.Add(1)
		case w.ok && err != nil:
			t.Errorf("history %q, input %q: error %v, bash printed %q", c.hist, in, err, w.out)
		case w.ok && out != w.out:
			t.Errorf("history %q, input %q:\n got %q\nbash %q", c.hist, in, out, w.out)
		case !w.ok && err == nil:
			t.Errorf("history %q, input %q: got %q, bash failed (%s)", c.hist, in, out, w.msg)
		case !w.ok && w.msg != "" && err.Error() != w.msg:
			t.Errorf("history %q, input %q: error\n got %q\nbash %q", c.hist, in, err.Error(), w.msg)
		case w.ok:
			stats.ok.Add(1)
		default:
			stats.failed.Add(1)
			if w.msg != "" {
				stats.msgs.Add(1)
			}
		}
	}
}

var hxH1 = []string{
	"echo one two three",
	"ls -l /tmp/foo.txt",
	"cat a.tar.gz b.c > out.log 2>&1",
	`grep -n 'x y' "a b" file.go | wc -l`,
	"cd /usr/local/lib/",
}

var hxTokH = []string{
	"cat <in >out 2>&1 >>app <<EOF <<<here <<-T 3<&0- &>all >|clob 2>&- x&y",
	"echo $(a b) `c d` \"e f\" 'g h' <(x y) >(z) a\\ b @(p q) c\\\nd",
	"a;b&&c||d|e;;f&g|&h (i) {j}",
	"x=1 y='2 3' z=\"4 5\" env # comment !! here",
	"echo a\"b c\"d e'f g'h 12 34>x 5<y 678",
	"  lead  and\ttab  ",
}

func hxLongLine() string {
	w := make([]string, 40)
	for i := range w {
		w[i] = "w" + strconv.Itoa(i)
	}
	return strings.Join(w, " ")
}

func hxCuratedCases() []hxOracleCase {
	one := func(hist []string, in ...string) []hxOracleCase {
		var cs []hxOracleCase
		for _, s := range in {
			cs = append(cs, hxOracleCase{name: s, hist: hist, in: []string{s}})
		}
		return cs
	}
	var cs []hxOracleCase
	// Event designators.
	cs = append(cs, one(hxH1,
		"!!", "!-1", "!-2", "!-5", "!-6", "!1", "!5", "!6", "!0", "!-0", "!99999999",
		"!echo", "!e", "!ls:1", "!grep", "!cd", "!c", "!nomatch", "!-x", "!-",
		"!?tmp?", "!?tmp", "!?out?:%", "!?x y?", "!?zzz?", "!??", "!?", "!?o?:0",
		"!?lib?:%:h", "!? ?", "!?a b?:%", "!?\"a?:%",
		"!$", "!^", "!*", "!:0", "!:2", "!%", "!:", "!!:", "!:-", "!:^-",
		"x !! y", "!!!!", "!! !!", "!-1:0 !-2:1", "!1!2", "!!x", "!!2",
		"!e-1", "!ls-", "!ls*", "!ls^", "!ls$", "!ls%", "!cat:2-$",
		"!-2-", "!-2$", "!-2*", "!-2^", "!3:$", "!3^", "!4:2*",
	)...)
	// Word designators.
	cs = append(cs, one(hxH1[:1],
		"!!:0", "!!:1", "!!:2", "!!:3", "!!:4", "!!:$", "!!:^", "!!:*", "!!:1-2",
		"!!:1-$", "!!:-2", "!!:2-", "!!:3-", "!!:4-", "!!:2*", "!!:0*", "!!:3*", "!!:4*", "!!:9",
		"!!:3-1", "!!:1-1", "!!:0-0", "!!$", "!!^", "!!*", "!!-", "!!-2", "!!-$", "!!-^",
		"!!:1^", "!!:^-", "!!:^*", "!!:0-^", "!!:^^", "!!:-", "!!:-$", "!!:-^", "!!:2-x",
		"!!:$x", "!!:*x", "!!:1x", "!!%", "!!:%", "!!:00", "!!:01-002",
		"!!:1-:h", "!!:-:t",
	)...)
	long := []string{hxLongLine()}
	cs = append(cs, one(long,
		"!!:36", "!!:35", "!!:37", "!!:1-36", "!!:36-36", "!!:30-36", "!!:36-", "!!:36*",
		"!!:39", "!!:40", "!!:1-", "!!:38-",
	)...)
	cs = append(cs, one([]string{"a b c"}, "!!:36", "!!:1-36", "!!:36-1")...)
	// Modifiers.
	cs = append(cs, one(hxH1[:2],
		"!!:h", "!!:t", "!!:r", "!!:e", "!!:$:h", "!!:$:t", "!!:$:r", "!!:$:e", "!!:$:r:r",
		"!!:$:e:e", "!!:$:h:h:h:h", "!!:$:t:r:e", "!!:p", "!!:q", "!!:x", "!!:$:q",
		"!!:s/o/0/", "!!:gs/o/0/", "!!:as/o/0/", "!!:s/o/[&]/", `!!:s/o/\&/`, `!!:s/o/\\&/`,
		"!!:s|/|_|", `!!:s/\//_/`, "!!:gs/\\//_/", "!!:s/zz/y/", "!!:s/o/", "!!:s/o", "!!:s",
		"!!:s/", "!!:s//x/", "!!:&", "!!:g&", "!!:Gs/o/0/", "!!:z", "!!:gz", "!!:G", "!!:Gt",
		"!!:hh", "!!:h:h:h:h", "!!:s/l/L/:s/o/O/", "!!:gs/o/&&/", "!!:gs/o//",
		"!!:s/-l /-la /", "!!:s/ls/& &/:p", "!!:q:x", "!!:x:q", "!!:s/t/T/:t",
		"!!:gs/t/T/:s/f/F/", "!!:gt:s/o/0/", "!!:Gs/o/0/:s/T/t/", "!!:s,/,;,",
		"!!:s /x ", "!!:s.o.0", "!!:s:o:0:", "!!:s/o/0/g", "!!:s/o/0/ tail",
		"!!:s/x/y/:p", "!!:1:s/-/+/", "!!:$:gs/o/0/", "!!:^:q", "!!:*:x",
		"!ls:s/ls/dir/", "!-2:gs/e/E/", "!?foo?:s/foo/bar/",
		"!!:s/l/L/ !!:&", "!!:s/l/L/ !!:g&", "!!:gs/l/L/ !!:&",
		"!!:a", "!!:as", "!!:ga", "!!:aa", "!!:Gg",
	)...)
	cs = append(cs, one([]string{"aaa bab aXa a"},
		"!!:Gs/a/X/", "!!:Gs/a/XYZ/", "!!:Gs/a//", "!!:Gs/b/aaaa/", "!!:Gs/a b/-/",
		"!!:gs/a/aa/", "!!:gs/a/ba/", "!!:gs/aa/a/", "!!:Gt:gs/a/X/", "!!:gt:Gs/a/X/",
		"!!:Gs/ /_/", "!!:Gs/a/&&/",
	)...)
	cs = append(cs, one([]string{"echo 'it''s' don't", "a'b"},
		"!!:q", "!!:x", "!-2:q", "!-2:x", "!-2:2:q", "!-2:*", "!-2:$",
	)...)
	cs = append(cs, one([]string{"'", "echo \"a\tb\nc\""}, "!1:q", "!1:x", "!2:q", "!2:x", "!2:$")...)
	// Quick substitution.
	cs = append(cs, one(hxH1[:2],
		"^o^0^", "^o^0", "^o^0^ extra", "^zz^y^", "^o", "^^x", "^", "^l^L^:p",
		"^l^L^:g&", "^s^S^ !!", "^/^\\^^", "^-l^&&^",
	)...)
	// Quoting, comments and characters that are not expansions.
	cs = append(cs, one(hxH1[:2],
		"echo '!!'", `echo "!!"`, `echo \!!`, `echo \\!!`, "echo $'!!'", `echo $'\'!!'`,
		`echo '\'!!`, "echo !! # !!", "echo #!!", "echo a#!!", `echo "!"`, "echo !=x",
		"echo ! x", "echo x!", "echo !\tx", `echo "a !" b`, `echo "!!" '!!' !!`,
		`echo "'!!'"`, `echo '"!!"'`, `echo "\"!!"`, `echo \"!!\"`, "echo ;#!!",
		`echo "#!!"`, `echo "a #" !!`, "!!#", "echo a'b'!!", "echo `!!`",
	)...)
	// bash's own exceptions (BashInhibit).
	cs = append(cs, one(hxH1[:2],
		"echo [!a]", "echo ${!x}", "echo $!", "echo $(echo '!!')", "echo `echo '!!'`",
		"echo \"`echo '!!'`\"", "echo !! [!a]", "echo ${!a} !!", "$!", "x$!",
		"echo \"$(echo '!!')\"", "echo $(echo \"'!!'\")", "echo [!]", "echo !! [!]",
		"echo [!", "echo ${!", "echo ${!}", "echo !(x)", "echo $((1+2)) !!",
		"echo <(echo '!!')", "echo \\'!!", "echo \"x\" '!!' \"!!\"",
	)...)
	// !#, the line so far.
	cs = append(cs, one(hxH1[:1],
		"echo !#", "echo !#:0", "a b !#:1", "x !#:$:s/x/y/", "!#", "a !# b !#", "a !#:1",
		"a b c !#:^-", "a b !#:*", "a.c !#:0:r", "a !#:s/a/b/", "!#:p", "a !#:x",
	)...)
	// Characters that end a !string search.
	cs = append(cs, one(hxH1,
		"!echo;", "!e;x", "!ls|wc", "!;", "!(x)", "!ec&", "!e)", "!e<x", "!e>x",
		"!e\"", "\"!e\"", "\"!e\" x", "!e'", "!e:0", "!e x", "!e\tx", "!e^", "!e=x",
	)...)
	// Word splitting of history entries.
	for k := range hxTokH {
		var in []string
		for w := 0; w <= 14; w++ {
			in = append(in, "!"+strconv.Itoa(k+1)+":"+strconv.Itoa(w))
		}
		in = append(in, "!"+strconv.Itoa(k+1)+":$", "!"+strconv.Itoa(k+1)+":*")
		for _, s := range in {
			cs = append(cs, hxOracleCase{name: s, hist: hxTokH, in: []string{s}})
		}
	}
	cs = append(cs, one(hxTokH, "!?EOF?:%", "!?$(a?:%", "!?<?:%", "!?&?:%", "!?comment?:%", "!?b c?:%")...)
	// Multibyte characters.
	utf := []string{"echo héllo wörld €uro", "ls 日本/語.txt"}
	cs = append(cs, one(utf,
		"!!:s/€/E/", "!!:s§語§x§", "!1:s§é§e§", "!1:gs/ö/oe/", "!?ö?:%", "!!:$:h", "!!:$:e",
		"!!:q", "!!:x", "^日本^x^", "é !! ü", "!é", "!?本?", "!1:2", "!1:$:s/€/&&/",
		"!ls:1:t:r", "echo '€!!'", "\xc3!!", "\xe2\x82!x", "!!\xff", "!!:s/\xa4/x/",
	)...)
	// The same in the C locale, where GNU History works on bytes.
	for _, in := range []string{
		"!!:s/€/E/", "!!:s§語§x§", "!1:s§é§e§", "!1:s\xc2é\xc2e\xc2", "!1:gs/ö/oe/", "!?ö?:%",
		"!!:$:h", "!!:q", "^日本^x^", "é !! ü", "!é", "!?本?", "echo '€!!'", "\xc3!!",
		"\xe2\x82!x", "!!\xff", "!!:s/\xa4/x/", "!-2:2:s/\xc3/x/",
	} {
		cs = append(cs, hxOracleCase{name: "C " + in, hist: utf, in: []string{in}, bytes: true})
	}
	// Expansions across several inputs: the last substitution and the last search.
	multi := [][]string{
		{"!!:s/o/0/", "!!:&", "!!:g&", "!-2:&"},
		{"!?tmp?", "!!:%", "!!:s//X/", "!?:%", "!??"},
		{"!?two?:%", "echo !%", "!!:s//2/"},
		{"!!:s/l/L/", "!!:s//M/", "!!:&"},
		{"!?o?", "!!:s//0/", "!?l?", "!!:s//L/"},
		{"!!:s/o/[&]/", "!-2:g&", "!!:s/x/&/", "!!:&"},
		{"^o^0^", "!-2:&", "^l^"},
		{"!!:&", "!!:s/zz/y/", "!!:&"},
		{"!?x y?", "!!:%:q", "!?\"a?:%"},
		{"!?nothere?", "!??"},
		{"!!:Gs/o/0/", "!!:&"},
	}
	for _, in := range multi {
		cs = append(cs, hxOracleCase{name: strings.Join(in, " | "), hist: hxH1, in: in})
	}
	// Other history characters.
	for _, hc := range []string{"+@;", "%=-", "!^#", "x^#"} {
		for _, in := range []string{
			"!!", "++", "+-1:0", "@a@A@", "^a^A^", "x ++ ;++", "x #++", "+?o?:%", "echo '++'",
			"+ls:$", "%%", "%-2:1", "%echo:2", "echo %% a", "=a=A=", "x -%% y", "a-%%", "xx",
			"x!!", "xls:1", "x?o?:%",
		} {
			cs = append(cs, hxOracleCase{name: hc + " " + in, hist: hxH1, in: []string{in}, histchars: hc})
		}
	}
	// GNU History loops forever on these.
	cs = append(cs, one([]string{"echo foo"}, "!!:Gs/o/o o/", "!!:Gs/o/o o o/:p")...)
	// Empty history and odd entries.
	cs = append(cs, one(nil, "!!", "!$", "!:1", "!1", "!-1", "!x", "!?x", "!#", "a !#:0", "^a^b^")...)
	cs = append(cs, one([]string{"#comment line", "   ", "x", "-x y"},
		"!1:$", "!1:*", "!1:0", "!2:$", "!2:*", "!2:0", "!3:*", "!3:$", "!-1", "!-x", "!-x:1", "!2",
	)...)
	cs = append(cs, one([]string{"line one\nline two", "a\nb c"},
		"!1", "!1:2", "!1:$", "!?two?:%", "!2:*", "!!:s/\\n/x/", "!-1:x",
	)...)
	return cs
}

// hxRandomCases returns n cases combining random events, word designators
// and modifiers, from a fixed seed.
func hxRandomCases(n int) []hxOracleCase {
	r := rand.New(rand.NewSource(20240517))
	pool := []string{
		"echo one two three",
		"ls -l /tmp/foo.txt /usr/lib/libc.so.6",
		"cat < in.txt > out.log 2>&1",
		`grep -e 'a b' "c d" file.c | wc -l`,
		"cd /home/user/src/project.git/",
		"tar xzf archive.tar.gz && make -j4",
		"echo $(date +%s) `uname -a` ${HOME}",
		"for f in *.go; do gofmt -l $f; done",
		"x=1 y=2 env",
		"echo a\\ b c.d/e.f",
		"diff <(sort a) >(cat) x.y",
		"vi ~/.bashrc",
	}
	events := []string{
		"!!", "!!", "!!", "!-1", "!-2", "!-2", "!-3", "!1", "!2", "!2", "!3", "!9", "!0",
		"!echo", "!ls", "!l", "!c", "!cd", "!x", "!nomatch", "!e", "!e", "!d", "!v",
		"!?o?", "!?o?", "!?tmp?", "!?.g?", "!?a b?", "!?zz?", "!?e?", "!?e", "!?a", "!#", "!", "!",
	}
	words := []string{
		"", "", "", "", "", ":0", ":1", ":1", ":2", ":3", ":$", ":$", ":^", ":*", ":%",
		":1-2", ":2-", ":-2", ":2*", ":5", ":3-1", "^", "$", "$", "*", "-", "-1", ":0-$",
		":^-$", ":1-$", ":2-3", ":0*",
	}
	mods := []string{
		":h", ":h", ":t", ":t", ":r", ":e", ":p", ":q", ":x", ":s/o/0/", ":gs/o/0/",
		":s/e/&&/", ":s/x/y/", ":&", ":g&", ":Gs/o/0/", ":as/e/E/", ":s|/|_|", `:s/\//_/`,
		":s/o/", ":s//X/", ":z", ":s/./,/", ":gs/ /_/", ":s/-/+/", ":G", ":gt", ":s/ /\\ /",
		":gs/e/\\&/", ":s/o/O", ":r:e", ":t:r", ":s/t/T/:&",
	}
	around := []string{"", "", "", "x ", "echo ", "a b ", "\"", "'q' "}
	after := []string{"", "", "", " y", " z w", "\"", ";", "/sub", ".c"}
	var cs []hxOracleCase
	for len(cs) < n {
		hist := make([]string, 0, len(pool))
		for _, k := range r.Perm(len(pool))[:6+r.Intn(len(pool)-5)] {
			hist = append(hist, pool[k])
		}
		nin := 1 + r.Intn(3)
		var in []string
		for range nin {
			var b strings.Builder
			b.WriteString(around[r.Intn(len(around))])
			for e := 1 + r.Intn(2); e > 0; e-- {
				ev := events[r.Intn(len(events))]
				if strings.HasPrefix(ev, "!?") && !strings.HasSuffix(ev, "?") {
					// !?string without the closing ? ends the line.
					b.WriteString(ev)
					break
				}
				w := words[r.Intn(len(words))]
				if ev == "!" && w == "" {
					w = ":1"
				}
				b.WriteString(ev + w)
				for m := r.Intn(3); m > 0; m-- {
					b.WriteString(mods[r.Intn(len(mods))])
				}
				b.WriteString(after[r.Intn(len(after))])
			}
			in = append(in, b.String())
		}
		cs = append(cs, hxOracleCase{name: strings.Join(in, " | "), hist: hist, in: in})
	}
	return cs
}

func TestExpandOracle(t *testing.T) {
	bash := hxBash(t)
	cases := hxCuratedCases()
	n := 600
	if testing.Short() {
		n = 100
	}
	cases = append(cases, hxRandomCases(n)...)
	t.Logf("%d cases, %d inputs", len(cases), func() int {
		k := 0
		for _, c := range cases {
			k += len(c.in)
		}
		return k
	}())
	var stats hxOracleStats
	t.Run("cases", func(t *testing.T) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				hxCheckOracle(t, bash, c, &stats)
			})
		}
	})
	t.Logf("%d inputs expanded by both, %d failed in both (%d with the same message compared), "+
		"%d looped in bash and failed with ErrTooLong",
		stats.ok.Load(), stats.failed.Load(), stats.msgs.Load(), stats.loops.Load())
}
