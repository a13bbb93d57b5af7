//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll_test

import (
	"fmt"
	"time"

	"github.com/goshell/gosh/runtime/poll"
	"golang.org/x/sys/unix"
)

func ExampleSelect() {
	var p [2]int
	unix.Pipe(p[:])
	defer unix.Close(p[0])
	defer unix.Close(p[1])
	unix.Write(p[1], []byte("hi"))

	// Python: r, w, x = select.select([p[0]], [p[1]], [], 1.0)
	r, w, x, err := poll.Select([]int{p[0]}, []int{p[1]}, nil, time.Second)
	fmt.Println(len(r), len(w), len(x), err)
	// Output: 1 1 0 <nil>
}

func ExamplePoll() {
	var p [2]int
	unix.Pipe(p[:])
	defer unix.Close(p[0])
	defer unix.Close(p[1])

	// Python: pl = select.poll(); pl.register(fd, select.POLLIN)
	pl := poll.NewPoll()
	pl.Register(p[0], poll.In)

	// Python: pl.poll(10), a timeout of 10 milliseconds.
	ready, _ := pl.Poll(10 * time.Millisecond)
	fmt.Println("before writing:", len(ready))

	unix.Write(p[1], []byte("x"))
	ready, _ = pl.Poll(poll.Forever)
	fmt.Println("after writing:", ready[0].Fd == p[0], ready[0].Events)
	// Output:
	// before writing: 0
	// after writing: true In
}

// A line editor waits for terminal input for at most a key-sequence
// timeout, and another goroutine (here, a timer standing for a SIGWINCH
// handler) wakes it to redraw.
func ExamplePoller() {
	var p [2]int
	unix.Pipe(p[:])
	defer unix.Close(p[0])
	defer unix.Close(p[1])
	input := p[0]

	poller, err := poll.NewPoller() // epoll on Linux, kqueue on macOS and BSD
	if err != nil {
		panic(err)
	}
	defer poller.Close()
	poller.Add(input, poll.In)

	ready, _ := poller.Wait(50 * time.Millisecond)
	fmt.Println("key-sequence timeout, ready:", len(ready))

	time.AfterFunc(10*time.Millisecond, func() { poller.Wake() })
	ready, _ = poller.Wait(poll.Forever)
	fmt.Println("woken, ready:", len(ready))

	unix.Write(p[1], []byte("\x1b"))
	ready, _ = poller.Wait(poll.Forever)
	fmt.Println("input:", ready[0].Fd == input, ready[0].Events)
	// Output:
	// key-sequence timeout, ready: 0
	// woken, ready: 0
	// input: true In
}
