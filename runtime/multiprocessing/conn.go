package multiprocessing

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// Conn is one end of a message connection: a pipe, a socket pair, or a
// socket from Listener or Client. It speaks Python's
// multiprocessing.connection framing, so SendBytes and RecvBytes interoperate
// with a Python Connection's send_bytes and recv_bytes. Send and Recv carry
// values encoded with the connection's Codec (JSONCodec unless SetDefaultCodec chose another).
//
// A Conn may be used by several goroutines: sends are serialised with each
// other, and so are receives. Python: multiprocessing.connection.Connection.
type Conn struct {
	ref      *fdRef // the descriptor read from (and written to, for sockets)
	wref     *fdRef // the descriptor written to: ref, or a second pipe
	bulk     *fdRef // a duplex Pipe's socket for large payloads, or nil
	readable bool
	writable bool
	maxSize  atomic.Int64

	rmu  sync.Mutex
	fr   frameReader
	dec  Decoder
	dsrc msgReader
	dbuf []byte

	wmu  sync.Mutex
	wbuf []byte
	enc  Encoder
	ebuf bytes.Buffer
	// frames counts the messages in ebuf.
	frames int
	codec  Codec
	// encBroken is set when an encode error left the codec stream unusable.
	encBroken error
}

// NewConn wraps a connected, blocking file descriptor (a pipe end or a
// stream socket) and takes ownership of it. Python: Connection(handle,
// readable, writable).
func NewConn(fd int, readable, writable bool) *Conn {
	c := new(Conn)
	c.init(fd, readable, writable)
	return c
}

// init sets up a zero Conn on fd. A Conn dropped without Close closes its
// descriptor when collected.
func (c *Conn) init(fd int, readable, writable bool) {
	c.readable, c.writable, c.codec = readable, writable, DefaultCodec()
	c.ref = newFDRef(fd)
	c.wref = c.ref
	c.maxSize.Store(DefaultMaxMessageSize)
	c.fr.src = c.readSrc
	runtime.AddCleanup(c, func(r *fdRef) { r.close() }, c.ref)
}

// newPipePairConn returns a duplex Conn over two pipes: it reads rfd and
// writes wfd; payloads over smallMessage go over the stream socket bfd
// (if not -1). Pipes make a round trip about twice as fast as a socket
// pair, and a socket pair copies large payloads two to three times faster
// than a pipe.
func newPipePairConn(rfd, wfd, bfd int) *Conn {
	c := NewConn(rfd, true, true)
	c.wref = newFDRef(wfd)
	runtime.AddCleanup(c, func(r *fdRef) { r.close() }, c.wref)
	if bfd >= 0 {
		c.bulk = newFDRef(bfd)
		c.fr.bulk = c.readBulk
		runtime.AddCleanup(c, func(r *fdRef) { r.close() }, c.bulk)
	}
	return c
}

func (c *Conn) readBulk(p []byte) (int, error) {
	fd, err := c.bulk.acquire()
	if err != nil {
		return 0, err
	}
	defer c.bulk.release()
	return readFD(fd, p)
}

func newFDRef(fd int) *fdRef {
	r := &fdRef{fd: fd}
	if t, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TYPE); err == nil && t != 0 {
		r.socket = true
	}
	return r
}

// newExactConn is NewConn for a descriptor shared by several readers: it
// never reads past the message being received.
func newExactConn(fd int, readable, writable bool) *Conn {
	c := NewConn(fd, readable, writable)
	c.fr.exact = true
	return c
}

func (c *Conn) readSrc(p []byte) (int, error) {
	return readFD(c.ref.fd, p)
}

// Fileno returns the descriptor, or -1 once closed; for a duplex Pipe,
// which is two pipes, the one it reads from. Python: fileno().
func (c *Conn) Fileno() int {
	c.ref.mu.Lock()
	defer c.ref.mu.Unlock()
	if c.ref.closing {
		return -1
	}
	return c.ref.fd
}

// Readable reports whether the connection can receive. Python: readable.
func (c *Conn) Readable() bool { return c.readable }

// Writable reports whether the connection can send. Python: writable.
func (c *Conn) Writable() bool { return c.writable }

// Closed reports whether Close was called. Python: closed.
func (c *Conn) Closed() bool { return c.ref.closed() }

// Close closes the connection. A goroutine blocked receiving on a socket
// returns; one blocked on a pipe returns when the peer writes or closes.
// Python: close().
func (c *Conn) Close() error {
	err := c.ref.close()
	if c.wref != c.ref {
		if werr := c.wref.close(); err == nil {
			err = werr
		}
	}
	if c.bulk != nil {
		c.bulk.close()
	}
	return err
}

// SetMaxMessageSize sets the largest message the connection accepts
// (DefaultMaxMessageSize by default). A larger announced length closes the
// connection with ErrBadMessageLength before any allocation.
func (c *Conn) SetMaxMessageSize(n int64) { c.maxSize.Store(n) }

// MaxMessageSize returns the limit set with SetMaxMessageSize.
func (c *Conn) MaxMessageSize() int64 { return c.maxSize.Load() }

