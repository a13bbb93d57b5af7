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
//
// The harness must never stop reading what a shell writes while it types
// at it: a pty holds a few KiB each way, and a shell echoing a paste
// blocks on its output while the harness blocks on its input otherwise.
// Output is read by a goroutine as soon as anything is typed that makes
// the shell write much; for the echo latency, the benchmark goroutine
// reads itself, the fewest hops between the shell's write and the
// measurement. Every wait has a deadline.

// benchWait is how long any wait for a shell's output may take.
const benchWait = 30 * time.Second

type ptyShell struct {
	f     *os.File
	cmd   *exec.Cmd
	out   []byte      // output read and not yet matched by waitFor
	scan  int         // where waitFor goes on looking in out
	chunk chan []byte // what the reader goroutine reads, once it runs
	rerr  chan error  // how the reader goroutine ended
}

func startShell(b *testing.B, name string, env ...string) *ptyShell {
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
	case "raw-sink":
		// Not a shell: a reader of the pty in raw mode, to measure what
		// the pty itself carries.
		cmd = exec.Command("sh", "-c", `stty raw -echo; printf '$ '; head -c "$1" >/dev/null; stty sane; echo "done-$((6*7))"`, "sh", strconv.Itoa(pasteSize(b, "gosh")))
	}
	cmd.Env = append([]string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=xterm", "INPUTRC=/dev/null", "PS1=$ ", "LC_ALL=C.UTF-8", "HISTFILE=" + filepath.Join(home, "h")}, env...)
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

// startReader hands reading the pty to a goroutine, which goes on
// reading whatever the benchmark goroutine does.
func (s *ptyShell) startReader() {
	if s.chunk != nil {
		return
	}
	s.chunk = make(chan []byte, 1024)
	s.rerr = make(chan error, 1)
	f := s.f
	go func() {
		for {
			buf := make([]byte, 64<<10)
			n, err := f.Read(buf)
			if n > 0 {
				s.chunk <- buf[:n]
			}
			if err != nil {
				s.rerr <- err
				close(s.chunk)
				return
			}
		}
	}()
}

// read appends the next output to s.out. Without a reader goroutine it
// reads the pty itself; a timer kills the shell if nothing comes, which
// ends the read.
func (s *ptyShell) read(b *testing.B, deadline *time.Timer, want string) {
	b.Helper()
	if s.chunk == nil {
		var buf [64 << 10]byte
		n, err := s.f.Read(buf[:])
		if err != nil {
			b.Fatalf("reading the pty while waiting for %q: %v; output %q", want, err, tail(s.out))
		}
		s.out = append(s.out, buf[:n]...)
		return
	}
	select {
	case c, ok := <-s.chunk:
		if !ok {
			b.Fatalf("the shell ended (%v) while waiting for %q; output %q", <-s.rerr, want, tail(s.out))
		}
		s.out = append(s.out, c...)
	case <-deadline.C:
		b.Fatalf("no %q within %v; output %q", want, benchWait, tail(s.out))
	}
}

// waitFor reads until want appears in the output after what the last
// call matched, and returns the bytes up to the end of the match, which
// it consumes. Output after the match stays for the next call.
func (s *ptyShell) waitFor(b *testing.B, want string) int {
	b.Helper()
	deadline := time.NewTimer(benchWait)
	defer deadline.Stop()
	if s.chunk == nil {
		kill := time.AfterFunc(benchWait, func() { s.cmd.Process.Kill() })
		defer kill.Stop()
	}
	for {
		if i := bytes.Index(s.out[s.scan:], []byte(want)); i >= 0 {
			end := s.scan + i + len(want)
			s.out = append(s.out[:0], s.out[end:]...)
			s.scan = 0
			return end
		}
		s.scan = max(0, len(s.out)-len(want)+1)
		s.read(b, deadline, want)
	}
}

// settle reads until the shell has written nothing for a moment and
// returns how many bytes it wrote, counting what was read but not
// matched before.
func (s *ptyShell) settle(b *testing.B) int {
	b.Helper()
	s.startReader()
	total := len(s.out)
	s.out, s.scan = s.out[:0], 0
	quiet := time.NewTimer(30 * time.Millisecond)
	defer quiet.Stop()
	for {
		select {
		case c, ok := <-s.chunk:
			if !ok {
				b.Fatal("the shell ended")
			}
			total += len(c)
			quiet.Reset(30 * time.Millisecond)
		case <-quiet.C:
			return total
		}
	}
}

func tail(s []byte) string {
	if len(s) > 300 {
		return string(s[len(s)-300:])
	}
	return string(s)
}

// BenchmarkEditorEcho types a key at the end of a line and waits for its
// echo; it reports the median round trip and the 90th percentile.
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
			b.ReportMetric(float64(times[len(times)*9/10].Microseconds()), "p90-µs")
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

// pasteSize is the size of the paste for shell: $GOSH_BENCH_PASTE_SIZE or
// 1 MiB, but 64 KiB for bash, which takes seconds for 1 MiB, unless
// $GOSH_BENCH_BASH_PASTE is set.
func pasteSize(b *testing.B, shell string) int {
	size := 1 << 20
	if v, err := strconv.Atoi(os.Getenv("GOSH_BENCH_PASTE_SIZE")); err == nil && v > 0 {
		size = v
	}
	if shell == "bash" && os.Getenv("GOSH_BENCH_BASH_PASTE") == "" {
		size = min(size, 64<<10)
	}
	return size - size%16
}

// BenchmarkEditorPaste pastes 1 MiB in bracketed-paste mode and waits
// until the shell has taken it, thrown it away (C-u) and run the next
// command. "raw-sink" is the pty alone: a program reading the same bytes
// in raw mode and discarding them, the least any shell can take.
// "input-ms" is how long the writes of the pasted text took: they wait
// while the shell does not read.
func BenchmarkEditorPaste(b *testing.B) {
	for _, shell := range []string{"gosh", "bash", "raw-sink"} {
		b.Run(shell, func(b *testing.B) {
			size := pasteSize(b, shell)
			text := bytes.Repeat([]byte("0123456789abcdef"), size/16)
			b.SetBytes(int64(size))
			var input time.Duration
			for b.Loop() {
				b.StopTimer()
				s := startShell(b, shell)
				s.startReader()
				b.StartTimer()
				done := make(chan time.Duration, 1)
				go func() {
					t0 := time.Now()
					if shell == "raw-sink" {
						s.f.Write(text)
						done <- time.Since(t0)
						return
					}
					s.f.Write([]byte("\x1b[200~"))
					s.f.Write(text)
					done <- time.Since(t0)
					s.f.Write([]byte("\x1b[201~\x15echo pasted-$((6*7))\r"))
				}()
				if shell == "raw-sink" {
					s.waitFor(b, "done-42")
				} else {
					s.waitFor(b, "pasted-42\r\n")
					s.waitFor(b, "$ ")
				}
				input += <-done
			}
			b.ReportMetric(float64(input.Milliseconds())/float64(b.N), "input-ms")
		})
	}
}
