package lineedit

import "testing"

func TestSetLineAndMark(t *testing.T) {
	e := New(testConfig(), nil)
	e.Feed([]byte("hello"))
	if e.Mark() != 0 {
		t.Errorf("a new line has mark %d, want 0 (readline's rl_mark)", e.Mark())
	}
	e.SetLine("héllo world", 2, 100)
	if e.Line() != "héllo world" || e.Point() != 1 || e.Mark() != len("héllo world") {
		t.Errorf("SetLine: line %q point %d mark %d; want the point at the start of é (1) and the mark at the end", e.Line(), e.Point(), e.Mark())
	}
	e.SetLine("héllo world", -3, -1)
	if e.Point() != 0 || e.Mark() != -1 {
		t.Errorf("SetLine with a negative point and mark: point %d mark %d", e.Point(), e.Mark())
	}
	// The change of line is one step to undo.
	e.Feed([]byte{0x1f}) // C-_: undo
	if e.Line() != "hello" {
		t.Errorf("after undo the line is %q, want hello", e.Line())
	}
}

func TestRegisterHiddenAndAccept(t *testing.T) {
	cfg := testConfig()
	var got []int
	fn := RegisterHidden("test-hidden-command", func(e *Engine, count int, _ byte) {
		got = append(got, count)
		if e.Explicit() {
			e.AcceptLine()
		}
	})
	if cfg.Funmap.Lookup("test-hidden-command") != nil {
		t.Fatal("a hidden command is in the function map")
	}
	if RegisteredCommand("test-hidden-command") == nil || RegisteredCommand("no-such-command") != nil {
		t.Error("RegisteredCommand does not find what was registered, or finds what was not")
	}
	cfg.BindFunction(nil, `\C-t`, fn)
	e := New(cfg, nil)
	e.Feed([]byte("ab\x14"))
	if len(got) != 1 || got[0] != 1 || e.Status() != Editing {
		t.Fatalf("C-t ran %v, status %v; want one run with count 1, still editing", got, e.Status())
	}
	e.Feed([]byte("\x1b3\x14")) // M-3 C-t: an explicit argument
	if len(got) != 2 || got[1] != 3 || e.Status() != Accepted || e.Line() != "ab" {
		t.Errorf("M-3 C-t ran %v, status %v, line %q; want count 3 and the line accepted", got, e.Status(), e.Line())
	}
}
