package poll

import (
	"errors"
	"io/fs"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

func platformMechanisms() []mechanism {
	return []mechanism{{"Epoll", func(t *testing.T) (func(int, Events), func(time.Duration) (map[int]Events, error)) {
		ep := newEpoll(t)
		register := func(fd int, ev Events) { must(t, ep.Register(fd, ev)) }
		wait := func(d time.Duration) (map[int]Events, error) {
			rs, err := ep.Poll(d, 0)
			return readyMap(rs), err
		}
		return register, wait
	}}}
}

func newEpoll(t *testing.T) *Epoll {
	t.Helper()
	ep, err := NewEpoll()
	must(t, err)
	t.Cleanup(func() { ep.Close() })
	return ep
}

// TestEpollTriggers checks level and edge triggering and one-shot
// registrations: how many times unread data is reported.
func TestEpollTriggers(t *testing.T) {
	tests := []struct {
		name   string
		events Events
		// reported: whether each of three polls sees the fd: right after a
		// write, again without reading, and after a second write.
		reported [3]bool
	}{
		{"level", In, [3]bool{true, true, true}},
		{"edge", In | EdgeTriggered, [3]bool{true, false, true}},
		{"oneshot", In | OneShot, [3]bool{true, false, false}},
		{"edge+oneshot", In | EdgeTriggered | OneShot, [3]bool{true, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, w := pipePair(t)
			closeLater(t, &r, &w)
			ep := newEpoll(t)
			must(t, ep.Register(r, tt.events))
			for i, want := range tt.reported {
				if i != 1 {
					write(t, w, "x")
				}
				rs, err := ep.Poll(0, 0)
				must(t, err)
				if got := len(rs) == 1 && rs[0].Fd == r && rs[0].Events&In != 0; got != want {
					t.Fatalf("poll %d: got %v, want reported=%v", i, rs, want)
				}
			}
			if tt.events&OneShot != 0 {
				must(t, ep.Modify(r, tt.events)) // re-arm
				rs, err := ep.Poll(0, 0)
				must(t, err)
				if len(rs) != 1 {
					t.Fatalf("after re-arming: got %v", rs)
				}
			}
		})
	}
}

func TestEpollErrors(t *testing.T) {
	r, w := pipePair(t)
	closeLater(t, &r, &w)
	ep := newEpoll(t)
	must(t, ep.Register(r, In))
	if err := ep.Register(r, In); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second Register: %v, want EEXIST", err)
	}
	if err := ep.Modify(w, Out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Modify of an unregistered fd: %v, want ENOENT", err)
	}
	if err := ep.Unregister(w); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Unregister of an unregistered fd: %v, want ENOENT", err)
	}
	must(t, ep.Unregister(r))
	if err := ep.Register(-1, In); err != ErrBadFd {
		t.Errorf("Register(-1): %v", err)
	}
	// EPOLLEXCLUSIVE is allowed when registering, never when modifying.
	must(t, ep.Register(w, Out|Exclusive))
	if err := ep.Modify(w, Out); !errors.Is(err, unix.EINVAL) {
		t.Errorf("Modify of an exclusive registration: %v, want EINVAL", err)
	}
	rs, err := ep.Poll(0, 0)
	must(t, err)
	if len(rs) != 1 || rs[0].Fd != w || rs[0].Events&Out == 0 {
		t.Errorf("exclusive registration: got %v", rs)
	}
}

func TestEpollMaxEvents(t *testing.T) {
	ep := newEpoll(t)
	for range 3 {
		r, w := pipePair(t)
		closeLater(t, &r, &w)
		must(t, ep.Register(w, Out))
	}
	for _, tt := range []struct{ max, want int }{{1, 1}, {2, 2}, {0, 3}, {-1, 3}, {100, 3}} {
		rs, err := ep.Poll(0, tt.max)
		must(t, err)
		if len(rs) != tt.want {
			t.Errorf("maxEvents %d: got %d events, want %d", tt.max, len(rs), tt.want)
		}
	}
}

// fdOpen reports whether fd is an open descriptor.
func fdOpen(fd int) bool {
	_, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0)
	return err == nil
}

func TestEpollCloseAndFromFd(t *testing.T) {
	fd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	must(t, err)
	ep := EpollFromFd(fd)
	if got, err := ep.Fileno(); got != fd || err != nil {
		t.Fatalf("Fileno: %d, %v; want %d", got, err, fd)
	}
	r, w := pipePair(t)
	closeLater(t, &r, &w)
	must(t, ep.Register(r, In))
	if ep.Closed() {
		t.Fatal("Closed before Close")
	}
	must(t, ep.Close())
	must(t, ep.Close()) // twice is fine
	if !ep.Closed() || fdOpen(fd) {
		t.Fatalf("after Close: Closed=%v, fd open=%v", ep.Closed(), fdOpen(fd))
	}
	for name, err := range map[string]error{
		"Register": ep.Register(w, Out),
		"Modify":   ep.Modify(r, In),
		"Unregister": func() error {
			return ep.Unregister(r)
		}(),
		"Poll": func() error {
			_, err := ep.Poll(0, 0)
			return err
		}(),
		"Fileno": func() error {
			_, err := ep.Fileno()
			return err
		}(),
	} {
		if err != ErrClosed {
			t.Errorf("%s after Close: %v, want ErrClosed", name, err)
		}
	}
}

// TestEpollCloseDuringPoll closes an epoll while another goroutine waits
// on it: the wait goes on and sees events, and the descriptor is closed
// once it returns.
func TestEpollCloseDuringPoll(t *testing.T) {
	ep, err := NewEpoll()
	must(t, err)
	fd, _ := ep.Fileno()
	r, w := pipePair(t)
	closeLater(t, &r, &w)
	must(t, ep.Register(r, In))
	done := make(chan []Ready)
	go func() {
		rs, err := ep.Poll(Forever, 0)
		if err != nil {
			t.Error(err)
		}
		done <- rs
	}()
	time.Sleep(20 * time.Millisecond)
	must(t, ep.Close())
	if !fdOpen(fd) {
		t.Fatal("descriptor closed under a wait")
	}
	write(t, w, "x")
	if rs := <-done; len(rs) != 1 || rs[0].Fd != r {
		t.Fatalf("the wait returned %v", rs)
	}
	if fdOpen(fd) {
		t.Fatal("descriptor still open after the wait returned")
	}
}
