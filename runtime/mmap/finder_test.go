package mmap

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// logText returns n bytes of log-like text from a small vocabulary, so
// that most needle bytes are common.
func logText(n int, seed uint64) []byte {
	words := []string{"the", "request", "user", "session", "error", "timeout", "ok", "server", "read", "write", "queue", "id=42", "\n"}
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, 0, n+16)
	for len(b) < n {
		b = append(b, words[r.IntN(len(words))]...)
		b = append(b, ' ')
	}
	return b[:n]
}

// allIndex is the reference for Finder.All: non-overlapping matches.
func allIndex(hay, needle []byte) []int {
	var out []int
	step := max(len(needle), 1)
	for pos := 0; pos <= len(hay); {
		i := bytes.Index(hay[pos:], needle)
		if i < 0 {
			break
		}
		out = append(out, pos+i)
		pos += i + step
	}
	return out
}

func checkFinder(t *testing.T, name string, hay, needle []byte) {
	t.Helper()
	f := NewFinder(needle)
	want := bytes.Index(hay, needle)
	if got := f.Index(hay); got != want {
		t.Errorf("%s: Index = %d, want %d", name, got, want)
	}
	// Both forward algorithms, whichever Index chose.
	p := f.planFor(hay)
	for _, horspool := range []bool{false, true} {
		p.horspool = horspool
		if got := f.index(hay, p); got != want {
			t.Errorf("%s: index with horspool=%v = %d, want %d", name, horspool, got, want)
		}
	}
	if got, want := f.LastIndex(hay), bytes.LastIndex(hay, needle); got != want {
		t.Errorf("%s: LastIndex = %d, want %d", name, got, want)
	}
	if got, want := slices.Collect(f.All(hay)), allIndex(hay, needle); !slices.Equal(got, want) {
		t.Errorf("%s: All = %v, want %v", name, got, want)
	}
}

func TestFinder(t *testing.T) {
	big := logText(3<<20, 1) // large enough to be sampled
	bigWith := slices.Concat(big, []byte("needle: segfault in quux_frobnicate"), big[:1000])
	aaa := bytes.Repeat([]byte("a"), 200000)
	abab := bytes.Repeat([]byte("ab"), 600000)
	tests := []struct {
		name         string
		hay, needle  string
		bhay, bneedl []byte
	}{
		{name: "empty needle", hay: "abc", needle: ""},
		{name: "empty both", hay: "", needle: ""},
		{name: "one byte", hay: "abcabc", needle: "c"},
		{name: "longer than hay", hay: "ab", needle: "abc"},
		{name: "short hay", hay: "xxabcxxabc", needle: "abc"},
		{name: "at start", hay: string(logText(1000, 2)), needle: "the"},
		{name: "absent", hay: string(logText(5000, 3)), needle: "sessions"},
		{name: "common bytes", hay: string(logText(100000, 4)), needle: "timeout ok the"},
		{name: "at the very end", bhay: slices.Concat(logText(200000, 5), []byte("zq")), bneedl: []byte("zq")},
		{name: "sampled, rare needle", bhay: bigWith, bneedl: []byte("segfault in quux_frobnicate")},
		{name: "sampled, common needle", bhay: big, bneedl: []byte("read write queue")},
		{name: "sampled, absent", bhay: big, bneedl: []byte("serve the latency")},
		{name: "periodic, absent (fallback)", bhay: aaa, bneedl: append(bytes.Repeat([]byte("a"), 100), 'b')},
		{name: "periodic, present late (fallback)", bhay: append(slices.Clone(aaa), 'b'), bneedl: append(bytes.Repeat([]byte("a"), 100), 'b')},
		{name: "periodic two bytes, sampled", bhay: slices.Concat(abab, []byte("abb")), bneedl: append(bytes.Repeat([]byte("ab"), 40), 'b')},
		{name: "last byte everywhere (Horspool fallback)", bhay: aaa, bneedl: append([]byte("b"), bytes.Repeat([]byte("a"), 100)...)},
		{name: "last byte everywhere, present late", bhay: slices.Concat(aaa, []byte("b"), aaa[:100]), bneedl: append([]byte("b"), bytes.Repeat([]byte("a"), 100)...)},
		{name: "periodic two bytes, absent", bhay: abab, bneedl: append(bytes.Repeat([]byte("ab"), 40), 'b')},
		{name: "periodic two bytes, present early", bhay: slices.Concat([]byte("abb"), abab), bneedl: append(bytes.Repeat([]byte("ab"), 40), 'b')},
		{name: "overlapping matches", hay: strings80("aaaa"), needle: "aa"},
		{name: "binary", bhay: slices.Concat(make([]byte, 5000), []byte{0, 1, 0, 0xff}, make([]byte, 70)), bneedl: []byte{1, 0, 0xff}},
	}
	for _, tt := range tests {
		hay, needle := tt.bhay, tt.bneedl
		if hay == nil {
			hay, needle = []byte(tt.hay), []byte(tt.needle)
		}
		checkFinder(t, tt.name, hay, needle)
	}
}

