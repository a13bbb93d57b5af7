package lineedit

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/internal/vtscreen"
)

// pipeInput returns a file to read text from, as a program's standard
// input that is not a terminal.
func pipeInput(t *testing.T, text string) *os.File {
	t.Helper()
	name := filepath.Join(t.TempDir(), "input")
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func devNull(t *testing.T) *os.File {
	t.Helper()
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestSessionHistoryFile reads the history file at Open, appends each
// line at once, and cuts the file to HistorySize at Close.
func TestSessionHistoryFile(t *testing.T) {
	dir := t.TempDir()
	hf := filepath.Join(dir, "history")
	os.WriteFile(hf, []byte("old 1\nold 2\nold 3\n"), 0o600)
	s, err := Open(Options{
		NoInitFile:  true,
		HistoryFile: hf,
		HistorySize: 4,
		Stdin:       pipeInput(t, "new 1\n\nnew 2\n"),
		Stdout:      devNull(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Editor().History
	if h.Len() != 3 || h.Line(2) != "old 3" {
		t.Fatalf("history read: %d entries", h.Len())
	}
	for _, want := range []string{"new 1", "", "new 2"} {
		line, err := s.ReadLine("> ")
		if err != nil || line != want {
			t.Fatalf("ReadLine = %q, %v; want %q", line, err, want)
		}
	}
	if _, err := s.ReadLine("> "); !errors.Is(err, io.EOF) {
		t.Fatalf("at the end: %v, want io.EOF", err)
	}
	// Appended at once, blank lines left out.
	data, _ := os.ReadFile(hf)
	if got, want := string(data), "old 1\nold 2\nold 3\nnew 1\nnew 2\n"; got != want {
		t.Errorf("before Close the file holds %q, want %q", got, want)
	}
	if h.Len() != 4 || h.Line(0) != "old 2" {
		t.Errorf("the list holds %d entries from %q, want 4 from old 2", h.Len(), h.Line(0))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(hf)
	if got, want := string(data), "old 2\nold 3\nnew 1\nnew 2\n"; got != want {
		t.Errorf("after Close the file holds %q, want %q", got, want)
	}
}

// TestSessionOptions checks that the init file, the extra bindings, the
// completer and NoAutoHistory reach the editor.
func TestSessionOptions(t *testing.T) {
	rc := filepath.Join(t.TempDir(), "inputrc")
	os.WriteFile(rc, []byte("set completion-ignore-case on\n$if calc\nset bell-style none\n$endif\n"), 0o600)
	c := completion.CompleterFunc(func(string, int) completion.Result { return completion.Result{} })
	s, err := Open(Options{
		App:           "calc",
		InitFile:      rc,
		Bindings:      []string{`"\C-o": kill-whole-line`, "set show-all-if-ambiguous on"},
		Completer:     c,
		NoAutoHistory: true,
		Stdin:         pipeInput(t, "1+2\n"),
		Stdout:        devNull(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	ed := s.Editor()
	v := ed.Config.Vars
	if !v.Get("completion-ignore-case") || !v.Get("show-all-if-ambiguous") {
		t.Errorf("variables from the init file and Bindings not set")
	}
	if v.Bell != inputrc.BellNone {
		t.Errorf("$if calc not taken: bell-style %v", v.Bell)
	}
	if e, ok := ed.Config.Lookup(nil, []byte{0x0f}); !ok || e.Func == nil || e.Func.Name != "kill-whole-line" {
		t.Errorf(`"\C-o" bound to %+v`, e)
	}
	if ed.Completer == nil {
		t.Errorf("no completer")
	}
	if _, err := s.ReadLine("> "); err != nil {
		t.Fatal(err)
	}
	if ed.History.Len() != 0 {
		t.Errorf("NoAutoHistory: %d entries", ed.History.Len())
	}
	if _, err := Open(Options{InitFile: filepath.Join(t.TempDir(), "missing")}); err == nil {
		t.Errorf("a missing InitFile gave no error")
	}
}

// TestSessionWrite checks the order of what Write is given: at once
// between ReadLines, kept while a line is read and written when it ends.
func TestSessionWrite(t *testing.T) {
	var out bytes.Buffer
	a := asyncOutput{w: &out}
	a.write([]byte("before\n"))
	wakes := 0
	a.begin(func() { wakes++ })
	a.write([]byte("during 1\nduring "))
	if out.String() != "before\n" {
		t.Fatalf("written while reading: %q", out.String())
	}
	if wakes != 1 {
		t.Errorf("a complete line queued woke the editor %d times, want 1", wakes)
	}
	if got := string(a.takeLines()); got != "during 1\n" {
		t.Errorf("takeLines = %q", got)
	}
	a.write([]byte("2"))
	if got := a.takeLines(); got != nil {
		t.Errorf("takeLines of a partial line = %q", got)
	}
	if wakes != 1 {
		t.Errorf("a partial line woke the editor: %d wakes", wakes)
	}
	if err := a.end(); err != nil {
		t.Fatal(err)
	}
	a.write([]byte("\nafter\n"))
	if wakes != 1 {
		t.Errorf("a write after end woke the editor: %d wakes", wakes)
	}
	if got, want := out.String(), "before\nduring 2\nafter\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}

// TestShowAbove draws lines above a line being edited, as ReadLine's
// loop does when Session.Write wakes it: the line, wrapped on two rows, is
// erased, the text written, the line drawn again below.
func TestShowAbove(t *testing.T) {
	scr := vtscreen.New(20, 8)
	scr.WriteString("$ run\r\n")
	r := NewRenderer(scr, 20)
	f := Frame{Prompt: "> ", Text: strings.Repeat("x", 25), Cursor: 10}
	if err := r.Render(f); err != nil {
		t.Fatal(err)
	}
	if err := showAbove(r, scr, []byte("log 1\nlog 2"), f); err != nil {
		t.Fatal(err)
	}
	vtscreen.WantScreen(t, scr, `
$ run
log 1
log 2
> xxxxxxxxxx▌xxxxxxxx
xxxxxxx`)
	// The renderer still knows where the frame is: an edit redraws in place.
	f.Text, f.Cursor = "short", 5
	if err := r.Render(f); err != nil {
		t.Fatal(err)
	}
	vtscreen.WantScreen(t, scr, `
$ run
log 1
log 2
> short▌`)
}
