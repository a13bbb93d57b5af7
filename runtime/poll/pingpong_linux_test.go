package poll

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// echoChildEnv makes the test binary an echo process for the ping-pong
// benchmark instead of running tests.
const echoChildEnv = "GOSH_POLL_ECHO_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(echoChildEnv) == "1" {
		if err := echo(3, 4); err != nil {
			fmt.Fprintln(os.Stderr, "echo child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// echo waits on in with an Epoll and writes back each byte it reads,
// until the end of file.
func echo(in, out int) error {
	ep, err := NewEpoll()
	if err != nil {
		return err
	}
	defer ep.Close()
	if err := ep.Register(in, In); err != nil {
		return err
	}
	buf := make([]byte, 1)
	for {
		if _, err := ep.Poll(Forever, 1); err != nil {
			return err
		}
		n, err := unix.Read(in, buf)
		if err != nil || n == 0 {
			return err
		}
		if _, err := unix.Write(out, buf); err != nil {
			return err
		}
	}
}

// BenchmarkPingPong measures the wake-up latency between two processes:
// one byte goes to an echo child (the test binary, waiting with an Epoll)
// and back through a second pipe. The time per operation is one round
// trip, that is two wake-ups. The parent waits with an Epoll ("epoll"),
// or reads a non-blocking os.File through the Go runtime's own poller
// ("gofile"), for comparison. scripts/bench_poll.py does the same with
// Python's select.epoll.
func BenchmarkPingPong(b *testing.B) {
	for _, mode := range []string{"epoll", "gofile"} {
		b.Run(mode, func(b *testing.B) { benchPingPong(b, mode) })
	}
}

func benchPingPong(b *testing.B, mode string) {
	var toChild, fromChild [2]int
	if err := unix.Pipe2(toChild[:], unix.O_CLOEXEC); err != nil {
		b.Fatal(err)
	}
	if err := unix.Pipe2(fromChild[:], unix.O_CLOEXEC); err != nil {
		b.Fatal(err)
	}
	childIn := os.NewFile(uintptr(toChild[0]), "child-in")
	childOut := os.NewFile(uintptr(fromChild[1]), "child-out")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), echoChildEnv+"=1")
	cmd.ExtraFiles = []*os.File{childIn, childOut}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	childIn.Close()
	childOut.Close()
	w, r := toChild[1], fromChild[0]

	var roundTrip func() error
	var closeEnds func() // closes the parent's ends, so that the child ends
	switch mode {
	case "epoll":
		ep, err := NewEpoll()
		if err != nil {
			b.Fatal(err)
		}
		defer ep.Close()
		if err := ep.Register(r, In); err != nil {
			b.Fatal(err)
		}
		buf := make([]byte, 1)
		roundTrip = func() error {
			if _, err := unix.Write(w, buf); err != nil {
				return err
			}
			if _, err := ep.Poll(Forever, 1); err != nil {
				return err
			}
			_, err := unix.Read(r, buf)
			return err
		}
		closeEnds = func() { unix.Close(w); unix.Close(r) }
	case "gofile":
		unix.SetNonblock(r, true)
		unix.SetNonblock(w, true)
		rf, wf := os.NewFile(uintptr(r), "from-child"), os.NewFile(uintptr(w), "to-child")
		buf := make([]byte, 1)
		roundTrip = func() error {
			if _, err := wf.Write(buf); err != nil {
				return err
			}
			_, err := rf.Read(buf)
			return err
		}
		closeEnds = func() { wf.Close(); rf.Close() }
	}
	defer func() {
		closeEnds()
		if err := cmd.Wait(); err != nil {
			b.Error("echo child:", err)
		}
	}()
	for range 1000 { // warm up
		if err := roundTrip(); err != nil {
			b.Fatal(err)
		}
	}
	lat := make([]time.Duration, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if err := roundTrip(); err != nil {
			b.Fatal(err)
		}
		lat[i] = time.Since(start)
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
}
