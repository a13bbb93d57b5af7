package history

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// naiveFind is Find as GNU History's history_search_internal does it:
// entry by entry, place by place.
func naiveFind(l *List, s Search, from int) (int, int) {
	n := l.Len()
	if n == 0 {
		return -1, -1
	}
	switch {
	case s.Forward && from < 0:
		from = 0
	case !s.Forward && from >= n:
		from = n - 1
	case from < 0 || from >= n:
		return -1, -1
	}
	step := -1
	if s.Forward {
		step = 1
	}
	for i := from; i >= 0 && i < n; i += step {
		if off := naiveMatch(l.lineBytes(i), s); off >= 0 {
			return i, off
		}
	}
	return -1, -1
}

func naiveMatch(line []byte, s Search) int {
	if s.Distinct && string(line) == s.Previous {
		return -1
	}
	p := []byte(s.Pattern)
	if len(p) == 0 {
		return 0
	}
	eq := func(a []byte) bool {
		if s.IgnoreCase {
			return bytes.EqualFold(a, p)
		}
		return bytes.Equal(a, p)
	}
	if s.Prefix {
		if len(line) >= len(p) && eq(line[:len(p)]) {
			return 0
		}
		return -1
	}
	best := -1
	for off := 0; off+len(p) <= len(line); {
		if eq(line[off : off+len(p)]) {
			if s.Forward {
				return off
			}
			best = off
		}
		// Ignoring case, matches begin only where characters do.
		size := 1
		if s.IgnoreCase {
			_, size = utf8.DecodeRune(line[off:])
		}
		off += size
	}
	return best
}

// withIndex runs f with indexes built for lists of any size.
func withIndex(t testing.TB, f func()) {
	saved := idxMinArena
	idxMinArena = 0
	defer func() { idxMinArena = saved }()
	f()
}

func checkFind(t testing.TB, l *List, s Search, from int) {
	t.Helper()
	i, off := l.Find(s, from)
	j, off2 := naiveFind(l, s, from)
	if i != j || off != off2 {
		t.Fatalf("Find(%+v, %d) on %d entries = %d, %d; entry by entry %d, %d", s, from, l.Len(), i, off, j, off2)
	}
}

// TestFindIndexed compares Find, with an index, on lists of a few
// megabytes (many blocks and pages of the index) with the search entry by
// entry: patterns taken from the entries, changed a little, and found
// nowhere; entries added after the index was built; lists read from a
// file with timestamps; lists whose arena was compacted.
func TestFindIndexed(t *testing.T) {
	withIndex(t, func() {
		r := rand.New(rand.NewPCG(5, 5))
		// 44,000 entries of 26 bytes: three pages of the index.
		hist := shellHistory(46000, 2)
		for round := range 4 {
			l := New()
			if round%2 == 1 {
				l.WriteTimestamps, l.CommentChar = true, '#'
			}
			for _, e := range hist[:44000] {
				if round%2 == 1 {
					l.AddTime(e, timeNow())
				} else {
					l.Add(e)
				}
			}
			if round >= 2 {
				// Read back from a file: the file's bytes are the arena.
				path := filepath.Join(t.TempDir(), "h")
				if err := l.WriteFile(path); err != nil {
					t.Fatal(err)
				}
				r := New()
				r.WriteTimestamps, r.CommentChar = l.WriteTimestamps, l.CommentChar
				if err := r.ReadFile(path); err != nil {
					t.Fatal(err)
				}
				l = r
			}
			l.PrepareSearch()
			if l.idx == nil {
				t.Fatal("no index")
			}
			for q := range 120 {
				if q == 60 {
					// Entries added after the index was built, and the
					// last one replaced.
					for _, e := range hist[44000:] {
						l.Add(e)
					}
					l.Replace(l.Len()-1, "replaced LAST entry")
				}
				e := hist[r.IntN(len(hist))]
				k := r.IntN(len(e))
				pat := e[k : k+1+r.IntN(len(e)-k)]
				switch r.IntN(5) {
				case 0: // changed at the end, often found nowhere
					pat += string("aZ.9 -/xq"[r.IntN(9)])
				case 1:
					pat = strings.ToUpper(pat)
				case 2: // longer than the index's window
					pat = e + " " + e
				}
				s := Search{Pattern: pat, Forward: r.IntN(2) == 0, IgnoreCase: r.IntN(3) == 0, Prefix: r.IntN(6) == 0}
				if r.IntN(8) == 0 {
					s.Pattern = "#1"
				}
				if r.IntN(3) == 0 {
					// Passing over copies of an entry the pattern is in.
					if i, _ := l.Find(s, l.Len()-1); i >= 0 {
						s.Distinct, s.Previous = true, l.Line(i)
					}
				}
				checkFind(t, l, s, r.IntN(l.Len()+2)-1)
			}
		}
	})
}

