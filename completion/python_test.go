package completion

import (
	"reflect"
	"strings"
	"testing"
)

func TestPythonAdapter(t *testing.T) {
	words := []string{"print", "property", "pow"}
	p := &Python{Func: func(text string, state int) (string, bool) {
		var m []string
		for _, w := range words {
			if strings.HasPrefix(w, text) {
				m = append(m, w)
			}
		}
		if state < len(m) {
			return m[state], true
		}
		return "", false
	}}
	r := p.Complete("x = pr", 6)
	if r.Start != 4 || r.End != 6 || len(r.Candidates) != 2 || r.Candidates[1].Text != "property" {
		t.Fatalf("result %+v", r)
	}
	if p.Begidx() != 4 || p.Endidx() != 6 {
		t.Errorf("begidx %d endidx %d", p.Begidx(), p.Endidx())
	}
	back := ToPython(p, func() (string, int) { return "x = po", 6 })
	if m, ok := back("po", 0); !ok || m != "pow" {
		t.Errorf("ToPython: %q %v", m, ok)
	}
	if _, ok := back("po", 1); ok {
		t.Errorf("ToPython found a second match")
	}
}

// TestToPython turns rich completers into Python's shape: the matches
// must replace the word Python's readline passes, whatever range the
// completer replaces, and carry the suffix readline would not add.
func TestToPython(t *testing.T) {
	rich := func(start int, cands ...Candidate) Completer {
		return CompleterFunc(func(line string, cursor int) Result {
			return Result{Start: start, End: cursor, Candidates: cands}
		})
	}
	tests := []struct {
		name string
		c    Completer
		line string
		text string
		want []string
	}{
		{"same range", rich(3, Candidate{Text: "alpha"}, Candidate{Text: "alps", Suffix: NoSuffix}), "ls al", "al", []string{"alpha ", "alps"}},
		{"wider range", rich(3, Candidate{Text: "dir/file"}), "ls dir/fi", "fi", []string{"file "}},
		{"narrower range", rich(7, Candidate{Text: "file", Kind: KindDirectory}), "ls dir/fi", "dir/fi", []string{"dir/file/"}},
		{"suffix", rich(0, Candidate{Text: "len", Suffix: "("}), "le", "le", []string{"len("}},
		{"not replacing the word", rich(0, Candidate{Text: "xyz"}), "ab cd", "cd", nil},
	}
	for _, tt := range tests {
		f := ToPython(tt.c, func() (string, int) { return tt.line, len(tt.line) })
		var got []string
		for state := 0; ; state++ {
			m, ok := f(tt.text, state)
			if !ok {
				break
			}
			got = append(got, m)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestPythonRoundTrip goes from Python's shape to the rich one and back.
func TestPythonRoundTrip(t *testing.T) {
	ns := testNamespace()
	p := &Python{Func: ns.Python()}
	line := "print(cfg.Server.P"
	back := ToPython(p, func() (string, int) { return line, len(line) })
	m, ok := back("cfg.Server.P", 0)
	if !ok || m != "cfg.Server.Port" {
		t.Errorf("round trip: %q %v", m, ok)
	}
	if p.Begidx() != 6 || p.Endidx() != len(line) {
		t.Errorf("begidx %d endidx %d", p.Begidx(), p.Endidx())
	}
	// Delimiters decide the word.
	p.Delims = " "
	r := p.Complete("x cfg.Server.P", 14)
	if r.Start != 2 {
		t.Errorf("with delims %q: start %d", p.Delims, r.Start)
	}
}
