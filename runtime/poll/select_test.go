//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"slices"
	"testing"

	"golang.org/x/sys/unix"
)

func TestSelectLists(t *testing.T) {
	r1, w1 := pipePair(t)
	r2, w2 := pipePair(t)
	closeLater(t, &r1, &w1, &r2, &w2)
	write(t, w2, "x")
	tests := []struct {
		name       string
		r, w       []int
		wantR      []int
		wantW      []int
		wantErrBad bool
	}{
		{name: "order kept", r: []int{r2, r1}, w: []int{w2, w1}, wantR: []int{r2}, wantW: []int{w2, w1}},
		{name: "duplicates reported twice", r: []int{r2, r2}, wantR: []int{r2, r2}},
		{name: "nothing ready", r: []int{r1}},
		{name: "empty lists"},
		{name: "negative fd", r: []int{-1}, wantErrBad: true},
		{name: "fd beyond FD_SETSIZE", w: []int{1024}, wantErrBad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rr, ww, xx, err := Select(tt.r, tt.w, nil, 0)
			if tt.wantErrBad {
				if err != ErrBadFd {
					t.Fatalf("err = %v, want ErrBadFd", err)
				}
				return
			}
			must(t, err)
			if !slices.Equal(rr, tt.wantR) || !slices.Equal(ww, tt.wantW) || len(xx) != 0 {
				t.Fatalf("got %v %v %v, want %v %v []", rr, ww, xx, tt.wantR, tt.wantW)
			}
		})
	}
}

// TestExceptional sends TCP urgent data, the exceptional condition of
// select's third list and poll's Pri.
func TestExceptional(t *testing.T) {
	r, w := tcpPair(t)
	closeLater(t, &r, &w)
	if _, _, x, err := Select(nil, nil, []int{r}, 0); err != nil || len(x) != 0 {
		t.Fatalf("before: %v %v", x, err)
	}
	must(t, unix.Sendto(w, []byte("!"), unix.MSG_OOB, nil))
	if _, _, x, err := Select(nil, nil, []int{r}, Forever); err != nil || !slices.Equal(x, []int{r}) {
		t.Fatalf("select after urgent data: %v %v", x, err)
	}
	p := NewPoll()
	must(t, p.Register(r, Pri))
	rs, err := p.Poll(Forever)
	must(t, err)
	if len(rs) != 1 || rs[0].Events&Pri == 0 {
		t.Fatalf("poll after urgent data: %v", rs)
	}
}
