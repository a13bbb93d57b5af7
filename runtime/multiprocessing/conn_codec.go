package multiprocessing

import (
	"bytes"
	"errors"
	"fmt"
)

// SetCodec sets the codec Send and Recv use (DefaultCodec() when the Conn was made). Set it
// before the first Send or Recv; both ends must use the same codec.
func (c *Conn) SetCodec(codec Codec) {
	c.wmu.Lock()
	c.rmu.Lock()
	c.codec = codec
	c.enc, c.dec = nil, nil
	c.rmu.Unlock()
	c.wmu.Unlock()
}

// Codec returns the connection's codec.
func (c *Conn) Codec() Codec {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.codec
}

// Send encodes v with the connection's codec and sends it as one message.
// With gob, each direction of a connection is one gob stream: type
// descriptions go out once, so an end must not be handed from one sending
// process to another midway (a Queue encodes every message on its own for
// that). Python: send(obj).
func (c *Conn) Send(v any) error {
	if !c.writable {
		return ErrNotWritable
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.sendValuesLocked(v)
}

// sendValuesLocked encodes the values into one message and sends it.
func (c *Conn) sendValuesLocked(vs ...any) error {
	err := c.encodeFuncLocked(func(enc Encoder) error {
		for _, v := range vs {
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.flushEncodedLocked()
}

// encodeError is an error of the codec, as opposed to the connection.
type encodeError struct{ err error }

func (e *encodeError) Error() string { return "multiprocessing: encode: " + e.err.Error() }
func (e *encodeError) Unwrap() error { return e.err }

// appendFrameLocked appends to the send buffer one message holding whatever
// fn encodes. If fn fails, what the encoder wrote before failing (gob: the
// descriptions of new types) still goes out as that message, so that the
// peer's decoder stays in step; the peer fails to decode that one message.
func (c *Conn) appendFrameLocked(fn func(Encoder) error) error {
	if c.encBroken != nil {
		return c.encBroken
	}
	if c.enc == nil {
		c.enc = c.codec.NewEncoder(&c.ebuf)
	}
	start := c.ebuf.Len()
	if start == 0 {
		c.frames = 0
	}
	c.frames++
	c.ebuf.Write([]byte{0, 0, 0, 0})
	ferr := fn(c.enc)
	n := c.ebuf.Len() - start - 4
	if n > maxShortLen {
		c.encBroken = fmt.Errorf("multiprocessing: encoded message over 2 GiB")
		return c.encBroken
	}
	if ferr != nil && n == 0 {
		c.ebuf.Truncate(start)
		c.frames--
		return &encodeError{ferr}
	}
	b := c.ebuf.Bytes()[start:]
	b[0], b[1], b[2], b[3] = byte(n>>24), byte(n>>16), byte(n>>8), byte(n)
	if ferr != nil {
		return &encodeError{ferr}
	}
	return nil
}

// flushEncodedLocked writes the buffered messages in one system call.
func (c *Conn) flushEncodedLocked() error {
	if c.ebuf.Len() == 0 {
		return nil
	}
	fd, err := c.wref.acquire()
	if err != nil {
		return err
	}
	defer c.wref.release()
	if b := c.ebuf.Bytes(); c.bulk != nil && c.frames == 1 && len(b)-4 > smallMessage {
		err = c.sendBulkLocked(fd, b[4:])
	} else {
		err = writeFD(fd, b)
	}
	c.ebuf.Reset()
	if c.ebuf.Cap() > 4<<20 {
		c.ebuf = bytes.Buffer{}
	}
	return err
}

// Recv receives one message and decodes it into v, a pointer. io.EOF means
// the peer closed with nothing left to receive. Python: recv().
func (c *Conn) Recv(v any) error {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if err := c.recvMsgLocked(); err != nil {
		return err
	}
	return c.decodeLocked(v)
}

// recvMsgLocked receives one message and offers it to the decoder.
func (c *Conn) recvMsgLocked() error {
	if _, err := c.ref.acquire(); err != nil {
		return err
	}
	defer c.ref.release()
	msg, err := c.recvInto(&c.dbuf)
	if err != nil {
		return err
	}
	if cap(c.dbuf) > 4<<20 {
		c.dbuf = nil
	}
	if c.dec == nil {
		c.dec = c.codec.NewDecoder(&c.dsrc)
	}
	c.dsrc.b = msg
	return nil
}

// decodeLocked decodes the next value of the current message into v.
func (c *Conn) decodeLocked(v any) error {
	if err := c.dec.Decode(v); err != nil {
		return fmt.Errorf("multiprocessing: decode: %w", err)
	}
	return nil
}

// sendFunc sends, as one message, whatever fn encodes.
func (c *Conn) sendFunc(fn func(Encoder) error) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.encodeFuncLocked(fn); err != nil {
		return err
	}
	return c.flushEncodedLocked()
}

// encodeFuncLocked starts a fresh send buffer with one message holding
// what fn encodes; flushEncodedLocked sends it. On an encode error the
// buffer is sent at once (see appendFrameLocked). The caller holds wmu.
func (c *Conn) encodeFuncLocked(fn func(Encoder) error) error {
	c.ebuf.Reset()
	err := c.appendFrameLocked(fn)
	var ee *encodeError
	if errors.As(err, &ee) {
		if ferr := c.flushEncodedLocked(); ferr != nil {
			return ferr
		}
	}
	return err
}

// recvFunc receives one message and lets fn decode its values.
func (c *Conn) recvFunc(fn func(Decoder) error) error {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if err := c.recvMsgLocked(); err != nil {
		return err
	}
	return fn(c.dec)
}
