//go:build !(linux || openbsd || dragonfly || solaris || aix || darwin || freebsd || netbsd)

package completion

import "io/fs"

// idOf has only the modification time and size where the system's stat
// gives no device, inode or change time; with no inode, no listing is
// stored on disk (see DirCache.Persist).
func idOf(fi fs.FileInfo) dirID {
	return dirID{mtime: fi.ModTime(), size: uint64(fi.Size())}
}
