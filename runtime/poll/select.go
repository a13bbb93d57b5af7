//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// fdSetSize is the number of descriptors a select(2) set holds.
const fdSetSize = 1024

// Select waits until some of the descriptors in r are ready for reading,
// some in w for writing, or some in x have an exceptional condition
// (such as urgent data on a socket), or until the timeout passes. It
// returns the ready descriptors of each list, in the order given (a
// descriptor listed twice is reported twice); all three are empty when
// the timeout passed first.
//
// A negative timeout ([Forever]) waits without limit and zero polls.
// Descriptors must be below 1024 (FD_SETSIZE); use [Poll] or a [Poller]
// for larger ones. A wait interrupted by a signal is retried with the
// time that remains.
//
// Python: select.select(rlist, wlist, xlist[, timeout]), with the timeout
// in seconds and None for no limit.
func Select(r, w, x []int, timeout time.Duration) (rr, wr, xr []int, err error) {
	var sets [3]unix.FdSet
	nfd := 0
	for i, list := range [3][]int{r, w, x} {
		for _, fd := range list {
			if fd < 0 || fd >= fdSetSize {
				return nil, nil, nil, ErrBadFd
			}
			sets[i].Set(fd)
			nfd = max(nfd, fd+1)
		}
	}
	var ready [3]unix.FdSet
	n, err := retry(timeout, func(left time.Duration) (int, error) {
		ready = sets
		var tv *unix.Timeval
		if left >= 0 {
			// Round up to the microsecond so the wait does not end early.
			t := unix.NsecToTimeval(int64(left + time.Microsecond - 1))
			tv = &t
		}
		return unix.Select(nfd, &ready[0], &ready[1], &ready[2], tv)
	})
	if err != nil {
		return nil, nil, nil, os.NewSyscallError("select", err)
	}
	if n == 0 {
		return nil, nil, nil, nil
	}
	pick := func(list []int, set *unix.FdSet) []int {
		var out []int
		for _, fd := range list {
			if set.IsSet(fd) {
				out = append(out, fd)
			}
		}
		return out
	}
	return pick(r, &ready[0]), pick(w, &ready[1]), pick(x, &ready[2]), nil
}
