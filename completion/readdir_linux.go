package completion

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"syscall"
)

// The directory is read with getdents64 into a buffer reused between
// reads, and its records parsed in place: no string is made for a name
// that does not match, and d_type saves an lstat per entry.
//
// A big directory on ext2/3/4 is read by several threads at once. There a
// directory position (d_off, what lseek takes) is the hash of a name,
// and reading after lseek(p) returns, in the same hash order, exactly the
// entries whose hash is at least p. So the range of hashes is cut into
// as many parts as there are CPUs, each part read on its own descriptor
// from its lower bound until the position of the next entry passes its
// upper bound, and the parts put end to end: the order is the one a
// single read gives. The kernel's work per entry (hashing the name,
// sorting it in a tree, copying it out) is what a cold completion of a
// big directory costs, and the threads share it when the CPUs are free.

// direntBufSize is the getdents64 buffer size.
const direntBufSize = 64 << 10

var direntBufs = sync.Pool{New: func() any { b := make([]byte, direntBufSize); return &b }}

// parseDirents calls fn with each record of buf, the result of a
// getdents64 call: the entry's name (valid during the call only), its
// d_type, its inode and its d_off, the position of the entry after it.
// It stops at a malformed record, and when fn returns false, which it
// reports.
func parseDirents(buf []byte, fn func(name []byte, dtype byte, ino, next uint64) bool) bool {
	// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name.
	const header = 19
	for len(buf) >= header {
		reclen := int(binary.NativeEndian.Uint16(buf[16:]))
		if reclen < header || reclen > len(buf) {
			return true
		}
		name := buf[header:reclen]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if !fn(name, buf[18], binary.NativeEndian.Uint64(buf), binary.NativeEndian.Uint64(buf[8:])) {
			return false
		}
		buf = buf[reclen:]
	}
	return true
}

// openDir opens a directory for reading.
func openDir(dir string) (int, error) {
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return -1, &os.PathError{Op: "open", Path: dir, Err: err}
	}
	return fd, nil
}

// getdents is getdents64, retried on EINTR.
func getdents(fd int, buf []byte) (int, error) {
	for {
		n, err := syscall.Getdents(fd, buf)
		if err != syscall.EINTR {
			return n, err
		}
	}
}

// readDir calls f with each entry of the directory dir in the order the
// kernel returns them (the order bash and readline see), "." and ".."
// included. typ holds the entry's type bits, or ^0 when the file system
// does not say. name is only valid during the call.
func readDir(dir string, f func(name []byte, typ fs.FileMode)) error {
	fd, err := openDir(dir)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	bp := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(bp)
	for {
		n, err := getdents(fd, *bp)
		if err != nil {
			return &os.PathError{Op: "getdents", Path: dir, Err: err}
		}
		if n <= 0 {
			return nil
		}
		parseDirents((*bp)[:n], func(name []byte, dtype byte, _, _ uint64) bool {
			f(name, direntType(dtype))
			return true
		})
	}
}

// scanDir returns the entries of the directory dir that keep accepts (all
// when keep is nil), in directory order, "." and ".." included, with
// their type bits (^0 when the file system does not say). keep must be
// safe for concurrent use.
func scanDir(dir string, keep func(name []byte) bool) ([]string, []fs.FileMode, error) {
	fd, err := openDir(dir)
	if err != nil {
		return nil, nil, err
	}
	defer syscall.Close(fd)
	if k := splitCount(fd); k > 1 {
		if names, types, ok := scanSplit(fd, k, keep); ok {
			return names, types, nil
		}
		// Something unexpected: read it again in one go.
		if _, err := syscall.Seek(fd, 0, io.SeekStart); err != nil {
			return nil, nil, &os.PathError{Op: "seek", Path: dir, Err: err}
		}
	}
	var r dirRange
	readRange(fd, 0, ^uint64(0), keep, false, &r)
	if r.err != nil {
		return nil, nil, &os.PathError{Op: "getdents", Path: dir, Err: r.err}
	}
	names, types := joinLists(&r.list)
	return names, types, nil
}

// splitMinSize is the smallest directory (in bytes, about 30 bytes an
// entry) read by several threads.
const splitMinSize = 128 << 10

// ext4Magic is the f_type of ext2, ext3 and ext4.
const ext4Magic = 0xEF53

