package completion

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io/fs"
	"sync"
)

// A listing file is one directory's listing as DirCache.Persist keeps it
// on disk. All numbers are little-endian:
//
//	magic    8 bytes, listingMagic
//	version  uint32, listingVersion
//	crc      uint32, CRC-32C of everything after it
//	dev, ino uint64   the directory's device and inode
//	mtime    int64    its modification time, in ns since 1970
//	ctime    int64    its change time, likewise
//	size     uint64   its size
//	count    uint32   how many entries follow the path
//	pathLen  uint32   then the directory's absolute, clean path
//	entries  count × (type byte, uvarint name length, name)
//
// The checksum makes a file torn by a crash, or damaged, count as no
// file; a file of another version or another program is not read either.
// A new format takes a new version.

// listingMagic starts every listing file.
const listingMagic = "gosh-ls\n"

// listingVersion is the version of the format written.
const listingVersion = 1

// listingHeaderSize is the size of the fixed fields, up to the path.
const listingHeaderSize = 8 + 4 + 4 + 5*8 + 4 + 4

// castagnoli returns the CRC-32C table: checksummed in hardware on most
// CPUs. It is made on first use: made at start, as a package variable, it
// cost every gosh, "gosh -c true" included, about 0.2 ms.
func castagnoli() *crc32.Table {
	castagnoliOnce.Do(func() { castagnoliTable = crc32.MakeTable(crc32.Castagnoli) })
	return castagnoliTable
}

var (
	castagnoliOnce  sync.Once
	castagnoliTable *crc32.Table
)

// A statKey is what a listing file says of its directory: its dirID as
// the file keeps it, to the nanosecond.
type statKey struct {
	dev, ino     uint64
	mtime, ctime int64
	size         uint64
}

// key returns id as a listing file keeps it.
func (id dirID) key() statKey {
	return statKey{dev: id.dev, ino: id.ino, mtime: id.mtime.UnixNano(), ctime: id.ctime.UnixNano(), size: id.size}
}

// fileTypes are the type bits a listing keeps, by their code in a
// listing file; unknownType (^0, type not known) is unknownTypeCode.
var fileTypes = [...]fs.FileMode{
	0, fs.ModeDir, fs.ModeSymlink, fs.ModeNamedPipe, fs.ModeSocket,
	fs.ModeDevice | fs.ModeCharDevice, fs.ModeDevice,
}

const unknownTypeCode = 0xff

// typeCode returns the code of the type bits typ. Bits a listing file
// has no code for are stored as not known, which makes a completion
// lstat the file, as for a file system without d_type.
func typeCode(typ fs.FileMode) byte {
	for i, t := range fileTypes {
		if t == typ {
			return byte(i)
		}
	}
	return unknownTypeCode
}

// encodeListing returns the listing file of the directory at path whose
// stat is k and whose entries are names, with types.
func encodeListing(k statKey, path string, names []string, types []fs.FileMode) []byte {
	size := listingHeaderSize + len(path)
	for _, n := range names {
		size += 1 + binary.MaxVarintLen64 + len(n)
	}
	b := make([]byte, 0, size)
	b = append(b, listingMagic...)
	b = binary.LittleEndian.AppendUint32(b, listingVersion)
	b = binary.LittleEndian.AppendUint32(b, 0) // the checksum, below
	b = binary.LittleEndian.AppendUint64(b, k.dev)
	b = binary.LittleEndian.AppendUint64(b, k.ino)
	b = binary.LittleEndian.AppendUint64(b, uint64(k.mtime))
	b = binary.LittleEndian.AppendUint64(b, uint64(k.ctime))
	b = binary.LittleEndian.AppendUint64(b, k.size)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(names)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(path)))
	b = append(b, path...)
	for i, n := range names {
		b = append(b, typeCode(types[i]))
		b = binary.AppendUvarint(b, uint64(len(n)))
		b = append(b, n...)
	}
	binary.LittleEndian.PutUint32(b[12:], crc32.Checksum(b[16:], castagnoli()))
	return b
}

// headerKey returns the stat a listing file's header holds; head has
// listingHeaderSize bytes or more, not checked.
func headerKey(head []byte) statKey {
	le := binary.LittleEndian
	return statKey{
		dev: le.Uint64(head[16:]), ino: le.Uint64(head[24:]),
		mtime: int64(le.Uint64(head[32:])), ctime: int64(le.Uint64(head[40:])),
		size: le.Uint64(head[48:]),
	}
}

// decodeListing reads a listing file. The names share one allocation,
// a copy of data. ok is false for anything but a whole, undamaged file
// of this version: the caller then reads the directory itself.
func decodeListing(data []byte) (k statKey, path string, names []string, types []fs.FileMode, ok bool) {
	if len(data) < listingHeaderSize || !bytes.Equal(data[:8], []byte(listingMagic)) ||
		binary.LittleEndian.Uint32(data[8:]) != listingVersion ||
		binary.LittleEndian.Uint32(data[12:]) != crc32.Checksum(data[16:], castagnoli()) {
		return k, "", nil, nil, false
	}
	k = headerKey(data)
	le := binary.LittleEndian
	count, pathLen := uint64(le.Uint32(data[56:])), uint64(le.Uint32(data[60:]))
	rest := uint64(len(data) - listingHeaderSize)
	// An entry takes three bytes at least: a bound on count before
	// anything is allocated for it.
	if pathLen > rest || count > (rest-pathLen)/3 {
		return k, "", nil, nil, false
	}
	all := string(data) // the one copy the names point into
	off := uint64(listingHeaderSize) + pathLen
	path = all[listingHeaderSize:off]
	names = make([]string, count)
	types = make([]fs.FileMode, count)
	for i := range names {
		if off >= uint64(len(data)) {
			return k, "", nil, nil, false
		}
		code := data[off]
		switch {
		case int(code) < len(fileTypes):
			types[i] = fileTypes[code]
		case code == unknownTypeCode:
			types[i] = ^fs.FileMode(0)
		default:
			return k, "", nil, nil, false
		}
		n, w := binary.Uvarint(data[off+1:])
		off += 1 + uint64(max(w, 0))
		if w <= 0 || n == 0 || n > uint64(len(data))-off {
			return k, "", nil, nil, false
		}
		names[i] = all[off : off+n]
		off += n
	}
	if off != uint64(len(data)) {
		return k, "", nil, nil, false
	}
	return k, path, names, types, true
}
