package completion

import (
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
