package multiprocessing

import (
	"math"
	"testing"
)

var fHalf = RegisterFunc("test.half", func(x float64) (float64, error) { return x / 2, nil })

// TestJSONCodecMessages checks what JSONCodec reads besides its own
// output: several values in one message (one per line), a Python peer's
// indented document, and that it refuses what JSON cannot carry.
func TestJSONCodecMessages(t *testing.T) {
	a, b, err := Pipe(true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	defer b.Close()
	if a.Codec() != JSONCodec {
		t.Fatalf("default codec %s, want json", a.Codec().Name())
	}
	type point struct{ X, Y int }

	if err := a.sendFunc(func(enc Encoder) error {
		for i := range 3 {
			if err := enc.Encode(point{i, -i}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var got []point
	if err := b.recvFunc(func(dec Decoder) error {
		for range 3 {
			var p point
			if err := dec.Decode(&p); err != nil {
				return err
			}
			got = append(got, p)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2] != (point{2, -2}) {
		t.Fatalf("three values in one message: got %v", got)
	}

	// json.dumps(obj, indent=2) from Python, with a newline inside.
	if err := a.SendBytes([]byte("{\n  \"X\": 4,\n  \"Y\": 5\n}")); err != nil {
		t.Fatal(err)
	}
	var p point
	if err := b.Recv(&p); err != nil || p != (point{4, 5}) {
		t.Fatalf("indented document: got %+v, %v", p, err)
	}

	// What Go sends, Python's json.loads reads: one document and a newline.
	if err := a.Send(point{7, 8}); err != nil {
		t.Fatal(err)
	}
	raw, err := b.RecvBytes(0)
	if err != nil || string(raw) != "{\"X\":7,\"Y\":8}\n" {
		t.Fatalf("wire form %q, %v", raw, err)
	}

	if err := a.Send(math.NaN()); err == nil {
		t.Fatal("JSON encoded a NaN")
	}
}

// TestPoolRawUnderJSON checks that with the default JSON codec plain
// slices still travel as raw memory: a NaN, which JSON cannot encode,
// makes the round trip.
func TestPoolRawUnderJSON(t *testing.T) {
	p, err := NewPool(PoolOptions{Processes: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Terminate()
	out, err := Map(p, fHalf, []float64{4, math.NaN(), 1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 || out[0] != 2 || !math.IsNaN(out[1]) || out[2] != 0.5 {
		t.Fatalf("got %v", out)
	}
}