// strings80 repeats s to at least 80 bytes, past the small-haystack path.
func strings80(s string) string {
	out := s
	for len(out) < 80 {
		out += s
	}
	return out
}

// TestFinderRandom compares with the standard library over many small
// random cases from a four-letter alphabet, where matches and near
// matches are frequent.
func TestFinderRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	gen := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abcd"[r.IntN(4)]
		}
		return b
	}
	for i := range 3000 {
		hay := gen(r.IntN(400))
		needle := gen(1 + r.IntN(6))
		if i%3 == 0 && len(hay) > 10 {
			start := r.IntN(len(hay) - 5)
			needle = hay[start : start+1+r.IntN(5)]
		}
		checkFinder(t, "random", hay, needle)
		if t.Failed() {
			t.Fatalf("hay %q needle %q", hay, needle)
		}
	}
}

func TestLastIndexByte(t *testing.T) {
	b := make([]byte, 3*lastIndexChunk+5)
	tests := []struct {
		name string
		at   []int // where to put the byte
	}{
		{"absent", nil},
		{"first", []int{0}},
		{"last", []int{len(b) - 1}},
		{"chunk edge", []int{lastIndexChunk - 1, lastIndexChunk}},
		{"several in one chunk", []int{10, 20, 30}},
	}
	for _, tt := range tests {
		c := slices.Clone(b)
		for _, i := range tt.at {
			c[i] = 'x'
		}
		if got, want := lastIndexByte(c, 'x'), bytes.LastIndexByte(c, 'x'); got != want {
			t.Errorf("%s: got %d, want %d", tt.name, got, want)
		}
	}
}

func TestPickAnchors(t *testing.T) {
	tests := []struct {
		needle string
		k1, k2 byte
	}{
		{"the quux", 'q', 'x'},
		{"aaaa", 'a', 'a'},
		{"e_e", '_', 'e'},
	}
	for _, tt := range tests {
		a := pickAnchors([]byte(tt.needle), guessCounts())
		if tt.needle[a.k1] != tt.k1 || tt.needle[a.k2] != tt.k2 {
			t.Errorf("%q: anchors %q %q, want %q %q", tt.needle, tt.needle[a.k1], tt.needle[a.k2], tt.k1, tt.k2)
		}
	}
	// Sampling prefers what is rare in the data over the fixed guess: in
	// a haystack of z's, 'e' is rarer than 'z'.
	hay := bytes.Repeat([]byte("zzzzzzzze"), sampleMin/9+1)
	a := pickAnchors([]byte("ze"), sampleCounts(hay))
	if a.k1 != 1 {
		t.Errorf("sampled anchors: k1 = %d, want 1", a.k1)
	}
}

// TestHorspoolChoice checks when a sampled search uses Horspool's
// algorithm: for a long needle whose bytes are all common, not for one
// with a rare byte, nor for a short one.
func TestHorspoolChoice(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	hay := make([]byte, 2*sampleMin)
	for i := range hay {
		hay[i] = "abcdefghijklmnopqrst"[r.IntN(20)]
	}
	tests := []struct {
		needle   string
		horspool bool
	}{
		{"tsrqponmlkjihgfedcbatsrqponmlkjihgfedcba", true},   // every byte 1 in 20; skips of about 20
		{"tsrqponmlkjihgfedcba_tsrqponmlkjihgfedcba", false}, // '_' is absent
		{"ab", false}, // skips of at most 2
	}
	for _, tt := range tests {
		f := NewFinder([]byte(tt.needle))
		if got := f.planFor(hay).horspool; got != tt.horspool {
			t.Errorf("%q: horspool = %v, want %v", tt.needle, got, tt.horspool)
		}
		checkFinder(t, tt.needle, hay, []byte(tt.needle))
		withNeedle := slices.Concat(hay, []byte(tt.needle), hay[:100])
		checkFinder(t, tt.needle+" appended", withNeedle, []byte(tt.needle))
	}
}

// FuzzFinder checks Index, LastIndex and All against the standard library.
func FuzzFinder(f *testing.F) {
	f.Add([]byte("hello world, hello gopher"), []byte("hello"))
	f.Add(bytes.Repeat([]byte("ab"), 100), []byte("abab"))
	f.Add([]byte(strings80("x")), []byte(""))
	f.Add(logText(500, 9), []byte("queue id"))
	f.Fuzz(func(t *testing.T, hay, needle []byte) {
		checkFinder(t, "fuzz", hay, needle)
	})
}
