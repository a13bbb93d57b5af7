package multiprocessing

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sync"
	"sync/atomic"
)

// A Codec turns values into message payloads and back. A Conn keeps one
// Encoder for what it sends and one Decoder for what it receives, so a codec
// may keep state along a stream (gob sends a type's description only once).
// Python's multiprocessing pickles; a Go program picks a codec instead:
// JSONCodec, the default, or the gob codec of package
// runtime/multiprocessing/gobcodec, which carries any Go value gob can
// (interface values of registered types, NaNs, maps with any keys).
type Codec interface {
	// Name identifies the codec to child processes (see RegisterCodec).
	Name() string
	// NewEncoder returns an encoder writing to w.
	NewEncoder(w io.Writer) Encoder
	// NewDecoder returns a decoder reading from r; each message's payload
	// is offered to it as one stretch of r.
	NewDecoder(r io.Reader) Decoder
}

// Encoder encodes values; encoding/gob.Encoder satisfies it.
type Encoder interface {
	Encode(v any) error
}

// Decoder decodes values into pointers; encoding/gob.Decoder satisfies it.
type Decoder interface {
	Decode(v any) error
}

// JSONCodec encodes each value as one line of compact JSON (the document and
// a newline). It is the default codec. A Python peer reads a value with
// json.loads(conn.recv_bytes()) and answers with
// conn.send_bytes(json.dumps(v).encode()); a message may hold several
// values, one per line, as Go's Send of several values writes them.
// Interface values decode as JSON's generic types (float64, string, bool,
// []any, map[string]any), and NaN and infinities cannot be encoded: use the
// gob codec for those.
var JSONCodec Codec = jsonCodec{}

type jsonCodec struct{}

func (jsonCodec) Name() string { return "json" }
func (jsonCodec) NewEncoder(w io.Writer) Encoder {
	return &jsonEncoder{w: w}
}
func (jsonCodec) NewDecoder(r io.Reader) Decoder { return &jsonDecoder{r: r} }

// jsonEncoder writes one compact JSON document and a newline per value;
// json.Marshal escapes newlines in strings, so the newline ends the value.
type jsonEncoder struct{ w io.Writer }

func (e *jsonEncoder) Encode(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = e.w.Write(append(b, '\n'))
	return err
}

// jsonDecoder decodes the next value of the current message. From a
// connection (a *msgReader) it takes the line that holds the value, so
// that what follows it (more values, a pool's raw items) stays unread; from
// another reader it decodes a stream of documents.
type jsonDecoder struct {
	r  io.Reader
	jd *json.Decoder
}

func (d *jsonDecoder) Decode(v any) error {
	m, ok := d.r.(*msgReader)
	if !ok {
		if d.jd == nil {
			d.jd = json.NewDecoder(d.r)
		}
		return d.jd.Decode(v)
	}
	doc := m.b
	if i := bytes.IndexByte(m.b, '\n'); i >= 0 && i+1 < len(m.b) {
		// Unmarshal checks the whole document before it stores anything,
		// so a syntax error leaves v as it was. Go writes a document on
		// one line; one that goes on past the newline (a Python peer's
		// json.dumps with indent) is the whole message.
		err := json.Unmarshal(m.b[:i+1], v)
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			m.b = m.b[i+1:]
			return err
		}
	}
	m.b = nil
	if len(bytes.TrimSpace(doc)) == 0 {
		return io.EOF
	}
	return json.Unmarshal(doc, v)
}

var codecs = struct {
	sync.RWMutex
	m map[string]Codec
}{m: map[string]Codec{"json": JSONCodec}}

// RegisterCodec makes a codec known by its name, so that a child process
// started with it (PoolOptions.Codec, SetDefaultCodec) can find it. Register
// from init, in every process.
func RegisterCodec(c Codec) {
	codecs.Lock()
	defer codecs.Unlock()
	codecs.m[c.Name()] = c
}

// defaultCodec holds the process's default codec; nil means JSONCodec.
var defaultCodec atomic.Pointer[Codec]

// SetDefaultCodec sets the codec that connections start with and that
// process arguments, queues, managers and pools without a codec of their
// own use; nil restores JSONCodec. It registers c. Set it before starting
// processes or making connections: a child started by this package decodes
// its arguments with its parent's default codec and makes it its own, so
// only programs that meet without being parent and child (a Client of a
// manager, say) must set the same default themselves.
func SetDefaultCodec(c Codec) {
	if c == nil {
		defaultCodec.Store(nil)
		return
	}
	RegisterCodec(c)
	defaultCodec.Store(&c)
}

// DefaultCodec returns the process's default codec (JSONCodec unless
// SetDefaultCodec changed it).
func DefaultCodec() Codec {
	if c := defaultCodec.Load(); c != nil {
		return *c
	}
	return JSONCodec
}

// lookupCodec returns the codec registered under name, or the default
// codec for "".
func lookupCodec(name string) (Codec, bool) {
	if name == "" {
		return DefaultCodec(), true
	}
	codecs.RLock()
	defer codecs.RUnlock()
	c, ok := codecs.m[name]
	return c, ok
}

// exactCodec reports whether c's decoders read exactly the values they
// decode from a connection's message, leaving what follows them: the
// built-in codecs (JSON and gob), so that a pool's plain slices may travel
// as raw memory after the task's header.
func exactCodec(c Codec) bool {
	switch c.Name() {
	case "json", "gob":
		return true
	}
	return false
}
