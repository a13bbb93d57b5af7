package mmap

import (
	"errors"
	"io"
	"testing"
)

// TestStream replays a sequence of positional operations on a map of
// "line one\nline two\nend" and checks each result, as Python's mmap
// gives them.
func TestStream(t *testing.T) {
	m := mapBytes(t, []byte("line one\nline two\nend"), AccessWrite)
	type step struct {
		op   string
		arg  int64
		want string // the bytes returned, or the new position
		err  error
	}
	steps := []step{
		{op: "readline", want: "line one\n"},
		{op: "tell", want: "9"},
		{op: "readbyte", want: "l"},
		{op: "read", arg: 3, want: "ine"},
		{op: "readline", want: " two\n"},
		{op: "readline", want: "end"},
		{op: "readline", err: io.EOF},
		{op: "readbyte", err: io.EOF},
		{op: "read", arg: 3, err: io.EOF},
		{op: "read", arg: 0, want: ""},
		{op: "seek-start", arg: 5, want: "5"},
		{op: "write", want: "ONE", arg: 0},
		{op: "tell", want: "8"},
		{op: "writebyte", arg: '!'},
		{op: "seek-cur", arg: -4, want: "5"},
		{op: "readline", want: "ONE!line two\n"}, // the '!' replaced the newline
		{op: "seek-end", arg: -3, want: "18"},
		{op: "read", arg: 10, want: "end"},
		{op: "write", want: "x", err: ErrRange},
		{op: "writebyte", arg: 'x', err: ErrRange},
		{op: "seek-end", arg: 1, err: ErrRange},
		{op: "seek-start", arg: -1, err: ErrRange},
		{op: "seek-cur", arg: 0, want: "21"},
		{op: "seek-start", arg: 19, want: "19"},
		{op: "write", want: "END", err: ErrRange}, // does not fit: nothing written
		{op: "read", arg: 2, want: "nd"},
	}
	for i, s := range steps {
		var got string
		var err error
		switch s.op {
		case "readline":
			var b []byte
			b, err = m.ReadLine()
			got = string(b)
		case "readbyte":
			var c byte
			c, err = m.ReadByte()
			if err == nil {
				got = string(c)
			}
		case "read":
			b := make([]byte, s.arg)
			var n int
			n, err = m.Read(b)
			got = string(b[:n])
		case "tell":
			var p int
			p, err = m.Tell()
			got = itoa(int64(p))
		case "write":
			var n int
			n, err = m.Write([]byte(s.want))
			if n != len(s.want) && err == nil {
				t.Fatalf("step %d: short write %d", i, n)
			}
			got = s.want
		case "writebyte":
			err = m.WriteByte(byte(s.arg))
		case "seek-start", "seek-cur", "seek-end":
			whence := map[string]int{"seek-start": io.SeekStart, "seek-cur": io.SeekCurrent, "seek-end": io.SeekEnd}[s.op]
			var p int64
			p, err = m.Seek(s.arg, whence)
			if err == nil {
				got = itoa(p)
			}
		}
		if !errors.Is(err, s.err) {
			t.Fatalf("step %d %s(%d): err %v, want %v", i, s.op, s.arg, err, s.err)
		}
		if s.err == nil && got != s.want {
			t.Fatalf("step %d %s(%d): got %q, want %q", i, s.op, s.arg, got, s.want)
		}
	}
	if got := string(m.Bytes()); got != "line ONE!line two\nend" {
		t.Fatalf("map holds %q", got)
	}
	if _, err := m.Seek(0, 42); err != ErrRange {
		t.Errorf("bad whence: %v", err)
	}
}

func itoa(i int64) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + itoa(i%10)
}

func TestAt(t *testing.T) {
	m := mapBytes(t, []byte("0123456789"), AccessWrite)
	tests := []struct {
		name    string
		write   bool
		off     int64
		data    string // written, or the length read
		want    string
		wantN   int
		wantErr error
	}{
		{name: "read inside", off: 2, data: "xxx", want: "234", wantN: 3},
		{name: "read across the end", off: 8, data: "xxxx", want: "89", wantN: 2, wantErr: io.EOF},
		{name: "read at the end", off: 10, data: "x", wantErr: io.EOF},
		{name: "read nothing at the end", off: 10, data: ""},
		{name: "read negative", off: -1, data: "x", wantErr: ErrRange},
		{name: "write inside", write: true, off: 1, data: "ab", wantN: 2},
		{name: "write to the end", write: true, off: 8, data: "yz", wantN: 2},
		{name: "write across the end", write: true, off: 9, data: "12", wantErr: ErrRange},
		{name: "write past the end", write: true, off: 11, data: "", wantErr: ErrRange},
		{name: "write negative", write: true, off: -1, data: "1", wantErr: ErrRange},
	}
	for _, tt := range tests {
		var n int
		var err error
		var got string
		if tt.write {
			n, err = m.WriteAt([]byte(tt.data), tt.off)
		} else {
			buf := make([]byte, len(tt.data))
			n, err = m.ReadAt(buf, tt.off)
			got = string(buf[:n])
		}
		if err != tt.wantErr || n != tt.wantN || got != tt.want {
			t.Errorf("%s: %d %q %v, want %d %q %v", tt.name, n, got, err, tt.wantN, tt.want, tt.wantErr)
		}
	}
	if got := string(m.Bytes()); got != "0ab34567yz" {
		t.Errorf("map holds %q", got)
	}
	// Move, overlapping both ways.
	must(t, m.Move(2, 0, 4))
	must(t, m.Move(0, 3, 3))
	if got := string(m.Bytes()); got != "ab3ab367yz" {
		t.Errorf("after Move: %q", got)
	}
	for _, mv := range [][3]int{{0, 0, 11}, {8, 0, 3}, {0, 8, 3}, {-1, 0, 1}, {0, 0, -1}} {
		if err := m.Move(mv[0], mv[1], mv[2]); err != ErrRange {
			t.Errorf("Move%v: %v", mv, err)
		}
	}
}

// TestInterfaces makes sure Map is what the io package expects.
func TestInterfaces(t *testing.T) {
	var m any = &Map{}
	if _, ok := m.(interface {
		io.ReadWriteSeeker
		io.ReaderAt
		io.WriterAt
		io.ByteReader
		io.ByteWriter
		io.Closer
	}); !ok {
		t.Fatal("Map misses an io interface")
	}
}