// splitCount returns how many threads should read the directory open as
// fd: one unless it is big and on ext2/3/4.
func splitCount(fd int) int {
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Size < splitMinSize {
		return 1
	}
	var sfs syscall.Statfs_t
	if syscall.Fstatfs(fd, &sfs) != nil || uint32(sfs.Type) != ext4Magic {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), int(st.Size/splitMinSize), 8)
}

// hashPositions is the range of directory positions ext4 gives a hashed
// directory: 63-bit hashes for a 64-bit process, 31-bit for a 32-bit one.
const hashPositions = uint64(1) << (31 + 32*(^uintptr(0)>>63))

// scanSplit reads the directory open as fd with k threads, splitting
// hashPositions evenly; ok is false if a reader failed or the positions
// were not in order, and the directory must be read again.
func scanSplit(fd, k int, keep func(name []byte) bool) (names []string, types []fs.FileMode, ok bool) {
	rs := make([]dirRange, k)
	step := hashPositions / uint64(k)
	bound := func(i int) uint64 {
		if i == k {
			return ^uint64(0)
		}
		return step * uint64(i)
	}
	var wg sync.WaitGroup
	for i := 1; i < k; i++ {
		wg.Go(func() {
			fd2, err := syscall.Openat(fd, ".", syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
			if err != nil {
				rs[i].err = err
				return
			}
			defer syscall.Close(fd2)
			readRange(fd2, bound(i), bound(i+1), keep, true, &rs[i])
		})
	}
	readRange(fd, 0, bound(1), keep, true, &rs[0])
	wg.Wait()
	lists, ok := stitch(rs)
	if !ok {
		return nil, nil, false
	}
	names, types = joinLists(lists...)
	return names, types, true
}

// A dirRange is what one reader read: the entries from the first at or
// after its lower bound to the last before its upper bound.
type dirRange struct {
	list     nameList // the entries kept
	first    []byte   // the name of the first entry read
	firstIno uint64
	n        int // entries read
	err      error
}

// errUnordered is a reader's error when positions go backwards.
var errUnordered = errors.New("directory positions out of order")

// readRange reads the directory open as fd from position lo, and adds
// the entries keep accepts to r, until the position after an entry is hi
// or more (with ordered only, where positions that go backwards are an
// error), or the end. A position lo that cannot be sought to has no entries after it.
func readRange(fd int, lo, hi uint64, keep func(name []byte) bool, ordered bool, r *dirRange) {
	if lo > 0 {
		if _, err := syscall.Seek(fd, int64(lo), io.SeekStart); err != nil {
			if err != syscall.EINVAL {
				r.err = err
			}
			return
		}
	}
	bp := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(bp)
	var prev uint64
	for {
		n, err := getdents(fd, *bp)
		if err != nil {
			r.err = err
			return
		}
		if n <= 0 {
			return
		}
		more := parseDirents((*bp)[:n], func(name []byte, dtype byte, ino, next uint64) bool {
			if r.n == 0 {
				r.first = append([]byte(nil), name...)
				r.firstIno = ino
			} else if ordered && next < prev {
				r.err = errUnordered
				return false
			}
			r.n++
			prev = next
			if keep == nil || keep(name) {
				r.list.add(name, direntType(dtype))
			}
			return !ordered || next < hi
		})
		if !more {
			return
		}
	}
}

// stitch puts the ranges read end to end. A range with no entries of its
// own read one: the first entry of the next part, which the next reader
// read first too; it is left out. ok is false if a reader failed.
func stitch(rs []dirRange) (lists []*nameList, ok bool) {
	for i := range rs {
		if rs[i].err != nil {
			return nil, false
		}
	}
	for i := range rs {
		r := &rs[i]
		if r.n == 0 {
			continue
		}
		if r.n == 1 && i+1 < len(rs) {
			next := &rs[i+1]
			if next.n > 0 && next.firstIno == r.firstIno && bytes.Equal(next.first, r.first) {
				continue
			}
		}
		lists = append(lists, &r.list)
	}
	return lists, true
}

// direntType turns a d_type into file mode type bits.
func direntType(t byte) fs.FileMode {
	switch t {
	case syscall.DT_REG:
		return 0
	case syscall.DT_DIR:
		return fs.ModeDir
	case syscall.DT_LNK:
		return fs.ModeSymlink
	case syscall.DT_FIFO:
		return fs.ModeNamedPipe
	case syscall.DT_SOCK:
		return fs.ModeSocket
	case syscall.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.DT_BLK:
		return fs.ModeDevice
	}
	return ^fs.FileMode(0)
}
