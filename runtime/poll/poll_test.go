//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"errors"
	"io/fs"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

func TestPollRegistry(t *testing.T) {
	r, w := pipePair(t)
	closeLater(t, &r, &w)
	p := NewPoll()
	if err := p.Modify(r, In); !errors.Is(err, fs.ErrNotExist) || err != ErrNotRegistered {
		t.Errorf("Modify before Register: %v", err)
	}
	if err := p.Unregister(r); err != ErrNotRegistered {
		t.Errorf("Unregister before Register: %v", err)
	}
	if err := p.Register(-3, In); err != ErrBadFd {
		t.Errorf("Register(-3): %v", err)
	}
	if err := p.Register(r, 1<<20); err == nil {
		t.Error("Register with events beyond 16 bits: no error")
	}
	must(t, p.Register(r, DefaultEvents))
	must(t, p.Register(w, In)) // not writable-watched: nothing ready
	rs, err := p.Poll(0)
	must(t, err)
	if len(rs) != 0 {
		t.Fatalf("got %v", rs)
	}
	must(t, p.Modify(w, Out))
	rs, err = p.Poll(0)
	must(t, err)
	if len(rs) != 1 || rs[0] != (Ready{w, Out}) {
		t.Fatalf("after Modify: %v", rs)
	}
	must(t, p.Unregister(w))
	rs, err = p.Poll(0)
	must(t, err)
	if len(rs) != 0 {
		t.Fatalf("after Unregister: %v", rs)
	}
}

// TestPollNval registers a closed descriptor: poll(2) reports it invalid.
func TestPollNval(t *testing.T) {
	r, w := pipePair(t)
	closeLater(t, &w)
	unix.Close(r)
	p := NewPoll()
	must(t, p.Register(r, In))
	rs, err := p.Poll(0)
	must(t, err)
	if len(rs) != 1 || rs[0].Events&Nval == 0 {
		t.Fatalf("got %v, want Nval", rs)
	}
}

func TestPollBusy(t *testing.T) {
	r, w := pipePair(t)
	closeLater(t, &r, &w)
	p := NewPoll()
	must(t, p.Register(r, In))
	done := make(chan error)
	go func() {
		_, err := p.Poll(Forever)
		done <- err
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, err := p.Poll(0)
		if err == ErrBusy {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a second concurrent Poll never got ErrBusy")
		}
		time.Sleep(time.Millisecond)
	}
	write(t, w, "x")
	must(t, <-done)
	if _, err := p.Poll(0); err != nil {
		t.Fatalf("Poll after the other returned: %v", err)
	}
}
