//go:build linux || openbsd || dragonfly || solaris || aix

package completion

import (
	"io/fs"
	"syscall"
	"time"
)

func idOf(fi fs.FileInfo) dirID {
	id := dirID{mtime: fi.ModTime(), size: uint64(fi.Size())}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		id.dev, id.ino = uint64(st.Dev), uint64(st.Ino)
		id.ctime = time.Unix(int64(st.Ctim.Sec), int64(st.Ctim.Nsec))
	}
	return id
}
