package history

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func searchList() *List {
	l := New()
	for _, s := range []string{"git status", "ls -l", "git commit -m fix", "echo GIT", "make test"} {
		l.Add(s)
	}
	return l
}

func TestFind(t *testing.T) {
	tests := []struct {
		s          Search
		from       int
		index, off int
	}{
		{Search{Pattern: "git"}, 4, 2, 0},
		{Search{Pattern: "git"}, 1, 0, 0},
		{Search{Pattern: "git", Forward: true}, 1, 2, 0},
		{Search{Pattern: "git", IgnoreCase: true}, 4, 3, 5},
		{Search{Pattern: "t", Forward: true}, 0, 0, 2},
		{Search{Pattern: "t"}, 0, 0, 7},
		{Search{Pattern: "git c", Prefix: true}, 4, 2, 0},
		{Search{Pattern: "status", Prefix: true}, 4, -1, -1},
		{Search{Pattern: "GIT s", Prefix: true, IgnoreCase: true}, 4, 0, 0},
		{Search{Pattern: "nowhere"}, 4, -1, -1},
		{Search{Pattern: "sls"}, 4, -1, -1}, // across "git status" and "ls -l"
		{Search{Pattern: ""}, 3, 3, 0},
	}
	l := searchList()
	for _, tt := range tests {
		i, off := l.Find(tt.s, tt.from)
		if i != tt.index || off != tt.off {
			t.Errorf("Find(%+v, %d) = %d, %d; want %d, %d", tt.s, tt.from, i, off, tt.index, tt.off)
		}
	}
}

// TestFindDistinct passes over copies of an entry, in a short list and,
// with an index, in a long one where the copies fill most blocks.
func TestFindDistinct(t *testing.T) {
	tests := []struct {
		s          Search
		from       int
		index, off int
	}{
		{Search{Pattern: "git st"}, 5, 5, 0},
		{Search{Pattern: "git st", Distinct: true, Previous: "git status"}, 5, 3, 0},
		{Search{Pattern: "git st", Distinct: true, Previous: "git status", Forward: true}, 0, 3, 0},
		{Search{Pattern: "st", Distinct: true, Previous: "git status", Prefix: true}, 5, -1, -1},
		{Search{Pattern: "git st", Distinct: true, Previous: "git stash"}, 3, 2, 0},
		{Search{Pattern: "STATUS", Distinct: true, Previous: "git status", IgnoreCase: true}, 5, 1, 4},
		{Search{Pattern: "ls", Distinct: true, Previous: "ls"}, 5, -1, -1},
		{Search{Pattern: "", Distinct: true, Previous: "git status"}, 2, 1, 0},
		{Search{Pattern: "st", Distinct: true}, 5, 5, 4}, // Previous "": only empty entries are passed over
	}
	short := New()
	for _, e := range []string{"git status", "GIT STATUS", "git status", "git stash", "ls", "git status"} {
		short.Add(e)
	}
	long := New()
	for i := range 200000 {
		switch i {
		case 1000:
			long.Add("GIT STATUS")
		case 150000:
			long.Add("git stash")
		case 150001:
			long.Add("ls")
		default:
			long.Add("git status")
		}
	}
	long.Replace(2, "git status") // out of order: the search looks at it alone
	withIndex(t, func() {
		long.PrepareSearch()
	})
	for _, tt := range tests {
		i, off := short.Find(tt.s, tt.from)
		if i != tt.index || off != tt.off {
			t.Errorf("short: Find(%+v, %d) = %d, %d; want %d, %d", tt.s, tt.from, i, off, tt.index, tt.off)
		}
	}
	end := long.Len() - 1
	for _, tt := range []struct {
		s          Search
		from       int
		index, off int
	}{
		{Search{Pattern: "git st", Distinct: true, Previous: "git status"}, end, 150000, 0},
		{Search{Pattern: "git st", Distinct: true, Previous: "git stash"}, 150000, 149999, 0},
		{Search{Pattern: "git st", Distinct: true, Previous: "git status", Forward: true}, 0, 150000, 0},
		{Search{Pattern: "STATUS", Distinct: true, Previous: "git status", IgnoreCase: true}, end, 1000, 4},
		{Search{Pattern: "tatus", Distinct: true, Previous: "git status"}, end, -1, -1},
		{Search{Pattern: "tatus", Distinct: true, Previous: "git stash"}, 1, 1, 5},
	} {
		i, off := long.Find(tt.s, tt.from)
		if i != tt.index || off != tt.off {
			t.Errorf("long: Find(%+v, %d) = %d, %d; want %d, %d", tt.s, tt.from, i, off, tt.index, tt.off)
		}
		checkFind(t, long, tt.s, tt.from)
	}
	if long.idx == nil {
		t.Fatal("no index")
	}
}

// TestFindArenaMatchesScan checks the one-sweep search against the plain
// entry-by-entry one on a list read from a file.
func TestFindArenaMatchesScan(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h")
	l := New()
	for i := 0; i < 3000; i++ {
		l.AddTime(fmt.Sprintf("cmd %d arg%d", i%97, i%13), timeNow())
	}
	l.WriteTimestamps = true
	if err := l.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	r := New()
	r.WriteTimestamps, r.CommentChar = true, '#'
	if err := r.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	for _, pat := range []string{"cmd 5 ", "arg12", "96 arg", "\n", "#1", "zz", "CMD 7", "Arg1", "D 9"} {
		for _, fwd := range []bool{false, true} {
			for _, from := range []int{0, 1500, 2999} {
				s := Search{Pattern: pat, Forward: fwd, IgnoreCase: pat != strings.ToLower(pat)}
				i, off := r.Find(s, from)
				j, off2 := -1, -1
				step := -1
				if fwd {
					step = 1
				}
				for k := from; k >= 0 && k < r.Len(); k += step {
					if o := matchEntry(r.lineBytes(k), []byte(pat), s); o >= 0 {
						j, off2 = k, o
						break
					}
				}
				if i != j || off != off2 {
					t.Errorf("%q forward=%v from %d: arena %d,%d scan %d,%d", pat, fwd, from, i, off, j, off2)
				}
			}
		}
	}
}

func TestPolicy(t *testing.T) {
	p, err := ParsePolicy("ignoreboth:erasedups", `ls:[bf]g:exit:&:echo\:*`)
	if err != nil {
		t.Fatal(err)
	}
	l := New()
	for _, line := range []string{"make", " secret", "ls", "bg", "make test", "make", "make", "echo:x", "cd /"} {
		p.Add(l, line)
	}
	if got := lines(l); got != "make test|make|cd /" {
		t.Errorf("entries %q", got)
	}
	// As in bash, an unclosed bracket is an ordinary character.
	p, _ = ParsePolicy("", "[x")
	if p.Keep(New(), "[x") {
		t.Errorf("[x not ignored")
	}
}
