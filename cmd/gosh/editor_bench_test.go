package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The editor benchmarks run gosh and bash side by side on pseudo-terminals
// and type at them: the time until a typed key is echoed, the bytes
// written for an insertion in the middle of a long line, and the time to
// take a large bracketed paste. scripts/bench-editor runs them.

type ptyShell struct {
	f     *os.File
	cmd   *exec.Cmd
	out   bytes.Buffer
	chunk chan []byte // what a reader goroutine reads from the pty
}

func startShell(b *testing.B, name string) *ptyShell {
	b.Helper()
	var cmd *exec.Cmd
	home := b.TempDir()
	switch name {
	case "gosh":
		cmd = exec.Command(filepath.Join(binDir, "gosh"), "-i", "--norc")
	case "bash":
		path, err := exec.LookPath("bash")
		if err != nil {
			b.Skip("bash not found")
		}
		cmd = exec.Command(path, "--norc", "--noprofile", "-i")
	}
	cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=xterm", "INPUTRC=/dev/null", "PS1=$ ", "LC_ALL=C.UTF-8", "HISTFILE=" + filepath.Join(home, "h")}
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 250, Rows: 50})
	if err != nil {
		b.Fatal(err)
	}
	s := &ptyShell{f: f, cmd: cmd}
	b.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
	})
	s.waitFor(b, "$ ")
	return s
}

// startReader hands reading the pty to a goroutine, which settle needs:
// the pty's master does not support read deadlines.
func (s *ptyShell) startReader() {
	if s.chunk != nil {
		return
	}
	s.chunk = make(chan []byte, 1024)
	f := s.f
	go func() {
		// The pty's master does not support read deadlines: a goroutine
		// reads it, and the waits below use timers.
		for {
			buf := make([]byte, 64<<10)
			n, err := f.Read(buf)
			if n > 0 {
				s.chunk <- buf[:n]
			}
			if err != nil {
				close(s.chunk)
				return
			}
		}
	}()
}

// waitFor reads until want has appeared in the output since the last
// call, and returns the bytes read.
func (s *ptyShell) waitFor(b *testing.B, want string) int {
	b.Helper()
	s.out.Reset()
	if s.chunk == nil {
		// Plain blocking reads: the fewest hops between the shell's
		// write and the measurement.
		buf := make([]byte, 64<<10)
		for !strings.Contains(s.out.String(), want) {
			n, err := s.f.Read(buf)
			if err != nil {
				b.Fatalf("reading: %v (output %q)", err, tail(s.out.String()))
			}
			s.out.Write(buf[:n])
		}
		return s.out.Len()
	}
	timeout := time.After(20 * time.Second)
	for !strings.Contains(s.out.String(), want) {
		select {
		case c, ok := <-s.chunk:
			if !ok {
				b.Fatalf("the shell ended; output %q", tail(s.out.String()))
			}
			s.out.Write(c)
		case <-timeout:
			b.Fatalf("no %q; got %q", want, tail(s.out.String()))
		}
	}
	return s.out.Len()
}

// settle reads until the shell has written nothing for a moment and
// returns how many bytes it wrote.
func (s *ptyShell) settle(b *testing.B) int {
	b.Helper()
	s.startReader()
	total := 0
	for {
		select {
		case c, ok := <-s.chunk:
			if !ok {
				b.Fatal("the shell ended")
			}
			total += len(c)
		case <-time.After(30 * time.Millisecond):
			return total
		}
	}
}

func tail(s string) string {
	if len(s) > 300 {
		return s[len(s)-300:]
	}
	return s
}

// BenchmarkEditorEcho types a key at the end of a line and waits for its
// echo; it reports the median round trip.
func BenchmarkEditorEcho(b *testing.B) {
	for _, shell := range []string{"gosh", "bash"} {
		b.Run(shell, func(b *testing.B) {
			s := startShell(b, shell)
			var times []time.Duration
			for b.Loop() {
				t0 := time.Now()
				s.f.Write([]byte{'x'})
				s.waitFor(b, "x")
				times = append(times, time.Since(t0))
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs")
		})
	}
}

// BenchmarkEditorMiddleInsert inserts a key in the middle of a
// 200-character line and counts the bytes written to the terminal.
func BenchmarkEditorMiddleInsert(b *testing.B) {
	for _, shell := range []string{"gosh", "bash"} {
		b.Run(shell, func(b *testing.B) {
			s := startShell(b, shell)
			s.f.Write([]byte(strings.Repeat("abcdefghij", 20) + "\x01"))
			s.settle(b)
			s.f.Write(bytes.Repeat([]byte{0x06}, 100)) // C-f to the middle
			s.settle(b)
			total, n := 0, 0
			for b.Loop() {
				if n > 0 && n%50 == 0 {
					s.f.Write(bytes.Repeat([]byte{0x7f}, 50)) // keep the line at 200
					s.settle(b)
				}
				s.f.Write([]byte{'X'})
				total += s.settle(b)
				n++
			}
			b.ReportMetric(float64(total)/float64(n), "bytes/key")
		})
	}
}

// BenchmarkEditorPaste pastes 1 MiB in bracketed-paste mode and waits
// until the shell has taken it and run the next command.
func BenchmarkEditorPaste(b *testing.B) {
	for _, shell := range []string{"gosh", "bash"} {
		b.Run(shell, func(b *testing.B) {
			size := 1 << 20
			if v, err := strconv.Atoi(os.Getenv("GOSH_BENCH_PASTE_SIZE")); err == nil {
				size = v
			}
			if shell == "bash" && os.Getenv("GOSH_BENCH_BASH_PASTE") == "" {
				size = 64 << 10 // GNU Readline takes seconds for 1 MiB
			}
			s := startShell(b, shell)
			text := bytes.Repeat([]byte("0123456789abcdef"), size/16)
			b.SetBytes(int64(size))
			for b.Loop() {
				go func() {
					s.f.Write([]byte("\x1b[200~"))
					s.f.Write(text)
					s.f.Write([]byte("\x1b[201~\x15echo pasted-ok\r"))
				}()
				s.waitFor(b, "pasted-ok\r\n")
				s.waitFor(b, "$ ")
			}
		})
	}
}
