package multiprocessing

import (
	"encoding/gob"
	"encoding/json"
	"io"
	"sync"
)

// A Codec turns values into message payloads and back. A Conn keeps one
// Encoder for what it sends and one Decoder for what it receives, so a codec
// may keep state along a stream: gob sends a type's description only once.
// Python's multiprocessing pickles; a Go program picks a codec instead.
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

// GobCodec encodes with encoding/gob, one stream per connection direction.
// It is the default codec.
var GobCodec Codec = gobCodec{}

// JSONCodec encodes each value as one JSON document: a Python peer can read
// it with json.loads(conn.recv_bytes()) and answer with
// conn.send_bytes(json.dumps(v).encode()).
var JSONCodec Codec = jsonCodec{}

type gobCodec struct{}

func (gobCodec) Name() string                   { return "gob" }
func (gobCodec) NewEncoder(w io.Writer) Encoder { return gob.NewEncoder(w) }
func (gobCodec) NewDecoder(r io.Reader) Decoder { return gob.NewDecoder(r) }

type jsonCodec struct{}

func (jsonCodec) Name() string { return "json" }
func (jsonCodec) NewEncoder(w io.Writer) Encoder {
	return &jsonEncoder{w: w}
}
func (jsonCodec) NewDecoder(r io.Reader) Decoder { return &jsonDecoder{r: r} }

// jsonEncoder writes one compact JSON document per value, without the
// newline json.Encoder adds.
type jsonEncoder struct{ w io.Writer }

func (e *jsonEncoder) Encode(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = e.w.Write(b)
	return err
}

// jsonDecoder decodes the rest of the current message as one document.
type jsonDecoder struct{ r io.Reader }

func (d *jsonDecoder) Decode(v any) error {
	b, err := io.ReadAll(d.r)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

var codecs = struct {
	sync.RWMutex
	m map[string]Codec
}{m: map[string]Codec{"gob": GobCodec, "json": JSONCodec}}

// RegisterCodec makes a codec known by its name, so that a child process
// started with it (PoolOptions.Codec) can find it. Register from init, in
// every process.
func RegisterCodec(c Codec) {
	codecs.Lock()
	defer codecs.Unlock()
	codecs.m[c.Name()] = c
}

// lookupCodec returns the codec registered under name, or gob for "".
func lookupCodec(name string) (Codec, bool) {
	if name == "" {
		return GobCodec, true
	}
	codecs.RLock()
	defer codecs.RUnlock()
	c, ok := codecs.m[name]
	return c, ok
}
