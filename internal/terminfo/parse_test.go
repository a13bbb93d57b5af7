package terminfo

import (
	"maps"
	"os"
	"reflect"
	"strings"
	"testing"
)

// wantSample is what sampleCaps decodes to.
func wantSample() *Terminfo {
	c := sampleCaps()
	want := &Terminfo{
		Names:   []string{"gosh-test", "alias", "gosh test terminal"},
		Bools:   map[string]bool{"AX": true},
		Numbers: map[string]int{"U8": 1},
		Strings: map[string]string{"kUP5": "\x1b[1;5A", "kDN5": "\x1b[1;5B"},
	}
	for _, b := range c.bools {
		want.Bools[b] = true
	}
	maps.Copy(want.Numbers, c.nums)
	maps.Copy(want.Strings, c.strs)
	return want
}

func TestParseBuilt(t *testing.T) {
	for _, tc := range []struct {
		name  string
		magic int
	}{
		{"legacy", magicLegacy},
		{"extended-number", magicExtended},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := build(tc.magic, "gosh-test|alias|gosh test terminal", sampleCaps()).encode()
			got, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if want := wantSample(); !reflect.DeepEqual(got, want) {
				t.Errorf("Parse =\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestParseWideNumbers(t *testing.T) {
	c := capSet{nums: map[string]int{"colors": 1 << 24, "pairs": 0x10000}, xNums: []namedNum{{"Big", 1 << 30}}}
	got, err := Parse(build(magicExtended, "wide", c).encode())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"colors": 1 << 24, "pairs": 0x10000, "Big": 1 << 30}
	if !reflect.DeepEqual(got.Numbers, want) {
		t.Errorf("Numbers = %v, want %v", got.Numbers, want)
	}
}

// TestParseUnknownCapabilities checks that sections longer than the known
// name tables (a newer ncurses) are accepted, the extra values unnamed.
func TestParseUnknownCapabilities(t *testing.T) {
	e := build(magicLegacy, "future", capSet{strs: map[string]string{"box1": "x"}})
	e.bools = make([]byte, len(boolNames)+3)
	e.bools[len(boolNames)+1] = 1
	e.nums = make([]int, len(numberNames)+2)
	for i := range e.nums {
		e.nums[i] = 7
	}
	e.offs = append(e.offs, 0, absent)
	got, err := Parse(e.encode())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Bools) != 0 || len(got.Numbers) != len(numberNames) || !reflect.DeepEqual(got.Strings, map[string]string{"box1": "x"}) {
		t.Errorf("Parse = %+v", got)
	}
}

func TestParseTestdata(t *testing.T) {
	for _, tc := range []struct {
		file  string
		magic int
	}{
		{"testdata/g/gosh", magicLegacy},
		{"testdata/g/gosh-direct", magicExtended},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if got := int(data[0]) | int(data[1])<<8; got != tc.magic {
				t.Fatalf("magic %#o, want %#o (recompile testdata/gosh.ti?)", got, tc.magic)
			}
			ti, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			for name, want := range map[string]string{
				"kcuu1": "\x1bOA", "kcud1": "\x1bOB", "kcuf1": "\x1bOC", "kcub1": "\x1bOD",
				"khome": "\x1bOH", "kend": "\x1bOF", "kdch1": "\x1b[3~", "kich1": "\x1b[2~",
				"knp": "\x1b[6~", "kpp": "\x1b[5~", "kbs": "\x7f", "kcbt": "\x1b[Z",
				"kf63": "\x1b[24;3~", "smkx": "\x1b[?1h\x1b=", "bel": "\a",
				"kUP5": "\x1b[1;5A", "kLFT5": "\x1b[1;5D", "Ms": "\x1b]52;%p1%s;%p2%s\a",
			} {
				if got := ti.Strings[name]; got != want {
					t.Errorf("Strings[%q] = %q, want %q", name, got, want)
				}
			}
			if !ti.Bools["am"] || !ti.Bools["AX"] || ti.Numbers["cols"] != 80 || ti.Numbers["U8"] != 1 {
				t.Errorf("Bools = %v, Numbers = %v", ti.Bools, ti.Numbers)
			}
			if tc.magic == magicExtended {
				if _, ok := ti.Strings["kf1"]; ok {
					t.Errorf("cancelled kf1 = %q, want it left out", ti.Strings["kf1"])
				}
				if ti.Numbers["colors"] != 1<<24 || !ti.Bools["XT"] {
					t.Errorf("colors = %d, XT = %v", ti.Numbers["colors"], ti.Bools["XT"])
				}
			}
		})
	}
}

// TestParseTruncated cuts a valid entry at every length: each prefix must
// be rejected, except the one that ends exactly where the extended section
// would start, which is a valid entry without extended capabilities.
func TestParseTruncated(t *testing.T) {
	for _, magic := range []int{magicLegacy, magicExtended} {
		e := build(magic, "gosh-test|alias|gosh test terminal", sampleCaps())
		full := e.encode()
		ext := e.ext
		e.ext = nil
		base := len(e.encode())
		e.ext = ext
		for n := range len(full) {
			ti, err := Parse(full[:n])
			switch {
			case n == base || (n == base+1 && base%2 == 1):
				if err != nil {
					t.Errorf("magic %#o: Parse(first %d bytes) = %v, want the entry without extended capabilities", magic, n, err)
				} else if _, ok := ti.Strings["kUP5"]; ok || ti.Strings["kcuu1"] != "\x1bOA" {
					t.Errorf("magic %#o: Parse(first %d bytes) = %+v", magic, n, ti)
				}
			case err == nil:
				t.Errorf("magic %#o: Parse(first %d of %d bytes) succeeded, want an error", magic, n, len(full))
			case !strings.HasPrefix(err.Error(), "terminfo: "):
				t.Errorf("error %q lacks the terminfo: prefix", err)
			}
		}
	}
}

