package gobcodec_test

import (
	"math"
	"os"
	"testing"

	mp "github.com/goshell/gosh/runtime/multiprocessing"
	"github.com/goshell/gosh/runtime/multiprocessing/gobcodec"
)

func TestMain(m *testing.M) {
	mp.Main()
	os.Exit(m.Run())
}

type reading struct {
	Name  string
	Value float64
}

var (
	halve = mp.RegisterFunc("gobtest.halve", func(r reading) (reading, error) {
		return reading{r.Name, r.Value / 2}, nil
	})
)

func TestSendRecv(t *testing.T) {
	type point struct {
		X, Y int
		Name string
	}
	a, b, err := mp.Pipe(true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	defer b.Close()
	a.SetCodec(gobcodec.Codec)
	b.SetCodec(gobcodec.Codec)
	for i := range 3 {
		want := point{i, -i, "p"}
		if err := a.Send(want); err != nil {
			t.Fatal(err)
		}
		var got point
		if err := b.Recv(&got); err != nil || got != want {
			t.Fatalf("got %+v, %v", got, err)
		}
	}
	// What JSON cannot carry.
	if err := a.Send(math.Inf(1)); err != nil {
		t.Fatal(err)
	}
	var f float64
	if err := b.Recv(&f); err != nil || !math.IsInf(f, 1) {
		t.Fatalf("got %v, %v", f, err)
	}
	// An encode error leaves the stream usable.
	if err := a.Send(make(chan int)); err == nil {
		t.Fatal("sending a channel succeeded")
	}
	a.Send("after")
	var s string
	for b.Recv(&s) != nil {
	}
	if s != "after" {
		t.Fatalf("got %q after an encode error", s)
	}
}

// TestPool maps structs (not plain data: a string field) that hold NaN,
// which only gob carries.
func TestPool(t *testing.T) {
	p, err := mp.NewPool(mp.PoolOptions{Processes: 1, Codec: gobcodec.Codec})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Terminate()
	out, err := mp.Map(p, halve, []reading{{"a", 3}, {"b", math.NaN()}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0] != (reading{"a", 1.5}) || out[1].Name != "b" || !math.IsNaN(out[1].Value) {
		t.Fatalf("got %+v", out)
	}
}
