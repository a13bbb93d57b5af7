package lineedit

import (
	"bytes"
	"io"
	"syscall"
	"testing"
	"time"
)

// The benchmarks of the editor's own work, without a terminal. Besides
// the wall-clock time per operation they report the CPU time the process
// spent (cpu-ns/op), which a machine busy with other work inflates far
// less.

// processCPU returns the CPU time the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per operation since t0.
func reportCPU(b *testing.B, t0 time.Duration) {
	b.ReportMetric(float64(processCPU()-t0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkPasteRender1MiB measures what the editor itself does with a
// 1 MiB bracketed paste, without a terminal: the bytes go to the engine in
// the chunks a pty delivers (4 KiB), each chunk is followed by a render, as
// in ReadLine, and the line is drawn into io.Discard on a 250-column
// terminal.
func BenchmarkPasteRender1MiB(b *testing.B) {
	benchPasteRender(b, 1<<20)
}

func benchPasteRender(b *testing.B, size int) {
	text := bytes.Repeat([]byte("0123456789abcdef"), size/16)
	e := New(testConfig(), nil)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	t0 := processCPU()
	defer reportCPU(b, t0)
	for b.Loop() {
		e.Reset("$ ")
		r := NewRenderer(io.Discard, 250)
		_ = r.Render(e.Frame())
		e.Feed([]byte("\x1b[200~"))
		for off := 0; off < len(text); off += 4096 {
			e.Feed(text[off:min(off+4096, len(text))])
			_ = r.Render(e.Frame())
		}
		e.Feed(pasteEnd)
		_ = r.Render(e.Frame())
	}
}

// BenchmarkTypeAtEnd measures a keystroke as ReadLine handles it when
// typing at the end of a line: Engine.Feed of one printable byte, then
// Render of Engine.Frame, on an 80-column terminal. The line grows to 300
// characters (four rows), then starts again.
func BenchmarkTypeAtEnd(b *testing.B) {
	e := New(testConfig(), nil)
	r := NewRenderer(io.Discard, 80)
	e.Reset("\001\x1b[1;32m\002user@host\001\x1b[0m\002:~$ ")
	key := []byte{'x'}
	n := 0
	b.ReportAllocs()
	t0 := processCPU()
	defer reportCPU(b, t0)
	for b.Loop() {
		if n++; n == 300 {
			n = 0
			e.Reset(e.prompt)
		}
		e.Feed(key)
		_ = r.Render(e.Frame())
	}
}
