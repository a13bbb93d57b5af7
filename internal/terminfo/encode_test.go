package terminfo

import (
	"encoding/binary"
	"slices"
)

// rawEntry describes a compiled entry section by section, so tests can
// build valid entries and then break them in precise ways.
type rawEntry struct {
	magic int
	names string // without the terminating NUL
	bools []byte
	nums  []int
	offs  []int
	table string
	ext   *rawExt
}

// rawExt is the extended section of a rawEntry.
type rawExt struct {
	bools    []byte
	nums     []int
	offs     []int
	nameOffs []int
	items    int
	table    string
}

// encode writes e in the compiled format.
func (e *rawEntry) encode() []byte {
	w := 2
	if e.magic == magicExtended {
		w = 4
	}
	var b []byte
	b = le16(b, e.magic, len(e.names)+1, len(e.bools), len(e.nums), len(e.offs), len(e.table))
	b = append(b, e.names...)
	b = append(b, 0)
	b = append(b, e.bools...)
	b = pad(b)
	b = leN(b, w, e.nums...)
	b = le16(b, e.offs...)
	b = append(b, e.table...)
	if x := e.ext; x != nil {
		b = pad(b)
		b = le16(b, len(x.bools), len(x.nums), len(x.offs), x.items, len(x.table))
		b = append(b, x.bools...)
		b = pad(b)
		b = leN(b, w, x.nums...)
		b = le16(b, x.offs...)
		b = le16(b, x.nameOffs...)
		b = append(b, x.table...)
	}
	return b
}

func pad(b []byte) []byte {
	if len(b)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

func le16(b []byte, vs ...int) []byte {
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	return b
}

func leN(b []byte, w int, vs ...int) []byte {
	if w == 2 {
		return le16(b, vs...)
	}
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	return b
}

// capSet is a set of capabilities to compile; extended ones are kept in
// the order given.
type capSet struct {
	bools   []string
	nums    map[string]int
	strs    map[string]string
	xBools  []string
	xNums   []namedNum
	xStrs   []namedStr
	cancels []string // predefined capabilities to mark cancelled
}

type namedNum struct {
	name string
	v    int
}

type namedStr struct {
	name, v string
}

// build compiles c like tic would, with the given magic number.
func build(magic int, names string, c capSet) *rawEntry {
	e := &rawEntry{magic: magic, names: names}
	last := func(names []string, has func(string) bool) int {
		n := 0
		for i, name := range names {
			if has(name) || slices.Contains(c.cancels, name) {
				n = i + 1
			}
		}
		return n
	}
	e.bools = make([]byte, last(boolNames[:], func(s string) bool { return slices.Contains(c.bools, s) }))
	for i := range e.bools {
		switch {
		case slices.Contains(c.bools, boolNames[i]):
			e.bools[i] = 1
		case slices.Contains(c.cancels, boolNames[i]):
			e.bools[i] = cancelledBool
		}
	}
	e.nums = make([]int, last(numberNames[:], func(s string) bool { _, ok := c.nums[s]; return ok }))
	for i := range e.nums {
		e.nums[i] = absent
		if v, ok := c.nums[numberNames[i]]; ok {
			e.nums[i] = v
		} else if slices.Contains(c.cancels, numberNames[i]) {
			e.nums[i] = cancelled
		}
	}
	e.offs = make([]int, last(stringNames[:], func(s string) bool { _, ok := c.strs[s]; return ok }))
	for i := range e.offs {
		e.offs[i] = absent
		if v, ok := c.strs[stringNames[i]]; ok {
			e.offs[i] = len(e.table)
			e.table += v + "\x00"
		} else if slices.Contains(c.cancels, stringNames[i]) {
			e.offs[i] = cancelled
		}
	}
	if len(c.xBools)+len(c.xNums)+len(c.xStrs) == 0 {
		return e
	}
	x := &rawExt{}
	var names2 []string
	for _, name := range c.xBools {
		x.bools = append(x.bools, 1)
		names2 = append(names2, name)
	}
	for _, n := range c.xNums {
		x.nums = append(x.nums, n.v)
		names2 = append(names2, n.name)
	}
	for _, s := range c.xStrs {
		x.offs = append(x.offs, len(x.table))
		x.table += s.v + "\x00"
		names2 = append(names2, s.name)
	}
	base := len(x.table)
	for _, name := range names2 {
		x.nameOffs = append(x.nameOffs, len(x.table)-base)
		x.table += name + "\x00"
	}
	x.items = len(x.offs) + len(x.nameOffs)
	e.ext = x
	return e
}

// sampleCaps is a small xterm-like capability set with extended
// capabilities of every type.
func sampleCaps() capSet {
	return capSet{
		bools: []string{"am", "km", "OTbs"},
		nums:  map[string]int{"cols": 80, "lines": 24, "colors": 8},
		strs: map[string]string{
			"kcuu1": "\x1bOA", "kcud1": "\x1bOB", "kcuf1": "\x1bOC", "kcub1": "\x1bOD",
			"khome": "\x1bOH", "kend": "\x1bOF", "kdch1": "\x1b[3~", "kich1": "\x1b[2~",
			"knp": "\x1b[6~", "kpp": "\x1b[5~", "smkx": "\x1b[?1h\x1b=", "kf63": "\x1b[24;3~",
		},
		xBools:  []string{"AX"},
		xNums:   []namedNum{{"U8", 1}},
		xStrs:   []namedStr{{"kUP5", "\x1b[1;5A"}, {"kDN5", "\x1b[1;5B"}},
		cancels: []string{"bw", "it", "kf1"},
	}
}