// FuzzFind compares Find with the search entry by entry on lists made of
// the fuzzer's entries spread over many blocks of the index, between
// filler entries.
func FuzzFind(f *testing.F) {
	f.Add("git status\nls -la\ngit commit -m fix\necho GIT\n", "git", byte(0), 3)
	f.Add("a\nab\nabc\n\n#1\nb", "ab", byte(1), 0)
	f.Add("x\u212ay\nk\nK", "k", byte(4), 2)
	f.Add(strings.Repeat("0123456789abcdef", 5)+"\nzz", strings.Repeat("0123456789abcdef", 3), byte(2), 1)
	f.Add("git status\nls -la\ngit commit -m fix\necho GIT\n", "it", byte(64+8), 5)
	f.Add("a\nab\nabc\n\n#1\nb", "b", byte(64+2), 1)
	f.Add("git status\ngit status\nls\ngit status\n", "status", byte(128+8), 7)
	f.Fuzz(func(t *testing.T, entries, pat string, flags byte, from int) {
		withIndex(t, func() {
			l := New()
			filler := strings.Repeat("-", 3000)
			for i, e := range strings.Split(entries, "\n") {
				l.Add(e)
				if flags&32 != 0 && i%2 == 0 {
					l.AddTime(filler, timeNow())
				} else {
					l.Add(filler[:i%7*500])
				}
			}
			s := Search{Pattern: pat, Prefix: flags&1 != 0, Forward: flags&2 != 0, IgnoreCase: flags&4 != 0}
			if flags&128 != 0 {
				s.Distinct, s.Previous = true, l.Line(l.Len()/2)
			}
			if flags&8 != 0 {
				l.PrepareSearch()
			}
			if flags&16 != 0 {
				l.Add(pat + entries)
			}
			if flags&64 != 0 {
				// Interior entries replaced: their text moves to the
				// end of the arena, out of list order.
				l.Replace(l.Len()/2, entries+pat)
				l.Replace(l.Len()/3, pat)
			}
			from %= l.Len() + 2
			checkFind(t, l, s, from)
			checkFind(t, l, s, l.Len()-1-from)
		})
	})
}

// TestMatcher compares the matcher with strings.Index on texts of a few
// letters, where anchors are often there without the pattern, with and
// without the vector scan (anchors32).
func TestMatcher(t *testing.T) {
	saved := useWide()
	defer func() { wide = saved }()
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int, alpha string) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		return string(b)
	}
	for k := range 40000 {
		wide = saved && k%2 == 0
		alpha := []string{"ab", "abAB", "aB-_", "xyz\x80", "abcdefghij"}[r.IntN(5)]
		text, pat := word(r.IntN(300), alpha), word(1+r.IntN(6), alpha)
		fold := r.IntN(2) == 0 && isASCII([]byte(pat))
		m := newMatcher([]byte(pat), fold, &staticRank)
		got := m.index([]byte(text))
		want := strings.Index(text, pat)
		if fold {
			want = -1
			for i := 0; i+len(pat) <= len(text); i++ {
				if strings.EqualFold(text[i:i+len(pat)], pat) {
					want = i
					break
				}
			}
		}
		if got != want {
			t.Fatalf("matcher(%q, fold %v, wide %v).index(%q) = %d, want %d", pat, fold, wide, text, got, want)
		}
	}
}

// TestAnchors32 compares anchors32 (on amd64, the AVX2 version) and
// anchors32Go with the anchors looked for place by place.
func TestAnchors32(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for range 5000 {
		n := 32 * (1 + r.IntN(6))
		text := make([]byte, n+8)
		alpha := []string{"ab", "aAbB", "xyzXYZ \xff"}[r.IntN(3)]
		for i := range text {
			text[i] = alpha[r.IntN(len(alpha))]
		}
		var w [6]uint64
		var at [3]int
		var want [3]func(c byte) bool
		for k := range 3 {
			c := alpha[r.IntN(len(alpha))]
			at[k] = r.IntN(8)
			w[k] = uint64(c) * ones
			want[k] = func(b byte) bool { return b == c }
			if r.IntN(2) == 0 && asciiLower(c) != asciiUpper(c) {
				w[k], w[3+k] = uint64(asciiLower(c))*ones, 0x20*ones
				want[k] = func(b byte) bool { return asciiLower(b) == asciiLower(c) }
			}
		}
		groups := n / 32
		// Where anchors32 should stop: the first group with a place.
		wantOff, wantMask := n, uint32(0)
		for g := 0; g < groups && wantMask == 0; g++ {
			for i := range 32 {
				p := 32*g + i
				if want[0](text[at[0]+p]) && want[1](text[at[1]+p]) && want[2](text[at[2]+p]) {
					wantOff, wantMask = 32*g, wantMask|1<<i
				}
			}
		}
		p0, p1, p2 := unsafe.Pointer(&text[at[0]]), unsafe.Pointer(&text[at[1]]), unsafe.Pointer(&text[at[2]])
		for name, f := range map[string]func(p0, p1, p2 unsafe.Pointer, groups int, w *[6]uint64) (int, uint32){
			"anchors32Go": anchors32Go, "anchors32": anchors32,
		} {
			if name == "anchors32" && !useWide() {
				continue
			}
			off, mask := f(p0, p1, p2, groups, &w)
			if off != wantOff || mask != wantMask {
				t.Fatalf("%s(%q at %v, %x) = %d, %032b; want %d, %032b", name, text, at, w, off, mask, wantOff, wantMask)
			}
		}
	}
}

// TestIndexIncremental checks that an index brought up to date bit by bit
// (the last stretch long enough to be shared among processors, from the
// middle of a page) is the index built at once.
func TestIndexIncremental(t *testing.T) {
	var arena []byte
	for _, e := range shellHistory(180000, 3) {
		arena = append(arena, e...)
	}
	if len(arena) < 4<<20+300<<10 {
		t.Fatalf("arena of %d bytes: too short", len(arena))
	}
	whole := &searchIndex{}
	whole.update(arena)
	bits := &searchIndex{}
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 300<<10; n += r.IntN(20000) {
		bits.update(arena[:n])
	}
	bits.update(arena)
	if bits.n != whole.n || bits.count != whole.count || len(bits.sig) != len(whole.sig) {
		t.Fatalf("indexed %d bytes, %d words; at once %d, %d", bits.n, len(bits.sig), whole.n, len(whole.sig))
	}
	for i := range whole.sig {
		if bits.sig[i] != whole.sig[i] {
			t.Fatalf("page %d row %d: %x, at once %x", i/idxRows, i%idxRows, bits.sig[i], whole.sig[i])
		}
	}
}
