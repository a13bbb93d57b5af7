package multiprocessing

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// readerSrc adapts a reader to frameReader.src, a few bytes at a time.
func readerSrc(r io.Reader, step int) func([]byte) (int, error) {
	return func(p []byte) (int, error) {
		if len(p) > step {
			p = p[:step]
		}
		return r.Read(p)
	}
}

// FuzzFrameReader feeds arbitrary bytes to the message decoder: it must not
// panic, must refuse lengths over the limit before allocating, and must
// return exactly the messages that re-encode to the consumed input.
func FuzzFrameReader(f *testing.F) {
	f.Add([]byte{0, 0, 0, 3, 'a', 'b', 'c'}, uint8(7), false)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 1, 'z'}, uint8(1), true)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, uint8(3), false)
	f.Add([]byte{0x80, 0, 0, 0}, uint8(2), false)
	f.Add([]byte{0, 0, 0, 2, 'a'}, uint8(64), true)
	f.Add([]byte{0xff, 0xff, 0xff, 0xfe, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 1, 'x'}, uint8(5), true)
	const limit = 1 << 16
	f.Fuzz(func(t *testing.T, data []byte, step uint8, exact bool) {
		fr := frameReader{src: readerSrc(bytes.NewReader(data), int(step)+1), exact: exact}
		if exact {
			// exercise the bulk path too: payloads announced with -2 come from a second stream
			fr.bulk = readerSrc(bytes.NewReader(bytes.Repeat([]byte{'B'}, 1<<12)), 512)
		}
		var rebuilt []byte
		for {
			size, err := fr.next(limit)
			if err != nil {
				if err == ErrBadMessageLength || err == io.EOF || err == io.ErrUnexpectedEOF {
					break
				}
				t.Fatalf("next: %v", err)
			}
			if size < 0 || size > limit {
				t.Fatalf("size %d escaped the limit", size)
			}
			msg := make([]byte, size)
			if err := fr.payload(msg); err != nil {
				if !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Fatalf("payload: %v", err)
				}
				return
			}
			rebuilt = append(appendHeader(rebuilt, len(msg)), msg...)
		}
		// Every complete short-header message re-encodes to a prefix of the
		// input (long headers re-encode shorter, so compare only without).
		if !bytes.Contains(data, []byte{0xff, 0xff, 0xff}) && !bytes.HasPrefix(data, rebuilt) {
			t.Fatalf("messages %x are not a prefix of the input %x", rebuilt, data)
		}
	})
}

// FuzzParseDigestPrefix checks the handshake parser on arbitrary answers.
func FuzzParseDigestPrefix(f *testing.F) {
	f.Add([]byte("{sha256}0123456789"))
	f.Add([]byte("{"))
	f.Add(bytes.Repeat([]byte{'x'}, 20))
	f.Fuzz(func(t *testing.T, msg []byte) {
		name, payload, err := parseDigestPrefix(msg)
		if err != nil {
			return
		}
		if name != "" {
			if digestOf(name) == nil {
				t.Fatalf("unknown digest %q accepted", name)
			}
			if !bytes.Equal(append([]byte("{"+name+"}"), payload...), msg) {
				t.Fatalf("split %q into %q + %q", msg, name, payload)
			}
		}
		key := []byte("k")
		if verifyResponse(key, []byte("challenge"), msg) == nil {
			t.Fatalf("arbitrary answer %q verified", msg)
		}
	})
}
