//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"time"

	"golang.org/x/sys/unix"
)

// Forever is a timeout that waits without limit; any negative timeout
// does the same. Python: a timeout of None.
const Forever time.Duration = -1

// millis converts a timeout to the milliseconds of poll(2) and
// epoll_wait(2): -1 for a negative timeout, and otherwise rounded up so
// that a wait does not end early (Python rounds the same way).
func millis(d time.Duration) int {
	if d < 0 {
		return -1
	}
	ms := (d + time.Millisecond - 1) / time.Millisecond
	if ms > 1<<31-1 {
		return 1<<31 - 1
	}
	return int(ms)
}

// retry calls wait with the time left of timeout until it fails with
// something other than EINTR. When a wait is interrupted after the time
// has run out, retry reports no events (0, nil), as Python does (PEP 475).
func retry(timeout time.Duration, wait func(left time.Duration) (int, error)) (int, error) {
	end := time.Now().Add(timeout)
	left := timeout
	for {
		n, err := wait(left)
		if err != unix.EINTR {
			return n, err
		}
		if timeout < 0 {
			continue
		}
		left = time.Until(end)
		if left < 0 {
			return 0, nil
		}
	}
}
