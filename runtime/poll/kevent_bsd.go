//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package poll

import "golang.org/x/sys/unix"

// Kevent is one kernel event of a [Kqueue]: a change to apply, or an
// event that occurred. Python: select.kevent.
type Kevent struct {
	// Ident identifies the source: a descriptor for [KqFilterRead] and
	// [KqFilterWrite], a process id for [KqFilterProc], a signal number for
	// [KqFilterSignal]. Python: kevent.ident.
	Ident uint64
	// Filter is the kind of event, such as [KqFilterRead]. Python: kevent.filter.
	Filter int16
	// Flags are actions on input (such as [KqEvAdd]) and conditions on
	// output (such as [KqEvEOF]). Python: kevent.flags.
	Flags uint16
	// Fflags are filter-specific flags, such as [KqNoteWrite]. Python: kevent.fflags.
	Fflags uint32
	// Data is filter-specific data, such as the number of bytes ready to
	// read, or the errno of a failed change when Flags has [KqEvError].
	// Python: kevent.data.
	Data int64
	// Udata is passed through the kernel unchanged. Python: kevent.udata.
	Udata uintptr
}

// NewKevent returns the kevent Python's constructor makes for a
// descriptor by default: watch it for reading, adding it to the queue.
// Python: select.kevent(ident) with filter=KQ_FILTER_READ, flags=KQ_EV_ADD.
func NewKevent(fd int) Kevent {
	return Kevent{Ident: uint64(fd), Filter: KqFilterRead, Flags: KqEvAdd}
}

// Filters of [Kevent.Filter].
const (
	// KqFilterRead: a descriptor has data to read. Python: select.KQ_FILTER_READ.
	KqFilterRead int16 = unix.EVFILT_READ
	// KqFilterWrite: a descriptor can be written. Python: select.KQ_FILTER_WRITE.
	KqFilterWrite int16 = unix.EVFILT_WRITE
	// KqFilterVnode: a file changed, as told by the Fflags. Python: select.KQ_FILTER_VNODE.
	KqFilterVnode int16 = unix.EVFILT_VNODE
	// KqFilterProc: a process exited, forked or exec'd. Python: select.KQ_FILTER_PROC.
	KqFilterProc int16 = unix.EVFILT_PROC
	// KqFilterSignal: a signal was delivered. Python: select.KQ_FILTER_SIGNAL.
	KqFilterSignal int16 = unix.EVFILT_SIGNAL
	// KqFilterTimer: a timer of Data milliseconds expired. Python: select.KQ_FILTER_TIMER.
	KqFilterTimer int16 = unix.EVFILT_TIMER
)

// Actions and conditions of [Kevent.Flags].
const (
	// KqEvAdd adds the event, or modifies it. Python: select.KQ_EV_ADD.
	KqEvAdd uint16 = unix.EV_ADD
	// KqEvDelete removes the event. Python: select.KQ_EV_DELETE.
	KqEvDelete uint16 = unix.EV_DELETE
	// KqEvEnable enables a disabled event. Python: select.KQ_EV_ENABLE.
	KqEvEnable uint16 = unix.EV_ENABLE
	// KqEvDisable disables the event without removing it. Python: select.KQ_EV_DISABLE.
	KqEvDisable uint16 = unix.EV_DISABLE
	// KqEvOneshot removes the event after it first occurs. Python: select.KQ_EV_ONESHOT.
	KqEvOneshot uint16 = unix.EV_ONESHOT
	// KqEvClear resets the event's state after it is retrieved (edge
	// triggering). Python: select.KQ_EV_CLEAR.
	KqEvClear uint16 = unix.EV_CLEAR
	// KqEvEOF reports the end of file or a closed peer. Python: select.KQ_EV_EOF.
	KqEvEOF uint16 = unix.EV_EOF
	// KqEvError reports a failed change, with the errno in Data. Python: select.KQ_EV_ERROR.
	KqEvError uint16 = unix.EV_ERROR
)

// Filter flags of [Kevent.Fflags].
const (
	// KqNoteLowat sets the low-water mark in Data for read and write
	// filters. Python: select.KQ_NOTE_LOWAT.
	KqNoteLowat uint32 = unix.NOTE_LOWAT
	// KqNoteDelete: the file was unlinked. Python: select.KQ_NOTE_DELETE.
	KqNoteDelete uint32 = unix.NOTE_DELETE
	// KqNoteWrite: the file was written. Python: select.KQ_NOTE_WRITE.
	KqNoteWrite uint32 = unix.NOTE_WRITE
	// KqNoteExtend: the file grew. Python: select.KQ_NOTE_EXTEND.
	KqNoteExtend uint32 = unix.NOTE_EXTEND
	// KqNoteAttrib: the file's attributes changed. Python: select.KQ_NOTE_ATTRIB.
	KqNoteAttrib uint32 = unix.NOTE_ATTRIB
	// KqNoteLink: the file's link count changed. Python: select.KQ_NOTE_LINK.
	KqNoteLink uint32 = unix.NOTE_LINK
	// KqNoteRename: the file was renamed. Python: select.KQ_NOTE_RENAME.
	KqNoteRename uint32 = unix.NOTE_RENAME
	// KqNoteRevoke: access to the file was revoked. Python: select.KQ_NOTE_REVOKE.
	KqNoteRevoke uint32 = unix.NOTE_REVOKE
	// KqNoteExit: the process exited. Python: select.KQ_NOTE_EXIT.
	KqNoteExit uint32 = unix.NOTE_EXIT
	// KqNoteFork: the process forked. Python: select.KQ_NOTE_FORK.
	KqNoteFork uint32 = unix.NOTE_FORK
	// KqNoteExec: the process called exec. Python: select.KQ_NOTE_EXEC.
	KqNoteExec uint32 = unix.NOTE_EXEC
)
