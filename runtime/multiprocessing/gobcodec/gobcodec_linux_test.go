//go:build linux

package gobcodec_test

import (
	"testing"
	"time"

	mp "github.com/goshell/gosh/runtime/multiprocessing"
	"github.com/goshell/gosh/runtime/multiprocessing/gobcodec"
)

// putAny puts n on q as an interface value (which JSON would decode as a
// float64) and sends back the name of the child's default codec.
var putAny = mp.Register("gobtest.putany", func(c *mp.Conn, q *mp.Queue[any], n int) error {
	defer c.Close()
	if err := q.Put(any(n), mp.Forever); err != nil {
		return err
	}
	q.Close()
	q.JoinThread()
	return c.Send(mp.DefaultCodec().Name())
})

// TestDefaultCodecInChild checks that a child decodes its arguments with
// its parent's default codec and makes it its own, so that what it puts
// on a queue decodes in the parent.
func TestDefaultCodecInChild(t *testing.T) {
	mp.SetDefaultCodec(gobcodec.Codec)
	defer mp.SetDefaultCodec(nil)
	if mp.DefaultCodec().Name() != "gob" {
		t.Fatalf("default codec %s", mp.DefaultCodec().Name())
	}
	q, err := mp.NewQueue[any](0)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	parent, child, err := mp.Pipe(true)
	if err != nil {
		t.Fatal(err)
	}
	defer parent.Close()
	p := mp.NewProcess(putAny, child, q, 42)
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	child.Close()
	var name string
	if err := parent.Recv(&name); err != nil {
		t.Fatal(err)
	}
	if name != "gob" {
		t.Fatalf("the child's default codec is %s, want gob", name)
	}
	v, err := q.Get(10 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := v.(int); !ok {
		t.Fatalf("queue gave %T, want int", v)
	}
	p.Join(mp.Forever)
	if code, ok := p.ExitCode(); !ok || code != 0 {
		t.Fatalf("exit code %d, %v", code, ok)
	}
}
