package completion

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func mkfifo(t *testing.T, path string) {
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// seqScan reads dir in one go, without the split.
func seqScan(t *testing.T, dir string, keep func([]byte) bool) ([]string, []fs.FileMode) {
	t.Helper()
	fd, err := openDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	var r dirRange
	readRange(fd, 0, ^uint64(0), keep, false, &r)
	if r.err != nil {
		t.Fatal(r.err)
	}
	return joinLists(&r.list)
}

func isExt4(t *testing.T, dir string) bool {
	var sfs syscall.Statfs_t
	if err := syscall.Statfs(dir, &sfs); err != nil {
		t.Fatal(err)
	}
	return uint32(sfs.Type) == ext4Magic
}

// TestScanSplit reads directories with 2 to 64 threads and requires the
// listing a single read gives, in the same order: a small directory
// (most parts empty) and a bigger one with odd names.
func TestScanSplit(t *testing.T) {
	small := fileTree(t, "a", "b/", "c->a")
	var entries []string
	for i := range 3000 {
		entries = append(entries, fmt.Sprintf("entry-%d-%s", i, oddNames[i%len(oddNames)][:min(20, len(oddNames[i%len(oddNames)]))]))
	}
	big := fileTree(t, entries...)
	ext4 := isExt4(t, big)
	if !ext4 {
		t.Logf("%s is not on ext2/3/4: the split is not used there, only checked", big)
	}
	keeps := map[string]func([]byte) bool{
		"all":     nil,
		"entry-1": func(name []byte) bool { return bytes.HasPrefix(name, []byte("entry-1")) },
		"none":    func([]byte) bool { return false },
	}
	for _, dir := range []string{small, big} {
		for kname, keep := range keeps {
			wantNames, wantTypes := seqScan(t, dir, keep)
			for _, k := range []int{2, 3, 5, 16, 64} {
				fd, err := openDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				names, types, ok := scanSplit(fd, k, keep)
				syscall.Close(fd)
				if !ok {
					if ext4 {
						t.Errorf("%s k=%d %s: split failed on ext4", dir, k, kname)
					}
					continue
				}
				if !reflect.DeepEqual(names, wantNames) || !reflect.DeepEqual(types, wantTypes) {
					t.Errorf("%s k=%d %s: %d names %q...\nwant %d %q...", dir, k, kname, len(names), names[:min(5, len(names))], len(wantNames), wantNames[:min(5, len(wantNames))])
				}
			}
		}
	}
}

// TestScanDirBig checks that a directory big enough is read by several
// threads on ext4, with the same result.
func TestScanDirBig(t *testing.T) {
	var entries []string
	for i := range 5000 {
		entries = append(entries, fmt.Sprintf("a-rather-long-file-name-%06d", i))
	}
	dir := fileTree(t, entries...)
	fd, err := openDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	k := splitCount(fd)
	syscall.Close(fd)
	if isExt4(t, dir) && runtime.GOMAXPROCS(0) > 1 && k < 2 {
		t.Errorf("splitCount = %d for a big ext4 directory", k)
	}
	t.Logf("read with %d threads", k)
	keep := func(name []byte) bool { return bytes.HasSuffix(name, []byte("7")) }
	for _, keep := range []func([]byte) bool{nil, keep} {
		wantNames, wantTypes := seqScan(t, dir, keep)
		names, types, err := scanDir(dir, keep)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(names, wantNames) || !reflect.DeepEqual(types, wantTypes) {
			t.Errorf("scanDir gives %d names, a single read %d", len(names), len(wantNames))
		}
	}
}

// modelRanges reads a model directory, entries at the sorted positions
// pos (the end at eof), as the readers of scanSplit would with the
// bounds given.
func modelRanges(pos []uint64, eof uint64, bounds []uint64) []dirRange {
	rs := make([]dirRange, len(bounds)-1)
	for i := range rs {
		lo, hi := bounds[i], bounds[i+1]
		r := &rs[i]
		for j, p := range pos {
			if p < lo {
				continue
			}
			next := eof
			if j+1 < len(pos) {
				next = pos[j+1]
			}
			name := []byte(fmt.Sprint("e", j))
			if r.n == 0 {
				r.first, r.firstIno = name, uint64(j+1)
			}
			r.n++
			r.list.add(name, 0)
			if next >= hi {
				break
			}
		}
	}
	return rs
}

func checkStitch(t *testing.T, pos []uint64, eof uint64, bounds []uint64) {
	t.Helper()
	lists, ok := stitch(modelRanges(pos, eof, bounds))
	if !ok {
		t.Fatal("stitch failed")
	}
	got, _ := joinLists(lists...)
	var want []string
	for j := range pos {
		want = append(want, fmt.Sprint("e", j))
	}
	if !slices.Equal(got, want) {
		t.Errorf("positions %v bounds %v: %q", pos, bounds, got)
	}
}

func TestStitch(t *testing.T) {
	const eof = 1 << 62
	checkStitch(t, []uint64{0, 10, 20, 30}, eof, []uint64{0, 15, 25, ^uint64(0)})
	// Empty parts, one after the other.
	checkStitch(t, []uint64{0, 100}, eof, []uint64{0, 10, 20, 30, 40, ^uint64(0)})
	// A part with only the last entry, and parts past the end.
	checkStitch(t, []uint64{0, 5, 50}, eof, []uint64{0, 40, 60, 80, ^uint64(0)})
	// Equal positions (hash collisions) at a bound.
	checkStitch(t, []uint64{0, 7, 7, 7, 9}, eof, []uint64{0, 7, 8, ^uint64(0)})
	// A failed reader fails the whole.
	rs := modelRanges([]uint64{0, 1}, eof, []uint64{0, 1, ^uint64(0)})
	rs[1].err = syscall.EIO
	if _, ok := stitch(rs); ok {
		t.Error("stitch ignored an error")
	}
}

func FuzzStitch(f *testing.F) {
	f.Add([]byte{0, 10, 20, 30}, []byte{15, 25})
	f.Add([]byte{0, 100}, []byte{10, 20, 30, 40})
	f.Add([]byte{0, 7, 7, 7, 9}, []byte{7, 8})
	f.Fuzz(func(t *testing.T, p, b []byte) {
		var pos []uint64
		for _, x := range p {
			pos = append(pos, uint64(x))
		}
		slices.Sort(pos)
		bounds := []uint64{0}
		for _, x := range b {
			bounds = append(bounds, uint64(x)+1)
		}
		slices.Sort(bounds)
		bounds = slices.Compact(bounds)
		bounds = append(bounds, ^uint64(0))
		checkStitch(t, pos, 1<<62, bounds)
	})
}

// appendDirent appends a linux_dirent64 record.
func appendDirent(buf []byte, ino, off uint64, typ byte, name string) []byte {
	reclen := (19 + len(name) + 1 + 7) &^ 7
	rec := make([]byte, reclen)
	binary.NativeEndian.PutUint64(rec, ino)
	binary.NativeEndian.PutUint64(rec[8:], off)
	binary.NativeEndian.PutUint16(rec[16:], uint16(reclen))
	rec[18] = typ
	copy(rec[19:], name)
	return append(buf, rec...)
}

type dirent struct {
	name      string
	typ       byte
	ino, next uint64
}

func parseAll(buf []byte) (out []dirent, complete bool) {
	complete = parseDirents(buf, func(name []byte, typ byte, ino, next uint64) bool {
		out = append(out, dirent{string(name), typ, ino, next})
		return true
	})
	return out, complete
}

func TestParseDirents(t *testing.T) {
	want := []dirent{{".", syscall.DT_DIR, 1, 5}, {"..", syscall.DT_DIR, 2, 9}, {"new\nline", syscall.DT_REG, 3, 12}, {strings.Repeat("x", 255), syscall.DT_UNKNOWN, 4, 1 << 62}}
	var buf []byte
	for _, d := range want {
		buf = appendDirent(buf, d.ino, d.next, d.typ, d.name)
	}
	if got, _ := parseAll(buf); !reflect.DeepEqual(got, want) {
		t.Errorf("parsed %+v", got)
	}
	// A truncated or broken record ends the parse.
	if got, _ := parseAll(buf[:len(buf)-1]); len(got) != 3 {
		t.Errorf("truncated: %d records", len(got))
	}
	bad := slices.Clone(buf)
	binary.NativeEndian.PutUint16(bad[16:], 3)
	if got, _ := parseAll(bad); len(got) != 0 {
		t.Errorf("reclen 3: %d records", len(got))
	}
	// Stopping early is reported.
	n := 0
	if parseDirents(buf, func([]byte, byte, uint64, uint64) bool { n++; return n < 2 }) || n != 2 {
		t.Errorf("stop: %d", n)
	}
	if direntType(syscall.DT_UNKNOWN) != ^fs.FileMode(0) || direntType(syscall.DT_LNK) != fs.ModeSymlink {
		t.Error("direntType")
	}
}

func FuzzParseDirents(f *testing.F) {
	f.Add([]byte("a\x00b"), []byte{})
	f.Add([]byte("..\x00.\x00"+strings.Repeat("n", 300)), appendDirent(nil, 1, 2, 4, "x"))
	f.Fuzz(func(t *testing.T, names, raw []byte) {
		// Any bytes: no panic, names inside the buffer without NUL.
		parseDirents(raw, func(name []byte, _ byte, _, _ uint64) bool {
			if bytes.IndexByte(name, 0) >= 0 || len(name) > len(raw) {
				t.Fatalf("name %q", name)
			}
			return true
		})
		// Well-formed records: parsed back as written.
		var want []dirent
		var buf []byte
		for i, n := range bytes.Split(names, []byte{0}) {
			d := dirent{string(n), byte(i % 16), uint64(i), uint64(i*7 + 1)}
			want = append(want, d)
			buf = appendDirent(buf, d.ino, d.next, d.typ, d.name)
		}
		got, complete := parseAll(buf)
		if !complete || !reflect.DeepEqual(got, want) {
			t.Fatalf("parsed %+v, want %+v", got, want)
		}
	})
}
