//go:build aix || darwin || dragonfly || freebsd || netbsd || openbsd || solaris

package poll

import "golang.org/x/sys/unix"

// Band events of poll(2). On Linux epoll takes them too.
const (
	// RdNorm means normal data may be read. Python: select.POLLRDNORM, select.EPOLLRDNORM.
	RdNorm Events = unix.POLLRDNORM
	// RdBand means priority-band data may be read. Python: select.POLLRDBAND, select.EPOLLRDBAND.
	RdBand Events = unix.POLLRDBAND
	// WrNorm means normal data may be written (the same as [Out] on some
	// systems). Python: select.POLLWRNORM, select.EPOLLWRNORM.
	WrNorm Events = unix.POLLWRNORM
	// WrBand means priority data may be written. Python: select.POLLWRBAND, select.EPOLLWRBAND.
	WrBand Events = unix.POLLWRBAND
)

// extraEventNames is empty: this platform has no events beyond poll(2)'s.
var extraEventNames []eventName
