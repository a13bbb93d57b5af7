//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package poll

import (
	"testing"
	"time"
)

func platformMechanisms() []mechanism {
	return []mechanism{{"Kqueue", func(t *testing.T) (func(int, Events), func(time.Duration) (map[int]Events, error)) {
		kq, err := NewKqueue()
		must(t, err)
		t.Cleanup(func() { kq.Close() })
		register := func(fd int, ev Events) {
			if ev&In != 0 {
				_, err := kq.Control([]Kevent{NewKevent(fd)}, 0, 0)
				must(t, err)
			}
			if ev&Out != 0 {
				_, err := kq.Control([]Kevent{{Ident: uint64(fd), Filter: KqFilterWrite, Flags: KqEvAdd}}, 0, 0)
				must(t, err)
			}
		}
		wait := func(d time.Duration) (map[int]Events, error) {
			evs, err := kq.Control(nil, 16, d)
			m := make(map[int]Events)
			for _, e := range evs {
				switch e.Filter {
				case KqFilterRead:
					m[int(e.Ident)] |= In
				case KqFilterWrite:
					m[int(e.Ident)] |= Out
				}
				if e.Flags&KqEvEOF != 0 {
					m[int(e.Ident)] |= Hup
				}
			}
			return m, err
		}
		return register, wait
	}}}
}

// TestKeventUdata checks that udata goes through the kernel unchanged,
// including values that are not valid pointers.
func TestKeventUdata(t *testing.T) {
	r, w := pipePair(t)
	closeLater(t, &r, &w)
	kq, err := NewKqueue()
	must(t, err)
	defer kq.Close()
	const udata = 0xdead0001
	ev := Kevent{Ident: uint64(w), Filter: KqFilterWrite, Flags: KqEvAdd, Udata: udata}
	evs, err := kq.Control([]Kevent{ev}, 1, time.Second)
	must(t, err)
	if len(evs) != 1 || evs[0].Udata != udata || int(evs[0].Ident) != w {
		t.Fatalf("got %+v", evs)
	}
	must(t, kq.Close())
	if _, err := kq.Control(nil, 1, 0); err != ErrClosed {
		t.Fatalf("Control after Close: %v", err)
	}
}
