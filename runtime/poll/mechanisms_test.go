//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"testing"
	"time"
)

// mechanism adapts one way of waiting to a common shape for the tests:
// register descriptors for In or Out, then wait and get what is ready.
type mechanism struct {
	name string
	make func(t *testing.T) (register func(fd int, ev Events), wait func(time.Duration) (map[int]Events, error))
}

func readyMap(rs []Ready) map[int]Events {
	m := make(map[int]Events)
	for _, r := range rs {
		m[r.Fd] |= r.Events
	}
	return m
}

// selectMechanism waits with Select over the registered lists.
func selectMechanism(t *testing.T) (func(int, Events), func(time.Duration) (map[int]Events, error)) {
	var r, w []int
	register := func(fd int, ev Events) {
		if ev&In != 0 {
			r = append(r, fd)
		}
		if ev&Out != 0 {
			w = append(w, fd)
		}
	}
	wait := func(d time.Duration) (map[int]Events, error) {
		rr, ww, _, err := Select(r, w, nil, d)
		m := make(map[int]Events)
		for _, fd := range rr {
			m[fd] |= In
		}
		for _, fd := range ww {
			m[fd] |= Out
		}
		return m, err
	}
	return register, wait
}

func pollMechanism(t *testing.T) (func(int, Events), func(time.Duration) (map[int]Events, error)) {
	p := NewPoll()
	register := func(fd int, ev Events) { must(t, p.Register(fd, ev)) }
	wait := func(d time.Duration) (map[int]Events, error) {
		rs, err := p.Poll(d)
		return readyMap(rs), err
	}
	return register, wait
}

// pollerMechanism returns a mechanism using a Poller with backend b.
func pollerMechanism(b Backend) mechanism {
	return mechanism{"Poller/" + b.String(), func(t *testing.T) (func(int, Events), func(time.Duration) (map[int]Events, error)) {
		p, err := NewPollerBackend(b)
		must(t, err)
		t.Cleanup(func() { p.Close() })
		register := func(fd int, ev Events) { must(t, p.Add(fd, ev)) }
		wait := func(d time.Duration) (map[int]Events, error) {
			rs, err := p.Wait(d)
			return readyMap(rs), err
		}
		return register, wait
	}}
}

// mechanisms lists every way of waiting this platform has.
func mechanisms() []mechanism {
	ms := []mechanism{{"Select", selectMechanism}, {"Poll", pollMechanism}}
	ms = append(ms, platformMechanisms()...)
	for _, b := range Backends() {
		ms = append(ms, pollerMechanism(b))
	}
	return ms
}
