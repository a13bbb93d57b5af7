package history

import (
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFindMoved compares Find with the search entry by entry on lists
// whose interior entries were replaced (their text moved to the end of
// the arena), with entries removed, dropped from the front and added
// around the replacements, with and without an index.
func TestFindMoved(t *testing.T) {
	withIndex(t, func() {
		r := rand.New(rand.NewPCG(9, 9))
		hist := shellHistory(60000, 4)
		for round := range 6 {
			l := New()
			for _, e := range hist[:40000] {
				l.Add(e)
			}
			if round%2 == 0 {
				l.PrepareSearch()
			}
			for q := range 150 {
				switch op := r.IntN(10); {
				case op < 5:
					i := r.IntN(l.Len())
					h := hist[r.IntN(len(hist))]
					l.Replace(i, strings.ToUpper(h[:r.IntN(len(h))])+hist[r.IntN(len(hist))])
				case op == 5:
					l.Remove(r.IntN(l.Len()))
				case op == 6:
					l.Add(hist[40000+q])
				case op == 7 && round >= 4:
					l.SetMax(l.Len() - r.IntN(50))
				case op == 8:
					l.Replace(l.Len()-1, "last "+hist[r.IntN(len(hist))])
				}
				checkMoved(t, l)
				e := hist[r.IntN(len(hist))]
				if r.IntN(2) == 0 {
					// From a moved entry's text, most often.
					if len(l.moved) > 0 {
						e = l.Line(l.moved[r.IntN(len(l.moved))])
					}
				}
				k := r.IntN(len(e))
				pat := e[k : k+1+r.IntN(len(e)-k)]
				if r.IntN(4) == 0 {
					pat += "q"
				}
				s := Search{Pattern: pat, Forward: r.IntN(2) == 0, IgnoreCase: r.IntN(3) == 0, Prefix: r.IntN(6) == 0}
				if r.IntN(3) == 0 {
					s.Distinct, s.Previous = true, e
				}
				from := r.IntN(l.Len()+2) - 1
				if len(l.moved) > 0 && r.IntN(3) == 0 {
					from = l.moved[r.IntN(len(l.moved))] + r.IntN(3) - 1
				}
				checkFind(t, l, s, from)
			}
			if len(l.moved) == 0 {
				t.Fatalf("round %d: no entry moved", round)
			}
		}
	})
}

// checkMoved checks l.moved: increasing, and the entries not in it lie in
// the arena in list order; and that every entry begins the arena or
// follows a newline (startText).
func checkMoved(t *testing.T, l *List) {
	t.Helper()
	checkStarts(t, l)
	if !slices.IsSorted(l.moved) {
		t.Fatalf("moved not in order: %v", l.moved)
	}
	end := 0
	for i, s := range l.lines {
		if l.isMoved(i) {
			continue
		}
		if int(s.off) < end {
			t.Fatalf("entry %d at %d, before the end of the last entry in order (%d); moved %v", i, s.off, end, l.moved)
		}
		end = int(s.end)
	}
}

// TestMovedTable follows l.moved through the operations that change it.
func TestMovedTable(t *testing.T) {
	type op struct {
		name string
		do   func(l *List)
		want []int
	}
	l := New()
	for _, e := range []string{"a0", "a1", "a2", "a3", "a4", "a5"} {
		l.Add(e)
	}
	for _, tt := range []op{
		{"replace last", func(l *List) { l.Replace(5, "b5") }, nil},
		{"replace interior", func(l *List) { l.Replace(2, "b2") }, []int{2}},
		{"replace another", func(l *List) { l.Replace(0, "b0") }, []int{0, 2}},
		{"replace again", func(l *List) { l.Replace(2, "c2") }, []int{0, 2}},
		{"add", func(l *List) { l.Add("a6") }, []int{0, 2}},
		{"remove before", func(l *List) { l.Remove(1) }, []int{0, 1}},
		{"remove moved", func(l *List) { l.Remove(0) }, []int{0}},
		{"replace last of three", func(l *List) { l.Replace(3, "b6") }, []int{0, 3}},
		{"add after", func(l *List) { l.Add("a7") }, []int{0, 3}},
		{"replace the one before last", func(l *List) { l.Replace(4, "c6") }, []int{0, 3, 4}},
		{"replace last again", func(l *List) { l.Replace(5, "c7") }, []int{0, 3, 4}},
		{"drop front", func(l *List) { l.SetMax(4) }, []int{1, 2}},
		{"replace new last", func(l *List) { l.Replace(3, "d7") }, []int{1, 2}},
		{"remove last", func(l *List) { l.Remove(3) }, []int{1, 2}},
		{"remove last again", func(l *List) { l.Remove(2) }, []int{1}},
		{"replace moved, now last", func(l *List) { l.Replace(1, "d6") }, nil},
	} {
		tt.do(l)
		if !slices.Equal(l.moved, tt.want) {
			t.Fatalf("%s: moved %v, want %v", tt.name, l.moved, tt.want)
		}
		checkMoved(t, l)
		for _, s := range []Search{{Pattern: "b"}, {Pattern: "c", Forward: true}, {Pattern: "a"}, {Pattern: "d"}, {Pattern: "7", Prefix: true}} {
			for from := -1; from <= l.Len(); from++ {
				checkFind(t, l, s, from)
			}
		}
	}
	if got := strings.Join([]string{l.Line(0), l.Line(1)}, " "); l.Len() != 2 || got != "a4 d6" {
		t.Fatalf("entries %q", got)
	}
}

// TestMovedCompaction replaces interior entries until the list has too
// many out of order, which compacts the arena.
func TestMovedCompaction(t *testing.T) {
	l := New()
	for i := range 2000 {
		l.Add(strings.Repeat("x", 100) + string(rune('a'+i%26)))
	}
	for i := range maxMoved {
		l.Replace(i, "moved")
	}
	if len(l.moved) != maxMoved {
		t.Fatalf("%d moved, want %d", len(l.moved), maxMoved)
	}
	l.Replace(maxMoved, "moved")
	if len(l.moved) != 0 {
		t.Fatalf("%d moved after compaction", len(l.moved))
	}
	checkFind(t, l, Search{Pattern: "moved"}, l.Len()-1)
	checkFind(t, l, Search{Pattern: "xa", Forward: true}, 0)
}

// TestFileMultilineMoved reads multi-line entries whose lines end in
// "\r\n": each is joined in a copy at the end of the arena, out of order
// with the entries read after it.
func TestFileMultilineMoved(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		b.WriteString("#1700000000\r\nfor f in x" + string(rune('a'+i%26)) + "\r\ndo echo $f\r\ndone\r\n")
	}
	path := filepath.Join(t.TempDir(), "h")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	l := New()
	l.WriteTimestamps, l.CommentChar = true, '#'
	if err := l.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	if l.Len() != 300 || len(l.moved) == 0 {
		t.Fatalf("%d entries, %d moved", l.Len(), len(l.moved))
	}
	checkMoved(t, l)
	for _, s := range []Search{{Pattern: "xq\ndo"}, {Pattern: "done", Forward: true}, {Pattern: "for f in xz", Prefix: true}} {
		for _, from := range []int{-1, 0, 17, 150, 299, 300} {
			checkFind(t, l, s, from)
		}
	}
}

