package completion

import (
	"encoding/binary"
	"hash/crc32"
	"io/fs"
	"reflect"
	"testing"
)

// listingCases are listings a listing file must carry as they are.
var listingCases = []struct {
	name  string
	path  string
	names []string
	types []fs.FileMode
}{
	{"empty", "/", nil, nil},
	{"dots", "/a/b", []string{".", ".."}, []fs.FileMode{fs.ModeDir, fs.ModeDir}},
	{"odd names", "/x\ny/z", oddNames, make([]fs.FileMode, len(oddNames))},
	{"every type", "/t", []string{"f", "d", "l", "p", "s", "c", "b", "u", "odd"}, []fs.FileMode{
		0, fs.ModeDir, fs.ModeSymlink, fs.ModeNamedPipe, fs.ModeSocket,
		fs.ModeDevice | fs.ModeCharDevice, fs.ModeDevice, ^fs.FileMode(0), ^fs.FileMode(0),
	}},
	{"long name", "/l", []string{string(make([]byte, 300))}, []fs.FileMode{0}},
}

// TestListingFileRoundTrip checks that a listing file gives back the
// stat, path, names and types it was written with.
func TestListingFileRoundTrip(t *testing.T) {
	k := statKey{dev: 0x803, ino: 1 << 40, mtime: -5, ctime: 1700000000123456789, size: 4096}
	for _, tc := range listingCases {
		data := encodeListing(k, tc.path, tc.names, tc.types)
		gotK, path, names, types, ok := decodeListing(data)
		if !ok {
			t.Fatalf("%s: not decoded", tc.name)
		}
		if len(names) == 0 {
			names, types = nil, nil
		}
		if gotK != k || path != tc.path || !reflect.DeepEqual(names, tc.names) || !reflect.DeepEqual(types, tc.types) {
			t.Errorf("%s: got %+v %q %q %v", tc.name, gotK, path, names, types)
		}
	}
}

// TestListingFileTypeCode checks that type bits without a code come back
// as not known, so that a completion lstats the file.
func TestListingFileTypeCode(t *testing.T) {
	data := encodeListing(statKey{}, "/", []string{"x"}, []fs.FileMode{fs.ModeIrregular})
	_, _, _, types, ok := decodeListing(data)
	if !ok || len(types) != 1 || types[0] != ^fs.FileMode(0) {
		t.Errorf("got %v, %v", types, ok)
	}
}

// TestListingFileDamaged checks that every cut of a listing file, and
// every changed byte, is refused.
func TestListingFileDamaged(t *testing.T) {
	data := encodeListing(statKey{ino: 7}, "/dir", []string{"a", "bc", "def"}, []fs.FileMode{0, fs.ModeDir, 0})
	for n := range len(data) {
		if _, _, _, _, ok := decodeListing(data[:n]); ok {
			t.Errorf("cut to %d bytes: decoded", n)
		}
	}
	for i := range data {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x40
		if _, _, _, _, ok := decodeListing(bad); ok {
			t.Errorf("byte %d changed: decoded", i)
		}
	}
	if _, _, _, _, ok := decodeListing(append(data, 0)); ok {
		t.Errorf("a byte added: decoded")
	}
}

// withChecksum returns data with its checksum set, so that the fuzzer's
// changes reach the parsing behind it.
func withChecksum(data []byte) []byte {
	if len(data) < 16 {
		return data
	}
	data = append([]byte(nil), data...)
	binary.LittleEndian.PutUint32(data[12:], crc32.Checksum(data[16:], castagnoli()))
	return data
}

// FuzzListingFile checks that decoding any bytes neither panics nor
// allocates beyond them, and that what decodes is written back the same.
func FuzzListingFile(f *testing.F) {
	for _, tc := range listingCases {
		f.Add(encodeListing(statKey{dev: 1, ino: 2, mtime: 3, ctime: 4, size: 5}, tc.path, tc.names, tc.types))
	}
	f.Add([]byte(listingMagic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeListing(data)
		data = withChecksum(data)
		k, path, names, types, ok := decodeListing(data)
		if !ok {
			return
		}
		if len(names) != len(types) {
			t.Fatalf("%d names, %d types", len(names), len(types))
		}
		for _, n := range names {
			if n == "" {
				t.Fatalf("empty name in %q", names)
			}
		}
		again := encodeListing(k, path, names, types)
		k2, path2, names2, types2, ok := decodeListing(again)
		if !ok || k2 != k || path2 != path || !reflect.DeepEqual(names2, names) || !reflect.DeepEqual(types2, types) {
			t.Fatalf("written again: %+v %q %q %v, was %+v %q %q %v", k2, path2, names2, types2, k, path, names, types)
		}
	})
}
