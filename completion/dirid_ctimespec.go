//go:build darwin || freebsd || netbsd

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
		id.ctime = time.Unix(int64(st.Ctimespec.Sec), int64(st.Ctimespec.Nsec))
	}
	return id
}
