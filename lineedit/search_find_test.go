package lineedit

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/goshell/gosh/history"
)

// refFind is the incremental search's scan as readline's isearch.c does
// it, line by line and place by place over a slice of every line: the
// reference the faster find must agree with, quirks and all.
func refFind(s *isearch, lines [][]byte) {
	dir := 1
	if !s.forward {
		dir = -1
	}
	q := s.query
	found := false
	s.failed = false
	for {
		if len(q) == 0 {
			s.failed = true
			break
		}
		limit := len(s.sline) - len(q) + 1
		for (!s.forward && s.index >= 0) || (s.forward && s.index < limit) {
			// (readline's scan, unguarded, read past the end of the line
			// here after a failed forward search turned around: a crash
			// the old version of find had too.)
			if s.index >= 0 && s.index <= len(s.sline) && bytes.HasPrefix(s.sline[s.index:], q) {
				found = true
				break
			}
			s.index += dir
			if s.index < 0 {
				s.index = 0
				break
			}
		}
		if found {
			break
		}
		for {
			s.pos += dir
			if s.pos < 0 || s.pos >= len(lines) {
				s.failed = true
				break
			}
			s.sline = lines[s.pos]
			if !(s.prevFound != nil && bytes.Equal(s.prevFound, s.sline)) && len(q) <= len(s.sline) {
				break
			}
		}
		if s.failed {
			s.index = max(s.index, 0)
			break
		}
		s.index = 0
		if !s.forward {
			s.index = len(s.sline) - len(q)
		}
	}
	if s.failed {
		s.pos = s.lastFound
		return
	}
	s.prevFound = lines[s.pos]
	s.lastFound = s.pos
}

// TestSearchFindMatchesReadline compares find with refFind on random
// histories (with entries edited on the line) and search states.
func TestSearchFindMatchesReadline(t *testing.T) {
	seed := uint64(3)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	word := func(n int) []byte {
		b := make([]byte, rnd(n+1))
		for i := range b {
			b[i] = "ab "[rnd(3)]
		}
		return b
	}
	for round := range 3000 {
		h := history.New()
		for range rnd(12) {
			h.Add(string(word(6)))
		}
		e := New(testConfig(), h)
		n := h.Len()
		for range rnd(3) {
			if n > 0 {
				// An entry edited on an earlier visit (the history list
				// holds its text), or the line being typed, saved.
				if k := rnd(n + 1); k < n {
					h.Replace(k, string(word(6)))
				} else {
					e.hs.saved, e.hs.savedText = true, word(6)
				}
			}
		}
		s := &isearch{forward: rnd(2) == 0, origPos: rnd(n + 1), origText: word(6), query: word(3)}
		lines := make([][]byte, n+1)
		for i := range lines {
			lines[i] = e.historyText(i)
		}
		if !e.hs.saved {
			lines[n] = s.origText // the line the search started in
		}
		lines[s.origPos] = s.origText
		s.pos = rnd(n + 1)
		s.sline = lines[s.pos]
		s.index = rnd(len(s.sline)+2) - 1
		s.lastFound = rnd(n + 1)
		if rnd(2) == 0 {
			s.prevFound = lines[rnd(n+1)]
		}
		ref := *s
		refFind(&ref, lines)
		got := *s
		got.find(e)
		desc := fmt.Sprintf("round %d: lines %q, search %q forward %v from %d index %d (orig %d, prev %q)",
			round, lines, s.query, s.forward, s.pos, s.index, s.origPos, s.prevFound)
		if got.failed != ref.failed || got.pos != ref.pos || got.index != ref.index || !bytes.Equal(got.sline, ref.sline) ||
			got.lastFound != ref.lastFound || !bytes.Equal(got.prevFound, ref.prevFound) {
			t.Fatalf("%s:\n got failed %v pos %d index %d sline %q last %d prev %q\nwant failed %v pos %d index %d sline %q last %d prev %q",
				desc, got.failed, got.pos, got.index, got.sline, got.lastFound, got.prevFound,
				ref.failed, ref.pos, ref.index, ref.sline, ref.lastFound, ref.prevFound)
		}
		if !got.failed && (string(e.buf.text) != string(lines[ref.pos]) || e.buf.point != min(ref.index, len(e.buf.text))) {
			t.Fatalf("%s: line %q point %d", desc, e.buf.text, e.buf.point)
		}
	}
}

// TestSearchFindSequences compares find with refFind along searches as
// they are typed: characters added and rubbed out, C-r again, turning
// around; find skips scans it knows will fail.
func TestSearchFindSequences(t *testing.T) {
	seed := uint64(11)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	word := func(n int) []byte {
		b := make([]byte, rnd(n+1))
		for i := range b {
			b[i] = "ab "[rnd(3)]
		}
		return b
	}
	for round := range 1500 {
		h := history.New()
		for range rnd(12) {
			h.Add(string(word(7)))
		}
		e := New(testConfig(), h)
		n := h.Len()
		if n > 0 && rnd(2) == 0 {
			if k := rnd(n + 1); k < n {
				h.Replace(k, string(word(6)))
			} else {
				e.hs.saved, e.hs.savedText = true, word(6)
			}
		}
		orig := word(6)
		s := &isearch{forward: rnd(2) == 0, origPos: n, origText: orig, pos: n, lastFound: n, sline: orig, index: len(orig)}
		lines := make([][]byte, n+1)
		for i := range lines {
			lines[i] = e.historyText(i)
		}
		lines[n] = orig
		ref := *s
		ref.query = nil
		var ops []string
		for range 12 {
			op := rnd(5)
			switch op {
			case 0, 1: // a character
				c := "ab "[rnd(3)]
				s.query = append(s.query, c)
				ref.query = append(ref.query, c)
				ops = append(ops, string(c))
			case 2: // rubout
				if len(s.query) == 0 {
					continue
				}
				s.query = s.query[:len(s.query)-1]
				ref.query = ref.query[:len(ref.query)-1]
				ops = append(ops, "DEL")
			case 3: // C-r or C-s again
				if len(s.query) == 0 || !s.again(e) || !ref.again(e) {
					continue
				}
				ops = append(ops, "again")
			case 4: // turn around
				s.forward, ref.forward = !s.forward, !ref.forward
				ops = append(ops, "turn")
			}
			s.find(e)
			refFind(&ref, lines)
			if s.failed != ref.failed || s.pos != ref.pos || s.index != ref.index || !bytes.Equal(s.sline, ref.sline) || s.lastFound != ref.lastFound {
				t.Fatalf("round %d: lines %q, ops %q: got failed %v pos %d index %d sline %q, want %v %d %d %q",
					round, lines, ops, s.failed, s.pos, s.index, s.sline, ref.failed, ref.pos, ref.index, ref.sline)
			}
		}
	}
}
