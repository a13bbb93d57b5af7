package shell

import (
	"testing"

	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/lineedit"
)

// TestSuggestCurrentDirFirst: among the history entries that start with
// what is typed, one run in the current directory during this session
// comes before more recent ones run elsewhere; in another directory the
// most recent one wins.
func TestSuggestCurrentDirFirst(t *testing.T) {
	s, _, _ := newTestShell(t, Options{Interactive: true})
	h := history.New()
	for _, e := range []string{"make test", "make build", "make install"} {
		h.Add(e)
	}
	hint := &lineedit.HistoryHinter{History: h, Prefer: s.preferEntry}

	s.runner.Dir = "/src/a"
	s.afterRead("make build\n", nil)
	s.runner.Dir = "/src/b"
	s.afterRead("make test\n", nil)

	for _, tc := range []struct{ dir, want string }{
		{"/src/a", " build"},
		{"/src/b", " test"},
		{"/elsewhere", " install"},
	} {
		s.runner.Dir = tc.dir
		if got := hint.Hint("make", 4); got != tc.want {
			t.Errorf("in %s: hint %q, want %q", tc.dir, got, tc.want)
		}
	}
	// A multi-line command is noted as the history keeps it.
	s.runner.Dir = "/src/c"
	s.afterRead("for i in 1 2; do\n", nil)
	s.extras().pending = "for i in 1 2; do\n"
	s.afterRead("echo $i; done\n", nil)
	if !s.extras().dirs.ranIn("for i in 1 2; do echo $i; done", "/src/c") {
		t.Errorf("the joined command was not noted: %v", s.extras().dirs)
	}
}
