//go:build unix

package history

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// lockFile takes an advisory lock (flock) on the history file, creating
// it (0600) if create is set, and returns the function that releases it.
//
// A rewrite replaces the file by renaming a new one over it, so a lock
// taken on the old file would guard nothing: after locking, lockFile
// checks that the path still names the file it locked, and locks again
// if not. Appends and rewrites from any number of processes are thereby
// serialized on the file the path names.
func lockFile(path string, create bool) (unlock func(), err error) {
	f, err := openLocked(path, create, os.O_RDONLY)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !create {
			return func() {}, nil
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}

// openLocked opens path with flag and an exclusive flock, retrying while
// the path is being replaced under it. Closing the file releases the lock.
func openLocked(path string, create bool, flag int) (*os.File, error) {
	if create {
		flag |= os.O_CREATE
	}
	for {
		f, err := os.OpenFile(path, flag, 0o600)
		if err != nil {
			return nil, err
		}
		if err := flock(f); err != nil {
			f.Close()
			return nil, err
		}
		if samePath(f, path) {
			return f, nil
		}
		f.Close() // replaced while we waited: lock the new file
	}
}

func flock(f *os.File) error {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if err != syscall.EINTR {
			return err
		}
	}
}

// samePath reports whether path still names the open file f.
func samePath(f *os.File, path string) bool {
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	pi, err := os.Stat(path)
	if err != nil {
		return false
	}
	return os.SameFile(fi, pi)
}

// appendLocked appends data to the file in one write, under its lock.
func appendLocked(path string, data []byte) error {
	f, err := openLocked(resolve(path), true, os.O_WRONLY|os.O_APPEND)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil {
		return werr
	}
	return cerr
}
