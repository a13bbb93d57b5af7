package history

import (
	"strings"
	"testing"
	"time"
)

func lines(l *List) string {
	var s []string
	for i := 0; i < l.Len(); i++ {
		s = append(s, l.Line(i))
	}
	return strings.Join(s, "|")
}

func TestListBasics(t *testing.T) {
	l := New()
	for _, s := range []string{"one", "two", "three", "", "multi\nline"} {
		l.Add(s)
	}
	if got := lines(l); got != "one|two|three||multi\nline" {
		t.Fatalf("entries %q", got)
	}
	l.Replace(1, "TWO")
	l.Remove(0)
	if got := lines(l); got != "TWO|three||multi\nline" {
		t.Fatalf("after replace/remove %q", got)
	}
	if l.Base() != 1 || l.Len() != 4 {
		t.Fatalf("base %d len %d", l.Base(), l.Len())
	}
	l.AddTime("stamped", time.Unix(1700000000, 0))
	if tm, ok := l.Time(l.Len() - 1); !ok || tm.Unix() != 1700000000 {
		t.Errorf("time %v %v", tm, ok)
	}
	if _, ok := l.Time(0); ok {
		t.Errorf("entry 0 has a time")
	}
	l.Clear()
	if l.Len() != 0 {
		t.Errorf("Clear left %d", l.Len())
	}
}

func TestListMax(t *testing.T) {
	l := New()
	for _, s := range []string{"a", "b", "c", "d"} {
		l.Add(s)
	}
	l.SetMax(2)
	if got := lines(l); got != "c|d" || l.Base() != 3 {
		t.Fatalf("SetMax(2): %q base %d", got, l.Base())
	}
	l.Add("e")
	if got := lines(l); got != "d|e" || l.Base() != 4 {
		t.Fatalf("Add past max: %q base %d", got, l.Base())
	}
	l.SetMax(0)
	l.Add("f")
	if l.Len() != 0 {
		t.Fatalf("max 0 keeps %q", lines(l))
	}
	l.SetMax(-1)
	l.Add("g")
	if got := lines(l); got != "g" {
		t.Fatalf("unlimited: %q", got)
	}
}

// TestCompaction adds and removes enough to compact the arena and checks
// that nothing is lost and searches still work.
func TestCompaction(t *testing.T) {
	l := New()
	for i := 0; i < 20000; i++ {
		l.Add(strings.Repeat("x", 10) + string(rune('a'+i%26)))
		if i%3 == 0 {
			l.Replace(l.Len()-1, "replaced")
		}
	}
	l.SetMax(100)
	if l.Len() != 100 || len(l.arena) > 64<<10+4000 {
		t.Fatalf("len %d arena %d", l.Len(), len(l.arena))
	}
	if i, off := l.Find(Search{Pattern: "replaced"}, l.Len()-1); i < 0 || off != 0 {
		t.Fatalf("find after compaction: %d %d", i, off)
	}
}

func TestPython(t *testing.T) {
	p := NewPython(New())
	p.AddHistory("first")
	p.AddHistory("second")
	if s, ok := p.GetHistoryItem(1); !ok || s != "first" {
		t.Errorf("GetHistoryItem(1) = %q %v", s, ok)
	}
	if _, ok := p.GetHistoryItem(0); ok {
		t.Errorf("GetHistoryItem(0) found something")
	}
	p.ReplaceHistoryItem(0, "FIRST")
	p.RemoveHistoryItem(1)
	if got := lines(p.List); got != "FIRST" || p.GetCurrentHistoryLength() != 1 {
		t.Errorf("after replace/remove: %q", got)
	}
	p.SetAutoHistory(false)
	if p.AutoHistory() {
		t.Errorf("auto history still on")
	}
}