// TestIndexCase checks that the index tells a string from the same
// string in other cases for a search that does not ignore case, and
// does not for one that does: 64 blocks each hold "export API_PORT".
func TestIndexCase(t *testing.T) {
	var arena []byte
	for len(arena) < 64*idxBlock {
		arena = append(arena, "export API_PORT=8080 ls -la git status make build "...)
	}
	arena = arena[:64*idxBlock]
	x := &searchIndex{}
	x.update(arena)
	for _, tt := range []struct {
		pat  string
		fold bool
		all  bool // every block a candidate
	}{
		{"export API", false, true},
		{"export api", true, true},
		{"EXPORT api", true, true},
		{"export a", true, true},
		{"export a", false, false},
		{"xport api", false, false},
		{"EXPORT", false, false},
		{"t API_", false, true},
	} {
		var buf [idxMaxGram * idxWindow]uint64
		bs := x.newScan([]byte(tt.pat), tt.fold, buf[:0])
		n := 0
		for p := range len(x.sig) / idxRows {
			n += bits.OnesCount64(x.candidates(bs.keys, bs.fold, p))
		}
		blocks := (len(arena) + idxBlock - 1) / idxBlock
		if all := n == blocks; all != tt.all || !tt.all && n > blocks/2 {
			t.Errorf("%q (fold %v): %d of %d blocks candidates", tt.pat, tt.fold, n, blocks)
		}
	}
}