func TestParseCorrupt(t *testing.T) {
	valid := func() *rawEntry { return build(magicLegacy, "gosh-test|gosh", sampleCaps()) }
	header := func(v ...int) []byte { return le16(nil, v...) }
	for _, tc := range []struct {
		name string
		data []byte
		want string // part of the error
	}{
		{"empty", nil, "truncated header"},
		{"short header", []byte{0x1a, 0x01, 0x05}, "truncated header"},
		{"bad magic", header(0o433, 2, 0, 0, 0, 0), "bad magic number 0433"},
		{"text file", []byte("xterm|xterm terminal,\n\tam,\n"), "bad magic"},
		{"negative names size", header(magicLegacy, -5, 0, 0, 0, 0), "negative names size"},
		{"negative bool count", header(magicLegacy, 2, -1, 0, 0, 0), "negative boolean count"},
		{"negative table size", header(magicLegacy, 2, 0, 0, 0, -2), "negative string table size"},
		{"huge counts, no data", header(magicLegacy, 32767, 32767, 32767, 32767, 32767), "truncated names section"},
		{"huge string count", append(header(magicExtended, 2, 0, 0, 32767, 0), 'x', 0), "truncated string offsets"},
		{"names without NUL", func() []byte {
			b := valid().encode()
			b[12+len("gosh-test|gosh")] = 'x'
			return b
		}(), "names section is not NUL-terminated"},
		{"empty names", (&rawEntry{magic: magicLegacy}).encode(), "empty names section"},
		{"boolean 2", func() []byte { e := valid(); e.bools[1] = 2; return e.encode() }(), "boolean capability am: invalid value 0x2"},
		{"number -3", func() []byte { e := valid(); e.nums[0] = -3; return e.encode() }(), "numeric capability cols: invalid value -3"},
		{"string offset -3", func() []byte { e := valid(); e.offs[0] = -3; return e.encode() }(), "string capability cbt: invalid offset -3"},
		{"string offset past table", func() []byte {
			e := valid()
			e.offs[len(e.offs)-1] = len(e.table)
			return e.encode()
		}(), "string capability kf63: offset 60 is outside the 60-byte table"},
		{"unterminated string", func() []byte {
			e := valid()
			e.ext = nil
			e.table = strings.TrimSuffix(e.table, "\x00") + "x"
			return e.encode()
		}(), "string capability kf63: value at offset 52 is not NUL-terminated"},
		{"missing pad byte", func() []byte {
			e := build(magicLegacy, "ab", capSet{bools: []string{"bw"}, nums: map[string]int{"cols": 80}})
			b := e.encode()
			return append(b[:12+3+1], b[12+3+1+1:]...) // drop the pad after names+bools
		}(), "truncated numbers section"},
		{"extended negative count", func() []byte { e := valid(); e.ext.items = -1; return e.encode() }(), "extended capabilities: invalid header: negative string table items"},
		{"extended short header", func() []byte {
			e := valid()
			e.ext = nil
			return append(pad(e.encode()), 1, 0, 2)
		}(), "extended capabilities: truncated header"},
		{"extended name absent", func() []byte { e := valid(); e.ext.nameOffs[0] = absent; return e.encode() }(), "extended capabilities: name of capability #0 is missing"},
		{"extended name past table", func() []byte { e := valid(); e.ext.nameOffs[1] = 500; return e.encode() }(), "name of capability #1: offset 500 is outside the 16-byte table"},
		{"extended empty name", func() []byte {
			e := valid()
			base := strings.Index(e.ext.table, "AX\x00") // names start here
			e.ext.table += "\x00"
			e.ext.nameOffs[0] = len(e.ext.table) - 1 - base // an empty string
			return e.encode()
		}(), "extended capabilities: name of capability #0 is missing"},
		{"extended values overrun table", func() []byte {
			e := valid()
			// Both values share kUP5's 7 bytes, but count as 14.
			e.ext.offs[1] = e.ext.offs[0]
			e.ext.table = e.ext.table[:10]
			return e.encode()
		}(), "extended capabilities: string values (14 bytes) overrun the 10-byte string table"},
		{"extended bad boolean", func() []byte { e := valid(); e.ext.bools[0] = 0x80; return e.encode() }(), "extended capabilities: boolean capability AX: invalid value 0x80"},
		{"extended bad number", func() []byte { e := valid(); e.ext.nums[0] = -7; return e.encode() }(), "extended capabilities: numeric capability U8: invalid value -7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ti, err := Parse(tc.data)
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", ti)
			}
			if ti != nil {
				t.Errorf("Parse returned %+v with error %v", ti, err)
			}
			if !strings.HasPrefix(err.Error(), "terminfo: ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to start with %q and contain %q", err, "terminfo: ", tc.want)
			}
		})
	}
}
