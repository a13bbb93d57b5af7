//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"errors"
	"io/fs"
	"testing"
	"time"
)

func eachBackend(t *testing.T, f func(t *testing.T, p *Poller)) {
	for _, b := range append([]Backend{BackendAuto}, Backends()...) {
		t.Run(b.String(), func(t *testing.T) {
			p, err := NewPollerBackend(b)
			must(t, err)
			t.Cleanup(func() { p.Close() })
			if b != BackendAuto && p.Backend() != b {
				t.Fatalf("Backend() = %v", p.Backend())
			}
			f(t, p)
		})
	}
}

func TestPollerRegistry(t *testing.T) {
	eachBackend(t, func(t *testing.T, p *Poller) {
		r, w := pipePair(t)
		closeLater(t, &r, &w)
		tests := []struct {
			name string
			do   func() error
			want error // nil: no error; errAny: some error
		}{
			{"add reader", func() error { return p.Add(r, In) }, nil},
			{"add twice", func() error { return p.Add(r, In) }, ErrRegistered},
			{"add with Pri", func() error { return p.Add(w, Pri) }, errAny},
			{"add nothing", func() error { return p.Add(w, 0) }, errAny},
			{"add negative", func() error { return p.Add(-1, In) }, ErrBadFd},
			{"modify unregistered", func() error { return p.Modify(w, Out) }, ErrNotRegistered},
			{"remove unregistered", func() error { return p.Remove(w) }, ErrNotRegistered},
			{"add writer", func() error { return p.Add(w, In) }, nil},
			{"modify writer", func() error { return p.Modify(w, Out) }, nil},
			{"modify to the same", func() error { return p.Modify(w, Out) }, nil},
		}
		for _, tt := range tests {
			err := tt.do()
			if (tt.want == nil) != (err == nil) || (tt.want != errAny && tt.want != nil && err != tt.want) {
				t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
			}
		}
		if !errors.Is(ErrRegistered, fs.ErrExist) || !errors.Is(ErrNotRegistered, fs.ErrNotExist) {
			t.Error("errors do not match fs errors")
		}
		rs, err := p.Wait(0)
		must(t, err)
		if len(rs) != 1 || rs[0] != (Ready{w, Out}) {
			t.Fatalf("Wait: %v", rs)
		}
		must(t, p.Remove(w))
		if rs, err := p.Wait(0); err != nil || len(rs) != 0 {
			t.Fatalf("Wait after Remove: %v %v", rs, err)
		}
	})
}

var errAny = errors.New("any error")

// TestPollerHangup closes the writing end: the reader is reported
// readable (a read then returns the end of file).
func TestPollerHangup(t *testing.T) {
	eachBackend(t, func(t *testing.T, p *Poller) {
		r, w := socketPair(t)
		closeLater(t, &r, &w)
		must(t, p.Add(r, In))
		must(t, closeFd(&w))
		rs, err := p.Wait(Forever)
		must(t, err)
		if len(rs) != 1 || rs[0].Fd != r || rs[0].Events&In == 0 || rs[0].Events&Out != 0 {
			t.Fatalf("got %v, want In and not Out", rs)
		}
		if got := read(t, r); got != "" {
			t.Fatalf("read %q, want end of file", got)
		}
	})
}

func TestPollerWake(t *testing.T) {
	eachBackend(t, func(t *testing.T, p *Poller) {
		r, w := pipePair(t)
		closeLater(t, &r, &w)
		must(t, p.Add(r, In))
		// A wake-up before the wait is not lost.
		must(t, p.Wake())
		must(t, p.Wake())
		if rs, err := p.Wait(Forever); err != nil || len(rs) != 0 {
			t.Fatalf("Wait after Wake: %v %v", rs, err)
		}
		// The wake-ups were consumed: the next wait times out.
		if rs, err := p.Wait(10 * time.Millisecond); err != nil || len(rs) != 0 {
			t.Fatalf("second Wait: %v %v", rs, err)
		}
		// A wake-up during a wait.
		go func() {
			time.Sleep(20 * time.Millisecond)
			p.Wake()
		}()
		if rs, err := p.Wait(Forever); err != nil || len(rs) != 0 {
			t.Fatalf("Wait woken meanwhile: %v %v", rs, err)
		}
	})
}

func TestPollerClose(t *testing.T) {
	eachBackend(t, func(t *testing.T, p *Poller) {
		r, w := pipePair(t)
		closeLater(t, &r, &w)
		must(t, p.Add(r, In))
		done := make(chan error)
		go func() {
			_, err := p.Wait(Forever)
			done <- err
		}()
		time.Sleep(20 * time.Millisecond)
		must(t, p.Close())
		if err := <-done; err != ErrClosed {
			t.Fatalf("Wait during Close: %v, want ErrClosed", err)
		}
		must(t, p.Close())
		for name, err := range map[string]error{
			"Add":    p.Add(w, Out),
			"Modify": p.Modify(r, Out),
			"Remove": p.Remove(r),
			"Wake":   p.Wake(),
			"Wait": func() error {
				_, err := p.Wait(0)
				return err
			}(),
		} {
			if err != ErrClosed {
				t.Errorf("%s after Close: %v", name, err)
			}
		}
	})
}

func TestPollerNoSuchBackend(t *testing.T) {
	for _, b := range []Backend{BackendEpoll, BackendKqueue, Backend(42)} {
		have := false
		for _, h := range Backends() {
			have = have || h == b
		}
		if _, err := NewPollerBackend(b); (err == nil) != have {
			t.Errorf("%v: err = %v, platform has it: %v", b, err, have)
		}
	}
	if got := Backend(42).String(); got != "Backend(42)" {
		t.Errorf("String: %q", got)
	}
}