// SendBytes sends b as one message. Python: send_bytes(buf).
func (c *Conn) SendBytes(b []byte) error {
	if !c.writable {
		return ErrNotWritable
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.sendLocked(b)
}

// SendBytesRange sends size bytes of buf starting at offset, checking the
// bounds as Python does. Python: send_bytes(buf, offset, size).
func (c *Conn) SendBytesRange(buf []byte, offset, size int) error {
	switch {
	case offset < 0:
		return fmt.Errorf("multiprocessing: offset is negative")
	case len(buf) < offset:
		return fmt.Errorf("multiprocessing: buffer length < offset")
	case size < 0:
		return fmt.Errorf("multiprocessing: size is negative")
	case len(buf) < offset+size:
		return fmt.Errorf("multiprocessing: buffer length < offset + size")
	}
	return c.SendBytes(buf[offset : offset+size])
}

// sendLocked writes one message: header and payload in one system call.
func (c *Conn) sendLocked(b []byte) error {
	fd, err := c.wref.acquire()
	if err != nil {
		return err
	}
	defer c.wref.release()
	if len(b) <= smallMessage {
		c.wbuf = appendHeader(c.wbuf[:0], len(b))
		c.wbuf = append(c.wbuf, b...)
		return writeFD(fd, c.wbuf)
	}
	if c.bulk != nil {
		return c.sendBulkLocked(fd, b)
	}
	var hdr [longHeaderLen]byte
	h := appendHeader(hdr[:0], len(b))
	return writevFD(fd, [][]byte{h, b})
}

// recvHeader reads the next header; on a bad length it closes the connection.
func (c *Conn) recvHeader(limit int64) (int64, error) {
	if !c.readable {
		return 0, ErrNotReadable
	}
	if l := c.maxSize.Load(); limit < 0 || limit > l {
		limit = l
	}
	size, err := c.fr.next(limit)
	if err == ErrBadMessageLength {
		c.Close()
	}
	return size, err
}

// RecvBytes receives one message. maxLength > 0 refuses (and closes the
// connection on) a longer message, as Python's recv_bytes(maxlength) does;
// io.EOF means the peer closed with nothing left to receive.
// Python: recv_bytes([maxlength]).
func (c *Conn) RecvBytes(maxLength int) ([]byte, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if _, err := c.ref.acquire(); err != nil {
		return nil, err
	}
	defer c.ref.release()
	limit := int64(-1)
	if maxLength > 0 {
		limit = int64(maxLength)
	}
	size, err := c.recvHeader(limit)
	if err != nil {
		return nil, err
	}
	msg := make([]byte, size)
	if err := c.fr.payload(msg); err != nil {
		return nil, err
	}
	return msg, nil
}

// RecvBytesInto receives one message into buf at offset and returns its
// length. If it does not fit, the message is consumed and returned inside a
// *BufferTooShortError. Python: recv_bytes_into(buffer[, offset]).
func (c *Conn) RecvBytesInto(buf []byte, offset int) (int, error) {
	if offset < 0 || offset > len(buf) {
		return 0, fmt.Errorf("multiprocessing: offset out of bounds")
	}
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if _, err := c.ref.acquire(); err != nil {
		return 0, err
	}
	defer c.ref.release()
	size, err := c.recvHeader(-1)
	if err != nil {
		return 0, err
	}
	if size > int64(len(buf)-offset) {
		msg := make([]byte, size)
		if err := c.fr.payload(msg); err != nil {
			return 0, err
		}
		return 0, &BufferTooShortError{Message: msg}
	}
	if err := c.fr.payload(buf[offset : offset+int(size)]); err != nil {
		return 0, err
	}
	return int(size), nil
}

// recvInto receives one message into the reusable buffer *dst (grown as
// needed) and returns the payload slice. The caller holds rmu.
func (c *Conn) recvInto(dst *[]byte) ([]byte, error) {
	size, err := c.recvHeader(-1)
	if err != nil {
		return nil, err
	}
	if int64(cap(*dst)) < size {
		*dst = make([]byte, size)
	}
	msg := (*dst)[:size]
	if err := c.fr.payload(msg); err != nil {
		return nil, err
	}
	return msg, nil
}

// msgReader feeds one received message to a codec's decoder. It implements
// io.ByteReader so that gob does not wrap it in a read-ahead buffer, and
// JSONCodec reads the lines of its bytes.
type msgReader struct {
	b []byte
}

func (m *msgReader) Read(p []byte) (int, error) {
	if len(m.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, m.b)
	m.b = m.b[n:]
	return n, nil
}

func (m *msgReader) ReadByte() (byte, error) {
	if len(m.b) == 0 {
		return 0, io.EOF
	}
	b := m.b[0]
	m.b = m.b[1:]
	return b, nil
}

// sendBulkLocked announces b on the pipe and writes it on the bulk socket.
func (c *Conn) sendBulkLocked(fd int, b []byte) error {
	bfd, err := c.bulk.acquire()
	if err != nil {
		return err
	}
	defer c.bulk.release()
	var hdr [longHeaderLen]byte
	binary.BigEndian.PutUint32(hdr[:], 0xfffffffe) // bulkMarker
	binary.BigEndian.PutUint64(hdr[shortHeaderLen:], uint64(len(b)))
	if err := writeFD(fd, hdr[:]); err != nil {
		return err
	}
	return writeFD(bfd, b)
}
