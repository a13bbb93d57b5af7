package shell

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/goshell/gosh/history"
	"github.com/goshell/gosh/inputrc"
	"github.com/goshell/gosh/lineedit"
)

// BenchmarkPasteExtras measures what the shell's prompt does with a large
// bracketed paste, without a terminal: the editor with the shell's
// highlighter and autosuggestions (on by default, with a short history)
// takes the paste in the 4 KiB chunks a pty delivers, rendering after
// each (which ReadLine does not do while the paste goes on), draws the
// line into io.Discard on a terminal of 250x50, then takes one more key,
// which ends the active region and has the line highlighted. It reports
// the process's CPU time per paste (cpu-ns/op) besides the wall-clock
// time; 256 KiB against 1 MiB shows whether the work is linear.
func BenchmarkPasteExtras(b *testing.B) {
	for _, size := range []int{256 << 10, 1 << 20} {
		b.Run(byteSize(size), func(b *testing.B) { benchPasteExtras(b, size) })
	}
}

func byteSize(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%dMiB", n>>20)
	}
	return fmt.Sprintf("%dKiB", n>>10)
}

func benchPasteExtras(b *testing.B, size int) {
	var out bytes.Buffer
	s, err := New(Options{Interactive: true, Stdout: &out, Stderr: &out,
		Env: []string{"PATH=" + os.Getenv("PATH"), "HOME=" + b.TempDir(), "TERM=xterm"}})
	if err != nil {
		b.Fatal(err)
	}
	cfg := inputrc.New(inputrc.Options{App: "gosh", Term: "xterm", Locale: "C.UTF-8", Getenv: func(string) string { return "" }})
	cfg.Finish()
	hist := history.New()
	for _, l := range []string{"ls -l", "echo 0123", "git status", "make test"} {
		hist.Add(l)
	}
	ed := lineedit.NewEditorWith(cfg, hist, os.Stdin, os.Stderr)
	s.setupEditorExtras(ed)
	text := bytes.Repeat([]byte("0123456789abcdef"), size/16)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var ru0 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	for b.Loop() {
		s.beforeRead("", 0)
		e := ed.Engine()
		e.Hinter, e.Highlighter = ed.Hinter, ed.Highlighter
		e.Reset("$ ")
		r := lineedit.NewRenderer(io.Discard, 250)
		r.SetHeight(50)
		_ = r.Render(e.Frame())
		e.Feed([]byte("\x1b[200~"))
		for off := 0; off < len(text); off += 4096 {
			e.Feed(text[off:min(off+4096, len(text))])
			_ = r.Render(e.Frame())
		}
		e.Feed([]byte("\x1b[201~"))
		_ = r.Render(e.Frame())
		// The region goes when the next key comes.
		e.Feed([]byte("x"))
		_ = r.Render(e.Frame())
	}
	var ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano()+ru1.Stime.Nano()) - time.Duration(ru0.Utime.Nano()+ru0.Stime.Nano())
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
}
