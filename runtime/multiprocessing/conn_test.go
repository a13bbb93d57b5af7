package multiprocessing

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"
)

func TestPipeSendRecvBytes(t *testing.T) {
	for _, duplex := range []bool{true, false} {
		r, w, err := Pipe(duplex)
		if err != nil {
			t.Fatal(err)
		}
		msgs := [][]byte{{}, []byte("hello"), bytes.Repeat([]byte("x"), smallMessage+1), bytes.Repeat([]byte("y"), 300000)}
		go func() {
			for _, m := range msgs {
				if err := w.SendBytes(m); err != nil {
					t.Error(err)
				}
			}
			w.Close()
		}()
		for i, want := range msgs {
			got, err := r.RecvBytes(0)
			if err != nil {
				t.Fatalf("duplex=%v msg %d: %v", duplex, i, err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("duplex=%v msg %d: got %d bytes, want %d", duplex, i, len(got), len(want))
			}
		}
		if _, err := r.RecvBytes(0); err != io.EOF {
			t.Fatalf("after close: %v, want io.EOF", err)
		}
		r.Close()
	}
}

func TestOneWayPipe(t *testing.T) {
	r, w, _ := Pipe(false)
	defer r.Close()
	defer w.Close()
	if err := r.SendBytes([]byte("x")); err != ErrNotWritable {
		t.Errorf("send on read end: %v", err)
	}
	if _, err := w.RecvBytes(0); err != ErrNotReadable {
		t.Errorf("recv on write end: %v", err)
	}
}

func TestSendBytesRange(t *testing.T) {
	a, b, _ := Pipe(true)
	defer a.Close()
	defer b.Close()
	buf := []byte("0123456789")
	tests := []struct {
		off, size int
		want      string
		bad       bool
	}{
		{2, 3, "234", false},
		{0, 10, "0123456789", false},
		{10, 0, "", false},
		{-1, 2, "", true},
		{11, 0, "", true},
		{2, -1, "", true},
		{5, 6, "", true},
	}
	for _, tt := range tests {
		err := a.SendBytesRange(buf, tt.off, tt.size)
		if tt.bad {
			if err == nil {
				t.Errorf("SendBytesRange(%d,%d): no error", tt.off, tt.size)
			}
			continue
		}
		got, err := b.RecvBytes(0)
		if err != nil || string(got) != tt.want {
			t.Errorf("SendBytesRange(%d,%d): got %q, %v; want %q", tt.off, tt.size, got, err, tt.want)
		}
	}
}

func TestRecvBytesInto(t *testing.T) {
	a, b, _ := Pipe(true)
	defer a.Close()
	defer b.Close()
	a.SendBytes([]byte("abc"))
	a.SendBytes([]byte("too long for it"))
	buf := make([]byte, 8)
	n, err := b.RecvBytesInto(buf, 4)
	if err != nil || n != 3 || string(buf[4:7]) != "abc" {
		t.Fatalf("RecvBytesInto = %d, %v, buf %q", n, err, buf)
	}
	_, err = b.RecvBytesInto(buf, 0)
	var short *BufferTooShortError
	if !errors.As(err, &short) || string(short.Message) != "too long for it" {
		t.Fatalf("got %v, want BufferTooShortError with the message", err)
	}
	if _, err := b.RecvBytesInto(buf, 9); err == nil {
		t.Fatal("offset past the end accepted")
	}
}

func TestRecvBytesMaxLength(t *testing.T) {
	a, b, _ := Pipe(true)
	defer a.Close()
	a.SendBytes(make([]byte, 100))
	if _, err := b.RecvBytes(10); err != ErrBadMessageLength {
		t.Fatalf("got %v, want ErrBadMessageLength", err)
	}
	if !b.Closed() {
		t.Fatal("connection not closed after a bad length")
	}
}

func TestHugeLengthRefused(t *testing.T) {
	a, b, _ := Pipe(true)
	defer a.Close()
	defer b.Close()
	b.SetMaxMessageSize(1 << 20)
	// A peer claims an 8-byte length of 2^62 bytes: refused, no allocation.
	writeFD(a.wref.fd, []byte{0xff, 0xff, 0xff, 0xff, 0x40, 0, 0, 0, 0, 0, 0, 0})
	if _, err := b.RecvBytes(0); err != ErrBadMessageLength {
		t.Fatalf("got %v, want ErrBadMessageLength", err)
	}
}

func TestLongHeaderAccepted(t *testing.T) {
	a, b, _ := Pipe(true)
	defer a.Close()
	defer b.Close()
	writeFD(a.wref.fd, []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c'})
	got, err := b.RecvBytes(0)
	if err != nil || string(got) != "abc" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestPollAndWait(t *testing.T) {
	a, b, _ := Pipe(true)
	c, d, _ := Pipe(true)
	defer func() { a.Close(); b.Close(); c.Close(); d.Close() }()
	if ok, err := b.Poll(0); ok || err != nil {
		t.Fatalf("Poll on empty = %v, %v", ok, err)
	}
	start := time.Now()
	if ok, _ := b.Poll(30 * time.Millisecond); ok || time.Since(start) < 25*time.Millisecond {
		t.Fatalf("Poll(30ms) = %v after %v", ok, time.Since(start))
	}
	c.SendBytes([]byte("x"))
	ready, err := Wait([]Waitable{b, d}, time.Second)
	if err != nil || len(ready) != 1 || ready[0] != d {
		t.Fatalf("Wait = %v, %v", ready, err)
	}
	a.SendBytes([]byte("y"))
	if ok, _ := b.Poll(Forever); !ok {
		t.Fatal("Poll(Forever) = false")
	}
	ready, _ = Wait([]Waitable{b, d}, 0)
	if len(ready) != 2 {
		t.Fatalf("Wait = %d ready, want 2", len(ready))
	}
}

func TestSendRecvCodecs(t *testing.T) {
	type point struct {
		X, Y int
		Name string
	}
	for _, codec := range []Codec{JSONCodec} {
		a, b, _ := Pipe(true)
		a.SetCodec(codec)
		b.SetCodec(codec)
		for i := range 3 {
			want := point{i, -i, "p"}
			if err := a.Send(want); err != nil {
				t.Fatal(err)
			}
			var got point
			if err := b.Recv(&got); err != nil || got != want {
				t.Fatalf("%s: got %+v, %v", codec.Name(), got, err)
			}
		}
		// An encode error leaves the stream usable.
		if err := a.Send(make(chan int)); err == nil {
			t.Fatalf("%s: sending a channel succeeded", codec.Name())
		}
		a.Send("after")
		var s string
		for b.Recv(&s) != nil {
		}
		if s != "after" {
			t.Fatalf("%s: got %q after an encode error", codec.Name(), s)
		}
		a.Close()
		b.Close()
	}
}

func TestClosedConn(t *testing.T) {
	a, b, _ := Pipe(true)
	b.Close()
	a.Close()
	if err := a.SendBytes(nil); err != ErrClosed {
		t.Errorf("send after close: %v", err)
	}
	if a.Fileno() != -1 {
		t.Errorf("Fileno after close = %d", a.Fileno())
	}
	if err := a.Close(); err != ErrClosed {
		t.Errorf("second close: %v", err)
	}
}

func TestDuplexPipeBulkPayloads(t *testing.T) {
	a, b, _ := Pipe(true)
	defer a.Close()
	defer b.Close()
	big := bytes.Repeat([]byte("0123456789abcdef"), 20000) // 320,000 bytes: over the socket
	go func() {
		a.SendBytes([]byte("small first"))
		a.SendBytes(big)
		a.Send(big) // an encoded value over the bulk threshold
		a.SendBytes([]byte("small last"))
	}()
	want := [][]byte{[]byte("small first"), big}
	for i, w := range want {
		got, err := b.RecvBytes(0)
		if err != nil || !bytes.Equal(got, w) {
			t.Fatalf("message %d: %d bytes, %v", i, len(got), err)
		}
	}
	var v []byte
	if err := b.Recv(&v); err != nil || !bytes.Equal(v, big) {
		t.Fatalf("encoded bulk value: %d bytes, %v", len(v), err)
	}
	buf := make([]byte, 100)
	n, err := b.RecvBytesInto(buf, 0)
	if err != nil || string(buf[:n]) != "small last" {
		t.Fatalf("last: %q, %v", buf[:n], err)
	}
	// A bulk marker is refused where there is no bulk socket.
	r, w, _ := Pipe(false)
	defer r.Close()
	defer w.Close()
	writeFD(w.Fileno(), []byte{0xff, 0xff, 0xff, 0xfe, 0, 0, 0, 0, 0, 0, 0, 1})
	if _, err := r.RecvBytes(0); err != ErrBadMessageLength {
		t.Fatalf("bulk marker on a plain pipe: %v", err)
	}
}
