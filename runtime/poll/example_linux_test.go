package poll_test

import (
	"fmt"

	"github.com/goshell/gosh/runtime/poll"
	"golang.org/x/sys/unix"
)

func ExampleEpoll() {
	var p [2]int
	unix.Pipe(p[:])
	defer unix.Close(p[0])
	defer unix.Close(p[1])

	// Python:
	//     with select.epoll() as ep:
	//         ep.register(fd, select.EPOLLIN | select.EPOLLET)
	//         events = ep.poll(0)
	ep, err := poll.NewEpoll()
	if err != nil {
		panic(err)
	}
	defer ep.Close()
	ep.Register(p[0], poll.In|poll.EdgeTriggered)

	unix.Write(p[1], []byte("x"))
	events, _ := ep.Poll(0, 0)
	fmt.Println("first poll:", len(events), events[0].Events)
	// Edge triggered: the unread byte is not reported again.
	events, _ = ep.Poll(0, 0)
	fmt.Println("second poll:", len(events))
	// Output:
	// first poll: 1 In
	// second poll: 0
}
