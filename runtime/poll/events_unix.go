//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Events is a set of readiness events, as given to [Poll.Register] and
// [Epoll.Register] and reported in [Ready]. The values are the
// platform's own, as in Python.
type Events uint32

// Events understood by poll(2) (and, on Linux, by epoll).
const (
	// In means there is data to read. Python: select.POLLIN, select.EPOLLIN.
	In Events = unix.POLLIN
	// Pri means there is urgent data to read. Python: select.POLLPRI, select.EPOLLPRI.
	Pri Events = unix.POLLPRI
	// Out means a write will not block. Python: select.POLLOUT, select.EPOLLOUT.
	Out Events = unix.POLLOUT
	// Err reports an error condition (output only). Python: select.POLLERR, select.EPOLLERR.
	Err Events = unix.POLLERR
	// Hup reports a hang-up (output only). Python: select.POLLHUP, select.EPOLLHUP.
	Hup Events = unix.POLLHUP
	// Nval reports an invalid descriptor (output only, poll only). Python: select.POLLNVAL.
	Nval Events = unix.POLLNVAL
)

// eventName names one event for String.
type eventName struct {
	e    Events
	name string
}

// eventNames lists the names String uses, most common first; the
// platform's extraEventNames follow.
var eventNames = []eventName{
	{In, "In"}, {Pri, "Pri"}, {Out, "Out"}, {Err, "Err"}, {Hup, "Hup"}, {Nval, "Nval"},
	{RdNorm, "RdNorm"}, {RdBand, "RdBand"}, {WrNorm, "WrNorm"}, {WrBand, "WrBand"},
}

// String returns the names of the events in e joined by "|", such as
// "In|Hup", with any unnamed bits in hexadecimal.
func (e Events) String() string {
	if e == 0 {
		return "0"
	}
	var parts []string
	rest := e
	for _, names := range [][]eventName{eventNames, extraEventNames} {
		for _, n := range names {
			if n.e != 0 && rest&n.e == n.e {
				parts = append(parts, n.name)
				rest &^= n.e
			}
		}
	}
	if rest != 0 {
		parts = append(parts, "0x"+strconv.FormatUint(uint64(rest), 16))
	}
	return strings.Join(parts, "|")
}

// Ready is one descriptor reported ready by a wait, with the events that
// occurred. Python: the (fd, event) pairs of poll.poll and epoll.poll.
type Ready struct {
	Fd     int
	Events Events
}
