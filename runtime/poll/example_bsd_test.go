//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package poll_test

import (
	"fmt"
	"time"

	"github.com/goshell/gosh/runtime/poll"
)

func ExampleKqueue() {
	kq, err := poll.NewKqueue()
	if err != nil {
		panic(err)
	}
	defer kq.Close()
	// Python:
	//     kq.control([select.kevent(fd, select.KQ_FILTER_READ, select.KQ_EV_ADD)], 0)
	//     events = kq.control(None, 8, 1.0)
	fd := 0 // standard input
	kq.Control([]poll.Kevent{poll.NewKevent(fd)}, 0, 0)
	events, err := kq.Control(nil, 8, time.Second)
	if err != nil {
		panic(err)
	}
	for _, ev := range events {
		fmt.Println(ev.Ident, "has", ev.Data, "bytes to read")
	}
}
