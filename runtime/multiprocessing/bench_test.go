package multiprocessing

import (
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// Benchmarks compared with Python by scripts/bench-multiprocessing.

var (
	fTrivial = RegisterFunc("bench.trivial", func(x int) (int, error) { return x * x, nil })
	// bEcho echoes messages on c until EOF, with this package's framing.
	bEcho = Register("bench.echo", func(c *Conn) {
		buf := make([]byte, 2<<20)
		for {
			n, err := c.RecvBytesInto(buf, 0)
			if err != nil {
				return
			}
			if c.SendBytes(buf[:n]) != nil {
				return
			}
		}
	})
	// bRawEcho echoes fixed-size blocks with bare read and write calls.
	bRawEcho = Register("bench.rawecho", func(r, w *Conn, size int) {
		buf := make([]byte, size)
		for {
			if readFull(r.Fileno(), buf) != nil {
				return
			}
			if writeFD(w.Fileno(), buf) != nil {
				return
			}
		}
	})
	// bSink receives count messages, then answers one byte.
	bSink = Register("bench.sink", func(c *Conn, count int) {
		buf := make([]byte, 2<<20)
		for range count {
			if _, err := c.RecvBytesInto(buf, 0); err != nil {
				return
			}
		}
		c.SendBytes([]byte{1})
	})
	// bRawSink reads count blocks of size bytes, then writes one byte.
	bRawSink = Register("bench.rawsink", func(c *Conn, count, size int) {
		buf := make([]byte, size)
		for range count {
			if readFull(c.Fileno(), buf) != nil {
				return
			}
		}
		writeFD(c.Fileno(), []byte{1})
	})
)

func readFull(fd int, p []byte) error {
	for len(p) > 0 {
		n, err := readFD(fd, p)
		if err != nil {
			return err
		}
		p = p[n:]
	}
	return nil
}

func benchPoolMap(b *testing.B, n, chunksize int) {
	p, err := NewPool(PoolOptions{Processes: 2})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Terminate()
	items := make([]int, n)
	for i := range items {
		items[i] = i
	}
	if _, err := Map(p, fTrivial, items[:100], 1); err != nil { // warm up
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := Map(p, fTrivial, items, chunksize); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkPoolMap maps over 200,000 ints with the default chunksize.
func BenchmarkPoolMap(b *testing.B) { benchPoolMap(b, 200000, 0) }

// BenchmarkPoolMapChunk1 maps over 200,000 ints, one per task.
func BenchmarkPoolMapChunk1(b *testing.B) { benchPoolMap(b, 200000, 1) }

// BenchmarkPipeRoundTrip64 is a 64-byte ping-pong with a child over a
// duplex Pipe.
func BenchmarkPipeRoundTrip64(b *testing.B) {
	a, c, _ := Pipe(true)
	p := NewProcess(bEcho, c)
	if err := p.Start(); err != nil {
		b.Fatal(err)
	}
	c.Close()
	msg := make([]byte, 64)
	buf := make([]byte, 64)
	a.SendBytes(msg)
	a.RecvBytesInto(buf, 0)
	b.ResetTimer()
	for range b.N {
		if err := a.SendBytes(msg); err != nil {
			b.Fatal(err)
		}
		if _, err := a.RecvBytesInto(buf, 0); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "roundtrips/s")
	b.StopTimer()
	a.Close()
	p.Join(Forever)
}

// BenchmarkRawPipeRoundTrip64 is the kernel's floor for the same exchange:
// two pipes, bare read and write system calls, no framing.
func BenchmarkRawPipeRoundTrip64(b *testing.B) {
	r1, w1, _ := Pipe(false) // parent -> child
	r2, w2, _ := Pipe(false) // child -> parent
	p := NewProcess(bRawEcho, r1, w2, 64)
	if err := p.Start(); err != nil {
		b.Fatal(err)
	}
	r1.Close()
	w2.Close()
	msg := make([]byte, 64)
	wfd, rfd := w1.Fileno(), r2.Fileno()
	b.ResetTimer()
	for range b.N {
		if err := writeFD(wfd, msg); err != nil {
			b.Fatal(err)
		}
		if err := readFull(rfd, msg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "roundtrips/s")
	b.StopTimer()
	w1.Close()
	r2.Close()
	p.Join(Forever)
}

const mib = 1 << 20

// BenchmarkMessage1MiB sends 1 MiB messages to a child over a duplex Pipe.
func BenchmarkMessage1MiB(b *testing.B) {
	a, c, _ := Pipe(true)
	p := NewProcess(bSink, c, b.N)
	if err := p.Start(); err != nil {
		b.Fatal(err)
	}
	c.Close()
	msg := make([]byte, mib)
	b.SetBytes(mib)
	b.ResetTimer()
	for range b.N {
		if err := a.SendBytes(msg); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := a.RecvBytes(0); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	a.Close()
	p.Join(Forever)
}

// BenchmarkRawSocketpair1MiB copies 1 MiB blocks through a socket pair with
// bare system calls: the floor for BenchmarkMessage1MiB.
func BenchmarkRawSocketpair1MiB(b *testing.B) {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	if err != nil {
		b.Fatal(err)
	}
	a, c := NewConn(fds[0], true, true), NewConn(fds[1], true, true)
	p := NewProcess(bRawSink, c, b.N, mib)
	if err := p.Start(); err != nil {
		b.Fatal(err)
	}
	c.Close()
	msg := make([]byte, mib)
	b.SetBytes(mib)
	b.ResetTimer()
	for range b.N {
		if err := writeFD(a.Fileno(), msg); err != nil {
			b.Fatal(err)
		}
	}
	one := make([]byte, 1)
	if err := readFull(a.Fileno(), one); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	a.Close()
	p.Join(Forever)
}

// BenchmarkPoolStartup starts a pool of two workers and waits until both
// have answered a task.
func BenchmarkPoolStartup(b *testing.B) {
	var construct, first time.Duration
	for range b.N {
		start := time.Now()
		p, err := NewPool(PoolOptions{Processes: 2})
		if err != nil {
			b.Fatal(err)
		}
		construct += time.Since(start)
		if _, err := Map(p, fTrivial, []int{1, 2}, 1); err != nil {
			b.Fatal(err)
		}
		first += time.Since(start)
		p.Terminate()
		p.Join()
	}
	b.ReportMetric(construct.Seconds()*1000/float64(b.N), "ms-construct")
	b.ReportMetric(first.Seconds()*1000/float64(b.N), "ms-first")
}