// TestFindPrefixStarts compares Find with the search entry by entry for
// prefixes of one and two bytes, which look at the entries' starts
// (arenaScan.firstStart, lastStart), with moved entries, copies passed
// over and the index, and without it.
func TestFindPrefixStarts(t *testing.T) {
	for _, indexed := range []bool{false, true} {
		l := New()
		for i, e := range shellHistory(30000, 6) {
			if i%7 == 0 {
				e = "st" + e
			}
			l.Add(e)
		}
		for i := 100; i < 30000; i += 997 {
			l.Replace(i, "sx moved "+l.Line(i))
		}
		if indexed {
			withIndex(t, l.PrepareSearch)
			if l.idx == nil {
				t.Fatal("no index")
			}
		}
		for _, pat := range []string{"s", "st", "sx", "S", "ST", "g", "gi", "q", "zz", "c", "cl"} {
			for _, from := range []int{-1, 0, 99, 100, 101, 5000, 15050, 29999, 30000} {
				for k := range 8 {
					s := Search{Pattern: pat, Prefix: true, Forward: k&1 != 0, IgnoreCase: k&2 != 0}
					if k&4 != 0 {
						if i, _ := l.Find(s, from); i >= 0 {
							s.Distinct, s.Previous = true, l.Line(i)
						}
					}
					if indexed {
						withIndex(t, func() { checkFind(t, l, s, from) })
					} else {
						checkFind(t, l, s, from)
					}
				}
			}
		}
	}
}

// checkStarts checks that every entry that is not empty begins the arena
// or follows a newline, as prefix searches with an index need.
func checkStarts(t *testing.T, l *List) {
	t.Helper()
	for i, s := range l.lines {
		if s.len() > 0 && s.off > 0 && l.arena[s.off-1] != '\n' {
			t.Fatalf("entry %d (%q) at %d follows %q", i, l.Line(i), s.off, l.arena[s.off-1])
		}
	}
}

// TestArenaStarts builds a list in every way that puts text in the
// arena (entries added, replaced, timestamped, read from files with and
// without a last newline and with multi-line entries, compacted) and
// checks that every entry follows a newline, and that prefix searches
// with an index find what the search entry by entry finds.
func TestArenaStarts(t *testing.T) {
	withIndex(t, func() {
		dir := t.TempDir()
		write := func(name, text string) string {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}
		l := New()
		l.WriteTimestamps, l.CommentChar = true, '#'
		steps := []func(){
			func() { l.Add("git status") },
			func() { l.AddTime("make test", timeNow()) },
			func() { l.ReadFile(write("a", "ls\nunfinished")) }, // no last newline: "unfinished" stays in the arena, unread
			func() { l.ReadFile(write("b", "cd /tmp\n#1700000000\r\nfor f in x\r\ndo echo\r\ndone\r\n")) },
			func() { l.Replace(0, "git stash") },
			func() { l.SetTime(1, timeNow()) },
			func() { l.Add("") },
			func() { l.Add("sudo reboot") },
			func() { l.compact() },
			func() { l.Add("ssh host") },
		}
		for k, step := range steps {
			step()
			checkStarts(t, l)
			l.PrepareSearch()
			for _, pat := range []string{"git", "m", "ls", "un", "cd", "for f", "do", "done", "s", "sudo", "ss", "x", "#1"} {
				for _, s := range []Search{{Pattern: pat, Prefix: true}, {Pattern: pat, Prefix: true, Forward: true}, {Pattern: strings.ToUpper(pat), Prefix: true, IgnoreCase: true}} {
					for from := -1; from <= l.Len(); from++ {
						checkFind(t, l, s, from)
					}
				}
			}
			if l.idx == nil {
				t.Fatalf("step %d: no index", k)
			}
		}
	})
}

