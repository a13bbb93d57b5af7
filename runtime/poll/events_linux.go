package poll

import "golang.org/x/sys/unix"

// Band events of poll(2) and epoll. Linux has the same values for both.
const (
	// RdNorm means normal data may be read. Python: select.POLLRDNORM, select.EPOLLRDNORM.
	RdNorm Events = unix.EPOLLRDNORM
	// RdBand means priority-band data may be read. Python: select.POLLRDBAND, select.EPOLLRDBAND.
	RdBand Events = unix.EPOLLRDBAND
	// WrNorm means normal data may be written (the same as [Out] on some
	// systems). Python: select.POLLWRNORM, select.EPOLLWRNORM.
	WrNorm Events = unix.EPOLLWRNORM
	// WrBand means priority data may be written. Python: select.POLLWRBAND, select.EPOLLWRBAND.
	WrBand Events = unix.EPOLLWRBAND
)

// Events only Linux has. The last four are epoll registration flags.
const (
	// Msg is unused by Linux and present for completeness. Python: select.POLLMSG, select.EPOLLMSG.
	Msg Events = unix.EPOLLMSG
	// RdHup means the peer closed its end of a stream socket or shut down
	// writing. Python: select.POLLRDHUP, select.EPOLLRDHUP.
	RdHup Events = unix.EPOLLRDHUP
	// EdgeTriggered makes an epoll registration report a change of state
	// once instead of a state for as long as it lasts. Python: select.EPOLLET.
	EdgeTriggered Events = unix.EPOLLET
	// OneShot disables an epoll registration after one event; [Epoll.Modify]
	// arms it again. Python: select.EPOLLONESHOT.
	OneShot Events = unix.EPOLLONESHOT
	// Exclusive wakes only one of several epoll instances waiting on the same
	// descriptor (Linux 4.5). It is allowed by [Epoll.Register] only, never by
	// [Epoll.Modify]. Python: select.EPOLLEXCLUSIVE.
	Exclusive Events = unix.EPOLLEXCLUSIVE
	// Wakeup keeps the system from suspending while the event is being
	// handled (needs CAP_BLOCK_SUSPEND). Python has no name for it.
	Wakeup Events = unix.EPOLLWAKEUP
)

// extraEventNames names the Linux-only events for String.
var extraEventNames = []eventName{
	{Msg, "Msg"}, {RdHup, "RdHup"}, {EdgeTriggered, "EdgeTriggered"},
	{OneShot, "OneShot"}, {Exclusive, "Exclusive"}, {Wakeup, "Wakeup"},
}
