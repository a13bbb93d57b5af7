package multiprocessing

import (
	"encoding/binary"
	"errors"
	"io"
)

// The wire format of Python's multiprocessing.connection, byte for byte: a
// message is a 4-byte big-endian signed length followed by the payload. A
// length of -1 announces an 8-byte big-endian unsigned length instead; Python
// sends that form only for payloads over 0x7fffffff bytes but accepts it for
// any size, and so does this package.
const (
	shortHeaderLen = 4
	longHeaderLen  = 12
	maxShortLen    = 0x7fffffff
	// smallMessage is the size up to which header and payload are copied
	// into one buffer for one write; larger payloads go out with writev.
	smallMessage = 64 << 10
)

// bulkMarker is a length that only this package's duplex pipes send: an
// 8-byte length follows and the payload travels on the connection's socket
// pair instead of the pipe (see Pipe). Python never sends it.
const bulkMarker = -2

// DefaultMaxMessageSize is the largest message a new connection accepts.
// A peer announcing more is refused before anything is allocated; change a
// connection's limit with SetMaxMessageSize.
var DefaultMaxMessageSize int64 = 1 << 30

// errIncomplete reports that a header needs more bytes than are buffered.
var errIncomplete = errors.New("incomplete header")

// appendHeader appends the length header for an n-byte payload.
func appendHeader(dst []byte, n int) []byte {
	if uint64(n) > maxShortLen {
		dst = binary.BigEndian.AppendUint32(dst, 0xffffffff)
		return binary.BigEndian.AppendUint64(dst, uint64(n))
	}
	return binary.BigEndian.AppendUint32(dst, uint32(n))
}

// parseHeader parses the header at the start of b. It returns the payload
// size, the header's length and whether the payload comes on the bulk
// socket (only if allowBulk), errIncomplete if b is too short, or
// ErrBadMessageLength if the size is negative or above limit.
func parseHeader(b []byte, limit int64, allowBulk bool) (size int64, hlen int, bulk bool, err error) {
	if len(b) < shortHeaderLen {
		return 0, 0, false, errIncomplete
	}
	n := int32(binary.BigEndian.Uint32(b))
	if n >= 0 {
		if int64(n) > limit {
			return 0, 0, false, ErrBadMessageLength
		}
		return int64(n), shortHeaderLen, false, nil
	}
	if n != -1 && (n != bulkMarker || !allowBulk) {
		return 0, 0, false, ErrBadMessageLength
	}
	if len(b) < longHeaderLen {
		return 0, 0, false, errIncomplete
	}
	u := binary.BigEndian.Uint64(b[shortHeaderLen:])
	if u > uint64(limit) {
		return 0, 0, false, ErrBadMessageLength
	}
	return int64(u), longHeaderLen, n == bulkMarker, nil
}

// frameReader splits a byte stream into messages. In buffered mode it reads
// ahead into buf, so one read system call usually brings a whole small
// message; in exact mode (queues, whose pipe is shared by several readers)
// it never reads past the current message.
type frameReader struct {
	src   func(p []byte) (int, error) // reads from the peer; 0, io.EOF at the end
	buf   []byte
	r, w  int // unread bytes are buf[r:w]
	exact bool
	// bulk, if set, reads payloads announced with bulkMarker.
	bulk func(p []byte) (int, error)
	// inBulk is set while the current payload comes from bulk.
	inBulk bool
}

// buffered reports how many unread bytes are held.
func (f *frameReader) buffered() int { return f.w - f.r }

// fill reads at least need more bytes into the buffer (in exact mode: exactly
// need). It returns io.ErrUnexpectedEOF if the stream ends first, or io.EOF
// if it ends before any byte when the buffer was empty.
func (f *frameReader) fill(need int) error {
	if f.buf == nil {
		f.buf = make([]byte, 16<<10)
	}
	if f.r == f.w {
		f.r, f.w = 0, 0
	} else if f.w+need > len(f.buf) {
		copy(f.buf, f.buf[f.r:f.w])
		f.w -= f.r
		f.r = 0
	}
	want := f.w + need
	for f.w < want {
		end := len(f.buf)
		if f.exact {
			end = want
		}
		n, err := f.src(f.buf[f.w:end])
		f.w += n
		if err != nil || n == 0 {
			if f.w >= want {
				break
			}
			if f.r == f.w && (err == io.EOF || err == nil) {
				return io.EOF
			}
			if err == io.EOF || err == nil {
				return io.ErrUnexpectedEOF
			}
			return err
		}
	}
	return nil
}

// next reads the next header and returns the payload size.
func (f *frameReader) next(limit int64) (int64, error) {
	for {
		size, hlen, bulk, err := parseHeader(f.buf[f.r:f.w], limit, f.bulk != nil)
		switch err {
		case nil:
			f.r += hlen
			f.inBulk = bulk
			return size, nil
		case errIncomplete:
			need := shortHeaderLen
			if f.w-f.r >= shortHeaderLen {
				need = longHeaderLen
			}
			had := f.w - f.r
			if err := f.fill(need - had); err != nil {
				if err == io.EOF && had > 0 {
					return 0, io.ErrUnexpectedEOF
				}
				return 0, err
			}
		default:
			return 0, err
		}
	}
}

// payload reads the current message's payload into dst, which has its length.
func (f *frameReader) payload(dst []byte) error {
	if f.inBulk {
		return readAll(f.bulk, dst)
	}
	n := copy(dst, f.buf[f.r:f.w])
	f.r += n
	dst = dst[n:]
	if len(dst) == 0 {
		return nil
	}
	if !f.exact && len(dst) < len(f.buf)/2 {
		if err := f.fill(len(dst)); err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		f.r += copy(dst, f.buf[f.r:f.w])
		return nil
	}
	return readAll(f.src, dst)
}

// readAll fills dst from src; an early end is io.ErrUnexpectedEOF.
func readAll(src func([]byte) (int, error), dst []byte) error {
	for len(dst) > 0 {
		n, err := src(dst)
		dst = dst[n:]
		if len(dst) == 0 {
			return nil
		}
		if n == 0 || err != nil {
			if err == nil || err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
	}
	return nil
}

// skip discards n payload bytes.
func (f *frameReader) skip(n int64) error {
	var scratch [4096]byte
	for n > 0 {
		k := int64(len(scratch))
		if n < k {
			k = n
		}
		if err := f.payload(scratch[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}