// TestIndexPrefix checks that the index tells, for a prefix search, the
// blocks where an entry begins with the string from those where it is
// only inside entries, including the first entry of the arena.
func TestIndexPrefix(t *testing.T) {
	l := New()
	l.Add("zq first")
	for l.idx == nil || len(l.arena) < 64*idxBlock {
		l.Add("git status && ls -la")
		if len(l.arena)>>idxBlockShift == 40 && !strings.HasPrefix(l.Line(l.Len()-2), "status") {
			l.Add("status of block 40")
		}
		if len(l.arena) >= 64*idxBlock {
			withIndex(t, l.PrepareSearch)
		}
	}
	x := l.idx
	blocks := (len(l.arena) + idxBlock - 1) / idxBlock
	for _, tt := range []struct {
		pat  string
		fold bool
		want []int // blocks that must be candidates
		max  int   // most candidates allowed
	}{
		{"status", false, []int{40}, blocks / 4},
		{"STATUS O", true, []int{40}, blocks / 4},
		{"zq", false, []int{0}, blocks / 4},
		{"zq first", false, []int{0}, blocks / 4},
		{"git st", false, nil, blocks},
		{"ls -la", false, nil, blocks / 4},
	} {
		var buf [idxMaxGram * idxWindow]uint64
		bs := x.newPrefixScan([]byte(tt.pat), tt.fold, buf[:0])
		var got []int
		for p := range len(x.sig) / idxRows {
			for c := x.candidates(bs.keys, bs.fold, p); c != 0; c &= c - 1 {
				got = append(got, 64*p+bits.TrailingZeros64(c))
			}
		}
		for _, b := range tt.want {
			if !slices.Contains(got, b) {
				t.Errorf("prefix %q: block %d not a candidate (%d are)", tt.pat, b, len(got))
			}
		}
		if len(got) > tt.max {
			t.Errorf("prefix %q: %d of %d blocks candidates", tt.pat, len(got), blocks)
		}
		s := Search{Pattern: tt.pat, Prefix: true, IgnoreCase: tt.fold}
		checkFind(t, l, s, l.Len()-1)
		s.Forward = true
		checkFind(t, l, s, 0)
	}
}

// TestFindDistinctByText checks the search that knows copies of the line
// found last by their text (arenaScan.inCopy) where text equal to the
// line is not a copy of it: an entry read from a line that ends in
// "\r\n", lines of a multi-line entry, text no entry has any more.
func TestFindDistinctByText(t *testing.T) {
	withIndex(t, func() {
		path := filepath.Join(t.TempDir(), "h")
		var b strings.Builder
		for i := range 40000 {
			b.WriteString("foo\r\n")
			if i%1000 == 0 {
				b.WriteString("git status\r\n")
			}
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		for round := range 3 {
			l := New()
			for range 30000 {
				l.Add("foo")
			}
			if err := l.ReadFile(path); err != nil {
				t.Fatal(err)
			}
			l.Add("foo\r")
			for range 30000 {
				l.Add("foo")
			}
			switch round {
			case 1:
				l.Add("x\nfoo\ny") // multi-line: no copy is known by its text
				for range 100 {
					l.Add("foo")
				}
			case 2:
				l.Replace(100, "bar") // "foo" stays in the arena, no entry's
				l.Replace(l.Len()-5, "foo bar")
			}
			l.PrepareSearch()
			if l.idx == nil {
				t.Fatal("no index")
			}
			for _, prev := range []string{"foo", "foo\r", "git status"} {
				for _, pat := range []string{"fo", "foo", "o", "oo\r", "FO"} {
					for _, from := range []int{0, 29999, 30000, 50000, l.Len() - 1} {
						for _, fwd := range []bool{false, true} {
							s := Search{Pattern: pat, Forward: fwd, IgnoreCase: pat == "FO", Distinct: true, Previous: prev}
							checkFind(t, l, s, from)
						}
					}
				}
			}
		}
	})
}
